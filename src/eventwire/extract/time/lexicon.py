"""The tagger's word lists (data/time.yaml) and the regex fragments built from them.

Kept apart from the rules so an analyst's edit of the YAML changes the patterns without
touching code, and so the lists are read once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...lexicon import load
from ...lexicon.files import Time


def _alt(words: list[str], hyphen: bool = True) -> str:
    """A regex alternation, longest first, spaces matching any run of whitespace (or hyphens)."""
    out = []
    sep = r"[\s-]+" if hyphen else r"\s+"
    for w in sorted(set(words), key=len, reverse=True):
        out.append(re.escape(w).replace(r"\ ", sep).replace("'", "['’]"))
    return "(?:" + "|".join(out) + ")"


def phrases(words: list[str], sep: str = r"\s+") -> str:
    """A regex alternation of phrases in the order given, ``sep`` between their words (no group)."""
    return "|".join(sep.join(re.escape(w) for w in p.split()) for p in words)


@dataclass(frozen=True)
class Lexicon:
    raw: dict[str, Any]
    month_of: dict[str, int]
    weekday_of: dict[str, int]
    season_of: dict[str, str]
    part_of_day: dict[str, str]
    number_of: dict[str, int]
    ordinal_of: dict[str, int]
    unit_of: dict[str, str]
    ref_of: dict[str, str]
    set_of: dict[str, str]
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    not_past_ed: frozenset[str]
    ambiguous_months: frozenset[str]
    weekday_need_dot: frozenset[str]
    present_cues: frozenset[str]
    deadline_words: frozenset[str]
    episode_shifts: frozenset[str]
    past_noun_modifiers: frozenset[str]
    past_markers: tuple[str, ...]
    time_anaphors: frozenset[str]
    ordering_preps: frozenset[str]
    conditional_marks: frozenset[str]
    after_preps: frozenset[str]
    dating_participles: frozenset[str]
    occasion_preps: frozenset[str]
    time_relatives: frozenset[str]
    sequence_verbs: frozenset[str]
    ordering_nouns: frozenset[str]
    temporal_preps: frozenset[str]
    year_preps: frozenset[str]
    stretch_words: frozenset[str]
    setword_determiners: frozenset[str]
    daywords: dict[str, int]
    decades: dict[str, int]
    century_ordinals: dict[str, int]
    quarter_ordinals: dict[str, int]
    spelled_year_centuries: tuple[str, ...]
    spelled_tens: dict[str, int]
    spelled_ones: dict[str, int]
    vague_numbers: tuple[str, ...]
    season_months: dict[str, tuple[int, int]]
    # regex fragments (no groups)
    MONTH: str
    WEEKDAY: str
    SEASON: str
    PART: str
    NUMWORD: str
    ORD: str
    UNIT: str
    REF: str
    SETWORD: str
    HOLIDAY: str


def _unit_forms(unit: str) -> list[str]:
    forms = [unit]
    if unit == "century":
        forms.append("centuries")
    elif unit == "millennium":
        forms += ["millennia", "millenniums"]
    else:
        forms.append(unit + "s")
    return forms


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, loaded once from the package's data folder."""
    raw: Time = load("time")
    month_of = {w: int(k) for k, ws in raw["months"].items() for w in ws}
    weekday_of = {w: int(k) for k, ws in raw["weekdays"].items() for w in ws}
    season_of = {w: k for k, ws in raw["seasons"].items() for w in ws}
    part_of_day = {w: k for k, ws in raw["parts_of_day"].items() for w in ws}
    number_of = {str(k): int(v) for k, v in raw["numbers"].items()}
    ordinal_of = {str(k): int(v) for k, v in raw["ordinals"].items()}
    unit_of: dict[str, str] = {}
    for u, code in raw["units"].items():
        for f in _unit_forms(u):
            unit_of[f] = code
    ref_of = {w: k for k, ws in raw["refs"].items() for w in ws}
    set_of = dict(raw["sets"])
    holidays = list(raw["holidays_fixed"]) + list(raw["holidays_nth_weekday"]) + list(raw["holidays_easter"])

    def month_alt() -> str:
        parts = []
        for w in sorted(month_of, key=len, reverse=True):
            parts.append(w if len(w) > 3 and w != "sept" else w + r"\.?")
        return "(?:" + "|".join(parts) + r")(?![a-z])"

    def weekday_alt() -> str:
        parts = []
        for w in sorted(weekday_of, key=len, reverse=True):
            parts.append(w if w.endswith("day") else w + r"\.")
        return "(?:" + "|".join(parts) + r")(?![a-z])"

    return Lexicon(
        raw=raw,
        month_of=month_of,
        weekday_of=weekday_of,
        season_of=season_of,
        part_of_day=part_of_day,
        number_of=number_of,
        ordinal_of=ordinal_of,
        unit_of=unit_of,
        ref_of=ref_of,
        set_of=set_of,
        future_cues=frozenset(raw["future_cues"]),
        past_cues=frozenset(raw["past_cues"]),
        not_past_ed=frozenset(raw["not_past_ed"]),
        ambiguous_months=frozenset(raw["ambiguous_months"]),
        weekday_need_dot=frozenset(raw["weekday_abbrev_need_dot"]),
        present_cues=frozenset(raw["present_cues"]),
        deadline_words=frozenset(raw["deadline_words"]),
        episode_shifts=frozenset(raw["episode_shifts"]),
        past_noun_modifiers=frozenset(raw["past_noun_modifiers"]),
        past_markers=tuple(raw["past_markers"]),
        time_anaphors=frozenset(raw["time_anaphors"]),
        ordering_preps=frozenset(raw["ordering_preps"]),
        conditional_marks=frozenset(raw["conditional_marks"]),
        after_preps=frozenset(raw["after_preps"]),
        dating_participles=frozenset(raw["dating_participles"]),
        occasion_preps=frozenset(raw["occasion_preps"]),
        time_relatives=frozenset(raw["time_relatives"]),
        sequence_verbs=frozenset(raw["sequence_verbs"]),
        ordering_nouns=frozenset(raw["ordering_nouns"]),
        temporal_preps=frozenset(raw["temporal_preps"]),
        year_preps=frozenset(raw["year_preps"]),
        stretch_words=frozenset(raw["stretch_words"]),
        setword_determiners=frozenset(raw["setword_determiners"]),
        daywords=dict(raw["daywords"]),
        decades=dict(raw["decades"]),
        century_ordinals=dict(raw["century_ordinals"]),
        quarter_ordinals=dict(raw["quarter_ordinals"]),
        spelled_year_centuries=tuple(raw["spelled_year_centuries"]),
        spelled_tens=dict(raw["spelled_tens"]),
        spelled_ones=dict(raw["spelled_ones"]),
        vague_numbers=tuple(raw["vague_numbers"]),
        season_months={k: (int(a), int(b)) for k, (a, b) in raw["season_months"].items()},
        MONTH=month_alt(),
        WEEKDAY=weekday_alt(),
        SEASON=_alt(list(season_of)),
        PART=_alt(list(part_of_day)),
        NUMWORD=_alt(list(number_of)),
        ORD=_alt(list(ordinal_of)),
        UNIT=_alt(list(unit_of)),
        REF=_alt(list(ref_of), hyphen=False),
        SETWORD=_alt(list(set_of)),
        HOLIDAY=_alt(holidays),
    )


def norm_key(s: str) -> str:
    """Lower case, one space, straight apostrophe, no trailing dot: the form lexicon keys use."""
    s = s.lower().replace("’", "'")
    s = re.sub(r"[\s-]+", " ", s).strip()
    return s.rstrip(".")
