"""TIMEX3 values as periods: what a date, a figure's period or a deal's date is, at the precision
its expression has ("2024-Q3" is July to September). Every record that takes a date reads values
through here, so they all read them alike.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ...model import Timex
from .lexicon import lexicon

__all__ = ["span_end", "span_start", "timex_period", "timex_to_range"]


# --------------------------------------------------------------------------------------------
# TIMEX3 value -> a date or a period


def timex_to_range(value: str | None) -> tuple[str, str | None, str] | None:
    """(date, enddate, precision) for a DATE/TIME value, so any record can take a date or period.

    Point values keep their own precision ("2024-08-20", "2025-07", "2023"); values that name a
    span without a single ISO form (quarters, weeks, seasons, decades) become a period of months
    or days. References (PAST_REF), durations, sets and unresolved values ("XXXX-07") give None:
    they do not say when.
    """
    if not value or not isinstance(value, str):
        return None
    v = value.strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$", v)
    if m:
        return (f"{m[1]}-{m[2]}-{m[3]}", None, "day")
    m = re.match(r"^(\d{4})-(\d{2})$", v)
    if m:
        return (v, None, "month")
    m = re.match(r"^(\d{4})$", v)
    if m:
        return (v, None, "year")
    m = re.match(r"^(\d{4})-Q([1-4])$", v)
    if m:
        y, q = int(m[1]), int(m[2])
        return (f"{y:04d}-{3 * q - 2:02d}", f"{y:04d}-{3 * q:02d}", "quarter")
    m = re.match(r"^(\d{4})-H([12])$", v)
    if m:
        y, h = int(m[1]), int(m[2])
        return (f"{y:04d}-{6 * h - 5:02d}", f"{y:04d}-{6 * h:02d}", "half")
    m = re.match(r"^(\d{4})-(SP|SU|FA|WI)$", v)
    if m:
        y = int(m[1])
        a, b = lexicon().season_months[m[2]]  # time.yaml
        if a > b:  # winter runs over the new year and carries the year of its January
            return (f"{y - 1:04d}-{a:02d}", f"{y:04d}-{b:02d}", "season")
        return (f"{y:04d}-{a:02d}", f"{y:04d}-{b:02d}", "season")
    m = re.match(r"^(\d{4})-W(\d{2})(-WE|-[1-7])?$", v)
    if m:
        y, w = int(m[1]), int(m[2])
        try:
            monday = date.fromisocalendar(y, w, 1)
        except ValueError:
            return None
        if m[3] == "-WE":
            return (
                (monday + timedelta(days=5)).isoformat(),
                (monday + timedelta(days=6)).isoformat(),
                "weekend",
            )
        if m[3]:
            return ((monday + timedelta(days=int(m[3][1]) - 1)).isoformat(), None, "day")
        return (monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "week")
    m = re.match(r"^(\d{3})$", v)
    if m:
        return (f"{m[1]}0", f"{m[1]}9", "decade")
    m = re.match(r"^(\d{2})$", v)
    if m:
        return (f"{m[1]}00", f"{m[1]}99", "century")
    return None


def span_end(d: str) -> str:
    """The last day a date at its own precision covers (for comparing periods)."""
    if len(d) == 10:
        return d
    if len(d) == 7:
        y, m = int(d[:4]), int(d[5:7])
        return f"{d}-{calendar.monthrange(y, m)[1]:02d}"
    return f"{d[:4]}-12-31"


def span_start(d: str) -> str:
    if len(d) == 10:
        return d
    if len(d) == 7:
        return f"{d}-01"
    return f"{d[:4]}-01-01"


def timex_period(t: Timex) -> tuple[str, str | None, str] | None:
    """(date, enddate, precision) of a Timex, ranges included ("from Jan. 6 to 8" -> both ends)."""
    if t.type not in ("DATE", "TIME"):
        return None
    r = timex_to_range(t.value)
    if r is None:
        return None
    if t.end_value:
        e = timex_to_range(t.end_value)
        if e is not None:
            end = e[1] or e[0]
            if span_end(end) > span_end(r[0]):
                return (r[0], end, r[2])
    return r
