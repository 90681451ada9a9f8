"""Publication dates from the forms news pages print them in.

A publication date is only ever taken from the source (metadata, a header line, a date line or a
dateline), at the precision the source gives; nothing here consults the clock, so an article whose
text does not say when it appeared keeps ``published = None``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from eventwire.ingest.rules import load_rules

_ISO = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?=$|[T\s]|[+-]\d\d:?\d\d|Z)")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T|\s|$)")
_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_ISO_TIME = re.compile(r"^T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")
_ZONE = re.compile(r"[A-Z]{2,5}(?:[+-]\d{1,2})?")
_RFC2822 = re.compile(r"^[A-Za-z]{3},?\s+\d{1,2}\s+[A-Za-z]{3}")
_LEADING_WORD = re.compile(r"^[A-Za-z]+\.?,?\s+")
_ZONE_ALT = r"\(?(?:(?-i:[A-Z]{2,5})(?![A-Za-z])(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|(?-i:Z))\)?"
# a time with its zone, the zone printed before or after it: "10:32 GMT", "KSA 10:55", "5:12 PM ET"
_TIME_TAIL = re.compile(
    r"^\s*(?:(?:at|,|\||-|–|—|/)\s*)*(?:(?-i:[A-Z]{2,5})\s+(?=\d))?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?"
    rf"\s*(?:[ap]\.?m\.?)?\s*(?:{_ZONE_ALT})?\s*",
    re.IGNORECASE,
)
_STAMP_SEPS = " |·•-–—,.()/"
_AGE: re.Pattern[str] | None = None


def age() -> re.Pattern[str]:
    """How long ago a page says it changed: "Updated 2 hours ago", "10 seconds ago" (units are
    data: ``age_units``)."""
    global _AGE
    if _AGE is None:
        rules = load_rules()
        units = "|".join(re.escape(u) for u in sorted(rules.age_units, key=len, reverse=True))
        labels = "|".join(re.escape(w) for w in rules.date_labels if " " not in w)
        _AGE = re.compile(
            rf"^\s*(?:(?:last\s+)?(?:{labels})\s+)?(?:\d+|an?|one)\s+(?:{units})s?\s+ago\b\s*", re.IGNORECASE
        )
    return _AGE


def _month_alt() -> str:
    names = sorted(load_rules().months, key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


def _weekday_alt() -> str:
    names = sorted(load_rules().weekdays, key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


_PATTERNS: tuple[re.Pattern[str], ...] | None = None
_LABELS: tuple[re.Pattern[str], ...] | None = None


def _labels() -> tuple[re.Pattern[str], ...]:
    """Date labels ("Updated on:", "Last Update:", "Published time") opening a text, closing it,
    following a space, and glued to the word before them."""
    global _LABELS
    if _LABELS is None:
        names = sorted(load_rules().date_labels, key=len, reverse=True)
        alt = "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in names)
        label = rf"(?:{alt})\s*(?:on|at)?\s*:?"
        glued = "|".join(r"\s?".join(re.escape(w.capitalize()) for w in n.split()) for n in names)
        _LABELS = (
            re.compile(rf"^\s*{label}\s*", re.IGNORECASE),
            re.compile(rf"(?:^|(?<=[\s|·•,(]))(?:{label})\s*$", re.IGNORECASE),
            re.compile(rf"\s+(?:{alt})\b\s*(?:on|at)?\s*:?", re.IGNORECASE),
            re.compile(rf"(?<=[^\W\d_])(?=(?:{glued})\b)"),
        )
    return _LABELS


def _patterns() -> tuple[re.Pattern[str], ...]:
    global _PATTERNS
    if _PATTERNS is None:
        m, w = _month_alt(), _weekday_alt()
        wd = rf"(?:(?:{w})\.?,?\s+)?"
        _PATTERNS = (
            # January 8, 2026 | Jan. 08 2026 | Wednesday, Jan 8th, 2026
            re.compile(
                rf"^\s*{wd}(?P<month>{m})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b",
                re.IGNORECASE,
            ),
            # 8 January 2026 | Wed 08 Jan, 2026
            re.compile(
                rf"^\s*{wd}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{m})\.?,?\s+(?P<year>\d{{4}})\b",
                re.IGNORECASE,
            ),
            # 26-MAR-1987 (Reuters) | 08-Jan-2026
            re.compile(rf"^\s*(?P<day>\d{{1,2}})-(?P<month>{m})-(?P<year>\d{{4}})\b", re.IGNORECASE),
            # January 2026
            re.compile(rf"^\s*(?P<month>{m})\.?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
        )
    return _PATTERNS


def iso_date(y: int, mo: int | None = None, d: int | None = None) -> str | None:
    """A valid ISO date at the precision given, or None (day 31 of June is not a date)."""
    if not 1800 <= y <= 2200:
        return None
    if mo is None:
        return f"{y:04d}"
    if not 1 <= mo <= 12:
        return None
    if d is None:
        return f"{y:04d}-{mo:02d}"
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def month_number(name: str) -> int | None:
    """Month number of an English month name or abbreviation (``"Sept."`` -> 9)."""
    return load_rules().months.get(name.lower().rstrip("."))


def match_date(text: str) -> tuple[str, int] | None:
    """Parse a date at the start of ``text``; return (ISO date, characters consumed) or None.

    Only unambiguous forms are accepted (named months, ISO order, or numeric dates whose day is
    above 12), because a wrong publication date poisons every relative date in the article.
    """
    for pat in _patterns():
        mt = pat.match(text)
        if mt:
            gd = mt.groupdict()
            mo = month_number(gd["month"])
            if mo is None:
                continue
            val = iso_date(int(gd["year"]), mo, int(gd["day"]) if gd.get("day") else None)
            if val:
                return val, mt.end()
    mt = _COMPACT.match(text)
    if mt:
        val = iso_date(int(mt.group(1)), int(mt.group(2)), int(mt.group(3)))
        if val:
            return val, mt.end()
    mt = _ISO.match(text)
    if mt:
        y = int(mt.group(1))
        mo = int(mt.group(2)) if mt.group(2) else None
        d = int(mt.group(3)) if mt.group(3) else None
        val = iso_date(y, mo, d)
        if val and (mo is not None or len(text.strip()) == 4):
            return val, mt.end()
    mt = _NUMERIC.match(text)
    if mt:
        a, b, y = int(mt.group(1)), int(mt.group(2)), int(mt.group(3))
        if a > 12 >= b:
            val = iso_date(y, b, a)
        elif b > 12 >= a:
            val = iso_date(y, a, b)
        else:
            val = None
        if val:
            return val, mt.end()
    return None


def parse_date_line(line: str) -> str | None:
    """The date when ``line`` is nothing but a date (optionally with a time and a label).

    Used for standalone date lines ("Jan 08, 2026", "Updated: 8 January 2026 10:32 GMT"), which
    are page furniture to drop and the best evidence of when the story appeared.
    """
    if len(line) > 90:
        return None
    s = line.strip().strip("|·•-–— ")
    s = _labels()[0].sub("", s, count=1)
    if not s or len(s) > 70:
        return None
    found = match_date(s)
    if not found:
        return None
    value, end = found
    if not stamp_rest(s[end:]):
        return None
    if len(value) == 4:  # a bare year on its own line is more often a list item than a date
        return None
    return value


def strip_label(text: str) -> str:
    """``text`` without a date label opening it ("Updated on: ", "Last Update: ")."""
    return _labels()[0].sub("", text, count=1)


def label_after(text: str) -> bool:
    """Does ``text`` open with a space and a date label ("Ana Example| Published ...")?"""
    return _labels()[2].match(text) is not None


def unglue_label(line: str) -> str:
    """'By ANA EXAMPLEUpdated: ...' -> 'By ANA EXAMPLE Updated: ...': a label glued to the word
    before it (written with its capital, as pages print it)."""
    return _labels()[3].sub(" ", line)


def stamp_rest(rest: str) -> bool:
    """True when what follows a date on a stamp line is only more of the stamp: times and zones
    ("10:55 - GMT 07:55"), an ISO time, or another labelled stamp ("Edited time: 28 Aug, 2019")."""
    for _ in range(4):
        tail = _TIME_TAIL.match(rest)
        if tail and tail.end():
            rest = rest[tail.end() :]
        rest = _ISO_TIME.sub("", rest).strip(_STAMP_SEPS)
        if not rest or rest.lower() == "updated" or _ZONE.fullmatch(rest):
            return True
        if _TIME_TAIL.match(rest):
            continue
        ago = age().match(rest)
        if ago:  # "Updated 2 hours ago"
            rest = rest[ago.end() :]
            continue
        label = _labels()[0].match(rest)
        if not label or not label.end():
            return False
        found = match_date(rest[label.end() :])
        if not found:
            return False
        rest = rest[label.end() + found[1] :]
    return False


_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[0-2])\d\d(?:\d{4})?(?!\d)|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}(?!\d)")
_WORD_START = re.compile(r"(?<![\w/.-])(?=[A-Za-z\d])")


def find_stamp(line: str) -> tuple[str, str, str] | None:
    """(date, what comes before it, what comes after it) for the first full date on a line.

    For stamp lines: "By Ana Example | Updated 2025-03-03 10:00 GMT", "Example Online , Tuesday 3
    Mar 2020", "Tokyo, March 3, 2025". The caller decides whether the parts around the date may
    stand there (:func:`stamp_rest` for what follows). The label closing the part before the date
    ("Updated:") is removed from it. A year alone is no stamp.
    """
    if len(line) > 160 or not _YEAR.search(line):
        return None  # every full date form carries its year (cheap test: most lines have none)
    for m in _WORD_START.finditer(line):
        pos = m.start()
        found = match_date(line[pos:])
        if not found:
            continue
        value, length = found
        if len(value) == 4:
            return None
        before = line[:pos]
        before = _labels()[1].sub("", before.rstrip()).rstrip(_STAMP_SEPS + ":")
        return value, before, line[pos + length :]
    return None


_GIVEN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def given_date(value: str) -> str | None:
    """A date an analyst typed (YYYY, YYYY-MM or YYYY-MM-DD) if it is one, at that precision."""
    m = _GIVEN.match(value.strip())
    if not m:
        return None
    return iso_date(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)


def parse_any_date(value: object) -> str | None:
    """Normalise a metadata date (ISO, RFC 2822, '26-MAR-1987 21:36', 'Jan 8, 2026', epoch ...).

    Times are dropped: records carry dates at day precision at most.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # epoch seconds (or milliseconds) from JSON APIs
        v = float(value)
        if v > 1e11:
            v /= 1000.0
        if 0 < v < 7.3e9:
            return datetime.fromtimestamp(v, tz=UTC).date().isoformat()
        return None
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    found = match_date(s)
    if found:
        return found[0]
    if _RFC2822.match(s):
        try:
            return parsedate_to_datetime(s).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    # a weekday or label in front: "Wednesday, 8 January 2026"
    stripped = _LEADING_WORD.sub("", s)
    if stripped != s:
        found = match_date(stripped)
        if found:
            return found[0]
    return None
