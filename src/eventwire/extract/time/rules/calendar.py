"""Calendar expressions: dates, months, years, fiscal years, decades, centuries, quarters, halves,
seasons, spelled-out years and holidays, anchored on the document date and the clause's tense.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..lexicon import lexicon, norm_key
from ..values import (
    Anchor,
    add_quarters,
    easter,
    fmt_day,
    fmt_month,
    nth_weekday,
    quarter_of,
)
from .base import Result, TagState, cap, mk_day, month_ok, month_value, prev_word, year_for_month, year_ok


def h_iso(m: re.Match[str], st: TagState) -> Result | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    v = mk_day(y, mo, d) if 1 <= mo <= 12 else None
    if v is None:
        return None
    if m["hh"]:
        return Result("TIME", f"{v}T{m['hh']}:{m['mm']}", anchor="absolute")
    return Result("DATE", v, anchor="absolute")


def h_slash(m: re.Match[str], st: TagState) -> Result | None:
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    yy = int(y) if len(y) == 4 else (1900 + int(y) if int(y) > 30 else 2000 + int(y))
    mo, d = (a, b) if a <= 12 else (b, a)
    if not 1 <= mo <= 12:
        return None
    v = mk_day(yy, mo, d)
    return Result("DATE", v, anchor="absolute") if v else None


def h_mdy(m: re.Match[str], st: TagState) -> Result | None:
    mo = month_ok(m, "mon", standalone=False)
    if mo is None:
        return None
    d = int(m["day"])
    y = int(m["year"]) if m["year"] else None
    mo2 = month_ok(m, "mon2", standalone=False) if m["mon2"] else None
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
        y = year_for_month(st, mo, m.start(), m.end(), d)
        anchor = "tense"
    v = mk_day(y, mo, d)
    if v is None:
        return None
    end_v = None
    if d2 is not None:
        y2 = y
        if mo2 is not None and y is not None and mo2 < mo:
            y2 = y + 1
        end_v = mk_day(y2, mo2 or mo, d2)
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
    return Result("DATE", v, end_v, anchor, parts)


def h_dmy(m: re.Match[str], st: TagState) -> Result | None:
    return h_mdy(m, st)


def h_month_range_year(m: re.Match[str], st: TagState) -> Result | None:
    mo = month_ok(m, "mon", standalone=False)
    mo2 = month_ok(m, "mon2", standalone=False)
    if mo is None or mo2 is None:
        return None
    y = int(m["year"])
    y1 = y if mo <= mo2 else y - 1
    a, b = fmt_month(y1, mo), fmt_month(y, mo2)
    return Result("DATE", a, b, "absolute", [(m.start(), m.end("mon"), a), (m.start("mon2"), m.end(), b)])


def h_month(m: re.Match[str], st: TagState) -> Result | None:
    """Month with an optional year, relative year or modifier: "June 1987", "last July",
    "February last year", "early December", "in June"."""
    has_support = bool(m["year"] or m["rel"] or m["yrel"] or m["mod"])
    mo = month_ok(m, "mon", standalone=not has_support)
    if mo is None:
        return None
    dct = st.dct
    if m["year"]:
        return Result("DATE", fmt_month(int(m["year"]), mo), anchor="absolute")
    rel = (m["rel"] or "").lower()
    yrel = (m["yrel"] or "").lower()
    if yrel:
        if dct is None:
            return Result("DATE", f"XXXX-{mo:02d}", anchor="dct")
        y = dct.year + {"last": -1, "this": 0, "next": 1}[yrel]
        return Result("DATE", fmt_month(y, mo), anchor="dct")
    if rel:
        if dct is None or dct.month is None:
            return Result("DATE", f"XXXX-{mo:02d}", anchor="dct")
        if rel in ("last", "past", "previous"):
            y = dct.year if mo < dct.month else dct.year - 1
        elif rel in ("next", "coming"):
            y = dct.year if mo > dct.month else dct.year + 1
        else:  # this
            y = dct.year
        return Result("DATE", fmt_month(y, mo), anchor="dct")
    y = year_for_month(st, mo, m.start(), m.end())
    return Result("DATE", month_value(st, mo, y), anchor="tense")


def h_year(m: re.Match[str], st: TagState) -> Result | None:
    if not year_ok(m):
        return None
    return Result("DATE", f"{int(m['year']):04d}", anchor="absolute")


def h_year_range(m: re.Match[str], st: TagState) -> Result | None:
    if not year_ok(m, "year"):
        return None
    y1 = int(m["year"])
    y2s = m["year2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if y2 <= y1 or y2 - y1 > 50:
        return None
    return Result(
        "DATE",
        f"{y1:04d}",
        f"{y2:04d}",
        "absolute",
        [(m.start("year"), m.end("year"), f"{y1:04d}"), (m.start("year2"), m.end("year2"), f"{y2:04d}")],
    )


def h_fiscal(m: re.Match[str], st: TagState) -> Result | None:
    ys = m["year"]
    y = int(ys) if len(ys) == 4 else (1900 + int(ys) if int(ys) > 50 else 2000 + int(ys))
    return Result("DATE", f"{y:04d}", anchor="absolute")


def h_fiscal_rel(m: re.Match[str], st: TagState) -> Result | None:
    rel = norm_key(m["rel"])
    if st.dct is None:
        return Result("DATE", "XXXX", anchor="dct")
    off = {"the last": -1, "last": -1, "the previous": -1, "the next": 1, "next": 1, "the coming": 1}.get(
        rel, 0
    )
    return Result("DATE", f"{st.dct.year + off:04d}", anchor="dct")


def h_decade(m: re.Match[str], st: TagState) -> Result | None:
    if m["dec"]:
        return Result("DATE", m["dec"], anchor="absolute")
    digit = int(m["d2"]) if m["d2"] else lexicon().decades[m["dw"].lower()]
    ref = st.dct.year if st.dct else 2000
    century = ref // 100
    if digit * 10 > ref % 100:
        century -= 1
    return Result("DATE", f"{century:02d}{digit}", anchor="dct")


def h_century(m: re.Match[str], st: TagState) -> Result | None:
    c = int(m["c"]) if m["c"] else lexicon().century_ordinals.get(norm_key(m["cw"]))
    if not c or not 1 <= c <= 22:
        return None
    return Result("DATE", f"{c - 1:02d}", anchor="absolute")


def h_quarter(m: re.Match[str], st: TagState) -> Result | None:
    q = lexicon().quarter_ordinals[m["q"].lower()]
    dct = st.dct
    yv = m["qy"] or m["qy2"]
    rel = (m["qrel"] or m["qrel2"] or "").lower()
    if yv:
        y = int(yv)
        anchor = "absolute"
    elif dct is None:
        return Result("DATE", f"XXXX-Q{q}", anchor="dct")
    else:
        y = dct.year + {"last": -1, "next": 1}.get(rel, 0)
        anchor = "dct"
    return Result("DATE", f"{y:04d}-Q{q}", anchor=anchor)


def h_qnum(m: re.Match[str], st: TagState) -> Result | None:
    q = int(m["qn"])
    if m["qy"]:
        return Result("DATE", f"{int(m['qy']):04d}-Q{q}", anchor="absolute")
    if st.dct is None:
        return Result("DATE", f"XXXX-Q{q}", anchor="dct")
    return Result("DATE", f"{st.dct.year:04d}-Q{q}", anchor="dct")


def h_quarter_ref(m: re.Match[str], st: TagState) -> Result | None:
    """ "the quarter", "the latest quarter", "the year-ago quarter": the quarter the discourse is about."""
    d = norm_key(m["qd"])
    last = st.last_ref(("quarter",), m.start(), window=2000)
    dct = st.dct
    if last is not None:
        y, q = int(last.value[:4]), int(last.value[-1])
    elif dct is not None and dct.month is not None:
        y, q = add_quarters(dct.year, quarter_of(dct.month), -1)
    else:
        return Result("DATE", "XXXX-QX", anchor="discourse")
    if d in ("next",):
        if dct is None or dct.month is None:
            return Result("DATE", "XXXX-QX", anchor="dct")
        y, q = add_quarters(dct.year, quarter_of(dct.month), 1)
    elif d in ("this", "the current"):
        if dct is None or dct.month is None:
            return Result("DATE", "XXXX-QX", anchor="dct")
        y, q = dct.year, quarter_of(dct.month)
    elif "year" in d or d.startswith("last year") or d == "a year earlier":
        y -= 1
    elif d in ("last", "the previous", "the last") and last is None and dct and dct.month:
        pass
    return Result("DATE", f"{y:04d}-Q{q}", anchor="discourse")


def h_half(m: re.Match[str], st: TagState) -> Result | None:
    h = 1 if m["h"].lower() in ("first", "1st") else 2
    if m["hy"]:
        return Result("DATE", f"{int(m['hy']):04d}-H{h}", anchor="absolute")
    if st.dct is None:
        return Result("DATE", f"XXXX-H{h}", anchor="dct")
    off = {"last": -1, "next": 1}.get((m["hrel"] or "").lower(), 0)
    return Result("DATE", f"{st.dct.year + off:04d}-H{h}", anchor="dct")


_SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}


def _season_now(dct: Anchor) -> tuple[int, str] | None:
    if dct.month is None:
        return None
    mo = dct.month
    if mo in (12, 1, 2):
        return (dct.year if mo != 12 else dct.year + 1, "WI")
    return (dct.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(mo, "FA"))


def h_season(m: re.Match[str], st: TagState) -> Result | None:
    lex = lexicon()
    word = m["season"]
    s = lex.season_of[norm_key(word)]
    rel = norm_key(m["srel"] or "")
    prev = prev_word(m.string, m.start())
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
        return Result("DATE", f"{int(m['year']):04d}-{s}", anchor="absolute")
    dct = st.dct
    if dct is None or dct.month is None:
        return Result("DATE", f"XXXX-{s}", anchor="dct")
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
    return Result("DATE", f"{k // 4:04d}-{s}", anchor="dct")


def h_spelled_year(m: re.Match[str], st: TagState) -> Result | None:
    """ "nineteen ninety-six", "the year two thousand" (broadcast transcripts)."""
    lex = lexicon()
    if m["thousand"]:
        extra = lex.spelled_ones.get((m["ones2"] or "").lower(), 0)
        return Result("DATE", f"{2000 + extra:04d}", anchor="absolute")
    c = lex.spelled_tens[m["cent"].lower()]
    t = lex.spelled_tens.get(m["tens"].lower(), 0)
    o = lex.spelled_ones.get((m["ones"] or "").lower(), 0)
    return Result("DATE", f"{c * 100 + t + o:04d}", anchor="absolute")


def h_holiday(m: re.Match[str], st: TagState) -> Result | None:
    lex = lexicon()
    if not cap(m["hol"]):
        return None
    k = norm_key(m["hol"])
    raw = lex.raw
    y = int(m["year"]) if m["year"] else (st.dct.year if st.dct else None)
    if y is None:
        if k in raw["holidays_fixed"]:
            return Result("DATE", "XXXX-" + raw["holidays_fixed"][k], anchor="dct")
        return Result("DATE", "XXXX-XX-XX", anchor="dct")

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
    return Result("DATE", fmt_day(d), anchor="absolute" if m["year"] else "tense")


def holiday_names() -> list[str]:
    raw = lexicon().raw
    return list(raw["holidays_fixed"]) + list(raw["holidays_nth_weekday"]) + list(raw["holidays_easter"])
