"""The date an undated article was most likely written, from the dates its text names."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Timex
from .tagger import tag, tense_at

__all__ = ["RECENT_MONTHS", "infer_dct"]


# --------------------------------------------------------------------------------------------
# undated articles


def _ym(value: str) -> tuple[int, int] | None:
    m = re.match(r"^(\d{4})-(\d{2})", value)
    return (int(m[1]), int(m[2])) if m else None


RECENT_MONTHS = 6
"""How far back a year-less date in a past-tense sentence may lie from the article's date: reports
drop the year only for dates of the last few months."""


def infer_dct(text: str, caption_dates: Sequence[str] = ()) -> tuple[str | None, bool]:
    """The date an undated article was most likely written, at the precision the text supports.

    Evidence needs two kinds of dates. L, the latest month or day the article names with its
    year (not in a future-tense sentence), is a floor: the article is not older than what it
    reports. A year-less month or day in a past-tense sentence ("the visit from Jan. 6 to 8")
    lies at most a few months before the article; when that is impossible at or after L, it must
    be in a later year, and the article is dated to the month of that occurrence ("January to
    November 2025" + "took place ... Jan. 6 to 8" -> 2026-01). When the year-less dates fit before
    L, or there are none, the text only gives a floor, and nothing is inferred: (None, False).

    ``caption_dates`` are the full days of photo captions ingest dropped from the text; they count
    as full dates the text names, at no position (so no weekday is ever attached to them).
    """
    timexes = tag(text, None)
    latest: tuple[int, int] | None = None
    yearless: list[tuple[Timex, int]] = []
    for t in timexes:
        if t.type not in ("DATE", "TIME"):
            continue
        vals = [t.value] + ([t.end_value] if t.end_value else [])
        for v in vals:
            ym = _ym(v)
            if ym is not None:
                if t.anchor != "absolute" or tense_at(text, t.start, t.end) == "future":
                    continue
                if latest is None or ym > latest:
                    latest = ym
                continue
            m = re.match(r"^XXXX-(\d{2})(?:-(\d{2}))?$", v)
            if m and t.anchor == "tense" and tense_at(text, t.start, t.end) == "past":
                yearless.append((t, int(m[1])))
    for d in caption_dates:
        ym = _ym(d)
        if ym is not None and (latest is None or ym > latest):
            latest = ym
    if latest is None:
        return None, False
    if not yearless:
        day = _day_of_named_weekday(text, timexes, caption_dates)
        return (day, True) if day else (None, False)
    floor = latest[0] * 12 + latest[1] - 1
    best = floor
    for _t, month in yearless:
        # the occurrences of this month that lie no later than RECENT_MONTHS before the floor
        k = latest[0] * 12 + month - 1
        while k < floor - RECENT_MONTHS:
            k += 12
        while k - 12 >= floor - RECENT_MONTHS:
            k -= 12
        best = max(best, k)
    if best <= floor:
        return None, False
    return f"{best // 12:04d}-{best % 12 + 1:02d}", True


_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
ATTACHED_CHARS = 3
"""A weekday this close to a full date is that date's own label ("Tuesday, March 21, 2023")."""


def _day_of_named_weekday(text: str, timexes: list[Timex], caption_dates: Sequence[str] = ()) -> str | None:
    """The latest full date the text names, when a past-tense sentence names its weekday alone.

    A bare weekday ("met Tuesday") lies in the week before the article; when the latest full date
    the text names (L, the floor) falls on that weekday, the article reports L's events and was
    written that day or within the week, so L is the best date for it (a photo caption often holds
    the only full date of a story whose byline was lost). A weekday written beside a full date
    labels that date and proves nothing about when the article was written.
    """
    from datetime import date

    days: list[tuple[date, Timex]] = []
    for t in timexes:
        m = _DAY.match(t.value or "")
        if m and t.anchor == "absolute" and tense_at(text, t.start, t.end) != "future":
            try:
                days.append((date(int(m[1]), int(m[2]), int(m[3])), t))
            except ValueError:
                continue
    extra: list[date] = []
    for c in caption_dates:
        m = _DAY.match(c)
        if m:
            try:
                extra.append(date(int(m[1]), int(m[2]), int(m[3])))
            except ValueError:
                continue
    if not days and not extra:
        return None
    latest = max([d for d, _t in days] + extra)
    for t in timexes:
        m = _WEEKDAY.match(_alone(t))
        if not m or int(m[1]) != latest.isoweekday() or tense_at(text, t.start, t.end) != "past":
            continue
        if any(
            abs(t.start - o.end) <= ATTACHED_CHARS or abs(o.start - t.end) <= ATTACHED_CHARS for _d, o in days
        ):
            continue
        return latest.isoformat()
    return None


def _alone(t: Timex) -> str:
    """The timex's value read without context: a bare weekday the tagger anchored to an earlier
    date of the text ("... on May 14. They met Tuesday") is still a weekday here."""
    if t.anchor == "absolute" or _WEEKDAY.match(t.value or ""):
        return t.value or ""
    again = tag(t.text, None)
    return again[0].value if len(again) == 1 and again[0].value else ""
