"""Relative expressions: weekdays, weekends, today/yesterday, "last week", "in two years",
"three days ago", "the following day", "next year", resolved against the document date or the
dates the text gave before.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..lexicon import lexicon, norm_key
from ..values import (
    add_days,
    add_months,
    add_quarters,
    fmt_day,
    fmt_month,
    fmt_week,
    quarter_of,
    shift_day_months,
)
from .base import Result, TagState, cap, day_ref, mk_day, num, precision, shift, year_for_month


def weekday_date(st: TagState, wd: int, rel: str, start: int, end: int) -> tuple[str, str]:
    dct = st.dct
    base = dct.date if dct else None
    anchor = "tense"
    if base is None:
        # no full DCT: anchor on a nearby day-precise date the text wrote out ("from Jan. 6 to 8"),
        # not on another weekday resolved from it ("last Sunday ... last Monday" both count from it)
        last = st.last_ref(("day",), start, window=3000, written=True)
        if last is None:
            return f"XXXX-WXX-{wd}", "dct"
        b0 = date.fromisoformat(last.value[:10])
        b1 = (
            date.fromisoformat(last.end_value[:10])
            if last.end_value and precision(last.end_value) == "day"
            else b0
        )
        # the weekday inside the referenced period, else the one the tense points to
        d = b0 + timedelta(days=(wd - b0.isoweekday()) % 7)
        if rel in ("last", "past", "previous"):
            d = b0 - timedelta(days=(b0.isoweekday() - wd) % 7 or 7)
        elif rel in ("next", "coming"):
            d = b1 + timedelta(days=(wd - b1.isoweekday()) % 7 or 7)
        elif d > b1:
            if st.tense(start, end) == "future":
                d = b1 + timedelta(days=(wd - b1.isoweekday()) % 7 or 7)
            else:
                d = b1 - timedelta(days=(b1.isoweekday() - wd) % 7)
        return fmt_day(d), "discourse"
    if rel in ("last", "past", "previous"):
        back = (base.isoweekday() - wd) % 7 or 7
        return fmt_day(base - timedelta(days=back)), "dct"
    if rel in ("next", "coming"):
        fwd = (wd - base.isoweekday()) % 7 or 7
        return fmt_day(base + timedelta(days=fwd)), "dct"
    tense = "past" if rel == "possessive" else st.tense(start, end)
    if tense == "future" or (tense == "present" and rel != "possessive"):
        fwd = (wd - base.isoweekday()) % 7
        return fmt_day(base + timedelta(days=fwd)), anchor
    back = (base.isoweekday() - wd) % 7
    return fmt_day(base - timedelta(days=back)), anchor


def h_weekday(m: re.Match[str], st: TagState) -> Result | None:
    lex = lexicon()
    tok = m["wd"]
    if not cap(tok):
        return None
    wd = lex.weekday_of[norm_key(tok)]
    rel = (m["wrel"] or "").lower()
    follow = re.match(
        rf"\s*,?\s+(?P<mon>{lex.MONTH})\s+(?P<day>[0-3]?\d)(?!\d)(?:\s*,?\s+(?P<year>\d{{4}}))?",
        m.string[m.end() : m.end() + 30],
        re.I,
    )
    if follow and not rel and not m["part"]:
        mo = lex.month_of.get(norm_key(follow["mon"]))
        if mo:
            y = (
                int(follow["year"])
                if follow["year"]
                else year_for_month(st, mo, m.start(), m.end(), int(follow["day"]))
            )
            v = mk_day(y, mo, int(follow["day"]))
            if v:
                return Result("DATE", v, anchor="absolute" if follow["year"] else "tense")
    if not rel and re.match(r"['’]s\b", m.string[m.end() : m.end() + 3]):
        rel = "possessive"  # "Wednesday's ruling": an event already reported
    v, anchor = weekday_date(st, wd, rel, m.start(), m.end())
    if m["part"]:
        part = lex.part_of_day[norm_key(m["part"])]
        return Result("TIME", f"{v}T{part}", anchor=anchor)
    return Result("DATE", v, anchor=anchor)


def h_weekend(m: re.Match[str], st: TagState) -> Result | None:
    rel = (m["rel"] or "").lower()
    base = st.dct.date if st.dct else None
    if base is None:
        return Result("DATE", "XXXX-WXX-WE", anchor="dct")
    if rel in ("last", "past"):
        d = base - timedelta(days=base.isoweekday() + 1)  # the Saturday before this week
    elif rel in ("next", "coming"):
        d = base + timedelta(days=(6 - base.isoweekday()) % 7 or 7)
    elif rel == "this":
        # "staged rallies this weekend" in a Monday story: the weekend just gone
        past = base.isoweekday() < 6 and st.tense(m.start(), m.end()) == "past"
        d = base - timedelta(days=base.isoweekday() + 1) if past else base
    else:
        tense = st.tense(m.start(), m.end())
        if tense == "future" or base.isoweekday() >= 6:
            d = base
        else:
            d = base - timedelta(days=base.isoweekday() + 1)
    return Result("DATE", f"{fmt_week(d)}-WE", anchor="dct")


def h_dayword(m: re.Match[str], st: TagState) -> Result | None:
    lex = lexicon()
    w = norm_key(m["rw"])
    off = lex.daywords[w]
    base = day_ref(st, m.start())
    v = fmt_day(add_days(base, off)) if base else "XXXX-XX-XX"
    part = lex.part_of_day.get(norm_key(m["part"])) if m["part"] else None
    if w == "tonight":
        part = "NI"
    if part:
        return Result("TIME", f"{v}T{part}", anchor="dct")
    return Result("DATE", v, anchor="dct")


def h_partrel(m: re.Match[str], st: TagState) -> Result | None:
    """ "this morning", "last night"."""
    lex = lexicon()
    part = lex.part_of_day[norm_key(m["part"])]
    rel = m["prel"].lower()
    base = day_ref(st, m.start())
    off = -1 if rel == "last" else 0
    v = fmt_day(add_days(base, off)) if base else "XXXX-XX-XX"
    return Result("TIME", f"{v}T{part}", anchor="dct")


def h_relunit(m: re.Match[str], st: TagState) -> Result | None:
    rel = norm_key(m["rel"])
    unit = norm_key(m["unit"])
    dct = st.dct
    off = {
        "last": -1,
        "past": -1,
        "previous": -1,
        "the past": -1,
        "the last": -1,
        "the previous": -1,
        "next": 1,
        "coming": 1,
        "the next": 1,
        "the coming": 1,
        "the following": 1,
    }.get(rel, 0)
    if rel in ("the following",) or rel == "the same":
        return None
    if unit == "week" and rel in ("the past", "the last") and m["mod"] is None:
        # "the past week" is a DATE in TimeML news (the week before this one)
        pass
    if dct is None:
        return Result(
            "DATE",
            {
                "week": "XXXX-WXX",
                "month": "XXXX-XX",
                "year": "XXXX",
                "decade": "XXX",
                "century": "XX",
                "quarter": "XXXX-QX",
            }[unit],
            anchor="dct",
        )
    if unit == "year":
        return Result("DATE", f"{dct.year + off:04d}", anchor="dct")
    if unit in ("decade", "century") and rel in ("past", "last", "the past", "the last"):
        # "over the last decade": the ten years up to now, not the previous calendar decade
        return Result("DURATION", "P10Y" if unit == "decade" else "P100Y", anchor="duration")
    if unit == "decade":
        return Result("DATE", f"{dct.year // 10 + off:03d}", anchor="dct")
    if unit == "century":
        return Result("DATE", f"{dct.year // 100 + off:02d}", anchor="dct")
    if dct.month is None:
        return None
    if unit == "month":
        y, mo = add_months(dct.year, dct.month, off)
        return Result("DATE", fmt_month(y, mo), anchor="dct")
    if unit == "quarter":
        y, q = add_quarters(dct.year, quarter_of(dct.month), off)
        return Result("DATE", f"{y:04d}-Q{q}", anchor="dct")
    base = dct.date
    if base is None:
        return None
    return Result("DATE", fmt_week(base + timedelta(weeks=off)), anchor="dct")


def h_inunit(m: re.Match[str], st: TagState) -> Result | None:
    """ "earlier in the week", "later in the year": the current week, month or year."""
    dct = st.dct
    unit = norm_key(m["unit"])
    if dct is None:
        return Result("DATE", {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[unit], anchor="dct")
    if unit == "year":
        return Result("DATE", f"{dct.year:04d}", anchor="dct")
    if unit == "month" and dct.month:
        return Result("DATE", fmt_month(dct.year, dct.month), anchor="dct")
    if unit == "week" and dct.date:
        return Result("DATE", fmt_week(dct.date), anchor="dct")
    return None


def h_ago(m: re.Match[str], st: TagState) -> Result | None:
    lex = lexicon()
    unit = lex.unit_of[norm_key(m["unit"])]
    n = num(m["num"])
    direction = norm_key(m["dir"])
    if n is None:
        return None  # "several years ago" is a PAST_REF rule
    sign = 1 if direction in ("later", "from now", "hence", "after") else -1
    base_value = None
    anchor = "dct"
    if direction in ("earlier", "later", "before", "after") or (direction == "ago" and unit == "Y"):
        kinds = ("quarter",) if unit == "Y" else ("day",)
        last = st.last_ref(kinds, m.start(), window=500 if direction != "ago" else 250)
        if last is None and unit == "Y":
            last = None
        if last is not None:
            base_value = last.value[:10]
            anchor = "discourse"
    v = shift(st, base_value, n, unit, sign)
    if v is None:
        if st.dct is None:
            return Result("DATE", "XXXX", anchor="dct")
        return None
    return Result("DATE", v, anchor=anchor)


def h_ref(m: re.Match[str], st: TagState) -> Result | None:
    lex = lexicon()
    k = norm_key(m["ref"])
    v = lex.ref_of.get(k)
    if v is None:
        return None
    if k == "current" and re.match(r"\s+(?:account|affairs|events)\b", m.string[m.end() : m.end() + 12]):
        return None  # "current account", "current affairs": not a time
    return Result("DATE", v, anchor="ref")


def h_relday(m: re.Match[str], st: TagState) -> Result | None:
    w = norm_key(m["rd"])
    off = {
        "the following day": 1,
        "the next day": 1,
        "the day after": 1,
        "the previous day": -1,
        "the day before": -1,
        "the same day": 0,
        "that day": 0,
        "that same day": 0,
        "the next morning": 1,
        "the following morning": 1,
        "the following week": 7,
        "the next week": 7,
        "the previous week": -7,
        "the week before": -7,
        "the following month": 0,
        "the previous month": 0,
    }.get(w)
    if off is None:
        return None
    last = st.last_ref(("day",), m.start(), window=800)
    if last is not None:
        base = date.fromisoformat(last.value[:10])
        anchor = "discourse"
    elif st.dct is not None and st.dct.date is not None:
        base = st.dct.date
        anchor = "dct"
    else:
        return Result("DATE", "XXXX-XX-XX", anchor="discourse")
    if "month" in w:
        d = shift_day_months(base, 1 if "following" in w else -1)
        return Result("DATE", fmt_month(d.year, d.month), anchor=anchor)
    d = base + timedelta(days=off)
    if "week" in w:
        return Result("DATE", fmt_week(d), anchor=anchor)
    if "morning" in w:
        return Result("TIME", fmt_day(d) + "TMO", anchor=anchor)
    return Result("DATE", fmt_day(d), anchor=anchor)


_YEAR_REL = {
    "that year": 0,
    "the same year": 0,
    "that same year": 0,
    "the following year": 1,
    "the next year": 1,
    "the previous year": -1,
    "the year before": -1,
    "the year after": 1,
    "the preceding year": -1,
}


def h_relyear(m: re.Match[str], st: TagState) -> Result | None:
    """ "later that year", "the following year": the year of the last date the discourse named."""
    w = norm_key(m["ry"])
    off = _YEAR_REL.get(w)
    if off is None:
        return None
    for t in reversed(st.resolved):
        if t.start < m.start() and t.type in ("DATE", "TIME") and re.match(r"^\d{4}", t.value):
            return Result("DATE", f"{int(t.value[:4]) + off:04d}", anchor="discourse")
    if st.dct is None:
        return Result("DATE", "XXXX", anchor="discourse")
    return Result("DATE", f"{st.dct.year + off:04d}", anchor="dct")
