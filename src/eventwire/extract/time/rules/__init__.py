"""The tagger's rules: one regex and one normalising handler per expression family.

Each handler turns a match into a TIMEX3 type and value, anchored on the document date, the
tense of the clause (``tense``) or the dates already found earlier in the text (the discourse).
Acceptance of a match never depends on the discourse, so candidates can be chosen before values
are resolved in text order. Handlers live by family: ``calendar``, ``relative``, ``spans``.
"""

from __future__ import annotations

import re

from ..lexicon import lexicon, phrases
from .base import MOD, Handler, Rule
from .calendar import (
    h_century,
    h_decade,
    h_dmy,
    h_fiscal,
    h_fiscal_rel,
    h_half,
    h_holiday,
    h_iso,
    h_mdy,
    h_month,
    h_month_range_year,
    h_qnum,
    h_quarter,
    h_quarter_ref,
    h_season,
    h_slash,
    h_spelled_year,
    h_year,
    h_year_range,
    holiday_names,
)
from .relative import (
    h_ago,
    h_dayword,
    h_inunit,
    h_partrel,
    h_ref,
    h_relday,
    h_relunit,
    h_relyear,
    h_weekday,
    h_weekend,
)
from .spans import h_clock, h_duration, h_every, h_freq, h_noon, h_setword


def rules() -> list[Rule]:
    """The rule table, compiled once from the lexicon (longest match wins, then priority)."""
    global _RULES
    if _RULES is not None:
        return _RULES
    L = lexicon()
    M, W, S, P, U = L.MONTH, L.WEEKDAY, L.SEASON, L.PART, L.UNIT
    numw = rf"(?:(?!an?\b){L.NUMWORD})"
    num_compound = rf"(?:{numw}(?:[\s-]+{numw})?|an?)"
    vague = f"(?:{phrases(list(L.vague_numbers))})"
    NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{vague}|{num_compound})"
    YR = r"(?P<year>(?:1[0-9]|20)\d\d)(?!\d)"
    ones = phrases(list(L.spelled_ones))
    centuries = phrases(list(L.century_ordinals), sep=r"[\s-]")
    I = re.I  # noqa: E741
    R: list[tuple[str, str, Handler, int, int]] = [
        (
            "iso",
            r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:T(?P<hh>\d\d):(?P<mm>\d\d)(?::\d\d)?)?\b",
            h_iso,
            9,
            0,
        ),
        ("slash", r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])", h_slash, 9, 0),
        (
            "mdy",
            rf"(?:(?P<mrel>last|this|next)\s+)?(?P<mon>{M})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d|%)"
            rf"(?:\s*(?:-|–|to|through|until)\s*(?:(?P<mon2>{M})\s+)?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d|%))?"
            rf"(?:\s*,?\s+{YR})?",
            h_mdy,
            8,
            I,
        ),
        (
            "dmy",
            rf"(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
            rf"(?:\s*(?:-|–|to)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?(?:\s+of)?\s+(?P<mon>{M})(?P<mon2>)?"
            rf"(?:\s*,?\s+{YR})?",
            h_dmy,
            8,
            I,
        ),
        (
            "month_range_year",
            rf"(?P<mon>{M})\s*(?:-|–|to|through|until|and)\s*(?P<mon2>{M}),?\s+{YR}",
            h_month_range_year,
            8,
            I,
        ),
        (
            "month",
            rf"{MOD}(?:(?P<rel>last|this|next|past|coming|previous)\s+)?(?P<mon>{M})"
            rf"(?:(?:,?\s+(?:of\s+)?{YR})|(?:\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year))?",
            h_month,
            6,
            I,
        ),
        (
            "year_range",
            r"(?P<year>(?:1[6-9]|20)\d\d)\s*(?:-|–|to|through|until|and)\s*(?P<year2>(?:1[6-9]|20)\d\d|\d\d)(?![\d%])",
            h_year_range,
            5,
            0,
        ),
        (
            "fiscal",
            r"(?:fiscal(?:\s+year)?|FY)\s*['’]?(?P<year>(?:1[6-9]|20)\d\d|\d\d)(?!\d)",
            h_fiscal,
            7,
            0,
        ),
        (
            "fiscal_rel",
            r"(?P<rel>the\s+current|the\s+last|the\s+previous|the\s+next|the\s+coming|this|last|next|the)"
            r"\s+fiscal(?:\s+year)?(?![\s-]+(?:19|20)\d\d)",
            h_fiscal_rel,
            7,
            I,
        ),
        ("year", rf"{MOD}(?:the\s+year\s+)?{YR}", h_year, 4, I),
        (
            "decade",
            r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<dec>1[0-9]\d|20\d)0['’]?s|['’](?P<d2>\d)0s"
            rf"|(?P<dw>{phrases(list(L.decades))}))\b",
            h_decade,
            6,
            I,
        ),
        (
            "century",
            r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<c>\d{1,2})(?:st|nd|rd|th)"
            rf"|(?P<cw>{centuries}))[\s-]+century",
            h_century,
            6,
            I,
        ),
        (
            "quarter",
            r"(?:the\s+)?(?:(?P<qy>(?:19|20)\d\d)\s+|(?P<qrel>last|this|next)\s+year['’]s\s+|(?:fiscal|calendar)\s+)*"
            rf"(?P<q>{phrases(list(L.quarter_ordinals))})[\s-]+(?:fiscal[\s-]+)?quarter"
            r"(?:\s+of\s+(?:(?:the\s+)?(?:fiscal\s+|calendar\s+)?(?:year\s+)?(?P<qy2>(?:19|20)\d\d)|(?P<qrel2>last|this|next)\s+year))?",
            h_quarter,
            7,
            I,
        ),
        ("qnum", r"\bQ(?P<qn>[1-4])(?:\s+(?P<qy>(?:19|20)\d\d))?\b", h_qnum, 7, 0),
        (
            "quarter_ref",
            r"(?P<qd>the\s+latest|the\s+current|the\s+previous|the\s+same|the\s+year[\s-]+(?:ago|earlier)|the"
            r"|this|last|next|last\s+year['’]s|the\s+(?:19|20)\d\d)\s+(?:fiscal\s+)?quarter(?![\s-]+(?:century|mile|of\s+a))",
            h_quarter_ref,
            5,
            I,
        ),
        (
            "half",
            r"(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half\s+of\s+(?:(?:the\s+)?(?:fiscal\s+)?(?P<hy>(?:19|20)\d\d)"
            r"|(?P<hrel>last|this|next)\s+year|the\s+year)",
            h_half,
            7,
            I,
        ),
        (
            "season",
            rf"{MOD}(?:(?P<srel>last|this|next|past|coming|the)\s+)?(?P<season>{S})(?:\s+(?:of\s+)?{YR})?",
            h_season,
            5,
            I,
        ),
        (
            "weekday",
            rf"(?:(?P<wrel>last|this|next|past|coming)\s+)?(?P<wd>{W})(?:\s+(?P<part>{P}))?",
            h_weekday,
            5,
            I,
        ),
        ("weekend", r"(?P<rel>the|this|last|next|past|coming)\s+weekend", h_weekend, 5, I),
        (
            "dayword",
            rf"(?P<rw>{phrases(list(L.daywords))})(?:\s+(?P<part>{P}))?",
            h_dayword,
            6,
            I,
        ),
        ("partrel", rf"(?P<prel>this|last)\s+(?P<part>{P})", h_partrel, 6, I),
        (
            "inunit",
            r"(?:earlier|later|early|late)\s+in\s+the\s+(?P<unit>week|month|year)(?!\s+(?:of|before|after|ending|ended))",
            h_inunit,
            5,
            I,
        ),
        (
            "relunit",
            rf"{MOD}(?P<rel>last|this|next|past|coming|previous|current|the\s+past|the\s+last|the\s+next"
            r"|the\s+coming|the\s+current|the\s+previous)\s+(?P<unit>week|month|year|decade|century|quarter)(?![\s-]*(?:old|long|s\b))",
            h_relunit,
            5,
            I,
        ),
        (
            "ago",
            rf"(?P<num>{NUM})[\s-]+(?:(?:and[\s-]+a[\s-]+half|half)[\s-]+)?(?P<unit>{U})\s+"
            r"(?P<dir>ago|earlier|later|from\s+now|hence)",
            h_ago,
            7,
            I,
        ),
        ("ref", rf"(?P<ref>{L.REF})(?![\w-])", h_ref, 3, I),
        (
            "duration",
            rf"(?:(?P<drel>the\s+(?:past|last|next|coming|first|final|previous|following|remaining|latest|same)|past|last"
            rf"|next|coming|recent|first|final|previous|following)\s+)?(?:(?P<num>{NUM})(?P<half>[\s-]+and[\s-]+a[\s-]+half)?"
            rf"(?:\s+(?:more|additional|extra|further))?[\s-]+)?"
            rf"(?P<unit>{U})(?P<half2>\s+and\s+a\s+half)?(?:(?P<old>[\s-]+old)|(?P<long>-long))?(?![\w-])",
            h_duration,
            2,
            I,
        ),
        ("setword", rf"(?P<sw>{L.SETWORD})(?![\w-])", h_setword, 3, I),
        (
            "every",
            rf"(?:every|each)\s+(?:(?P<num>{NUM})\s+)?(?P<tgt>{U}|{W}|{P}|{S})(?![\w-])",
            h_every,
            6,
            I,
        ),
        (
            "freq",
            rf"(?:(?:once|twice|thrice|{NUM}\s+times)\s+(?:a|an|per|each|every)|per)\s+(?P<unit>{U}|annum)(?![\w-])",
            h_freq,
            6,
            I,
        ),
        (
            "clock",
            r"(?<![\d.:$])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)"
            rf"(?:\s+(?:[A-Z]{{2,4}}T|GMT|UTC|local\s+time))?(?:,?\s+(?:on\s+)?(?:{W}|today|yesterday|tomorrow))?",
            h_clock,
            7,
            I,
        ),
        (
            "clock24",
            r"(?<![\d.:$])(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?P<ampm>)\s*(?:GMT|UTC|[A-Z]{2,4}T|local\s+time"
            r"|hours|hrs|h\b)",
            h_clock,
            7,
            0,
        ),
        (
            "noon",
            rf"(?P<nw>noon|midday|midnight)(?:,?\s+(?:on\s+)?(?:{W}|today|yesterday|tomorrow))?",
            h_noon,
            5,
            0,
        ),
        (
            "relday",
            r"(?P<rd>the\s+(?:following|next|previous|same)\s+(?:day|morning|week|month)|the\s+day\s+(?:after|before)"
            r"(?=\s*[,.;]|\s+(?:and|but|when|as)\b)|that\s+(?:same\s+)?day)",
            h_relday,
            5,
            I,
        ),
        (
            "relyear",
            r"(?:(?:later|earlier|early|late)\s+(?:in\s+)?)?(?P<ry>that\s+(?:same\s+)?year|the\s+(?:same|following"
            r"|next|previous|preceding)\s+year|the\s+year\s+(?:before|after)(?=\s*[,.;]))",
            h_relyear,
            5,
            I,
        ),
        (
            "spelled_year",
            rf"(?:the\s+year\s+)?(?:(?P<thousand>two\s+thousand)(?:\s+(?:and\s+)?(?P<ones2>{ones}))?"
            rf"|(?P<cent>{phrases(list(L.spelled_year_centuries))})\s+(?P<tens>{phrases(list(L.spelled_tens))})"
            rf"(?:[\s-](?P<ones>{ones}))?)(?![\s-]+(?:years|"
            r"people|percent|dollars|million|billion|thousand|hundred))",
            h_spelled_year,
            3,
            I,
        ),
        ("holiday", rf"(?P<hol>{L.HOLIDAY})(?:\s+{YR})?", h_holiday, 6, I),
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
        "dayword": frozenset(w for w in L.daywords if " " not in w),
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
        "spelled_year": frozenset(L.spelled_year_centuries) | {"thousand"},
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
