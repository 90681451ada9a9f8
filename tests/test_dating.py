"""Event dating, TIMEX values as periods, and the inferred date of undated articles."""

from __future__ import annotations

import re

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from eventwire.extract.context import DocContext
from eventwire.extract.time.dating import _span_end, _span_start, date_events, infer_dct, timex_to_range
from eventwire.extract.time.tagger import tag
from eventwire.model import Article, Event


@pytest.fixture(scope="module")
def nlp():
    n = spacy.blank("en")
    n.add_pipe("sentencizer")
    return n


def _date(nlp, text: str, trigger: str, dct: str | None, inferred: bool = False, nth: int = 0, **kw) -> Event:
    art = Article(id="a1", path="a.txt", text=text, published=dct, published_inferred=inferred)
    ctx = DocContext(article=art, doc=nlp(text), dct=dct, timexes=tag(text, dct))
    start = -1
    for _ in range(nth + 1):
        start = text.index(trigger, start + 1)
    event = kw.pop("event", "CONSULT")
    ev = Event(id="e1", event=event, trigger_start=start, trigger_end=start + len(trigger), **kw)
    date_events(ctx, [ev])
    return ev


def test_same_sentence_date(nlp) -> None:
    ev = _date(nlp, "Diplomatic relations were established in 1964.", "established", "2024-08-20")
    assert (ev.date, ev.enddate, ev.date_precision, ev.date_source) == ("1964", None, "year", "1964")


def test_relative_past_date_never_article_date(nlp) -> None:
    ev = _date(nlp, "The ministers met in Istanbul last July.", "met", "2025-11-20")
    assert (ev.date, ev.date_precision) == ("2025-07", "month")


def test_range_gives_date_and_enddate(nlp) -> None:
    ev = _date(nlp, "The talks took place during his visit from Jan. 6 to 8.", "visit", "2026-01-10")
    assert (ev.date, ev.enddate, ev.date_precision) == ("2026-01-06", "2026-01-08", "day")


def test_more_precise_nested_date_wins(nlp) -> None:
    text = "They held talks during the Expo 2025 fair in Paris last July."
    ev = _date(nlp, text, "talks", "2025-11-20")
    assert ev.date == "2025-07"


def test_nearest_date_in_sentence(nlp) -> None:
    text = "The envoys met on Monday; a treaty had been signed in 2019."
    ev = _date(nlp, text, "met", "2026-01-08")
    assert ev.date == "2026-01-05"
    ev2 = _date(nlp, text, "signed", "2026-01-08")
    assert ev2.date == "2019"


def test_discourse_carries_the_date(nlp) -> None:
    text = "The minister visited Ankara on June 11, 2024. The visit strengthened defence ties."
    ev = _date(nlp, text, "visit", "2025-03-01", nth=1)
    assert (ev.date, ev.date_source) == ("2024-06-11", "June 11, 2024")


def test_article_date_for_news_without_a_date(nlp) -> None:
    ev = _date(nlp, "The two leaders met in Ankara to discuss trade.", "met", "2026-01-07")
    assert (ev.date, ev.date_precision, ev.date_source) == ("2026-01-07", "day", "article")


def test_inferred_article_date_is_marked(nlp) -> None:
    ev = _date(nlp, "The two leaders met in Ankara to discuss trade.", "met", "2026-01", inferred=True)
    assert (ev.date, ev.date_precision, ev.date_source) == ("2026-01", "month", "inferred")


@pytest.mark.parametrize(
    ("text", "trigger", "kw"),
    [
        ("The two countries had previously signed a defence pact.", "signed", {}),
        ("The two sides will sign a defence pact.", "sign", {}),
        ("The two sides agreed to joint patrols.", "patrols", {"future": True, "event": "COOPERATE"}),
        ("Over the last decade the two nations strengthened their ties.", "strengthened", {}),
    ],
)
def test_no_article_date_for_past_or_future(nlp, text: str, trigger: str, kw: dict) -> None:
    ev = _date(nlp, text, trigger, "2026-01-07", **kw)
    assert ev.date is None


def test_durations_and_sets_never_date(nlp) -> None:
    ev = _date(nlp, "Ships will be delivered within three years.", "delivered", "2026-01-07")
    assert ev.date is None


def test_no_dct_and_no_date_leaves_event_undated(nlp) -> None:
    ev = _date(nlp, "The two leaders met in Ankara.", "met", None)
    assert ev.date is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-08-20", ("2024-08-20", None, "day")),
        ("2024-08-20T10:00", ("2024-08-20", None, "day")),
        ("2025-07", ("2025-07", None, "month")),
        ("2023", ("2023", None, "year")),
        ("2026-Q1", ("2026-01", "2026-03", "quarter")),
        ("2026-H2", ("2026-07", "2026-12", "half")),
        ("2026-SU", ("2026-06", "2026-08", "season")),
        ("2026-WI", ("2025-12", "2026-02", "season")),
        ("2026-W02", ("2026-01-05", "2026-01-11", "week")),
        ("2026-W02-WE", ("2026-01-10", "2026-01-11", "weekend")),
        ("199", ("1990", "1999", "decade")),
        ("19", ("1900", "1999", "century")),
        ("PAST_REF", None),
        ("P3Y", None),
        ("XXXX-07", None),
        ("", None),
    ],
)
def test_timex_to_range(value: str, expected) -> None:
    assert timex_to_range(value) == expected


# ---- undated articles


def test_infer_dct_from_a_year_rollover() -> None:
    text = (
        "Exports reached $2 billion from January to November 2025, officials said.\n"
        "The prime minister's visit took place from Jan. 6 to 8."
    )
    assert infer_dct(text) == ("2026-01", True)


def test_infer_dct_needs_year_less_dates() -> None:
    text = "The minister visited Ankara on June 11, 2024. He tweeted on Aug. 23, 2024, about the talks."
    assert infer_dct(text) == (None, False)


def test_infer_dct_year_less_date_that_fits_before_the_floor() -> None:
    text = "The minister flew in on Aug. 20, 2024. A memorandum was signed in June."
    assert infer_dct(text) == (None, False)


def test_infer_dct_nothing_to_go_on() -> None:
    assert infer_dct("The two countries share a long history.") == (None, False)
    assert infer_dct("") == (None, False)


def test_infer_dct_ignores_future_references() -> None:
    text = "The plant will open in March 2030. Workers were hired on Jan. 5."
    assert infer_dct(text) == (None, False)


def test_definite_reference_takes_its_antecedents_date(nlp) -> None:
    text = (
        "The premier arrived for a visit from Jan. 6 to 8.\n"
        "Officials welcomed the premier.\n"
        "The visit ended with a dinner."
    )
    ev = _date(nlp, text, "visit", "2026-01", inferred=True, nth=1)
    assert (ev.date, ev.enddate) == ("2026-01-06", "2026-01-08")


def test_new_definite_description_is_not_a_reference_back(nlp) -> None:
    text = "The premier held a meeting on Jan. 6.\nLater, the first meeting of the council opened."
    ev = _date(nlp, text, "meeting", "2026-01-09", nth=1)
    assert ev.date != "2026-01-06"


def test_no_carry_across_paragraphs_without_a_reference_back(nlp) -> None:
    text = "The initiative was announced in 2019.\nAnwar agreed that ties should grow."
    ev = _date(nlp, text, "agreed", "2026-01-08")
    assert (ev.date, ev.date_source) == ("2026-01-08", "article")


def test_since_and_until_dates_do_not_date_the_event(nlp) -> None:
    ev = _date(nlp, "The index fell to its lowest level since 2003.", "fell", "2008-10-09")
    assert (ev.date, ev.date_source) == ("2008-10-09", "article")


def test_bare_year_in_previous_sentence_is_not_carried(nlp) -> None:
    text = "The plant opened in 1998. Shares dropped sharply."
    ev = _date(nlp, text, "dropped", "2008-10-09")
    assert ev.date_source == "article"


def test_day_in_previous_sentence_is_carried(nlp) -> None:
    text = "Rebels attacked the town on March 3, 2025. Dozens fled."
    ev = _date(nlp, text, "fled", "2025-03-05")  # the lead's day: the episode
    assert ev.date == "2025-03-03"
    ev = _date(nlp, text, "fled", "2025-03-20")  # weeks before the story: background
    assert ev.date == "2025-03-20"


def test_marker_far_from_the_event_does_not_block_article_date(nlp) -> None:
    text = (
        "The ministers signed the accord in the capital after long talks with the delegations of both "
        "neighbouring states, which had previously rejected it."
    )
    ev = _date(nlp, text, "signed", "2026-01-07")
    assert ev.date == "2026-01-07"


def test_event_said_of_a_dated_visit_shares_its_date(nlp) -> None:
    text = "The premier paid a visit from Jan. 6 to 8.\nTrade was discussed.\nThe visit marked the first meeting of the council."
    ev = _date(nlp, text, "meeting", "2026-01", inferred=True)
    assert (ev.date, ev.enddate) == ("2026-01-06", "2026-01-08")


def test_non_event_noun_does_not_carry_a_date(nlp) -> None:
    text = "The minister visited Ankara on June 11, 2024.\nTrade grew.\nThe minister praised the deal."
    ev = _date(nlp, text, "praised", "2025-03-01")
    assert ev.date == "2025-03-01"


def test_date_span_gives_a_figure_its_period(nlp) -> None:
    from eventwire.extract.time.dating import date_span

    text = "Trade between the two countries reached about $5 billion from January to November 2025."
    art = Article(id="a1", path="a.txt", text=text, published="2026-01-10")
    ctx = DocContext(article=art, doc=nlp(text), dct="2026-01-10", timexes=tag(text, "2026-01-10"))
    i = text.index("$5 billion")
    d = date_span(ctx, i, i + 10, article_date=False)
    assert d is not None
    assert (d.date, d.enddate, d.precision) == ("2025-01", "2025-11", "month")


def test_date_span_without_article_date(nlp) -> None:
    from eventwire.extract.time.dating import date_span

    text = "The two sides set a target of $10 billion."
    art = Article(id="a1", path="a.txt", text=text, published="2026-01-10")
    ctx = DocContext(article=art, doc=nlp(text), dct="2026-01-10", timexes=tag(text, "2026-01-10"))
    assert date_span(ctx, 30, 41, article_date=False) is None
    assert date_span(ctx, 30, 41).source == "article"


_VALUES = st.one_of(
    st.builds(
        lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}",
        st.integers(1000, 2999),
        st.integers(1, 12),
        st.integers(1, 28),
    ),
    st.builds(lambda y, m: f"{y:04d}-{m:02d}", st.integers(1000, 2999), st.integers(1, 12)),
    st.builds(lambda y, q: f"{y:04d}-Q{q}", st.integers(1000, 2999), st.integers(1, 4)),
    st.builds(
        lambda y, s: f"{y:04d}-{s}", st.integers(1000, 2999), st.sampled_from(["SP", "SU", "FA", "WI"])
    ),
    st.builds(lambda y, w: f"{y:04d}-W{w:02d}", st.integers(1000, 2999), st.integers(1, 52)),
    st.builds(lambda y, w: f"{y:04d}-W{w:02d}-WE", st.integers(1000, 2999), st.integers(1, 52)),
    st.builds(lambda d: f"{d:03d}", st.integers(100, 299)),
    st.builds(lambda c: f"{c:02d}", st.integers(10, 29)),
)


@given(_VALUES)
def test_timex_to_range_gives_ordered_iso_dates(value: str) -> None:
    r = timex_to_range(value)
    assert r is not None
    start, end, precision = r
    for d in (start, end):
        if d is not None:
            assert re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", d), d
    assert end is None or _span_start(start) <= _span_end(end)
    assert precision in {
        "day",
        "month",
        "year",
        "quarter",
        "half",
        "season",
        "week",
        "weekend",
        "decade",
        "century",
    }


@pytest.fixture(scope="module")
def parser():
    from eventwire.analyse.nlp import ModelMissing, get_nlp

    try:
        return get_nlp()
    except ModelMissing:  # pragma: no cover - the model is a declared dependency
        pytest.skip("spaCy model not installed")


def test_date_of_a_coordinated_clause_does_not_date_the_other(parser) -> None:
    text = "Construction will start this year, and the ships will be delivered within three years."
    ev = _date(parser, text, "delivered", "2024-08-20", future=True, event="COOPERATE")
    assert ev.date is None
    ev2 = _date(parser, text, "start", "2024-08-20", future=True, event="COOPERATE")
    assert ev2.date == "2024"


def test_shared_subject_conjunct_keeps_the_date(parser) -> None:
    text = "The ministers met in Ankara on Monday and signed a defence accord."
    ev = _date(parser, text, "signed", "2026-01-08")
    assert ev.date == "2026-01-05"


def test_comparison_baseline_is_not_carried(nlp) -> None:
    text = "The index rose 54 points from March 12, 2009. Banks gained most."
    ev = _date(nlp, text, "gained", "2009-03-13")
    assert (ev.date, ev.date_source) == ("2009-03-13", "article")


def test_verb_after_a_definite_subject_does_not_refer_back(parser) -> None:
    text = "The treaty was drafted in 1975.\nIn May, the council approved the new rules."
    ev = _date(parser, text, "approved", None)
    assert ev.date != "1975"  # "the council approved" is no reference back to the 1975 drafting
    ev = _date(parser, "The ministers met on Jan. 6, 2025.\nThe meeting was friendly.", "meeting", None)
    assert ev.date == "2025-01-06"  # an event noun still picks up its antecedent's date


# ---- the clause that states the event, the story's lead, statements


def test_no_carry_over_without_a_reference_back(parser) -> None:
    text = "Trade talks opened in Geneva in March 2023. Chile and Peru restored relations."
    ev = _date(parser, text, "restored", "2024-06-10")
    assert (ev.date, ev.date_source) == ("2024-06-10", "article")


def test_pronoun_subject_carries_the_day_before(parser) -> None:
    text = "The ministers met in Lima on June 3, 2024. They signed three accords."
    ev = _date(parser, text, "signed", "2024-09-20")
    assert ev.date == "2024-06-03"


def test_date_of_a_conjunct_in_another_tense_does_not_date_it(parser) -> None:
    text = "The bank announced a freeze on Tuesday and is negotiating with its lenders."
    ev = _date(parser, text, "negotiating", "2026-01-08")
    assert (ev.date, ev.date_source) == ("2026-01-08", "article")
    ev = _date(parser, text, "announced", "2026-01-08")
    assert ev.date == "2026-01-06"


def test_intent_is_dated_by_its_saying(parser) -> None:
    text = "Ankara will impose duties on steel starting May 20, the minister said on Monday."
    ev = _date(parser, text, "impose", "2025-05-14", future=True, event="THREATEN")
    assert (ev.date, ev.date_source) == ("2025-05-12", "Monday")
    ev = _date(
        parser,
        "Oslo will send aid to the region next month.",
        "send",
        "2025-05-14",
        future=True,
        event="AGREE",
    )
    assert (ev.date, ev.date_source) == ("2025-05-14", "article")


def test_intent_said_long_before_takes_no_story_date(parser) -> None:
    text = "The minister had previously said Oslo would send aid."
    ev = _date(parser, text, "send", "2025-05-14", future=True, event="AGREE")
    assert ev.date is None


def test_undated_acts_after_the_lead_take_its_day(parser) -> None:
    text = (
        "Chile on Friday signed a trade pact with Peru. Before the signing, the ministers held talks.\n"
        "The ministers are negotiating a second pact."
    )
    ev = _date(parser, text, "talks", "2025-08-02")
    assert (ev.date, ev.date_source) == ("2025-08-01", "Friday")
    ev = _date(parser, text, "negotiating", "2025-08-02")
    assert (ev.date, ev.date_source) == ("2025-08-02", "article")


def test_acts_told_as_later_leave_the_lead_day(parser) -> None:
    text = "Chile on Friday signed a trade pact with Peru. Later, Peru expelled an envoy."
    ev = _date(parser, text, "expelled", "2025-08-02")
    assert ev.date_source == "article"


def test_lead_far_before_the_story_is_background(parser) -> None:
    text = "Chile signed a trade pact with Peru on June 3, 2020. Peru expelled an envoy."
    ev = _date(parser, text, "expelled", "2025-08-02")
    assert ev.date_source == "article"


def test_dateline_date_dates_no_event(parser) -> None:
    text = "LIMA (Wire Agency - 12 May 2024) Chile and Peru have signed a trade pact, officials said on Saturday."
    ev = _date(parser, text, "signed", "2024-05-12")
    assert (ev.date, ev.date_source) == ("2024-05-11", "Saturday")
    text = "LIMA, May 12 (Wire) - Chile and Peru signed a trade pact."
    ev = _date(parser, text, "signed", "2024-05-12")
    assert ev.date_source == "article"


def test_reported_pluperfect_is_news(parser) -> None:
    ev = _date(parser, "The ministry announced it had expelled two diplomats.", "expelled", "2026-01-08")
    assert (ev.date, ev.date_source) == ("2026-01-08", "article")


def test_past_marker_in_another_clause_does_not_block(parser) -> None:
    text = "Troops destroyed a post where monitors had recently worked."
    ev = _date(parser, text, "destroyed", "2026-01-08")
    assert ev.date == "2026-01-08"


def test_date_of_the_agreed_act_does_not_date_the_agreement(parser) -> None:
    text = "The utility has agreed to cut its rates next month."
    ev = _date(parser, text, "agreed", "2026-01-08")
    assert (ev.date, ev.date_source) == ("2026-01-08", "article")


def test_date_of_an_event_the_act_is_set_against(parser) -> None:
    text = "The unions agreed to resume talks despite a breakdown in talks last weekend."
    ev = _date(parser, text, "resume", "2026-01-08")
    assert ev.date_source == "article"


def test_lead_date_of_a_subordinate_clause_is_no_episode(parser) -> None:
    text = "The firm said profit for the quarter ended January 31 rose. It agreed to buy a rival."
    ev = _date(parser, text, "agreed", "2026-02-03")
    assert (ev.date, ev.date_source) == ("2026-02-03", "article")


def test_event_inside_the_ordering_phrase_keeps_its_date(parser) -> None:
    text = "Ties were cut after a March 3 raid by militants who killed ten guards."
    ev = _date(parser, text, "killed", "2026-04-20")
    assert ev.date == "2026-03-03"


def test_already_done_is_not_news_of_the_day(parser) -> None:
    ev = _date(parser, "The government has already rejected the demands.", "rejected", "2026-01-08")
    assert ev.date is None


def test_promise_said_only_in_a_condition_is_undated(parser) -> None:
    text = "If the union said it would accept the offer, talks could end."
    ev = _date(parser, text, "accept", "2026-01-08", future=True, event="AGREE")
    assert ev.date is None


def test_comparison_baseline_in_the_sentence_does_not_date(parser) -> None:
    text = "Steel was offered two dollars higher than yesterday."
    ev = _date(parser, text, "offered", "2026-01-08")
    assert (ev.date, ev.date_source) == ("2026-01-08", "article")


def test_possessive_date_dates_only_its_noun(parser) -> None:
    text = "The ministers met after a deadlock over this year's budget."
    ev = _date(parser, text, "met", "2026-01-08")
    assert ev.date == "2026-01-08"
    ev = _date(parser, "Wednesday's ruling angered the unions.", "ruling", "2026-01-09")
    assert ev.date == "2026-01-07"


def test_a_story_day_after_from_dates_the_event(parser) -> None:
    text = "After my talks with the premier from yesterday, I think trade will grow."
    ev = _date(parser, text, "talks", "2026-01-08")
    assert ev.date == "2026-01-07"


def test_event_noun_after_after_is_past(parser) -> None:
    text = "Chile on Friday signed a trade pact with Peru.\nAfter the talks with Peru, I think ties are strong, he said."
    ev = _date(parser, text, "talks", "2025-08-02")
    assert ev.date == "2025-08-01"


def test_since_on_the_verb_makes_a_run_of_acts(parser) -> None:
    ev = _date(
        parser, "Since 2019, the utility has signed supply accords with miners.", "signed", "2026-01-08"
    )
    assert ev.date is None


def test_year_naming_another_noun_does_not_date(parser) -> None:
    text = "The council adjourned after agreeing rules for the 2021 Coffee Agreement."
    ev = _date(parser, text, "agreeing", "2026-01-08")
    assert ev.date == "2026-01-08"
    ev = _date(
        parser, "The firm is raising funds through notes due 2031 yielding 8 pct.", "yielding", "2026-01-08"
    )
    assert ev.date != "2031"


def test_done_act_is_not_dated_after_the_story(parser) -> None:
    text = "The company has called a shareholder meeting for a vote next month."
    ev = _date(parser, text, "called", "2025-10-20")
    assert ev.date == "2025-10-20"


def test_complement_dated_before_the_story_dates_the_agreement(parser) -> None:
    text = "The creditor banks agreed to consider the offer at a meeting in New York last month."
    ev = _date(parser, text, "agreed", "2026-03-12")
    assert ev.date == "2026-02"


def test_document_dated_in_the_act_clause_dates_the_act(parser) -> None:
    text = "Under the accord dated May 4, the firm agreed to sell its stake."
    ev = _date(parser, text, "agreed", "2026-06-19")
    assert ev.date == "2026-05-04"


def test_month_in_the_sentence_refines_a_year_on_the_verb(parser) -> None:
    text = "The two premiers last met at a forum in March in Vienna last year."
    ev = _date(parser, text, "met", "2024-08-20")
    assert ev.date == "2023-03"


def test_clause_below_in_another_tense_does_not_date(parser) -> None:
    text = "The ministers discussed trade as the two states will mark an anniversary this year."
    ev = _date(parser, text, "discussed", "2022-07-05")
    assert ev.date == "2022-07-05"


def test_clause_the_act_is_ordered_against_does_not_date(parser) -> None:
    text = "The minister resigned after parliament voted on Friday."
    ev = _date(parser, text, "resigned", "2026-01-12")
    assert ev.date_source == "article"


def test_run_of_acts_since_a_date_takes_no_other_clause_date(parser) -> None:
    text = "The port, shelled 40 times since August 2024, was last hit in January."
    ev = _date(parser, text, "shelled", "2026-03-23")
    assert ev.date is None


def test_a_lead_takes_the_date_of_the_next_sentences_telling_of_the_same_act() -> None:
    from eventwire.analyse.nlp import get_nlp
    from eventwire.extract.context import DocContext
    from eventwire.extract.time import tagger
    from eventwire.extract.time.dating import date_span
    from eventwire.model import Article

    text = (
        "Chad and Niger signed six accords during the minister's visit.\n\n"
        "The accords were signed between the two countries on Monday."
    )
    art = Article(id="a_t", path="<t>", text=text, published="2023-06-14")
    ctx = DocContext(
        article=art, doc=get_nlp()(text), dct="2023-06-14", timexes=tagger.tag(text, "2023-06-14")
    )
    i = text.index("signed")
    assert date_span(ctx, i, i + len("signed")).date == "2023-06-12"


def test_infer_dct_from_a_weekday_that_names_the_latest_date() -> None:
    text = (
        "The two leaders shook hands in Lima, Peru, on May 14, 2024.\n"
        "The president met Tuesday with his Peruvian counterpart to sign a fishing accord."
    )
    assert infer_dct(text) == ("2024-05-14", True)  # May 14, 2024 was a Tuesday


def test_infer_dct_weekday_of_another_day_or_attached_to_the_date() -> None:
    other = "The ministers met in Oslo on May 14, 2024. The minister left Friday for home."
    assert infer_dct(other) == (None, False)
    label = "The ministers met on Tuesday, May 14, 2024, in Oslo."
    assert infer_dct(label) == (None, False)
    future = "The accord was signed on May 14, 2024. They will meet again Tuesday."
    assert infer_dct(future) == (None, False)
