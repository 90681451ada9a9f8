"""The date an undated article was most likely written, from the dates its text names."""

from __future__ import annotations

import re

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


def infer_dct(text: str) -> tuple[str | None, bool]:
    """The date an undated article was most likely written, at the precision the text supports.

    Evidence needs two kinds of dates. L, the latest month or day the article names with its
    year (not in a future-tense sentence), is a floor: the article is not older than what it
    reports. A year-less month or day in a past-tense sentence ("the visit from Jan. 6 to 8")
    lies at most a few months before the article; when that is impossible at or after L, it must
    be in a later year, and the article is dated to the month of that occurrence ("January to
    November 2025" + "took place ... Jan. 6 to 8" -> 2026-01). When the year-less dates fit before
    L, or there are none, the text only gives a floor, and nothing is inferred: (None, False).
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
    if latest is None or not yearless:
        return None, False
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
