"""The prefilter saves parsing without changing what is extracted."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import export_all
from eventwire.analyse import prefilter
from eventwire.analyse.nlp import get_nlp
from eventwire.analyse.parse import parse_many
from eventwire.run.ingest import ingest
from eventwire.run.local import LocalEngine
from eventwire.store import Store


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def test_trigger_sentences_are_parsed_background_is_not(nlp) -> None:
    lex = prefilter.lexicon(nlp)
    assert prefilter.needs_parse("Turkey accused Greece of violating its airspace.", lex)
    assert prefilter.needs_parse("He condemned the attack on the embassy.", lex)  # pronoun actor
    assert prefilter.needs_parse("The ministers met in Oslo on Tuesday.", lex)  # irregular form, name
    assert prefilter.needs_parse('"We will never give up," she told reporters.', lex)  # quote
    assert prefilter.needs_parse("Exports to Japan rose 5 percent to $3 billion.", lex)  # figure
    assert prefilter.needs_parse("Malaysia ordered two corvettes from a Turkish shipyard.", lex)  # deal
    # a verb ending in -ee keeps its stem in every form ("agreed" was once read as "agr")
    assert prefilter.needs_parse("Peru and Chile have agreed upon a new pact.", lex)
    assert prefilter.needs_parse("Peru agrees to a new pact.", lex)
    assert not prefilter.needs_parse("The weather was mild and markets were quiet.", lex)
    assert not prefilter.needs_parse("It rained for most of the afternoon in the valley.", lex)
    # a capitalised trigger inside a sentence is a name, not a verb ("March" the month)
    assert not prefilter.needs_parse("Shareholders of record on March 16 are eligible.", lex)


def test_cheap_sentences_respect_abbreviations_and_tile_the_text(nlp) -> None:
    text = "Mr. Smith met U.S. officials in Washington. They left.\n\nA new paragraph starts here!  Done."
    spans = prefilter.sentence_spans(text, prefilter.lexicon(nlp))
    assert [text[s:e].strip() for s, e in spans] == [
        "Mr. Smith met U.S. officials in Washington.",
        "They left.",
        "A new paragraph starts here!",
        "Done.",
    ]
    segs = prefilter.plan(text, prefilter.lexicon(nlp))
    assert segs[0].start == 0 and segs[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(segs, segs[1:], strict=False))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "The weather was mild.",
        "Turkey accused Greece of violating its airspace. The weather was mild.\n\nMarkets were quiet.  "
        'Officials said "we will respond", the minister told reporters in Athens.\n',
        "No punctuation at all just words running on and on",
        "Ünïcödé names: Recep Tayyip Erdoğan met Kyriakos Mitsotakis in İstanbul.\u2028Then left.",
    ],
)
def test_joined_doc_covers_the_exact_text(nlp, text: str) -> None:
    (doc,) = list(parse_many(nlp, [text], use_prefilter=True))
    (full,) = list(parse_many(nlp, [text], use_prefilter=False))
    assert doc.text == text
    assert [t.text for t in doc] == [t.text for t in full]
    assert [(t.idx, t.whitespace_) for t in doc] == [(t.idx, t.whitespace_) for t in full]
    if len(doc):
        sents = list(doc.sents)
        assert sents[0].start_char == 0 and sents[-1].end_char == len(text)
    for ent in doc.ents:
        assert text[ent.start_char : ent.end_char] == ent.text


def test_skipped_sentences_are_separate_and_unparsed(nlp) -> None:
    text = "Turkey accused Greece of violating its airspace. The weather was mild. It rained later."
    (doc,) = list(parse_many(nlp, [text], use_prefilter=True))
    sents = [s.text.strip() for s in doc.sents]
    assert sents == [
        "Turkey accused Greece of violating its airspace.",
        "The weather was mild.",
        "It rained later.",
    ]
    assert {t.dep_ for t in doc[:5]} - {""}, "the trigger sentence is parsed"
    tail = list(doc.sents)[1]
    assert all(t.dep_ == "" and t.pos_ == "" for t in tail), "background is only tokenised"


def test_prefilter_switch_off_parses_everything(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The weather was mild. It rained later."
    monkeypatch.setenv("EVENTWIRE_PREFILTER", "0")
    (doc,) = list(parse_many(nlp, [text]))
    assert all(t.pos_ for t in doc)
    monkeypatch.setenv("EVENTWIRE_PREFILTER", "1")
    (doc,) = list(parse_many(nlp, [text]))
    assert not any(t.pos_ for t in doc)


def test_seed_exports_equal_with_and_without_prefilter(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = {}
    for flag in ("0", "1"):
        monkeypatch.setenv("EVENTWIRE_PREFILTER", flag)
        url = f"sqlite:///{tmp_path / f'p{flag}.db'}"
        store = Store(url)
        ingest([str(seeds_dir)], store, engine=LocalEngine(workers=1))
        store.close()
        got[flag] = export_all(url)
    assert got["0"]["events"], "seeds must yield events"
    for kind in ("articles", "events", "deals", "figures", "quotes", "actors"):
        assert got["1"][kind] == got["0"][kind], f"{kind} change with the prefilter on"


def test_joined_doc_tokens_are_made_once_and_behave_like_spacys(nlp) -> None:
    text = "Chile's foreign minister met Peru's envoy in Lima. Talks on fishing rights will resume in May."
    doc = next(parse_many(nlp, [text], use_prefilter=False))
    plain = nlp(text)
    assert [t.text for t in doc] == [t.text for t in plain]
    assert doc[0] is doc[0] and next(iter(doc)) is doc[0]  # cached, not rebuilt
    assert doc[-1].text == plain[-1].text and doc[2:4].text == plain[2:4].text
    assert [(t.dep_, t.head.i, [c.i for c in t.children]) for t in doc] == [
        (t.dep_, t.head.i, [c.i for c in t.children]) for t in plain
    ]
    with pytest.raises(IndexError):
        doc[len(doc)]
    doc.release()
    assert [t.text for t in doc] == [t.text for t in plain]  # rebuilt on demand after release
