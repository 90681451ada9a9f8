"""Durations, sets ("every week", "twice a year") and clock times."""

from __future__ import annotations

import re

from ..lexicon import lexicon, norm_key
from ..values import (
    add_days,
    duration,
    fmt_day,
)
from .base import Result, TagState, cap, day_ref, mk_day, num, prev_word, year_for_month
from .relative import weekday_date


def h_duration(m: re.Match[str], st: TagState) -> Result | None:
    lex = lexicon()
    ukey = norm_key(m["unit"])
    unit = lex.unit_of[ukey]
    numtxt = m["num"]
    n = num(numtxt) if numtxt else None
    if numtxt is not None and norm_key(numtxt) in ("a", "an") and ukey.endswith("s"):
        n = None  # "a decades-long feud": no count
    vague = numtxt is not None and n is None
    if numtxt is None:
        # bare plural ("for years"): only after a word that makes it a stretch of time
        if not ukey.endswith("s") and ukey not in ("centuries", "millennia"):
            return None
        if not m["long"] and prev_word(m.string, m.start()) not in lexicon().stretch_words:
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
            return Result("SET", duration(1, unit), anchor="set")
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
        return Result("DURATION", value, anchor="duration")
    return Result("DURATION", value, anchor="duration")


def h_setword(m: re.Match[str], st: TagState) -> Result | None:
    """ "daily", "annually" as adverbs; as adjectives ("its quarterly dividend") they are no timex."""
    lex = lexicon()
    if prev_word(m.string, m.start()) in lex.setword_determiners:
        return None
    return Result("SET", lex.set_of[norm_key(m["sw"])], anchor="set")


def h_every(m: re.Match[str], st: TagState) -> Result | None:
    lex = lexicon()
    tgt = norm_key(m["tgt"])
    n = num(m["num"]) if m["num"] else 1
    if tgt in lex.unit_of:
        unit = lex.unit_of[tgt]
        if unit == "2W":
            unit, n = "W", (n or 1) * 2
        return Result("SET", duration(n or 1, unit), anchor="set")
    if tgt in lex.weekday_of:
        return Result("SET", f"XXXX-WXX-{lex.weekday_of[tgt]}", anchor="set")
    if tgt in lex.part_of_day:
        return Result("SET", f"XXXX-XX-XXT{lex.part_of_day[tgt]}", anchor="set")
    if tgt in lex.month_of:
        return Result("SET", f"XXXX-{lex.month_of[tgt]:02d}", anchor="set")
    if tgt in lex.season_of:
        return Result("SET", f"XXXX-{lex.season_of[tgt]}", anchor="set")
    return None


def h_freq(m: re.Match[str], st: TagState) -> Result | None:
    lex = lexicon()
    unit = lex.unit_of.get(norm_key(m["unit"]))
    if unit is None:
        return None
    if unit == "2W":
        return Result("SET", "P2W", anchor="set")
    return Result("SET", duration(1, unit), anchor="set")


def _time_day(st: TagState, m: re.Match[str]) -> str:
    """The day a clock time belongs to: a day word right next to it, else the document date."""
    lex = lexicon()
    text = m.string
    near = text[m.start() : m.end() + 25] + " || " + text[max(0, m.start() - 25) : m.start()]
    base = day_ref(st, m.start())
    for w, off in (("yesterday", -1), ("tomorrow", 1), ("today", 0)):
        if re.search(rf"\b{w}\b", near, re.I) and base:
            return fmt_day(add_days(base, off))
    md = re.match(
        rf"[^|]*?(?:,|\s)\s*(?P<mon>{lex.MONTH})\s+(?P<day>[0-3]?\d)(?!\d)(?:,?\s+(?P<year>\d{{4}}))?",
        text[m.end() - 1 : m.end() + 25],
        re.I,
    )
    if md and cap(md["mon"]) and not re.search(r"[.;]", text[m.end() : m.end() + md.start("mon")]):
        mo = lex.month_of.get(norm_key(md["mon"]))
        y = int(md["year"]) if md["year"] else year_for_month(st, mo, m.start(), m.end(), int(md["day"]))
        v = mk_day(y, mo, int(md["day"])) if mo else None
        if v:
            return v
    wm = re.search(lexicon().WEEKDAY, near, re.I)
    if wm and cap(wm.group(0)):
        v, _ = weekday_date(st, lex.weekday_of[norm_key(wm.group(0))], "", m.start(), m.end())
        return v
    return fmt_day(base) if base else "XXXX-XX-XX"


def h_clock(m: re.Match[str], st: TagState) -> Result | None:
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
    return Result("TIME", f"{day}T{h:02d}:{mi:02d}", anchor="dct")


def h_noon(m: re.Match[str], st: TagState) -> Result | None:
    w = m["nw"].lower()
    day = _time_day(st, m)
    return Result("TIME", f"{day}T{'12:00' if w in ('noon', 'midday') else '24:00'}", anchor="dct")
