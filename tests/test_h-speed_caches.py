"""The cheap look-ups on the extractors' hot paths answer as the slow ones did."""

from __future__ import annotations

import shutil

from eventwire.analyse.nlp import get_nlp
from eventwire.analyse.parse import parse_one
from eventwire.lexicon import data_dir
from eventwire.lexicon.cache import data_key
from eventwire.lexicon.wordsets import words


def test_data_key_follows_the_environment(monkeypatch, tmp_path):
    """Set, changed or removed through os.environ, the key changes with the data folder."""
    monkeypatch.delenv("EVENTWIRE_DATA", raising=False)
    unset = data_key()
    monkeypatch.setenv("EVENTWIRE_DATA", str(tmp_path / "a"))
    first = data_key()
    monkeypatch.setenv("EVENTWIRE_DATA", str(tmp_path / "b"))
    second = data_key()
    assert len({unset, first, second}) == 3
    monkeypatch.delenv("EVENTWIRE_DATA")
    assert data_key() == unset


def test_word_lists_are_read_from_the_folder_in_use(monkeypatch, tmp_path):
    """An analyst's copy of the data with an edited list is seen as soon as it is named."""
    shipped = words("clauses")
    copy = tmp_path / "data"
    shutil.copytree(data_dir(), copy)
    path = copy / "clauses.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("recipient_preps: [", "recipient_preps: [zzyzxword, ", 1), encoding="utf-8")
    monkeypatch.setenv("EVENTWIRE_DATA", str(copy))
    assert "zzyzxword" in words("clauses").recipient_preps
    assert "zzyzxword" not in shipped.recipient_preps
    monkeypatch.delenv("EVENTWIRE_DATA")
    assert words("clauses") is shipped


def test_text_doc_indexing_before_and_after_release():
    """doc[i] gives the same tokens whether the token list is built, released or built again."""
    doc = parse_one(get_nlp(), "Envoys met in Lima. They signed a pact.")
    first = [doc[i].text for i in range(len(doc))]
    assert doc[0] is doc[0] and doc[-1].text == "."
    doc.release()
    assert [doc[i].text for i in range(len(doc))] == first == [t.text for t in doc]
    assert doc[1:3].text == "met in"
