"""The tagger's rules: one regex and one normalising handler per expression family.

The table itself (patterns, priorities, anchors) is language data in ``data/time_rules.yaml``;
here each rule's handler is looked up by name and its patterns are filled with the alternations
built from ``data/time.yaml``'s word lists. Each handler turns a match into a TIMEX3 type and
value, anchored on the document date, the tense of the clause (``tense``) or the dates already
found earlier in the text (the discourse).
Acceptance of a match never depends on the discourse, so candidates can be chosen before values
are resolved in text order. Handlers live by family: ``calendar``, ``relative``, ``spans``.
"""

from __future__ import annotations

import re

from ....lexicon import load
from ..lexicon import Lexicon, lexicon, phrases
from .base import Handler, Rule
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

HANDLERS: dict[str, Handler] = {
    "iso": h_iso,
    "slash": h_slash,
    "mdy": h_mdy,
    "dmy": h_dmy,
    "month_range_year": h_month_range_year,
    "month": h_month,
    "year_range": h_year_range,
    "fiscal": h_fiscal,
    "fiscal_rel": h_fiscal_rel,
    "year": h_year,
    "decade": h_decade,
    "century": h_century,
    "quarter": h_quarter,
    "qnum": h_qnum,
    "quarter_ref": h_quarter_ref,
    "half": h_half,
    "season": h_season,
    "weekday": h_weekday,
    "weekend": h_weekend,
    "dayword": h_dayword,
    "partrel": h_partrel,
    "inunit": h_inunit,
    "relunit": h_relunit,
    "ago": h_ago,
    "ref": h_ref,
    "duration": h_duration,
    "setword": h_setword,
    "every": h_every,
    "freq": h_freq,
    "clock": h_clock,
    "noon": h_noon,
    "relday": h_relday,
    "relyear": h_relyear,
    "spelled_year": h_spelled_year,
    "holiday": h_holiday,
}


def word_fragments(L: Lexicon) -> dict[str, str]:
    """The alternations of time.yaml's word lists that time_rules.yaml's patterns put in as {NAME}
    (the names are ``lexicon.checks.TIME_WORD_FRAGMENTS``)."""
    return {
        "MONTH": L.MONTH,
        "WEEKDAY": L.WEEKDAY,
        "SEASON": L.SEASON,
        "PART": L.PART,
        "UNIT": L.UNIT,
        "NUMWORD": L.NUMWORD,
        "ORD": L.ORD,
        "REF": L.REF,
        "SETWORD": L.SETWORD,
        "HOLIDAY": L.HOLIDAY,
        "VAGUE": phrases(list(L.vague_numbers)),
        "DECADES": phrases(list(L.decades)),
        "CENTURIES": phrases(list(L.century_ordinals), sep=r"[\s-]"),
        "QUARTER_ORDINALS": phrases(list(L.quarter_ordinals)),
        "DAYWORDS": phrases(list(L.daywords)),
        "SPELLED_ONES": phrases(list(L.spelled_ones)),
        "SPELLED_TENS": phrases(list(L.spelled_tens)),
        "SPELLED_CENTURIES": phrases(list(L.spelled_year_centuries)),
    }


def word_lists(L: Lexicon) -> dict[str, list[str]]:
    """time.yaml's lists an anchor can name (``words_of``): the words and phrases of each."""
    return {
        "months": list(L.month_of),
        "weekdays": list(L.weekday_of),
        "seasons": list(L.season_of),
        "parts_of_day": list(L.part_of_day),
        "units": list(L.unit_of),
        "refs": list(L.ref_of),
        "sets": list(L.set_of),
        "holidays": holiday_names(),
        "daywords": list(L.daywords),
        "spelled_year_centuries": list(L.spelled_year_centuries),
    }


_FRAGMENT = re.compile(r"\{([A-Z][A-Z_]*)\}")


def _fill(pattern: str | list[str], fragments: dict[str, str]) -> str:
    text = pattern if isinstance(pattern, str) else "".join(pattern)
    return _FRAGMENT.sub(lambda m: fragments[m.group(1)], text)


def _anchor(
    spec: dict | None, lists: dict[str, list[str]], stop: frozenset[str]
) -> frozenset[str] | re.Pattern[str] | None:
    """What every match of a rule contains: a set of words (looked up in one pass over the text's
    words) or a cheap pattern; the rule only runs in windows around these hits."""
    if not spec:
        return None
    if "pattern" in spec:
        return re.compile(spec["pattern"], re.I if spec.get("ignore_case") else 0)
    phrases_ = list(spec.get("words") or []) + lists.get(spec.get("words_of") or "", [])
    return frozenset(w for p in phrases_ for w in re.findall(r"[a-z]+", p.lower()) if w not in stop)


def rules() -> list[Rule]:
    """The rule table of time_rules.yaml, compiled once (longest match wins, then priority)."""
    global _RULES
    if _RULES is not None:
        return _RULES
    L = lexicon()
    data = load("time_rules")
    fragments = word_fragments(L)
    for name, pattern in data["fragments"].items():
        fragments[name] = _fill(pattern, fragments)
    lists = word_lists(L)
    stop = frozenset(data["anchor_stopwords"])
    out = []
    for name, spec in data["rules"].items():
        rx = r"(?<![\w])(?:" + _fill(spec["pattern"], fragments) + r")(?!(?<=\w)\w)"
        flags = re.I if spec.get("ignore_case") else 0
        anchor = _anchor(spec.get("anchor"), lists, stop)
        out.append(Rule(name, re.compile(rx, flags), HANDLERS[spec["handler"]], spec["priority"], anchor))
    _RULES = out
    return out


_RULES: list[Rule] | None = None
