"""The tagger's rules: one regex and one normalising handler per expression family.

Each handler turns a match into a TIMEX3 type and value, anchored on the document date, the
tense of the clause (``timex_tense``) or the dates already found earlier in the text (the
discourse). Acceptance of a match never depends on the discourse, so candidates can be chosen
before values are resolved in text order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from ...model import Timex
from .lexicon import lexicon, norm_key
from .tense import tense_at
from .values import (
    Anchor,
    add_days,
    add_months,
    add_quarters,
    duration,
    easter,
    fmt_day,
    fmt_month,
    fmt_week,
    nth_weekday,
    quarter_of,
    shift_day_months,
)

# --------------------------------------------------------------------------------------------
# rules


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

    def last_ref(self, kinds: tuple[str, ...], before: int, window: int = 600) -> Timex | None:
        """The nearest earlier resolved DATE whose value has one of the given precisions."""
        for t in reversed(self.resolved):
            if t.start >= before or t.type not in ("DATE", "TIME"):
                continue
            if before - t.end > window:
                return None
            if _precision(t.value) in kinds:
                return t
        return None


@dataclass
class _Result:
    type: str
    value: str
    end_value: str | None = None
    anchor: str | None = None
    # for ranges: TimeML annotates each end on its own, as (group start, group end, value)
    parts: list[tuple[int, int, str]] | None = None


Handler = Callable[[re.Match[str], TagState], "_Result | None"]


@dataclass
class Rule:
    name: str
    rx: re.Pattern[str]
    handler: Handler
    prio: int = 0
    # what every match contains (words or a cheap pattern): the rule only runs near its hits
    anchor: frozenset[str] | re.Pattern[str] | None = None


def _precision(value: str) -> str:
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


_MOD = (
    r"(?:(?P<mod>early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
    r"|the\s+middle\s+of|the\s+turn\s+of|the\s+rest\s+of|the\s+remainder\s+of|the\s+first\s+half\s+of"
    r"|the\s+second\s+half\s+of)[\s-]+)?"
)

_UNIT_KEYS = {"week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "quarter": "Q"}


def _num(s: str) -> float | None:
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


def _cap(s: str) -> bool:
    return bool(s) and s[0].isupper()


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z'’]+)[\s,]*$", text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


_TEMPORAL_PREPS = {
    "in",
    "on",
    "of",
    "since",
    "until",
    "till",
    "by",
    "from",
    "to",
    "through",
    "during",
    "before",
    "after",
    "between",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "and",
    "or",
    "throughout",
    "around",
    "as",
    "for",
    "into",
    "at",
    "past",
    "that",
    "each",
    "every",
}


def _year_for_month(st: TagState, month: int, start: int, end: int, day: int | None = None) -> int | None:
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


def _month_value(st: TagState, month: int, year: int | None) -> str:
    return fmt_month(year, month) if year is not None else f"XXXX-{month:02d}"


# ---- absolute dates


def _mk_day(y: int | None, mo: int, d: int) -> str | None:
    if not 1 <= d <= 31:
        return None
    if y is None:
        return f"XXXX-{mo:02d}-{d:02d}"
    try:
        return fmt_day(date(y, mo, d))
    except ValueError:
        return None


def _month_ok(m: re.Match[str], group: str, standalone: bool) -> int | None:
    """The month number if the token is really a month here (capitalised; ambiguous words need support)."""
    lex = lexicon()
    tok = m.group(group)
    if tok is None:
        return None
    if not _cap(tok):
        return None
    k = norm_key(tok)
    if k not in lex.month_of:
        return None
    if standalone:
        full = len(k) > 4 or k in ("may", "june", "july")
        if not full:
            return None
        if k in lex.ambiguous_months and _prev_word(m.string, m.start(group)) not in _TEMPORAL_PREPS:
            return None
        if k == "may" and re.match(
            r"\s+(?:be|have|not|also|well|still|face|need|take|see|want)\b", m.string[m.end(group) :]
        ):
            return None
    return lex.month_of[k]


def _h_iso(m: re.Match[str], st: TagState) -> _Result | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    v = _mk_day(y, mo, d) if 1 <= mo <= 12 else None
    if v is None:
        return None
    if m["hh"]:
        return _Result("TIME", f"{v}T{m['hh']}:{m['mm']}", anchor="absolute")
    return _Result("DATE", v, anchor="absolute")


def _h_slash(m: re.Match[str], st: TagState) -> _Result | None:
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    yy = int(y) if len(y) == 4 else (1900 + int(y) if int(y) > 30 else 2000 + int(y))
    mo, d = (a, b) if a <= 12 else (b, a)
    if not 1 <= mo <= 12:
        return None
    v = _mk_day(yy, mo, d)
    return _Result("DATE", v, anchor="absolute") if v else None


def _h_mdy(m: re.Match[str], st: TagState) -> _Result | None:
    mo = _month_ok(m, "mon", standalone=False)
    if mo is None:
        return None
    d = int(m["day"])
    y = int(m["year"]) if m["year"] else None
    mo2 = _month_ok(m, "mon2", standalone=False) if m["mon2"] else None
    d2 = int(m["day2"]) if m["day2"] else None
    if d2 is not None and mo2 is None and d2 <= d:
        d2 = None
    anchor = "absolute"
    rel = (m.groupdict().get("mrel") or "").lower()
    if y is None and rel and st.dct is not None and st.dct.date is not None:
        y = st.dct.year
        try:
            cand = date(y, mo, d)
        except ValueError:
            cand = None
        if cand is not None and rel == "last" and cand >= st.dct.date:
            y -= 1
        elif cand is not None and rel == "next" and cand <= st.dct.date:
            y += 1
        anchor = "dct"
    elif y is None:
        y = _year_for_month(st, mo, m.start(), m.end(), d)
        anchor = "tense"
    v = _mk_day(y, mo, d)
    if v is None:
        return None
    end_v = None
    if d2 is not None:
        y2 = y
        if mo2 is not None and y is not None and mo2 < mo:
            y2 = y + 1
        end_v = _mk_day(y2, mo2 or mo, d2)
    parts = None
    if end_v:
        e1 = m.end("day")
        s2 = m.start("mon2") if m["mon2"] else m.start("day2")
        e2 = m.end()
        if m.start("mon") > m.start("day"):  # "6-8 January": the first part is the bare day
            e1, s2 = m.end("day") if m["day"] else e1, m.start("day2")
            parts = [(m.start(), m.end("day"), v), (s2, m.end(), end_v)]
        else:
            parts = [(m.start(), e1, v), (s2, e2, end_v)]
    return _Result("DATE", v, end_v, anchor, parts)


def _h_dmy(m: re.Match[str], st: TagState) -> _Result | None:
    return _h_mdy(m, st)


def _h_month_range_year(m: re.Match[str], st: TagState) -> _Result | None:
    mo = _month_ok(m, "mon", standalone=False)
    mo2 = _month_ok(m, "mon2", standalone=False)
    if mo is None or mo2 is None:
        return None
    y = int(m["year"])
    y1 = y if mo <= mo2 else y - 1
    a, b = fmt_month(y1, mo), fmt_month(y, mo2)
    return _Result("DATE", a, b, "absolute", [(m.start(), m.end("mon"), a), (m.start("mon2"), m.end(), b)])


def _h_month(m: re.Match[str], st: TagState) -> _Result | None:
    """Month with an optional year, relative year or modifier: "June 1987", "last July",
    "February last year", "early December", "in June"."""
    has_support = bool(m["year"] or m["rel"] or m["yrel"] or m["mod"])
    mo = _month_ok(m, "mon", standalone=not has_support)
    if mo is None:
        return None
    dct = st.dct
    if m["year"]:
        return _Result("DATE", fmt_month(int(m["year"]), mo), anchor="absolute")
    rel = (m["rel"] or "").lower()
    yrel = (m["yrel"] or "").lower()
    if yrel:
        if dct is None:
            return _Result("DATE", f"XXXX-{mo:02d}", anchor="dct")
        y = dct.year + {"last": -1, "this": 0, "next": 1}[yrel]
        return _Result("DATE", fmt_month(y, mo), anchor="dct")
    if rel:
        if dct is None or dct.month is None:
            return _Result("DATE", f"XXXX-{mo:02d}", anchor="dct")
        if rel in ("last", "past", "previous"):
            y = dct.year if mo < dct.month else dct.year - 1
        elif rel in ("next", "coming"):
            y = dct.year if mo > dct.month else dct.year + 1
        else:  # this
            y = dct.year
        return _Result("DATE", fmt_month(y, mo), anchor="dct")
    y = _year_for_month(st, mo, m.start(), m.end())
    return _Result("DATE", _month_value(st, mo, y), anchor="tense")


_BAD_AFTER_NUMBER = re.compile(
    r"\s*(?:%|percent|per\s*cent|[a-z]*(?:tons?|tonnes?|people|troops|soldiers|km|kilomet(?:er|re)s?|miles?"
    r"|met(?:er|re)s?|dollars?|feet|units?|barrels?|cars?|vehicles?|jobs?|workers?|members?|votes?|seats?"
    r"|shares?|points?|hours?|men|women|children|deaths?|cases?)\b)",
    re.I,
)


def _year_ok(m: re.Match[str], group: str = "year") -> bool:
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
    if _BAD_AFTER_NUMBER.match(after):
        return False
    y = int(m.group(group))
    if 1900 <= y <= 2099:
        return True
    return _prev_word(text, m.start()) in {
        "in",
        "since",
        "of",
        "by",
        "from",
        "until",
        "before",
        "after",
        "year",
        "during",
        "around",
        "circa",
        "c",
    }


def _h_year(m: re.Match[str], st: TagState) -> _Result | None:
    if not _year_ok(m):
        return None
    return _Result("DATE", f"{int(m['year']):04d}", anchor="absolute")


def _h_year_range(m: re.Match[str], st: TagState) -> _Result | None:
    if not _year_ok(m, "year"):
        return None
    y1 = int(m["year"])
    y2s = m["year2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if y2 <= y1 or y2 - y1 > 50:
        return None
    return _Result(
        "DATE",
        f"{y1:04d}",
        f"{y2:04d}",
        "absolute",
        [(m.start("year"), m.end("year"), f"{y1:04d}"), (m.start("year2"), m.end("year2"), f"{y2:04d}")],
    )


def _h_fiscal(m: re.Match[str], st: TagState) -> _Result | None:
    ys = m["year"]
    y = int(ys) if len(ys) == 4 else (1900 + int(ys) if int(ys) > 50 else 2000 + int(ys))
    return _Result("DATE", f"{y:04d}", anchor="absolute")


def _h_fiscal_rel(m: re.Match[str], st: TagState) -> _Result | None:
    rel = norm_key(m["rel"])
    if st.dct is None:
        return _Result("DATE", "XXXX", anchor="dct")
    off = {"the last": -1, "last": -1, "the previous": -1, "the next": 1, "next": 1, "the coming": 1}.get(
        rel, 0
    )
    return _Result("DATE", f"{st.dct.year + off:04d}", anchor="dct")


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def _h_decade(m: re.Match[str], st: TagState) -> _Result | None:
    if m["dec"]:
        return _Result("DATE", m["dec"], anchor="absolute")
    digit = int(m["d2"]) if m["d2"] else _DECADE_WORDS[m["dw"].lower()]
    ref = st.dct.year if st.dct else 2000
    century = ref // 100
    if digit * 10 > ref % 100:
        century -= 1
    return _Result("DATE", f"{century:02d}{digit}", anchor="dct")


_ORD_CENT = {
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty first": 21,
    "eighteenth": 18,
    "seventeenth": 17,
    "sixteenth": 16,
}


def _h_century(m: re.Match[str], st: TagState) -> _Result | None:
    c = int(m["c"]) if m["c"] else _ORD_CENT.get(norm_key(m["cw"]))
    if not c or not 1 <= c <= 22:
        return None
    return _Result("DATE", f"{c - 1:02d}", anchor="absolute")


# ---- quarters and halves

_QORD = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "final": 4,
    "last": 4,
}


def _h_quarter(m: re.Match[str], st: TagState) -> _Result | None:
    q = _QORD[m["q"].lower()]
    dct = st.dct
    yv = m["qy"] or m["qy2"]
    rel = (m["qrel"] or m["qrel2"] or "").lower()
    if yv:
        y = int(yv)
        anchor = "absolute"
    elif dct is None:
        return _Result("DATE", f"XXXX-Q{q}", anchor="dct")
    else:
        y = dct.year + {"last": -1, "next": 1}.get(rel, 0)
        anchor = "dct"
    return _Result("DATE", f"{y:04d}-Q{q}", anchor=anchor)


def _h_qnum(m: re.Match[str], st: TagState) -> _Result | None:
    q = int(m["qn"])
    if m["qy"]:
        return _Result("DATE", f"{int(m['qy']):04d}-Q{q}", anchor="absolute")
    if st.dct is None:
        return _Result("DATE", f"XXXX-Q{q}", anchor="dct")
    return _Result("DATE", f"{st.dct.year:04d}-Q{q}", anchor="dct")


def _h_quarter_ref(m: re.Match[str], st: TagState) -> _Result | None:
    """ "the quarter", "the latest quarter", "the year-ago quarter": the quarter the discourse is about."""
    d = norm_key(m["qd"])
    last = st.last_ref(("quarter",), m.start(), window=2000)
    dct = st.dct
    if last is not None:
        y, q = int(last.value[:4]), int(last.value[-1])
    elif dct is not None and dct.month is not None:
        y, q = add_quarters(dct.year, quarter_of(dct.month), -1)
    else:
        return _Result("DATE", "XXXX-QX", anchor="discourse")
    if d in ("next",):
        if dct is None or dct.month is None:
            return _Result("DATE", "XXXX-QX", anchor="dct")
        y, q = add_quarters(dct.year, quarter_of(dct.month), 1)
    elif d in ("this", "the current"):
        if dct is None or dct.month is None:
            return _Result("DATE", "XXXX-QX", anchor="dct")
        y, q = dct.year, quarter_of(dct.month)
    elif "year" in d or d.startswith("last year") or d == "a year earlier":
        y -= 1
    elif d in ("last", "the previous", "the last") and last is None and dct and dct.month:
        pass
    return _Result("DATE", f"{y:04d}-Q{q}", anchor="discourse")


def _h_half(m: re.Match[str], st: TagState) -> _Result | None:
    h = 1 if m["h"].lower() in ("first", "1st") else 2
    if m["hy"]:
        return _Result("DATE", f"{int(m['hy']):04d}-H{h}", anchor="absolute")
    if st.dct is None:
        return _Result("DATE", f"XXXX-H{h}", anchor="dct")
    off = {"last": -1, "next": 1}.get((m["hrel"] or "").lower(), 0)
    return _Result("DATE", f"{st.dct.year + off:04d}-H{h}", anchor="dct")


# ---- seasons

_SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}


def _season_now(dct: Anchor) -> tuple[int, str] | None:
    if dct.month is None:
        return None
    mo = dct.month
    if mo in (12, 1, 2):
        return (dct.year if mo != 12 else dct.year + 1, "WI")
    return (dct.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(mo, "FA"))


def _h_season(m: re.Match[str], st: TagState) -> _Result | None:
    lex = lexicon()
    word = m["season"]
    s = lex.season_of[norm_key(word)]
    rel = norm_key(m["srel"] or "")
    prev = _prev_word(m.string, m.start())
    if not (m["year"] or rel in ("last", "this", "next", "past", "coming") or m["mod"]):
        if prev not in (
            "in",
            "during",
            "by",
            "until",
            "since",
            "over",
            "through",
            "throughout",
            "before",
            "after",
            "this",
            "that",
            "early",
            "late",
            "the",
        ):
            return None
        if s == "FA" and rel != "the" and prev not in ("in", "this", "by", "until", "since"):
            return None
    if m["year"]:
        return _Result("DATE", f"{int(m['year']):04d}-{s}", anchor="absolute")
    dct = st.dct
    if dct is None or dct.month is None:
        return _Result("DATE", f"XXXX-{s}", anchor="dct")
    cur_year, cur = _season_now(dct)
    # index seasons on one line: year*4 + order (winter counted with the year of its January)
    cur_k = cur_year * 4 + _SEASON_ORDER[cur]
    if rel in ("last", "past"):
        k = cur_k - 1
        while k % 4 != _SEASON_ORDER[s]:
            k -= 1
    elif rel in ("next", "coming"):
        k = cur_k + 1
        while k % 4 != _SEASON_ORDER[s]:
            k += 1
    elif rel == "this":
        k = cur_year * 4 + _SEASON_ORDER[s]
    else:
        tense = st.tense(m.start(), m.end())
        if tense == "past":
            k = cur_k
            while k % 4 != _SEASON_ORDER[s]:
                k -= 1
        elif tense == "future":
            k = cur_k
            while k % 4 != _SEASON_ORDER[s]:
                k += 1
        else:
            k = cur_year * 4 + _SEASON_ORDER[s]
    return _Result("DATE", f"{k // 4:04d}-{s}", anchor="dct")


# ---- days


def _day_ref(st: TagState, start: int) -> date | None:
    """The day relative expressions count from: the DCT, else a day-precise date just before."""
    if st.dct is not None and st.dct.date is not None:
        return st.dct.date
    return None


def _weekday_date(st: TagState, wd: int, rel: str, start: int, end: int) -> tuple[str, str]:
    dct = st.dct
    base = dct.date if dct else None
    anchor = "tense"
    if base is None:
        # no full DCT: anchor on a nearby day-precise date in the discourse (e.g. "from Jan. 6 to 8")
        last = st.last_ref(("day",), start, window=3000)
        if last is None:
            return f"XXXX-WXX-{wd}", "dct"
        b0 = date.fromisoformat(last.value[:10])
        b1 = (
            date.fromisoformat(last.end_value[:10])
            if last.end_value and _precision(last.end_value) == "day"
            else b0
        )
        # the weekday inside the referenced period, else the one the tense points to
        d = b0 + timedelta(days=(wd - b0.isoweekday()) % 7)
        if d > b1:
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


def _h_weekday(m: re.Match[str], st: TagState) -> _Result | None:
    lex = lexicon()
    tok = m["wd"]
    if not _cap(tok):
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
                else _year_for_month(st, mo, m.start(), m.end(), int(follow["day"]))
            )
            v = _mk_day(y, mo, int(follow["day"]))
            if v:
                return _Result("DATE", v, anchor="absolute" if follow["year"] else "tense")
    if not rel and re.match(r"['’]s\b", m.string[m.end() : m.end() + 3]):
        rel = "possessive"  # "Wednesday's ruling": an event already reported
    v, anchor = _weekday_date(st, wd, rel, m.start(), m.end())
    if m["part"]:
        part = lex.part_of_day[norm_key(m["part"])]
        return _Result("TIME", f"{v}T{part}", anchor=anchor)
    return _Result("DATE", v, anchor=anchor)


def _h_weekend(m: re.Match[str], st: TagState) -> _Result | None:
    rel = (m["rel"] or "").lower()
    base = st.dct.date if st.dct else None
    if base is None:
        return _Result("DATE", "XXXX-WXX-WE", anchor="dct")
    if rel in ("last", "past"):
        d = base - timedelta(days=base.isoweekday() + 1)  # the Saturday before this week
    elif rel in ("next", "coming"):
        d = base + timedelta(days=(6 - base.isoweekday()) % 7 or 7)
    elif rel == "this":
        d = base
    else:
        tense = st.tense(m.start(), m.end())
        if tense == "future" or base.isoweekday() >= 6:
            d = base
        else:
            d = base - timedelta(days=base.isoweekday() + 1)
    return _Result("DATE", f"{fmt_week(d)}-WE", anchor="dct")


_DAYWORDS = {
    "today": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "tonight": 0,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


def _h_dayword(m: re.Match[str], st: TagState) -> _Result | None:
    lex = lexicon()
    w = norm_key(m["rw"])
    off = _DAYWORDS[w]
    base = _day_ref(st, m.start())
    v = fmt_day(add_days(base, off)) if base else "XXXX-XX-XX"
    part = lex.part_of_day.get(norm_key(m["part"])) if m["part"] else None
    if w == "tonight":
        part = "NI"
    if part:
        return _Result("TIME", f"{v}T{part}", anchor="dct")
    return _Result("DATE", v, anchor="dct")


def _h_partrel(m: re.Match[str], st: TagState) -> _Result | None:
    """ "this morning", "last night"."""
    lex = lexicon()
    part = lex.part_of_day[norm_key(m["part"])]
    rel = m["prel"].lower()
    base = _day_ref(st, m.start())
    off = -1 if rel == "last" else 0
    v = fmt_day(add_days(base, off)) if base else "XXXX-XX-XX"
    return _Result("TIME", f"{v}T{part}", anchor="dct")


# ---- relative units: "last week", "earlier this month", "next year", "the past year"


def _h_relunit(m: re.Match[str], st: TagState) -> _Result | None:
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
        return _Result(
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
        return _Result("DATE", f"{dct.year + off:04d}", anchor="dct")
    if unit in ("decade", "century") and rel in ("past", "last", "the past", "the last"):
        # "over the last decade": the ten years up to now, not the previous calendar decade
        return _Result("DURATION", "P10Y" if unit == "decade" else "P100Y", anchor="duration")
    if unit == "decade":
        return _Result("DATE", f"{dct.year // 10 + off:03d}", anchor="dct")
    if unit == "century":
        return _Result("DATE", f"{dct.year // 100 + off:02d}", anchor="dct")
    if dct.month is None:
        return None
    if unit == "month":
        y, mo = add_months(dct.year, dct.month, off)
        return _Result("DATE", fmt_month(y, mo), anchor="dct")
    if unit == "quarter":
        y, q = add_quarters(dct.year, quarter_of(dct.month), off)
        return _Result("DATE", f"{y:04d}-Q{q}", anchor="dct")
    base = dct.date
    if base is None:
        return None
    return _Result("DATE", fmt_week(base + timedelta(weeks=off)), anchor="dct")


def _h_inunit(m: re.Match[str], st: TagState) -> _Result | None:
    """ "earlier in the week", "later in the year": the current week, month or year."""
    dct = st.dct
    unit = norm_key(m["unit"])
    if dct is None:
        return _Result("DATE", {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[unit], anchor="dct")
    if unit == "year":
        return _Result("DATE", f"{dct.year:04d}", anchor="dct")
    if unit == "month" and dct.month:
        return _Result("DATE", fmt_month(dct.year, dct.month), anchor="dct")
    if unit == "week" and dct.date:
        return _Result("DATE", fmt_week(dct.date), anchor="dct")
    return None


def _shift(st: TagState, base_value: str | None, n: float, unit: str, sign: int) -> str | None:
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
        if _precision(base_value) == "quarter":
            return f"{y + k:04d}-Q{base_value[-1]}"
        return f"{y + k:04d}"
    if unit == "DE":
        return f"{y + 10 * k:04d}"
    if unit == "CE":
        return f"{(y + 100 * k) // 100:02d}"
    if unit == "Q":
        if len(base_value) < 7:
            return None
        q = int(base_value[-1]) if _precision(base_value) == "quarter" else quarter_of(int(base_value[5:7]))
        yy, qq = add_quarters(y, q, k)
        return f"{yy:04d}-Q{qq}"
    if len(base_value) < 7 or _precision(base_value) not in ("month", "day"):
        return None
    mo = int(base_value[5:7])
    if unit == "M":
        yy, mm = add_months(y, mo, k)
        return fmt_month(yy, mm)
    if _precision(base_value) != "day":
        return None
    d = date.fromisoformat(base_value[:10])
    if unit == "W":
        return fmt_week(d + timedelta(weeks=k))
    if unit == "D":
        return fmt_day(d + timedelta(days=k))
    return None


def _h_ago(m: re.Match[str], st: TagState) -> _Result | None:
    lex = lexicon()
    unit = lex.unit_of[norm_key(m["unit"])]
    n = _num(m["num"])
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
    v = _shift(st, base_value, n, unit, sign)
    if v is None:
        if st.dct is None:
            return _Result("DATE", "XXXX", anchor="dct")
        return None
    return _Result("DATE", v, anchor=anchor)


def _h_ref(m: re.Match[str], st: TagState) -> _Result | None:
    lex = lexicon()
    k = norm_key(m["ref"])
    v = lex.ref_of.get(k)
    if v is None:
        return None
    if k == "current" and re.match(r"\s+(?:account|affairs|events)\b", m.string[m.end() : m.end() + 12]):
        return None  # "current account", "current affairs": not a time
    return _Result("DATE", v, anchor="ref")


# ---- durations and sets


def _h_duration(m: re.Match[str], st: TagState) -> _Result | None:
    lex = lexicon()
    ukey = norm_key(m["unit"])
    unit = lex.unit_of[ukey]
    numtxt = m["num"]
    n = _num(numtxt) if numtxt else None
    if numtxt is not None and norm_key(numtxt) in ("a", "an") and ukey.endswith("s"):
        n = None  # "a decades-long feud": no count
    vague = numtxt is not None and n is None
    if numtxt is None:
        # bare plural ("for years"): only after a word that makes it a stretch of time
        if not ukey.endswith("s") and ukey not in ("centuries", "millennia"):
            return None
        if not m["long"] and _prev_word(m.string, m.start()) not in (
            "for",
            "over",
            "within",
            "took",
            "take",
            "takes",
            "spent",
            "lasted",
            "last",
            "in",
            "after",
            "recent",
            "coming",
            "past",
            "next",
            "few",
            "several",
            "many",
        ):
            return None
        vague = True
    if n is not None and (m["half"] or m["half2"]):
        n += 0.5
    if unit == "2W":
        unit, n = "W", (n or 1) * 2
    if unit == "DE" and n is not None:
        unit, n = "Y", n * 10
    if unit == "CE" and n is not None:
        unit, n = "Y", n * 100
    if n is not None and n > 10000:
        return None
    # "$5 billion a year", "twice a week": a SET
    if numtxt and norm_key(numtxt) in ("a", "an") and not m["drel"]:
        before = m.string[max(0, m.start() - 25) : m.start()]
        if re.search(
            r"(?:\d|once|twice|times|percent|%|million|billion|trillion|dollars|euros)[\s,]*$", before, re.I
        ):
            return _Result("SET", duration(1, unit), anchor="set")
    if m["old"]:
        return None  # ages ("a 44-year-old") are not time expressions in TimeML news
    utok = m["unit"]
    if utok[0].isupper() and m.start("unit") > 0 and not re.search(r"[.!?\n]\s*$", m.string[: m.start()]):
        return None  # "60 Minutes": a title
    after = m.string[m.end() : m.end() + 4]
    if unit == "Q" and re.match(r"\s+of\b", after):
        return None  # "three-quarters of": a fraction
    if unit == "TS" and numtxt and norm_key(numtxt) in ("a", "second"):
        return None
    value = duration(None if vague else n, unit)
    drel = norm_key(m["drel"] or "")
    if drel in ("recent",):
        return _Result("DURATION", value, anchor="duration")
    return _Result("DURATION", value, anchor="duration")


_DETERMINERS = {
    "a",
    "an",
    "the",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "average",
    "initial",
    "first",
    "party",
    "this",
    "that",
    "these",
    "those",
    "regular",
    "s",
}


def _h_setword(m: re.Match[str], st: TagState) -> _Result | None:
    """ "daily", "annually" as adverbs; as adjectives ("its quarterly dividend") they are no timex."""
    lex = lexicon()
    if _prev_word(m.string, m.start()) in _DETERMINERS:
        return None
    return _Result("SET", lex.set_of[norm_key(m["sw"])], anchor="set")


def _h_every(m: re.Match[str], st: TagState) -> _Result | None:
    lex = lexicon()
    tgt = norm_key(m["tgt"])
    n = _num(m["num"]) if m["num"] else 1
    if tgt in lex.unit_of:
        unit = lex.unit_of[tgt]
        if unit == "2W":
            unit, n = "W", (n or 1) * 2
        return _Result("SET", duration(n or 1, unit), anchor="set")
    if tgt in lex.weekday_of:
        return _Result("SET", f"XXXX-WXX-{lex.weekday_of[tgt]}", anchor="set")
    if tgt in lex.part_of_day:
        return _Result("SET", f"XXXX-XX-XXT{lex.part_of_day[tgt]}", anchor="set")
    if tgt in lex.month_of:
        return _Result("SET", f"XXXX-{lex.month_of[tgt]:02d}", anchor="set")
    if tgt in lex.season_of:
        return _Result("SET", f"XXXX-{lex.season_of[tgt]}", anchor="set")
    return None


def _h_freq(m: re.Match[str], st: TagState) -> _Result | None:
    lex = lexicon()
    unit = lex.unit_of.get(norm_key(m["unit"]))
    if unit is None:
        return None
    if unit == "2W":
        return _Result("SET", "P2W", anchor="set")
    return _Result("SET", duration(1, unit), anchor="set")


# ---- times of day


def _time_day(st: TagState, m: re.Match[str]) -> str:
    """The day a clock time belongs to: a day word right next to it, else the document date."""
    lex = lexicon()
    text = m.string
    near = text[m.start() : m.end() + 25] + " || " + text[max(0, m.start() - 25) : m.start()]
    base = _day_ref(st, m.start())
    for w, off in (("yesterday", -1), ("tomorrow", 1), ("today", 0)):
        if re.search(rf"\b{w}\b", near, re.I) and base:
            return fmt_day(add_days(base, off))
    md = re.match(
        rf"[^|]*?(?:,|\s)\s*(?P<mon>{lex.MONTH})\s+(?P<day>[0-3]?\d)(?!\d)(?:,?\s+(?P<year>\d{{4}}))?",
        text[m.end() - 1 : m.end() + 25],
        re.I,
    )
    if md and _cap(md["mon"]) and not re.search(r"[.;]", text[m.end() : m.end() + md.start("mon")]):
        mo = lex.month_of.get(norm_key(md["mon"]))
        y = int(md["year"]) if md["year"] else _year_for_month(st, mo, m.start(), m.end(), int(md["day"]))
        v = _mk_day(y, mo, int(md["day"])) if mo else None
        if v:
            return v
    wm = re.search(lexicon().WEEKDAY, near, re.I)
    if wm and _cap(wm.group(0)):
        v, _ = _weekday_date(st, lex.weekday_of[norm_key(wm.group(0))], "", m.start(), m.end())
        return v
    return fmt_day(base) if base else "XXXX-XX-XX"


def _h_clock(m: re.Match[str], st: TagState) -> _Result | None:
    h = int(m["h"])
    mi = int(m["min"]) if m["min"] else 0
    ampm = (m["ampm"] or "").lower().replace(".", "")
    if ampm:
        if not 1 <= h <= 12:
            return None
        if ampm == "pm" and h != 12:
            h += 12
        if ampm == "am" and h == 12:
            h = 0
    elif h > 23:
        return None
    day = _time_day(st, m)
    return _Result("TIME", f"{day}T{h:02d}:{mi:02d}", anchor="dct")


def _h_noon(m: re.Match[str], st: TagState) -> _Result | None:
    w = m["nw"].lower()
    day = _time_day(st, m)
    return _Result("TIME", f"{day}T{'12:00' if w in ('noon', 'midday') else '24:00'}", anchor="dct")


# ---- discourse-anchored days: "the following day", "that day"


def _h_relday(m: re.Match[str], st: TagState) -> _Result | None:
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
        return _Result("DATE", "XXXX-XX-XX", anchor="discourse")
    if "month" in w:
        d = shift_day_months(base, 1 if "following" in w else -1)
        return _Result("DATE", fmt_month(d.year, d.month), anchor=anchor)
    d = base + timedelta(days=off)
    if "week" in w:
        return _Result("DATE", fmt_week(d), anchor=anchor)
    if "morning" in w:
        return _Result("TIME", fmt_day(d) + "TMO", anchor=anchor)
    return _Result("DATE", fmt_day(d), anchor=anchor)


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


def _h_relyear(m: re.Match[str], st: TagState) -> _Result | None:
    """ "later that year", "the following year": the year of the last date the discourse named."""
    w = norm_key(m["ry"])
    off = _YEAR_REL.get(w)
    if off is None:
        return None
    for t in reversed(st.resolved):
        if t.start < m.start() and t.type in ("DATE", "TIME") and re.match(r"^\d{4}", t.value):
            return _Result("DATE", f"{int(t.value[:4]) + off:04d}", anchor="discourse")
    if st.dct is None:
        return _Result("DATE", "XXXX", anchor="discourse")
    return _Result("DATE", f"{st.dct.year + off:04d}", anchor="dct")


_SPELLED_TENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SPELLED_ONES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}


def _h_spelled_year(m: re.Match[str], st: TagState) -> _Result | None:
    """ "nineteen ninety-six", "the year two thousand" (broadcast transcripts)."""
    if m["thousand"]:
        extra = _SPELLED_ONES.get((m["ones2"] or "").lower(), 0)
        return _Result("DATE", f"{2000 + extra:04d}", anchor="absolute")
    c = _SPELLED_TENS[m["cent"].lower()]
    t = _SPELLED_TENS.get(m["tens"].lower(), 0)
    o = _SPELLED_ONES.get((m["ones"] or "").lower(), 0)
    return _Result("DATE", f"{c * 100 + t + o:04d}", anchor="absolute")


# ---- holidays


def _h_holiday(m: re.Match[str], st: TagState) -> _Result | None:
    lex = lexicon()
    if not _cap(m["hol"]):
        return None
    k = norm_key(m["hol"])
    raw = lex.raw
    y = int(m["year"]) if m["year"] else (st.dct.year if st.dct else None)
    if y is None:
        if k in raw["holidays_fixed"]:
            return _Result("DATE", "XXXX-" + raw["holidays_fixed"][k], anchor="dct")
        return _Result("DATE", "XXXX-XX-XX", anchor="dct")

    def day_in(year: int) -> date:
        if k in raw["holidays_fixed"]:
            mo, d = map(int, raw["holidays_fixed"][k].split("-"))
            return date(year, mo, d)
        if k in raw["holidays_nth_weekday"]:
            wd, n, mo = raw["holidays_nth_weekday"][k]
            return nth_weekday(year, mo, wd, n)
        return easter(year) + timedelta(days=raw["holidays_easter"][k])

    d = day_in(y)
    if not m["year"] and st.dct is not None and st.dct.date is not None:
        tense = st.tense(m.start(), m.end())
        if tense == "past" and d > st.dct.date:
            d = day_in(y - 1)
        elif tense == "future" and d < st.dct.date:
            d = day_in(y + 1)
    return _Result("DATE", fmt_day(d), anchor="absolute" if m["year"] else "tense")


# --------------------------------------------------------------------------------------------
# the rule table


def holiday_names() -> list[str]:
    raw = lexicon().raw
    return list(raw["holidays_fixed"]) + list(raw["holidays_nth_weekday"]) + list(raw["holidays_easter"])


def rules() -> list[Rule]:
    """The rule table, compiled once from the lexicon (longest match wins, then priority)."""
    global _RULES
    if _RULES is not None:
        return _RULES
    L = lexicon()
    M, W, S, P, U = L.MONTH, L.WEEKDAY, L.SEASON, L.PART, L.UNIT
    numw = rf"(?:(?!an?\b){L.NUMWORD})"
    num_compound = rf"(?:{numw}(?:[\s-]+{numw})?|an?)"
    vague = (
        r"(?:a\s+few|a\s+number\s+of|a\s+handful\s+of|several|few|many|some|numerous"
        r"|multiple|countless)"
    )
    NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{vague}|{num_compound})"
    YR = r"(?P<year>(?:1[0-9]|20)\d\d)(?!\d)"
    I = re.I  # noqa: E741
    R: list[tuple[str, str, Handler, int, int]] = [
        (
            "iso",
            r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:T(?P<hh>\d\d):(?P<mm>\d\d)(?::\d\d)?)?\b",
            _h_iso,
            9,
            0,
        ),
        ("slash", r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])", _h_slash, 9, 0),
        (
            "mdy",
            rf"(?:(?P<mrel>last|this|next)\s+)?(?P<mon>{M})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d|%)"
            rf"(?:\s*(?:-|–|to|through|until)\s*(?:(?P<mon2>{M})\s+)?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d|%))?"
            rf"(?:\s*,?\s+{YR})?",
            _h_mdy,
            8,
            I,
        ),
        (
            "dmy",
            rf"(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
            rf"(?:\s*(?:-|–|to)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?(?:\s+of)?\s+(?P<mon>{M})(?P<mon2>)?"
            rf"(?:\s*,?\s+{YR})?",
            _h_dmy,
            8,
            I,
        ),
        (
            "month_range_year",
            rf"(?P<mon>{M})\s*(?:-|–|to|through|until|and)\s*(?P<mon2>{M}),?\s+{YR}",
            _h_month_range_year,
            8,
            I,
        ),
        (
            "month",
            rf"{_MOD}(?:(?P<rel>last|this|next|past|coming|previous)\s+)?(?P<mon>{M})"
            rf"(?:(?:,?\s+(?:of\s+)?{YR})|(?:\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year))?",
            _h_month,
            6,
            I,
        ),
        (
            "year_range",
            r"(?P<year>(?:1[6-9]|20)\d\d)\s*(?:-|–|to|through|until|and)\s*(?P<year2>(?:1[6-9]|20)\d\d|\d\d)(?![\d%])",
            _h_year_range,
            5,
            0,
        ),
        (
            "fiscal",
            r"(?:fiscal(?:\s+year)?|FY)\s*['’]?(?P<year>(?:1[6-9]|20)\d\d|\d\d)(?!\d)",
            _h_fiscal,
            7,
            0,
        ),
        (
            "fiscal_rel",
            r"(?P<rel>the\s+current|the\s+last|the\s+previous|the\s+next|the\s+coming|this|last|next|the)"
            r"\s+fiscal(?:\s+year)?(?![\s-]+(?:19|20)\d\d)",
            _h_fiscal_rel,
            7,
            I,
        ),
        ("year", rf"{_MOD}(?:the\s+year\s+)?{YR}", _h_year, 4, I),
        (
            "decade",
            r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<dec>1[0-9]\d|20\d)0['’]?s|['’](?P<d2>\d)0s"
            r"|(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
            _h_decade,
            6,
            I,
        ),
        (
            "century",
            r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<c>\d{1,2})(?:st|nd|rd|th)|(?P<cw>nineteenth|"
            r"twentieth|twenty[\s-]first|eighteenth|seventeenth|sixteenth))[\s-]+century",
            _h_century,
            6,
            I,
        ),
        (
            "quarter",
            r"(?:the\s+)?(?:(?P<qy>(?:19|20)\d\d)\s+|(?P<qrel>last|this|next)\s+year['’]s\s+|(?:fiscal|calendar)\s+)*"
            r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+(?:fiscal[\s-]+)?quarter"
            r"(?:\s+of\s+(?:(?:the\s+)?(?:fiscal\s+|calendar\s+)?(?:year\s+)?(?P<qy2>(?:19|20)\d\d)|(?P<qrel2>last|this|next)\s+year))?",
            _h_quarter,
            7,
            I,
        ),
        ("qnum", r"\bQ(?P<qn>[1-4])(?:\s+(?P<qy>(?:19|20)\d\d))?\b", _h_qnum, 7, 0),
        (
            "quarter_ref",
            r"(?P<qd>the\s+latest|the\s+current|the\s+previous|the\s+same|the\s+year[\s-]+(?:ago|earlier)|the"
            r"|this|last|next|last\s+year['’]s|the\s+(?:19|20)\d\d)\s+(?:fiscal\s+)?quarter(?![\s-]+(?:century|mile|of\s+a))",
            _h_quarter_ref,
            5,
            I,
        ),
        (
            "half",
            r"(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half\s+of\s+(?:(?:the\s+)?(?:fiscal\s+)?(?P<hy>(?:19|20)\d\d)"
            r"|(?P<hrel>last|this|next)\s+year|the\s+year)",
            _h_half,
            7,
            I,
        ),
        (
            "season",
            rf"{_MOD}(?:(?P<srel>last|this|next|past|coming|the)\s+)?(?P<season>{S})(?:\s+(?:of\s+)?{YR})?",
            _h_season,
            5,
            I,
        ),
        (
            "weekday",
            rf"(?:(?P<wrel>last|this|next|past|coming)\s+)?(?P<wd>{W})(?:\s+(?P<part>{P}))?",
            _h_weekday,
            5,
            I,
        ),
        ("weekend", r"(?P<rel>the|this|last|next|past|coming)\s+weekend", _h_weekend, 5, I),
        (
            "dayword",
            rf"(?P<rw>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow"
            rf"|tonight)(?:\s+(?P<part>{P}))?",
            _h_dayword,
            6,
            I,
        ),
        ("partrel", rf"(?P<prel>this|last)\s+(?P<part>{P})", _h_partrel, 6, I),
        (
            "inunit",
            r"(?:earlier|later|early|late)\s+in\s+the\s+(?P<unit>week|month|year)(?!\s+(?:of|before|after|ending|ended))",
            _h_inunit,
            5,
            I,
        ),
        (
            "relunit",
            rf"{_MOD}(?P<rel>last|this|next|past|coming|previous|current|the\s+past|the\s+last|the\s+next"
            r"|the\s+coming|the\s+current|the\s+previous)\s+(?P<unit>week|month|year|decade|century|quarter)(?![\s-]*(?:old|long|s\b))",
            _h_relunit,
            5,
            I,
        ),
        (
            "ago",
            rf"(?P<num>{NUM})[\s-]+(?:(?:and[\s-]+a[\s-]+half|half)[\s-]+)?(?P<unit>{U})\s+"
            r"(?P<dir>ago|earlier|later|from\s+now|hence)",
            _h_ago,
            7,
            I,
        ),
        ("ref", rf"(?P<ref>{L.REF})(?![\w-])", _h_ref, 3, I),
        (
            "duration",
            rf"(?:(?P<drel>the\s+(?:past|last|next|coming|first|final|previous|following|remaining|latest|same)|past|last"
            rf"|next|coming|recent|first|final|previous|following)\s+)?(?:(?P<num>{NUM})(?P<half>[\s-]+and[\s-]+a[\s-]+half)?"
            rf"(?:\s+(?:more|additional|extra|further))?[\s-]+)?"
            rf"(?P<unit>{U})(?P<half2>\s+and\s+a\s+half)?(?:(?P<old>[\s-]+old)|(?P<long>-long))?(?![\w-])",
            _h_duration,
            2,
            I,
        ),
        ("setword", rf"(?P<sw>{L.SETWORD})(?![\w-])", _h_setword, 3, I),
        (
            "every",
            rf"(?:every|each)\s+(?:(?P<num>{NUM})\s+)?(?P<tgt>{U}|{W}|{P}|{S})(?![\w-])",
            _h_every,
            6,
            I,
        ),
        (
            "freq",
            rf"(?:(?:once|twice|thrice|{NUM}\s+times)\s+(?:a|an|per|each|every)|per)\s+(?P<unit>{U}|annum)(?![\w-])",
            _h_freq,
            6,
            I,
        ),
        (
            "clock",
            r"(?<![\d.:$])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)"
            rf"(?:\s+(?:[A-Z]{{2,4}}T|GMT|UTC|local\s+time))?(?:,?\s+(?:on\s+)?(?:{W}|today|yesterday|tomorrow))?",
            _h_clock,
            7,
            I,
        ),
        (
            "clock24",
            r"(?<![\d.:$])(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?P<ampm>)\s*(?:GMT|UTC|[A-Z]{2,4}T|local\s+time"
            r"|hours|hrs|h\b)",
            _h_clock,
            7,
            0,
        ),
        (
            "noon",
            rf"(?P<nw>noon|midday|midnight)(?:,?\s+(?:on\s+)?(?:{W}|today|yesterday|tomorrow))?",
            _h_noon,
            5,
            0,
        ),
        (
            "relday",
            r"(?P<rd>the\s+(?:following|next|previous|same)\s+(?:day|morning|week|month)|the\s+day\s+(?:after|before)"
            r"(?=\s*[,.;]|\s+(?:and|but|when|as)\b)|that\s+(?:same\s+)?day)",
            _h_relday,
            5,
            I,
        ),
        (
            "relyear",
            r"(?:(?:later|earlier|early|late)\s+(?:in\s+)?)?(?P<ry>that\s+(?:same\s+)?year|the\s+(?:same|following"
            r"|next|previous|preceding)\s+year|the\s+year\s+(?:before|after)(?=\s*[,.;]))",
            _h_relyear,
            5,
            I,
        ),
        (
            "spelled_year",
            r"(?:the\s+year\s+)?(?:(?P<thousand>two\s+thousand)(?:\s+(?:and\s+)?(?P<ones2>one|two|three|four|five"
            r"|six|seven|eight|nine))?|(?P<cent>nineteen|eighteen|twenty)\s+(?P<tens>ten|eleven|twelve|thirteen"
            r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
            r"|eighty|ninety)(?:[\s-](?P<ones>one|two|three|four|five|six|seven|eight|nine))?)(?![\s-]+(?:years|"
            r"people|percent|dollars|million|billion|thousand|hundred))",
            _h_spelled_year,
            3,
            I,
        ),
        ("holiday", rf"(?P<hol>{L.HOLIDAY})(?:\s+{YR})?", _h_holiday, 6, I),
    ]

    # what every match of a rule contains: a word from a set (looked up in one pass over the
    # text's words) or a cheap pattern; rules only run in windows around these hits
    def words_of(entries: list[str] | set[str]) -> frozenset[str]:
        skip = {
            "the",
            "a",
            "an",
            "in",
            "of",
            "at",
            "to",
            "as",
            "and",
            "for",
            "one",
            "some",
        }
        out_w = set()
        for e in entries:
            for w in re.findall(r"[a-z]+", e.lower()):
                if w not in skip:
                    out_w.add(w)
        return frozenset(out_w)

    months = words_of(list(L.month_of))
    weekdays = words_of(list(L.weekday_of))
    unit_words = words_of(list(L.unit_of))
    digits = re.compile(r"\d")
    anchors: dict[str, frozenset[str] | re.Pattern[str]] = {
        "iso": digits,
        "slash": digits,
        "mdy": months,
        "dmy": months,
        "month_range_year": months,
        "month": months,
        "year_range": digits,
        "fiscal": frozenset({"fiscal", "fy"}),
        "fiscal_rel": frozenset({"fiscal"}),
        "year": digits,
        "decade": re.compile(r"\d0['’]?s|ties\b", re.I),
        "century": frozenset({"century"}),
        "quarter": frozenset({"quarter"}),
        "qnum": re.compile(r"Q[1-4]"),
        "quarter_ref": frozenset({"quarter"}),
        "half": frozenset({"half"}),
        "season": words_of(list(L.season_of)),
        "weekday": weekdays,
        "weekend": frozenset({"weekend"}),
        "dayword": frozenset({"today", "yesterday", "tomorrow", "tonight"}),
        "partrel": words_of(list(L.part_of_day)),
        "relunit": unit_words,
        "inunit": frozenset({"week", "month", "year"}),
        "ago": frozenset({"ago", "earlier", "later", "now", "hence"}),
        "ref": words_of(list(L.ref_of)),
        "duration": unit_words,
        "setword": words_of(list(L.set_of)),
        "every": frozenset({"every", "each"}),
        "freq": frozenset({"per", "times", "once", "twice", "thrice"}),
        "clock": re.compile(r"[ap]\.?\s?m\b", re.I),
        "clock24": re.compile(r"\d:\d"),
        "noon": frozenset({"noon", "midday", "midnight"}),
        "relday": frozenset({"day", "week", "month", "morning"}),
        "relyear": frozenset({"year"}),
        "spelled_year": frozenset({"nineteen", "eighteen", "twenty", "thousand"}),
        "holiday": words_of(holiday_names()),
    }
    out = []
    for name, rx, h, prio, flags in R:
        out.append(
            Rule(
                name, re.compile(r"(?<![\w])(?:" + rx + r")(?!(?<=\w)\w)", flags), h, prio, anchors.get(name)
            )
        )
    _RULES = out
    return out


_RULES: list[Rule] | None = None
