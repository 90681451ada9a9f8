"""Event dates on unseen news (issue 16, part 4): the clause that states the act, background acts
without the story's date, a date named for the act in the sentence before, and the saying of a
stance. Every sentence here is invented."""

from __future__ import annotations

import pytest

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


def _date(nlp, text: str, trigger: str, dct: str | None, nth: int = 0, **kw) -> Event:
    art = Article(id="a1", path="a.txt", text=text, published=dct)
    ctx = DocContext(article=art, doc=nlp(text), dct=dct, timexes=tag(text, dct))
    start = -1
    for _ in range(nth + 1):
        start = text.index(trigger, start + 1)
    event = kw.pop("event", "CONSULT")
    ev = Event(id="e1", event=event, trigger_start=start, trigger_end=start + len(trigger), **kw)
    date_events(ctx, [ev])
    return ev


# ---- what the story's date may date


def test_past_marker_inside_a_noun_phrase_does_not_block(parser) -> None:
    text = "The firm, formerly Acme Corp, and two former directors agreed to settle the charges."
    ev = _date(parser, text, "agreed", "2024-06-02", event="AGREE")
    assert (ev.date, ev.date_source) == ("2024-06-02", "article")
    ev = _date(parser, "The firm had previously agreed to settle.", "agreed", "2024-06-02", event="AGREE")
    assert ev.date is None  # on the verb, the marker still speaks


def test_perfect_with_a_stretch_of_time_is_a_state(parser) -> None:
    text = "Two weeks ago the talks failed. The rebels have been fighting the army for six years."
    ev = _date(parser, text, "fighting", "2024-06-02", event="ASSAULT")
    assert ev.date is None


def test_act_long_before_the_news_takes_no_story_date(parser) -> None:
    text = "The trip comes weeks after Lima condemned him for a visit to Quito."
    ev = _date(parser, text, "condemned", "2024-06-02", event="ACCUSE")
    assert ev.date is None
    ev = _date(parser, text, "visit", "2024-06-02")
    assert ev.date is None
    text = "The envoy left hours after the two sides signed the pact."
    ev = _date(parser, text, "signed", "2024-06-02", event="AGREE")
    assert ev.date_source == "article"  # "hours after": still the day's news


def test_act_in_a_since_clause_takes_no_story_date(parser) -> None:
    text = "Trade has doubled since the two states restored ties."
    ev = _date(parser, text, "restored", "2024-06-02", event="COOPERATE")
    assert ev.date is None


def test_simple_present_material_act_after_the_lead_is_a_state(parser) -> None:
    text = (
        "Chad and Niger signed a truce on Monday. Officials said the two states share a border. "
        "The army occupies the northern strip."
    )
    ev = _date(parser, text, "occupies", "2024-06-02", event="COERCE")
    assert ev.date is None
    ev = _date(
        parser,
        "Rebels attack border town\nThe rebels attacked on Monday.",
        "attack",
        "2024-06-02",
        event="ASSAULT",
    )
    assert ev.date is not None  # a headline's present tells the news


def test_stance_told_in_the_future_is_dated_by_its_saying(parser) -> None:
    text = "He told reporters the union would not accept the offer."
    ev = _date(parser, text, "accept", "2024-06-02", event="REJECT")
    assert (ev.date, ev.date_source) == ("2024-06-02", "article")
    ev = _date(parser, "The two sides will sign a defence pact.", "sign", "2024-06-02", event="CONSULT")
    assert ev.date is None  # no saying reports it: an act to come, not a stance


# ---- the date that governs


def test_occasion_named_by_its_date_dates_the_act(parser) -> None:
    text = "Peru complained at last year's summit that the bank had stopped loans."
    ev = _date(parser, text, "complained", "2024-06-02", event="ACCUSE")
    assert (ev.date, ev.date_source) == ("2023", "last year")
    text = "Peru criticised this year's budget of the bank."
    ev = _date(parser, text, "criticised", "2024-06-02", event="ACCUSE")
    assert ev.date_source == "article"  # the year names the budget, not the act


def test_act_in_a_when_clause_of_a_date(parser) -> None:
    text = "It was the highest toll since January 2, when rebel troops overran a garrison."
    ev = _date(parser, text, "overran", "2024-06-02", event="ASSAULT")
    assert (ev.date, ev.date_source) == ("2024-01-02", "January 2")


def test_date_after_the_reporting_verb_dates_the_saying(parser) -> None:
    text = "The rebels said on Saturday they attacked the town on Friday."
    ev = _date(parser, text, "attacked", "1987-06-10", event="ASSAULT")
    assert ev.date == "1987-06-05"
    ev = _date(
        parser,
        "Japan said in December it would cut tariffs.",
        "cut",
        "1987-06-10",
        event="AGREE",
        future=True,
    )
    assert (ev.date, ev.date_source) == ("1986-12", "December")


def test_intent_dated_by_the_clause_that_announces_it(parser) -> None:
    text = "The president announced last week plans to impose tariffs on steel."
    ev = _date(parser, text, "impose", "2024-06-02", event="THREATEN", future=True)
    assert (ev.date, ev.date_precision) == ("2024-05-20", "week")


def test_full_stop_read_into_a_date_is_no_head(parser) -> None:
    text = "It was the first call between the two since he took office in May.\n\nThe call lasted an hour."
    ev = _date(parser, text, "call", "2022-07-05")
    assert ev.date != "2022-05"


# ---- references back


def test_reference_back_takes_the_main_act_not_an_aside(parser) -> None:
    text = (
        "Oslo on Friday signed a deal to buy ten ships from Rome, the ministry said.It follows a "
        "contract Oslo signed in 2022 for the first ships.The new ships will be built in Oslo.The two "
        "ministers attended the signing ceremony in Bergen."
    )
    ev = _date(parser, text, "signing", "2024-06-02", event="SUPPORT")
    assert (ev.date, ev.date_source) == ("2024-05-31", "Friday")


def test_act_named_by_a_dated_noun_just_before(parser) -> None:
    text = "The governor cited the February 22 Paris agreement among six nations. The six nations agreed to cooperate."
    ev = _date(parser, text, "agreed", "1987-03-24", event="AGREE")
    assert (ev.date, ev.date_source) == ("1987-02-22", "February 22")
    text = (
        "The governor cited the February 22 Paris report on six nations. The six nations agreed to cooperate."
    )
    ev = _date(parser, text, "agreed", "1987-03-24", event="AGREE")
    assert ev.date_source == "article"  # another act's noun: no carry-over


def test_since_of_a_reason_is_no_time(parser) -> None:
    text = "The panel will find it hard since the president opposes tax increases."
    ev = _date(parser, text, "opposes", "2024-06-02", event="REJECT")
    assert (ev.date, ev.date_source) == ("2024-06-02", "article")


def test_future_meeting_reported_is_no_stance(parser) -> None:
    text = "The talks with the envoys will focus on aid, she added."
    ev = _date(parser, text, "talks", "2024-06-02")
    assert ev.date is None


def test_deadline_of_what_was_asked_does_not_date_the_asking(parser) -> None:
    text = "The ministry had asked the firms to submit their bids by June 17."
    ev = _date(parser, text, "asked", "2024-06-18", event="REQUEST")
    assert ev.date != "2024-06-17"


def test_act_to_come_takes_no_date_before_the_story(parser) -> None:
    text = (
        "He told reporters that he would be seeking an accord with Spain similar to one struck last autumn."
    )
    ev = _date(parser, text, "accord", "2024-04-03", event="AGREE")
    assert ev.date != "2023-09"


def test_date_of_a_clause_on_another_branch(parser) -> None:
    text = (
        "He is the first envoy to visit Spain since the king announced plans to impose tariffs on April 17."
    )
    ev = _date(parser, text, "visit", "2024-03-31")
    assert ev.date != "2024-04-17"


def test_determiner_of_another_noun_is_no_reference_back(parser) -> None:
    text = "The two leaders held talks in Rome last year.\nAn aide said he was hopeful about the results of talks next week."
    ev = _date(parser, text, "talks", "2024-04-27", nth=1)
    assert ev.date != "2023"


def test_earlier_date_of_a_conjunct_branch_still_dates(parser) -> None:
    text = "The last cabinet also attempted to cut fuel subsidies in 2003, but was forced to back down after protests."
    ev = _date(parser, text, "back down", None, event="CONCEDE")
    assert ev.date == "2003"


def test_weekday_on_a_present_verb_is_the_coming_one(parser) -> None:
    text = "Talks ended on Thursday. The minister starts a week-long visit to Lima on Sunday."
    ev = _date(parser, text, "visit", "1987-04-17")  # a Friday
    assert (ev.date, ev.date_source) == ("1987-04-19", "Sunday")
    ev = _date(parser, "The minister started a visit to Lima on Sunday.", "visit", "1987-04-17")
    assert ev.date == "1987-04-12"


def test_occasion_in_a_dated_vote(parser) -> None:
    text = "Most voters backed the treaty in the 1975 referendum."
    ev = _date(parser, text, "backed", None, event="SUPPORT")
    assert ev.date == "1975"


def test_weekday_of_a_noun_under_a_present_verb_keeps_its_day(parser) -> None:
    text = "The visit follows a meeting on Monday between the two ministers."
    ev = _date(parser, text, "meeting", "2024-08-20")  # a Tuesday
    assert ev.date == "2024-08-19"


def test_tagger_reads_the_present_of_a_scheduled_act_as_coming() -> None:
    found = tag("The two leaders meet separately Monday with the envoy.", "1998-05-01")  # a Friday
    assert [t.value for t in found] == ["1998-05-04"]
    found = tag("The two leaders met separately Monday with the envoy.", "1998-05-01")
    assert [t.value for t in found] == ["1998-04-27"]


def test_deadline_above_the_act_still_bounds_it(parser) -> None:
    text = "By autumn, the exchange expects to join the market when the agency approves its bid."
    ev = _date(parser, text, "approves", "1987-06-15", event="SUPPORT")
    assert ev.date != "1987-06-15"


def test_date_of_the_act_responded_to(parser) -> None:
    text = "Navy ships destroyed the platform in response to a missile strike on the tanker on Friday."
    ev = _date(parser, text, "destroyed", "1987-10-19", event="ASSAULT")
    assert ev.date != "1987-10-16"
    ev = _date(parser, text, "strike", "1987-10-19", event="ASSAULT")
    assert ev.date == "1987-10-16"


def test_occasion_dated_by_its_own_clause(parser) -> None:
    text = "In a letter sent yesterday, the minister told the envoy that Tokyo does not object to the bids."
    ev = _date(parser, text, "object", "1987-03-27", event="REJECT")
    assert ev.date == "1987-03-26"
