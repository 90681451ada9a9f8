"""TIMEX3 values: calendar arithmetic at a granularity, formatting and validation.

Relative expressions ("last week", "two quarters ago") shift the document date at the
granularity the expression names, and the result must be written at that granularity
("2013-W11", "2012-Q4"), so the arithmetic lives here, apart from the pattern rules.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

# --------------------------------------------------------------------------------------------
# the document date, possibly partial


@dataclass(frozen=True)
class Anchor:
    """A reference date known to year, month or day precision."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> Anchor | None:
        """Read "2026", "2026-01" or "2026-01-06" (anything after the day, e.g. a time, is ignored)."""
        if not value:
            return None
        m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
        if not m:
            return None
        y = int(m.group(1))
        mo = int(m.group(2)) if m.group(2) else None
        d = int(m.group(3)) if m.group(3) else None
        if mo is not None and not 1 <= mo <= 12:
            return None
        if d is not None:
            try:
                date(y, mo or 1, d)
            except ValueError:
                return None
        return cls(y, mo, d)

    @property
    def date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.month and self.day else None


# --------------------------------------------------------------------------------------------
# formatting


def fmt_day(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def fmt_week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def add_days(d: date, n: int) -> date:
    return d + timedelta(days=n)


def shift_day_months(d: date, n: int) -> date:
    y, m = add_months(d.year, d.month, n)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def add_quarters(y: int, q: int, n: int) -> tuple[int, int]:
    k = y * 4 + (q - 1) + n
    return k // 4, k % 4 + 1


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 = last) ISO weekday (1 = Monday) of a month: Thanksgiving and kin."""
    if n > 0:
        d = date(year, month, 1)
        d += timedelta(days=(weekday - d.isoweekday()) % 7)
        return d + timedelta(weeks=n - 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def duration(amount: float | None, unit: str) -> str:
    """A TIMEX3 duration: amount None -> unspecified ("PXY"); time units get the T ("PT3H")."""
    time_unit = unit.startswith("T")
    u = unit[1:] if time_unit else unit
    if amount is None:
        n = "X"
    elif float(amount).is_integer():
        n = str(int(amount))
    else:
        # fractional amounts become the next smaller unit where TimeML allows it
        whole = int(amount)
        frac = amount - whole
        smaller = {
            "Y": ("M", 12),
            "D": ("TH", 24),
            "TH": ("TM", 60),
            "TM": ("TS", 60),
            "W": ("D", 7),
            "M": ("D", 30),
            "DE": ("Y", 10),
            "CE": ("Y", 100),
        }
        key = unit
        if key in smaller:
            su, factor = smaller[key]
            part = round(frac * factor)
            head = duration(whole, unit) if whole else ("PT" if time_unit else "P")
            tail = duration(part, su)
            if not whole:
                return tail
            # merge "P3Y" + "P6M" -> "P3Y6M"; "P1D" + "PT12H" -> "P1DT12H"
            tail_body = tail[1:]
            if head.startswith("PT") and tail_body.startswith("T"):
                tail_body = tail_body[1:]
            return head + tail_body
        n = f"{amount:g}"
    return f"PT{n}{u}" if time_unit else f"P{n}{u}"


# --------------------------------------------------------------------------------------------
# validation

_DATE_RX = re.compile(
    r"""^(?:
        (?:\d{4}|X{4}|\d{3}|\d{2}|\dX{3}|\d{2}XX|\d{3}X)                      # year, decade, century
        (?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?                                    # month, day
          |-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI)|-W(?:\d{2}|XX)(?:-(?:[1-7]|WE))?  # quarter, half, season, week
          |-W(?:\d{2}|XX)-[1-7]
        )?
        (?:T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|AF|EV|NI|DT))?                  # time of day
      |PAST_REF|PRESENT_REF|FUTURE_REF
    )$""",
    re.X,
)
_DUR_RX = re.compile(
    r"^P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q|DE|CE|ML|H|WE))*(?:T(?:(?:\d+(?:\.\d+)?|X)(?:H|M|S))+)?$"
)


def is_valid_value(value: str, type_: str | None = None) -> bool:
    """Whether a string is a well-formed TIMEX3 value (of the given type, if one is named)."""
    if not isinstance(value, str) or not value:
        return False
    if value in ("PAST_REF", "PRESENT_REF", "FUTURE_REF"):
        return type_ in (None, "DATE", "TIME")
    if value.startswith("P"):
        ok = bool(_DUR_RX.match(value)) and value not in ("P", "PT")
        return ok and type_ in (None, "DURATION", "SET")
    m = _DATE_RX.match(value)
    if not m:
        return False
    # calendar check for full dates
    full = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if full:
        y, mo = int(full.group(1)), int(full.group(2))
        if not 1 <= mo <= 12:
            return False
        if full.group(3):
            try:
                date(y, mo, int(full.group(3)))
            except ValueError:
                return False
    wk = re.search(r"-W(\d{2})", value)
    if wk and not 1 <= int(wk.group(1)) <= 53:
        return False
    hm = re.search(r"T(\d{2})(?::(\d{2}))?", value)
    if hm and (int(hm.group(1)) > 24 or (hm.group(2) and int(hm.group(2)) > 59)):
        return False
    if type_ == "DURATION":
        return False
    return True
