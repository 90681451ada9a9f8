"""The temporal tagger: every expression family, anchoring by tense and DCT, and TimeML output."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.extract.time.tagger import tag, tag_timeml, tense_at, timex_file_main
from eventwire.extract.time.values import Anchor, duration, easter, is_valid_value, nth_weekday


def find(text: str, dct: str | None, span: str):
    """The timex whose text is exactly ``span`` (fails loudly when absent)."""
    hits = [t for t in tag(text, dct) if t.text == span]
    assert hits, f"{span!r} not tagged in {text!r}: {[(t.text, t.value) for t in tag(text, dct)]}"
    return hits[0]


CASES = [
    # absolute dates in common forms
    ("They met on Jan. 6 in the capital.", "2026-01-10", "Jan. 6", "DATE", "2026-01-06"),
    (
        "The accord was signed on 6 January 2026 in Rome.",
        "2026-02-01",
        "6 January 2026",
        "DATE",
        "2026-01-06",
    ),
    ("Filed 2026-01-06 by the ministry.", "2026-02-01", "2026-01-06", "DATE", "2026-01-06"),
    ("He flew to Ankara on June 11, 2024, for talks.", "2025-01-01", "June 11, 2024", "DATE", "2024-06-11"),
    ("The treaty dates from June 1987.", "2025-01-01", "June 1987", "DATE", "1987-06"),
    ("Relations were established in 1964.", "2025-01-01", "1964", "DATE", "1964"),
    ("The letter was dated 3/14/2019.", "2025-01-01", "3/14/2019", "DATE", "2019-03-14"),
    (
        "He was born on February 24 , 1955 , in a port city.",
        "2011-10-06",
        "February 24 , 1955",
        "DATE",
        "1955-02-24",
    ),
    # weekdays by tense: past report -> on or before the DCT, future -> the next one
    ("The envoys met on Tuesday in Doha.", "2026-01-08", "Tuesday", "DATE", "2026-01-06"),
    ("The ministers will meet on Thursday.", "2026-01-06", "Thursday", "DATE", "2026-01-08"),
    ("The talks ended on Friday.", "2026-01-09", "Friday", "DATE", "2026-01-09"),
    ("Officials said the vote was held last Monday.", "2026-01-08", "last Monday", "DATE", "2026-01-05"),
    ("The summit opens next Friday.", "2026-01-06", "next Friday", "DATE", "2026-01-09"),
    # relative months and years
    ("The fair took place in Istanbul last July.", "2025-11-20", "last July", "DATE", "2025-07"),
    ("He visited the capital in February last year.", "2026-01-06", "February last year", "DATE", "2025-02"),
    ("Trade grew this week.", "2026-01-06", "this week", "DATE", "2026-W02"),
    ("Protests erupted earlier this month.", "2026-01-20", "earlier this month", "DATE", "2026-01"),
    (
        "He spoke at a news conference earlier in the week.",
        "2026-01-08",
        "earlier in the week",
        "DATE",
        "2026-W02",
    ),
    ("Elections are due next year.", "2026-01-06", "next year", "DATE", "2027"),
    ("Output fell last year.", "2026-01-06", "last year", "DATE", "2025"),
    ("A ceasefire was agreed last month.", "2026-03-10", "last month", "DATE", "2026-02"),
    ("The deal was signed in September.", "2026-03-10", "September", "DATE", "2025-09"),
    ("The summit will be held in September.", "2026-03-10", "September", "DATE", "2026-09"),
    ("The ships were ordered a decade ago.", "2026-01-06", "a decade ago", "DATE", "2016"),
    ("Prices doubled two years ago.", "2026-01-06", "two years ago", "DATE", "2024"),
    ("The embassy reopened today.", "2026-01-06", "today", "DATE", "2026-01-06"),
    ("The embassy reopened yesterday.", "2026-01-06", "yesterday", "DATE", "2026-01-05"),
    ("The embassy will reopen tomorrow.", "2026-01-06", "tomorrow", "DATE", "2026-01-07"),
    ("The embassy is now closed.", "2026-01-06", "now", "DATE", "PRESENT_REF"),
    ("Ties have deepened in recent years.", "2026-01-06", "recent years", "DATE", "PAST_REF"),
    ("Exports rose over the past year.", "2026-01-06", "the past year", "DATE", "2025"),
    ("Rebels advanced in the 1990s.", "2026-01-06", "the 1990s", "DATE", "199"),
    ("It was a 20th century idea.", "2026-01-06", "20th century", "DATE", "19"),
    # quarters, halves, seasons, fiscal years
    ("Growth slowed in the first quarter.", "2026-05-06", "the first quarter", "DATE", "2026-Q1"),
    (
        "Sales rose in the third quarter of 2024.",
        "2026-05-06",
        "the third quarter of 2024",
        "DATE",
        "2024-Q3",
    ),
    ("Sales rose in Q2 2025.", "2026-05-06", "Q2 2025", "DATE", "2025-Q2"),
    (
        "Deliveries begin in the first half of next year.",
        "2026-05-06",
        "the first half of next year",
        "DATE",
        "2027-H1",
    ),
    ("Troops will withdraw this summer.", "2026-03-06", "this summer", "DATE", "2026-SU"),
    ("Talks stalled last summer.", "2026-03-06", "last summer", "DATE", "2025-SU"),
    ("Budget cuts hit in fiscal 2025.", "2026-03-06", "fiscal 2025", "DATE", "2025"),
    # durations
    (
        "Delivery is due within three-and-a-half years.",
        "2026-01-06",
        "three-and-a-half years",
        "DURATION",
        "P3Y6M",
    ),
    ("The strike lasted two weeks.", "2026-01-06", "two weeks", "DURATION", "P2W"),
    ("Fighting went on for 10 days.", "2026-01-06", "10 days", "DURATION", "P10D"),
    ("He waited several months.", "2026-01-06", "several months", "DURATION", "PXM"),
    ("The flight took five hours.", "2026-01-06", "five hours", "DURATION", "PT5H"),
    ("Talks took 90 minutes.", "2026-01-06", "90 minutes", "DURATION", "PT90M"),
    ("It is a two-year programme.", "2026-01-06", "two-year", "DURATION", "P2Y"),
    ("Troops stay two more weeks.", "2026-01-06", "two more weeks", "DURATION", "P2W"),
    (
        "Rates rise over the next couple of years.",
        "2026-01-06",
        "the next couple of years",
        "DURATION",
        "P2Y",
    ),
    # sets
    ("The council meets every year.", "2026-01-06", "every year", "SET", "P1Y"),
    ("Officials report weekly.", "2026-01-06", "weekly", "SET", "P1W"),
    ("Aid worth $5 billion a year flows in.", "2026-01-06", "a year", "SET", "P1Y"),
    ("The board meets every Monday.", "2026-01-06", "every Monday", "SET", "XXXX-WXX-1"),
    # times of day
    ("The talks start at 10 a.m. in Geneva.", "2026-01-06", "10 a.m.", "TIME", "2026-01-06T10:00"),
    ("The vote is at 7:30 p.m. Wednesday.", "2026-01-06", "7:30 p.m. Wednesday", "TIME", "2026-01-07T19:30"),
    ("The president speaks tonight.", "2026-01-06", "tonight", "TIME", "2026-01-06TNI"),
    ("Shelling resumed on Sunday night.", "2026-01-06", "Sunday night", "TIME", "2026-01-04TNI"),
    ("He spoke this morning.", "2026-01-06", "this morning", "TIME", "2026-01-06TMO"),
    # holidays
    ("Shops close on Christmas Day.", "2025-11-20", "Christmas Day", "DATE", "2025-12-25"),
    ("Families gathered for Thanksgiving.", "2025-11-30", "Thanksgiving", "DATE", "2025-11-27"),
    # discourse-anchored
    (
        "He arrived on June 11, 2024. He left the following day.",
        "2025-01-01",
        "the following day",
        "DATE",
        "2024-06-12",
    ),
    ("She joined in 2019 and left the following year.", "2025-01-01", "the following year", "DATE", "2020"),
    # spelled years (transcripts)
    ("In nineteen ninety-six a bomb went off.", "2000-01-01", "nineteen ninety-six", "DATE", "1996"),
]


@pytest.mark.parametrize(("text", "dct", "span", "type_", "value"), CASES)
def test_expression_families(text: str, dct: str, span: str, type_: str, value: str) -> None:
    t = find(text, dct, span)
    assert (t.type, t.value) == (type_, value)
    assert text[t.start : t.end] == span


def test_day_range_has_start_and_end() -> None:
    t = find(
        "Anwar visited from Jan. 6 to 8 at the invitation of the president.", "2026-01-10", "Jan. 6 to 8"
    )
    assert (t.value, t.end_value) == ("2026-01-06", "2026-01-08")


def test_month_range_with_year() -> None:
    t = find(
        "Trade reached $5 billion from January to November 2025.", "2026-01-10", "January to November 2025"
    )
    assert (t.value, t.end_value) == ("2025-01", "2025-11")


def test_range_crossing_a_year_end() -> None:
    t = find("Talks ran from November to February 2026.", "2026-03-01", "November to February 2026")
    assert (t.value, t.end_value) == ("2025-11", "2026-02")


def test_timeml_output_splits_ranges() -> None:
    text = "The visit ran from Jan. 6 to 8."
    parts = [(t.text, t.value) for t in tag_timeml(text, "2026-01-10")]
    assert parts == [("Jan. 6", "2026-01-06"), ("8", "2026-01-08")]


def test_year_range() -> None:
    t = find("Output fell between 2010 and 2012 in the region.", "2020-01-01", "2010 and 2012")
    assert (t.value, t.end_value) == ("2010", "2012")


# ---- year boundaries and leap years


def test_last_december_across_new_year() -> None:
    assert find("The blast happened last December.", "2026-01-02", "last December").value == "2025-12"


def test_yearless_day_just_before_new_year() -> None:
    assert find("The blast happened on Dec. 30.", "2026-01-02", "Dec. 30").value == "2025-12-30"


def test_yearless_day_just_after_new_year() -> None:
    assert find("The talks will resume on Jan. 3.", "2025-12-29", "Jan. 3").value == "2026-01-03"


def test_next_month_across_year_end() -> None:
    assert find("Voting starts next month.", "2025-12-15", "next month").value == "2026-01"


def test_last_week_across_year_end() -> None:
    assert find("Prices rose last week.", "2026-01-02", "last week").value == "2025-W52"


def test_leap_day() -> None:
    assert find("The accord was signed on Feb. 29.", "2024-03-05", "Feb. 29").value == "2024-02-29"


def test_no_invalid_leap_day() -> None:
    # 2025 has no 29 February: nothing invalid may come out
    for t in tag("The accord was signed on Feb. 29.", "2025-03-05"):
        assert is_valid_value(t.value, t.type), t


# ---- without a DCT: underspecified, never guessed


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The fair took place last July.", "last July", "XXXX-07"),
        ("The embassy reopened yesterday.", "yesterday", "XXXX-XX-XX"),
        ("The envoys met on Tuesday.", "Tuesday", "XXXX-WXX-2"),
        ("They met on Jan. 6.", "Jan. 6", "XXXX-01-06"),
        ("Output fell last year.", "last year", "XXXX"),
    ],
)
def test_without_dct_values_stay_underspecified(text: str, span: str, value: str) -> None:
    assert find(text, None, span).value == value


def test_month_precision_dct_resolves_weekday_from_discourse() -> None:
    text = "The visit ran from Jan. 6 to 8. On Thursday he met business leaders."
    assert find(text, "2026-01", "Thursday").value == "2026-01-08"


def test_month_takes_the_year_its_phrase_names_later() -> None:
    text = "The two ministers last met at a forum in March in Vienna last year."
    assert find(text, "2024-08-20", "March").value == "2023-03"
    # a year that names something else does not
    text2 = "The party picked its candidate in March for the 2025 race."
    assert find(text2, "2024-08-20", "March").value == "2024-03"


def test_weekdays_without_dct_count_from_the_written_date() -> None:
    text = "The envoy arrives on 14 July 2018. He follows last Sunday's trip and the pact signed last Monday."
    assert find(text, None, "last Sunday").value == "2018-07-08"
    assert find(text, None, "last Monday").value == "2018-07-09"


def test_plans_points_to_the_coming_month() -> None:
    assert find("The senator plans a July trip to Asia.", "1987-03-15", "July").value == "1987-07"


def test_this_weekend_in_the_past_tense_is_the_one_gone() -> None:
    assert find("Farmers blocked roads this weekend.", "1987-03-02", "this weekend").value == "1987-W09-WE"
    assert find("Farmers will block roads this weekend.", "1987-03-02", "this weekend").value == "1987-W10-WE"


# ---- what must not be tagged


@pytest.mark.parametrize(
    "text",
    [
        "May I ask a question?",
        "Prices may fall further.",
        "Officials fear prices will fall.",
        "A 44-year-old man was arrested.",
        "Iraq imports about three-quarters of its food.",
        "They deployed 2000 troops.",
        "He paid $1999 for it.",
        "The eastern front held.",
        "He watched 60 Minutes on television.",
    ],
)
def test_not_time_expressions(text: str) -> None:
    assert [(t.text, t.value) for t in tag(text, "2026-01-06")] == []


# ---- tense detection


def test_tense_cues() -> None:
    s = "The minister said he will travel on Friday."
    assert tense_at(s, s.index("Friday"), s.index("Friday") + 6) == "future"
    s = "The minister travelled to Paris on Friday."
    assert tense_at(s, s.index("Friday"), s.index("Friday") + 6) == "past"


# ---- CLI helper


def test_timex_file_main_prints_json_lines(tmp_path, capsys) -> None:
    text = "Türkiye’s envoy arrived on Monday and will stay two weeks."
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    assert timex_file_main(str(f), "2026-01-07") == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(r["text"], r["type"], r["value"]) for r in rows] == [
        ("Monday", "DATE", "2026-01-05"),
        ("two weeks", "DURATION", "P2W"),
    ]
    for r in rows:
        assert text[r["start"] : r["end"]] == r["text"]
        assert set(r) == {"start", "end", "text", "type", "value"}


def test_timex_file_main_bad_inputs(tmp_path, capsys) -> None:
    assert timex_file_main(str(tmp_path / "missing.txt"), None) == 1
    f = tmp_path / "a.txt"
    f.write_text("today", encoding="utf-8")
    assert timex_file_main(str(f), "2026-13-40") == 2
    assert "bad --dct" in capsys.readouterr().err


# ---- values and the validator


@pytest.mark.parametrize(
    "value",
    [
        "2026-01-06",
        "2026-01",
        "2026",
        "199",
        "19",
        "2026-Q1",
        "2026-H2",
        "2026-SU",
        "2026-W02",
        "2026-W02-WE",
        "2026-01-06T10:00",
        "2026-01-06TNI",
        "XXXX-07",
        "XXXX-WXX-2",
        "PAST_REF",
        "P3Y6M",
        "PT5H",
        "PXD",
        "P1DT12H",
    ],
)
def test_validator_accepts(value: str) -> None:
    assert is_valid_value(value)


@pytest.mark.parametrize(
    "value",
    ["", "2026-13", "2026-02-30", "2026-W54", "P", "PT", "P3X", "2026-01-06T25:00", "yesterday", "Q1"],
)
def test_validator_rejects(value: str) -> None:
    assert not is_valid_value(value)


def test_duration_fractions() -> None:
    assert duration(3.5, "Y") == "P3Y6M"
    assert duration(1.5, "D") == "P1DT12H"
    assert duration(0.5, "TH") == "PT30M"
    assert duration(None, "W") == "PXW"


def test_calendar_helpers() -> None:
    assert easter(2024).isoformat() == "2024-03-31"
    assert easter(2026).isoformat() == "2026-04-05"
    assert nth_weekday(2025, 11, 4, 4).isoformat() == "2025-11-27"
    assert nth_weekday(2026, 5, 1, -1).isoformat() == "2026-05-25"
    assert Anchor.parse("2026-02-30") is None
    assert Anchor.parse("2026-01") == Anchor(2026, 1, None)


# ---- properties

_EXPRESSIONS = [
    "on {wd}",
    "last {mon}",
    "{mon} last year",
    "in {mon}",
    "{mon} {d}",
    "{d} {mon} {y}",
    "{mon} {d}, {y}",
    "next week",
    "this month",
    "earlier this year",
    "{n} years ago",
    "the past {n} months",
    "{n} days",
    "the {y}s",
    "every {wd}",
    "tonight",
    "yesterday morning",
    "the first quarter",
    "last summer",
    "next winter",
    "{n} weeks later",
    "the following day",
    "10 a.m. {wd}",
    "this weekend",
    "from {mon} to {mon2} {y}",
]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Sept.",
    "Dec.",
]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@settings(max_examples=300, deadline=None)
@given(
    dct=st.one_of(
        st.none(),
        st.dates(
            min_value=__import__("datetime").date(1900, 1, 1),
            max_value=__import__("datetime").date(2099, 12, 31),
        ).map(str),
    ),
    template=st.sampled_from(_EXPRESSIONS),
    mon=st.sampled_from(_MONTHS),
    mon2=st.sampled_from(_MONTHS),
    wd=st.sampled_from(_WEEKDAYS),
    d=st.integers(1, 31),
    y=st.integers(1900, 2099),
    n=st.integers(1, 40),
    verb=st.sampled_from(["met", "will meet", "meets", "had met"]),
)
def test_values_are_always_valid_timex3(dct, template, mon, mon2, wd, d, y, n, verb) -> None:
    expr = template.format(mon=mon, mon2=mon2, wd=wd, d=d, y=y, n=n)
    text = f"The delegations {verb} {expr} in the capital."
    for t in tag(text, dct):
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert is_valid_value(t.value, t.type), (text, dct, t)
        assert t.end_value is None or is_valid_value(t.end_value, t.type)
        assert text[t.start : t.end] == t.text


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(
        min_value=__import__("datetime").date(1950, 1, 1), max_value=__import__("datetime").date(2080, 12, 31)
    ),
    form=st.sampled_from(["{B} {d}, {Y}", "{d} {B} {Y}", "{b}. {d}, {Y}", "{Y}-{m:02d}-{d:02d}"]),
)
def test_absolute_dates_round_trip(day, form) -> None:
    names = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    abbr = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
    b = abbr[day.month - 1]
    expr = form.format(B=names[day.month - 1], b=b, d=day.day, Y=day.year, m=day.month)
    if form.startswith("{b}.") and b == "May":
        expr = expr.replace("May.", "May")
    text = f"The accord was signed on {expr} in Geneva."
    hits = [t for t in tag(text, "2026-01-06") if t.type == "DATE"]
    assert [t.value for t in hits] == [day.isoformat()], (text, hits)


@settings(max_examples=100, deadline=None)
@given(
    parts=st.lists(
        st.sampled_from(
            [
                "The talks ended on Friday.",
                "Trade rose 5% in 2024 to $3 billion.",
                "He said so last July.",
                "Officials met for two hours",
                "every year since the 1990s",
                "at 10 a.m. tomorrow",
                "Christmas Eve",
                "x" * 170,
                "Nothing happened here at all, officials said",
                "the first quarter of 2025",
                "now",
            ]
        ),
        min_size=1,
        max_size=12,
    )
)
def test_windowed_search_finds_what_a_full_scan_finds(parts) -> None:
    from eventwire.extract.time.rules import rules
    from eventwire.extract.time.tagger import _matches, _word_index

    text = " ".join(parts)
    words = _word_index(text)
    for rule in rules():
        full = {(m.start(), m.end()) for m in rule.rx.finditer(text)}
        windowed = {(m.start(), m.end()) for m in _matches(rule, text, words)}
        assert full <= windowed, rule.name


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("0123456789 -/.,:'’aAmMpPdDyYsSJjuneFebTthrQ\n")), max_size=80
    ),
    dct=st.sampled_from([None, "2026", "2026-01", "2024-02-29"]),
)
def test_never_raises_on_noise(text, dct) -> None:
    for t in tag(text, dct):
        assert 0 <= t.start < t.end <= len(text)
        assert is_valid_value(t.value, t.type), (text, t)


def test_arithmetic_past_the_calendar_reads_nothing_but_keeps_the_rest():
    text = "The ministers met on March 3. The treaty dates from 900000 weeks ago."
    got = tag(text, "2026-03-10")
    assert [t.value for t in got if t.text.startswith("March")] == ["2026-03-03"]
    assert all("900000" not in t.text or t.value for t in got)
