"""Event dates from the clause that states the act (issue 16, item 4): a "since" date the parser
reads as a clause opener, a relative clause told in another tense than the date's clause, and a
conjunct of a reported intent. Every sentence here is invented."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from eventwire.extract.context import DocContext
from eventwire.extract.time.dating import date_events
from eventwire.extract.time.tagger import tag
from eventwire.model import Article, Event


@pytest.fixture(scope="module")
def parser():
    from eventwire.analyse.nlp import ModelMissing, get_nlp

    try:
        return get_nlp()
    except ModelMissing:  # pragma: no cover - the model is a declared dependency
        pytest.skip("spaCy model not installed")


def _event(ctx: DocContext, text: str, trigger: str, **kw) -> Event:
    start = text.index(trigger)
    event = kw.pop("event", "CONSULT")
    ev = Event(id="e1", event=event, trigger_start=start, trigger_end=start + len(trigger), **kw)
    date_events(ctx, [ev])
    return ev


def _date(nlp, text: str, trigger: str, dct: str, **kw) -> Event:
    art = Article(id="a1", path="a.txt", text=text, published=dct)
    ctx = DocContext(article=art, doc=nlp(text), dct=dct, timexes=tag(text, dct))
    return _event(ctx, text, trigger, **kw)


# "The plan they had worked on since 2016 constituted a breach, the envoy said ." as a parser may
# misread it: "since" a subordinator of "constituted", the year its subject
_WORDS = "The plan they had worked on since 2016 constituted a breach , the envoy said .".split()
_SPACES = [True] * len(_WORDS)
_SPACES[10] = _SPACES[14] = _SPACES[15] = False
_PARSE = [  # head, dep, pos, tag, lemma
    (1, "det", "DET", "DT", "the"),
    (14, "dep", "NOUN", "NN", "plan"),
    (4, "nsubj", "PRON", "PRP", "they"),
    (4, "aux", "AUX", "VBD", "have"),
    (1, "relcl", "VERB", "VBN", "work"),
    (4, "prt", "ADP", "RP", "on"),
    (8, "mark", "SCONJ", "IN", "since"),
    (8, "nsubj", "NUM", "CD", "2016"),
    (4, "advcl", "VERB", "VBD", "constitute"),
    (10, "det", "DET", "DT", "a"),
    (8, "dobj", "NOUN", "NN", "breach"),
    (14, "punct", "PUNCT", ",", ","),
    (13, "det", "DET", "DT", "the"),
    (14, "nsubj", "NOUN", "NN", "envoy"),
    (14, "ROOT", "VERB", "VBD", "say"),
    (14, "punct", "PUNCT", ".", "."),
]


def _misparsed() -> tuple[str, Doc]:
    doc = Doc(
        spacy.blank("en").vocab,
        words=_WORDS,
        spaces=_SPACES,
        heads=[r[0] for r in _PARSE],
        deps=[r[1] for r in _PARSE],
        pos=[r[2] for r in _PARSE],
        tags=[r[3] for r in _PARSE],
        lemmas=[r[4] for r in _PARSE],
        sent_starts=[True] + [False] * (len(_WORDS) - 1),
    )
    return doc.text, doc


def test_since_a_date_read_as_a_clause_opener_bounds_the_clause_before() -> None:
    text, doc = _misparsed()
    art = Article(id="a1", path="a.txt", text=text, published="2024-06-14")
    ctx = DocContext(article=art, doc=doc, dct="2024-06-14", timexes=tag(text, "2024-06-14"))
    ev = _event(ctx, text, "breach", event="ACCUSE")
    assert (ev.date, ev.date_source) == ("2024-06-14", "article")  # the saying is the news
    ev = _event(ctx, text, "worked", event="COOPERATE")
    assert ev.date is None  # the work ran since 2016: no day dates it


def test_since_a_date_still_makes_a_run_of_acts(parser) -> None:
    text = "Since 2019 the agency has signed forty contracts with foreign buyers."
    assert _date(parser, text, "signed", "2024-06-14", event="AGREE").date is None


def test_relative_clause_in_the_pluperfect_keeps_no_date_of_its_host(parser) -> None:
    text = "A tanker which Oslo had warned to leave the zone sailed north yesterday."
    ev = _date(parser, text, "warned", "2024-06-14", event="THREATEN")
    assert ev.date is None
    text = "The tanker that Oslo warned last month sailed north yesterday."
    ev = _date(parser, text, "warned", "2024-06-14", event="THREATEN")
    assert ev.date == "2024-05"  # its own date still dates it


def test_conjunct_of_a_reported_intent_is_dated_by_the_report(parser) -> None:
    text = "Ito said he told the envoy in March that Japan would not retreat and abandon the talks."
    ev = _date(parser, text, "abandon", "2024-06-14", event="REJECT", future=True)
    assert (ev.date, ev.date_precision) == ("2024-03", "month")


# ---- background told by the words of the clause


def test_a_run_of_acts_up_to_the_story_takes_no_story_date(parser) -> None:
    for text, trigger in (
        ("Seoul has long accused Tokyo of hiding the facts.", "accused"),
        ("Seoul has repeatedly accused Tokyo of hiding the facts.", "accused"),
        ("To date, Lima has defended the sale and conceded only minor errors.", "conceded"),
    ):
        assert _date(parser, text, trigger, "2024-06-14", event="ACCUSE").date is None, text
    ev = _date(parser, "Seoul accused Tokyo of hiding the facts.", "accused", "2024-06-14", event="ACCUSE")
    assert ev.date == "2024-06-14"


def test_a_marker_on_a_later_conjunct_does_not_speak_for_the_first(parser) -> None:
    text = "Lima signed the deal and has repeatedly accused Quito of fraud."
    assert _date(parser, text, "signed", "2024-06-14", event="AGREE").date == "2024-06-14"
    assert _date(parser, text, "accused", "2024-06-14", event="ACCUSE").date is None


def test_a_perfect_existential_tells_a_run_of_meetings(parser) -> None:
    text = "There have been a number of discussions between the two camps, he said."
    assert _date(parser, text, "discussions", "2024-06-14").date is None
    text = "There were talks between the two camps on the border, he said."
    assert _date(parser, text, "talks", "2024-06-14").date == "2024-06-14"


def test_a_relative_clause_about_what_a_noun_did_before_is_background(parser) -> None:
    text = "The stance has angered London, which has threatened to retaliate, and Paris."
    assert _date(parser, text, "threatened", "2024-06-14", event="THREATEN").date is None
    text = "At those talks Rossi, who declined to attend the spring summit, agreed to help."
    assert _date(parser, text, "declined", "2024-06-14", event="REJECT").date is None
    assert _date(parser, text, "agreed", "2024-06-14", event="AGREE").date == "2024-06-14"
    text = "Rossi, who arrived in Paris on Monday, met Macron."
    assert _date(parser, text, "arrived", "2024-06-14").date == "2024-06-10"  # its own date


# ---- the date of the saying does not refine the act's


def test_a_finer_date_of_the_report_does_not_refine_the_acts(parser) -> None:
    text = "Seoul accused Tokyo of dumping earlier this month, officials said on Friday."
    ev = _date(parser, text, "accused", "2024-06-14", event="ACCUSE")
    assert (ev.date, ev.date_precision) == ("2024-06", "month")
    text = "Seoul accused Tokyo of dumping, officials said on Friday."
    assert _date(parser, text, "accused", "2024-06-14", event="ACCUSE").date == "2024-06-14"


def test_an_act_going_on_up_to_the_story_is_not_its_news(parser) -> None:
    text = "Kenya and Peru have been holding talks on the currency, sources said."
    assert _date(parser, text, "talks", "2024-06-14").date is None
    text = "Kenya and Peru held talks on the currency, sources said."
    assert _date(parser, text, "talks", "2024-06-14").date == "2024-06-14"
    text = "Lima said the bank had been urging Quito to cut spending."
    assert _date(parser, text, "urging", "2024-06-14", event="REQUEST").date is None


def test_a_perfect_participle_tells_what_was_done_before(parser) -> None:
    text = "Rossi, having said before the vote that he favoured lower rates, left the party."
    assert _date(parser, text, "said", "2024-06-14", event="REQUEST").date is None
    text = "Having signed the pact on Monday, Oslo left."
    assert _date(parser, text, "signed", "2024-06-14", event="AGREE").date == "2024-06-10"


def test_the_date_of_a_purpose_ahead_is_not_the_seeking(parser) -> None:
    text = "Oslo is seeking a loan to cover its deficit in 2025."
    ev = _date(parser, text, "seeking", "2024-06-14", event="REQUEST")
    assert (ev.date, ev.date_source) == ("2024-06-14", "article")


def test_then_after_the_verb_points_back_to_an_earlier_time(parser) -> None:
    text = "The Soviets rejected the offer then on the grounds that it was too small."
    assert _date(parser, text, "rejected", "2024-06-12", event="REJECT").date is None
    text = "The Soviets met the envoy and then rejected the offer."
    assert _date(parser, text, "rejected", "2024-06-12", event="REJECT").date == "2024-06-12"


def test_a_yearless_month_of_an_act_to_come_lies_ahead(parser) -> None:
    text = "Troops will leave the town in December."
    ev = _date(parser, text, "leave", "2024-01-10", event="RETREAT", future=True)
    assert (ev.date, ev.date_precision) == ("2024-12", "month")
    ev = _date(parser, "Troops left the town on Friday.", "left", "2024-01-10", event="RETREAT")
    assert ev.date == "2024-01-05"
