"""Chunks run in spaCy memory zones: the vocab forgets each chunk's new words, output is unchanged.

The words below are made up so that no model knows them: each is a string the zone must free, and
a memo entry learnt from it is one that must not outlive the zone.
"""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from conftest import load_stock_model
from eventwire.analyse import memo as spacy_memo
from eventwire.analyse.nlp import get_nlp, memory_zone
from eventwire.model import Article
from eventwire.run.article import process_texts

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


# -------------------------------------------------------------------------------- whole pipeline

TEXTS = [
    "Chile accused Peru on Friday of seizing two fishing boats, the Vrelkish coast guard said.",
    '"We will never give up," the Zandrovian minister Ana Torres told reporters in Lima.',
    "Canada pledged $15 million in aid to Ghana after the snargled harvests, officials said.",
    "Exports of glimphets to Brazil rose 7 percent to 4 billion euros last year.",
]
AGAIN = [  # a later chunk that reuses the first one's made-up words in other forms
    "Peru accused Chile of flurbling its waters, a Vrelkish envoy said on Sunday.",
    "Ghana thanked Canada for the glimphets and the snargled grain, the Zandrovian envoy said.",
]


def _articles(texts: list[str], tag: str) -> list[Article]:
    return [
        Article(id=f"{tag}{i}", path=f"/z/{tag}{i}.txt", text=t, published="2024-05-06")
        for i, t in enumerate(texts)
    ]


def _plain(value, path="x") -> None:
    """Assert an extraction holds only plain Python data (no Doc, Span, Token or Lexeme)."""
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            _plain(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            _plain(v, f"{path}[{i}]")
    elif isinstance(value, dict):
        for k, v in value.items():
            _plain(k, f"{path}<key>")
            _plain(v, f"{path}[{k!r}]")
    else:
        assert value is None or type(value) in (str, int, float, bool), f"{path}: {type(value)}"


def test_zones_change_no_output_and_leave_the_vocab_as_it_was(monkeypatch) -> None:
    nlp = get_nlp()
    process_texts(_articles(["Norway and Japan signed a trade pact in Oslo on Monday."], "w"))
    before = _sizes(nlp)
    zoned = [process_texts(_articles(TEXTS, "a")), process_texts(_articles(AGAIN, "b"))]
    assert _sizes(nlp) == before
    assert _dangling(nlp) == []
    for exts in zoned:
        for e in exts:
            _plain(e)
            pickle.dumps(e)

    monkeypatch.setenv("EVENTWIRE_MEMORY_ZONE", "0")
    plain = [process_texts(_articles(TEXTS, "a")), process_texts(_articles(AGAIN, "b"))]
    assert _sizes(nlp)[0] > before[0]  # without zones the made-up words stay
    assert [[e.to_dict() for e in x] for x in zoned] == [[e.to_dict() for e in x] for x in plain]
    events = sum(len(e.events) for x in zoned for e in x)
    quotes = sum(len(e.quotes) for x in zoned for e in x)
    figures = sum(len(e.figures) for x in zoned for e in x)
    assert events >= 4 and quotes >= 1 and figures >= 3, "equality must not be vacuous"


def test_lazily_built_tables_put_no_string_in_the_vocab(monkeypatch) -> None:
    """Extractors build their tables on first use, which may be inside a chunk's zone: that is only
    safe while they read nothing into spaCy's vocab (a Matcher built there would lose its words)."""
    from eventwire.analyse import prefilter
    from eventwire.extract import deals, figures, money, quotes
    from eventwire.extract.time import lexicon as timex_lexicon
    from eventwire.extract.time import rules as timex_rules
    from eventwire.lexicon.events import load_rules
    from eventwire.link import knowledge, places

    nlp = get_nlp()
    before = _sizes(nlp)
    for build in (load_rules, timex_lexicon.lexicon, money.lexicon, figures.lexicon, deals.lexicon):
        build.__wrapped__()
    for build in (quotes.lexicon, knowledge.get_lexicon, places._index):
        build.__wrapped__()
    prefilter.lexicon.__wrapped__(nlp)
    monkeypatch.setattr(timex_rules, "_RULES", None)
    timex_rules.rules()
    assert _sizes(nlp) == before


def test_a_pool_worker_gives_free_heap_pages_back_after_each_chunk(monkeypatch) -> None:
    from eventwire.run import local as pipeline

    calls: list[int] = []
    monkeypatch.setattr(pipeline, "_malloc_trim", lambda: calls.append)
    arts = _articles(TEXTS[:1], "t")
    assert [e.to_dict() for e in pipeline._worker_chunk(arts)] == [e.to_dict() for e in process_texts(arts)]
    assert calls == [0]
