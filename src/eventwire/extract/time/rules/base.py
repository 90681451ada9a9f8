"""What every timex handler shares: the tagging state, the rule and result shapes, and the small
helpers for numbers, months and years that more than one family of expressions needs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from ....model import Timex
from ..lexicon import lexicon, norm_key
from ..tense import tense_at
from ..values import (
    Anchor,
    add_months,
    add_quarters,
    fmt_day,
    fmt_month,
    fmt_week,
    quarter_of,
)


@dataclass
class TagState:
    """What the handlers of one text share: the text, its anchor, and the expressions resolved so far
    (the discourse that "the following day" or "a year earlier" refer back to)."""

    text: str
    dct: Anchor | None
    resolved: list[Timex] = field(default_factory=list)
    _tense: dict[tuple[int, int], str | None] = field(default_factory=dict)

    def reset(self) -> None:
        """Forget what the acceptance pass saw, before values are resolved in text order."""
        self._tense.clear()
        self.resolved.clear()

    def tense(self, start: int, end: int) -> str | None:
        k = (start, end)
        if k not in self._tense:
            self._tense[k] = tense_at(self.text, start, end)
        return self._tense[k]

    def last_ref(
        self, kinds: tuple[str, ...], before: int, window: int = 600, written: bool = False
    ) -> Timex | None:
        """The nearest earlier resolved DATE whose value has one of the given precisions (with
        ``written``, only a date the text wrote out, not one resolved from another date)."""
        for t in reversed(self.resolved):
            if t.start >= before or t.type not in ("DATE", "TIME"):
                continue
            if before - t.end > window:
                return None
            if precision(t.value) in kinds and (not written or t.anchor != "discourse"):
                return t
        return None


@dataclass
class Result:
    type: str
    value: str
    end_value: str | None = None
    anchor: str | None = None
    # for ranges: TimeML annotates each end on its own, as (group start, group end, value)
    parts: list[tuple[int, int, str]] | None = None


Handler = Callable[[re.Match[str], TagState], "Result | None"]


@dataclass
class Rule:
    name: str
    rx: re.Pattern[str]
    handler: Handler
    prio: int = 0
    # what every match contains (words or a cheap pattern): the rule only runs near its hits
    anchor: frozenset[str] | re.Pattern[str] | None = None


def precision(value: str) -> str:
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.match(r"^\d{4}-\d{2}$", value):
        return "month"
    if re.match(r"^\d{4}-Q\d$", value):
        return "quarter"
    if re.match(r"^\d{4}-W\d{2}", value):
        return "week"
    if re.match(r"^\d{4}$", value):
        return "year"
    return "other"


UNIT_KEYS = {"week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "quarter": "Q"}


def num(s: str) -> float | None:
    """A spelled or written amount: "three", "twenty-five", "1.5", "a"; None when vague."""
    lex = lexicon()
    k = norm_key(s)
    if k in lex.number_of:
        return float(lex.number_of[k])
    d = k.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", d):
        return float(d)
    parts = k.split()
    if parts and all(p in lex.number_of for p in parts):
        vals = [lex.number_of[p] for p in parts]
        if len(vals) == 2 and vals[1] == 100:
            return float(vals[0] * 100)
        if len(vals) == 2 and vals[0] >= 20 and vals[1] < 10:
            return float(vals[0] + vals[1])
        if vals == [1, 12]:  # "a dozen"
            return 12.0
    return None


def cap(s: str) -> bool:
    return bool(s) and s[0].isupper()


def prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z'’]+)[\s,]*$", text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def year_for_month(st: TagState, month: int, start: int, end: int, day: int | None = None) -> int | None:
    """The year of a year-less month (and day): the occurrence nearest the document date when it is
    close (news talks about the weeks around its date), else the one the tense points to."""
    dct = st.dct
    if dct is None or dct.month is None:
        # weak anchor: a year-only DCT still gives the year
        return dct.year if dct else None
    y = dct.year
    ref_day = dct.day or 15

    def dist(yy: int) -> float:
        return (yy * 12 + month + ((day or 15) - 15) / 31) - (y * 12 + dct.month + (ref_day - 15) / 31)

    near = min((y - 1, y, y + 1), key=lambda yy: (abs(dist(yy)), -yy))
    if abs(dist(near)) <= (3 if day else 2):
        return near
    tense = st.tense(start, end)
    if tense == "past":
        return max(yy for yy in (y - 1, y) if dist(yy) <= 0)
    if tense == "future":
        return min(yy for yy in (y, y + 1) if dist(yy) >= 0)
    return near


def month_value(st: TagState, month: int, year: int | None) -> str:
    return fmt_month(year, month) if year is not None else f"XXXX-{month:02d}"


def mk_day(y: int | None, mo: int, d: int) -> str | None:
    if not 1 <= d <= 31:
        return None
    if y is None:
        return f"XXXX-{mo:02d}-{d:02d}"
    try:
        return fmt_day(date(y, mo, d))
    except ValueError:
        return None


def month_ok(m: re.Match[str], group: str, standalone: bool) -> int | None:
    """The month number if the token is really a month here (capitalised; ambiguous words need support)."""
    lex = lexicon()
    tok = m.group(group)
    if tok is None:
        return None
    if not cap(tok):
        return None
    k = norm_key(tok)
    if k not in lex.month_of:
        return None
    if standalone:
        full = len(k) > 4 or k in ("may", "june", "july")
        if not full:
            return None
        if k in lex.ambiguous_months and prev_word(m.string, m.start(group)) not in lex.temporal_preps:
            return None
        if k == "may" and re.match(
            r"\s+(?:be|have|not|also|well|still|face|need|take|see|want)\b", m.string[m.end(group) :]
        ):
            return None
    return lex.month_of[k]


BAD_AFTER_NUMBER = re.compile(
    r"\s*(?:%|percent|per\s*cent|[a-z]*(?:tons?|tonnes?|people|troops|soldiers|km|kilomet(?:er|re)s?|miles?"
    r"|met(?:er|re)s?|dollars?|feet|units?|barrels?|cars?|vehicles?|jobs?|workers?|members?|votes?|seats?"
    r"|shares?|points?|hours?|men|women|children|deaths?|cases?)\b)",
    re.I,
)


def year_ok(m: re.Match[str], group: str = "year") -> bool:
    text = m.string
    s = m.start(group)
    before = text[max(0, s - 2) : s]
    if re.search(r"[$€£#\d,.\-/:]$", before) and not re.search(r"[-–]$", before[-1:] if False else ""):
        if before.endswith(("-", "–")) and re.search(r"(?:mid|pre|post)-$", text[max(0, s - 5) : s]):
            pass
        else:
            return False
    after = text[m.end(group) : m.end(group) + 30]
    if re.match(r"[,.]\d|\d|-\d{3}", after):
        return False
    if BAD_AFTER_NUMBER.match(after):
        return False
    y = int(m.group(group))
    if 1900 <= y <= 2099:
        return True
    return prev_word(text, m.start()) in lexicon().year_preps


def day_ref(st: TagState, start: int) -> date | None:
    """The day relative expressions count from: the DCT, else a day-precise date just before."""
    if st.dct is not None and st.dct.date is not None:
        return st.dct.date
    return None


def shift(st: TagState, base_value: str | None, n: float, unit: str, sign: int) -> str | None:
    """Shift a date by n units, written at the unit's granularity ("two weeks ago" -> a week)."""
    dct = st.dct
    if base_value is None:
        if dct is None:
            return None
        base_value = (
            dct.date.isoformat()
            if dct.date
            else (fmt_month(dct.year, dct.month) if dct.month else f"{dct.year:04d}")
        )
    k = int(n) * sign
    if n != int(n):
        return None
    y = int(base_value[:4])
    if unit == "Y":
        if precision(base_value) == "quarter":
            return f"{y + k:04d}-Q{base_value[-1]}"
        return f"{y + k:04d}"
    if unit == "DE":
        return f"{y + 10 * k:04d}"
    if unit == "CE":
        return f"{(y + 100 * k) // 100:02d}"
    if unit == "Q":
        if len(base_value) < 7:
            return None
        q = int(base_value[-1]) if precision(base_value) == "quarter" else quarter_of(int(base_value[5:7]))
        yy, qq = add_quarters(y, q, k)
        return f"{yy:04d}-Q{qq}"
    if len(base_value) < 7 or precision(base_value) not in ("month", "day"):
        return None
    mo = int(base_value[5:7])
    if unit == "M":
        yy, mm = add_months(y, mo, k)
        return fmt_month(yy, mm)
    if precision(base_value) != "day":
        return None
    d = date.fromisoformat(base_value[:10])
    if unit == "W":
        return fmt_week(d + timedelta(weeks=k))
    if unit == "D":
        return fmt_day(d + timedelta(days=k))
    return None
