"""Folding names: accents, case and spacing never tell two spellings apart."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventwire.link.names import _fold_unicode, fold


def test_accents_case_and_spacing_fold_away():
    assert fold("Yaşar  Güler") == fold("yasar guler") == "yasar guler"
    assert fold(" Dato’ Seri\tAnwar ") == "dato' seri anwar"
    assert fold("İstanbul") == fold("Istanbul")
    assert fold("STRASSE") == fold("Straße")


@given(st.text(max_size=40))
def test_the_ascii_shortcut_folds_as_the_full_path_does(s):
    assert fold(s) == _fold_unicode(s)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_text_takes_the_shortcut_and_agrees(s):
    assert fold(s) == _fold_unicode(s)
