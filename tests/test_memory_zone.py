"""Chunks run in spaCy memory zones: the vocab forgets each chunk's new words, output is unchanged.

The words below are made up so that no model knows them: each is a string the zone must free, and
a memo entry learnt from it is one that must not outlive the zone.
"""

from __future__ import annotations

import pytest

from conftest import load_stock_model
from eventwire import spacy_memo
from eventwire.nlp import memory_zone

# inflected made-up words: the lemmatizer makes a new string for each ("flurble", "snargle")
NOVEL = "The Vrelkish envoys flurbled and quombered while the snargles were glimphing loudly."
NOVEL_2 = "Two Dastrovian couriers zintered the plonkets, and the yarbles kept wobbing."


def _sizes(nlp) -> tuple[int, int]:
    """Strings and lexemes held (``len(vocab)`` counts lexemes ever made, freed ones too)."""
    return len(nlp.vocab.strings), sum(1 for _ in nlp.vocab)


def _lemmas(doc) -> list[tuple[str, str, str]]:
    return [(t.text, t.pos_, t.lemma_) for t in doc]


@pytest.fixture(scope="module")
def stock():
    return load_stock_model()


@pytest.fixture
def memo_nlp():
    """A fresh memoised pipeline per test: the memos start empty and no made-up word is known."""
    nlp = load_stock_model()
    spacy_memo.install(nlp)
    return nlp


def _memos(nlp):
    return nlp.get_pipe("eventwire_lemma_memo"), nlp.get_pipe("eventwire_attribute_memo")


def _dangling(nlp) -> list[str]:
    """Memo entries naming a hash the string store no longer holds."""
    strings = nlp.vocab.strings
    lemma, attr = _memos(nlp)
    bad = [f"lemma {k}->{v}" for k, v in lemma.memo.items() if not all(h in strings for h in (k[0], k[2], v))]
    bad += [f"named {k}" for k in attr.is_named if k not in strings]
    bad += [f"token {k}" for k in attr.by_token if isinstance(k[0], int) and k[0] not in strings]
    bad += [f"lemmatizer {k}" for k in lemma.lemmatizer.cache if k[0] not in strings]
    return bad


def test_a_zone_frees_its_new_words_and_the_memos_forget_them(memo_nlp, stock) -> None:
    nlp = memo_nlp
    nlp("The envoys met and talked while the guards were waiting.")  # the common words, outside
    before = _sizes(nlp)
    with memory_zone(nlp):
        doc = nlp(NOVEL)
        assert _sizes(nlp)[0] > before[0] and _sizes(nlp)[1] > before[1]  # the zone saw new words
        assert _lemmas(doc) == _lemmas(stock(NOVEL))
    assert _sizes(nlp) == before
    assert "flurbled" not in nlp.vocab.strings and "flurble" not in nlp.vocab.strings
    assert _dangling(nlp) == []
    lemma, _attr = _memos(nlp)
    assert lemma.memo, "the memo keeps what it learnt about known words"


def test_a_word_memoised_in_one_zone_is_lemmatised_right_in_the_next(memo_nlp, stock) -> None:
    """The hazard: a memo hit in a later zone on a lemma hash whose string the first zone freed."""
    nlp = memo_nlp
    want = _lemmas(stock(NOVEL))
    for _ in range(3):
        with memory_zone(nlp):
            assert _lemmas(nlp(NOVEL)) == want
    assert _lemmas(nlp(NOVEL)) == want  # and outside any zone


@pytest.mark.parametrize("how", ["nlp.memory_zone", "vocab.memory_zone"])
def test_zones_opened_without_the_helper_are_safe_too(memo_nlp, stock, how) -> None:
    """A library caller may open spaCy's zone itself and never call ``settle``."""
    nlp = memo_nlp
    zone = nlp.memory_zone if how == "nlp.memory_zone" else nlp.vocab.memory_zone
    want = _lemmas(stock(NOVEL)), _lemmas(stock(NOVEL_2))
    for _ in range(2):
        with zone():
            assert (_lemmas(nlp(NOVEL)), _lemmas(nlp(NOVEL_2))) == want
            assert _lemmas(nlp(NOVEL)) == want[0]  # a second doc in the same zone
    assert (_lemmas(nlp(NOVEL)), _lemmas(nlp(NOVEL_2))) == want  # then outside any zone
    assert _dangling(nlp) == []


def test_the_memos_refuse_to_be_built_inside_a_zone(memo_nlp) -> None:
    with memo_nlp.memory_zone(), pytest.raises(RuntimeError, match="outside a spaCy memory zone"):
        spacy_memo.LemmaMemo(memo_nlp.get_pipe("lemmatizer"))
