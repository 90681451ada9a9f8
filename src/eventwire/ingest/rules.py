"""Loads the analyst-editable cleaning rules (``data/ingest.yaml``) once per process.

The rules are data so that a new site's furniture or a new agency can be handled by editing
YAML, not code; this module only compiles them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import load
from ..lexicon.files import Ingest


@dataclass(frozen=True)
class Rules:
    months: dict[str, int]
    weekdays: frozenset[str]
    date_labels: tuple[str, ...]
    age_units: tuple[str, ...]
    inline_debris: tuple[re.Pattern[str], ...]
    drop_lines: tuple[re.Pattern[str], ...]
    drop_line: re.Pattern[str]  # all drop_lines as one alternation (one pass per line)
    teaser_heading: re.Pattern[str]
    html_prune_class_parts: tuple[str, ...]
    section_labels: frozenset[str]
    header_keys: dict[str, str]  # lower-cased key -> field
    header_key_re: re.Pattern[str]
    bylines: tuple[re.Pattern[str], ...]
    byline_role_words: frozenset[str]
    byline_outlet_words: frozenset[str]
    wire_agencies: frozenset[str]
    name_particles: frozenset[str]
    widget_word_suffixes: tuple[str, ...]
    caption_cue: re.Pattern[str]
    abbreviations: frozenset[str]
    agencies: tuple[re.Pattern[str], ...]
    datelines: tuple[re.Pattern[str], ...]
    stopwords: dict[str, frozenset[str]]
    json_fields: dict[str, list[str]]
    json_containers: tuple[str, ...]
    skip_file_names: tuple[str, ...]
    limits: dict[str, int]


def _ci(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Parse and compile ``ingest.yaml``; cached because every file read needs it."""
    raw: Ingest = load("ingest")
    header_keys: dict[str, str] = {}
    for fld, keys in raw["header_keys"].items():
        for k in keys:
            header_keys[k.lower()] = fld
    # longest keys first so "published on" wins over "published"
    key_alt = "|".join(re.escape(k) for k in sorted(header_keys, key=len, reverse=True))
    teaser_alt = "|".join(f"(?:{h})" for h in raw["teaser_headings"])
    return Rules(
        months={k.lower(): int(v) for k, v in raw["months"].items()},
        weekdays=frozenset(w.lower() for w in raw["weekdays"]),
        date_labels=tuple(w.lower() for w in raw["date_labels"]),
        age_units=tuple(w.lower() for w in raw["age_units"]),
        inline_debris=tuple(_ci(p) for p in raw["inline_debris"]),
        drop_lines=tuple(_ci(p) for p in raw["drop_lines"]),
        drop_line=_ci("|".join(f"(?:{p})" for p in raw["drop_lines"])),
        teaser_heading=_ci(rf"^\s*(?:{teaser_alt})\s*[:.!»>›]*\s*$"),
        html_prune_class_parts=tuple(x.lower() for x in raw.get("html_prune_class_parts", [])),
        section_labels=frozenset(s.lower() for s in raw["section_labels"]),
        header_keys=header_keys,
        header_key_re=_ci(rf"^\s*(?P<key>{key_alt})\s*(?::\s*|\s+)(?P<value>\S.*)$"),
        bylines=tuple(_ci(p) for p in raw["byline_patterns"]),
        byline_role_words=frozenset(w.lower() for w in raw["byline_role_words"]),
        byline_outlet_words=frozenset(w.lower() for w in raw["byline_outlet_words"]),
        wire_agencies=frozenset(w.lower() for w in raw["wire_agencies"]),
        name_particles=frozenset(w.lower() for w in raw["name_particles"]),
        widget_word_suffixes=tuple(w.lower() for w in raw["widget_word_suffixes"]),
        caption_cue=_ci("|".join(f"(?:{p})" for p in raw["caption_cues"])),
        abbreviations=frozenset(w.lower() for w in raw["abbreviations"]),
        agencies=tuple(_ci(p) for p in raw["agency_patterns"]),
        # datelines rely on capitalisation, so they are case-sensitive
        datelines=tuple(re.compile(p) for p in raw["dateline_patterns"]),
        stopwords={lang: frozenset(ws) for lang, ws in raw["stopwords"].items()},
        json_fields={k: list(v) for k, v in raw["json_fields"].items()},
        json_containers=tuple(raw["json_containers"]),
        skip_file_names=tuple(g.lower() for g in raw.get("skip_file_names", [])),
        limits={k: int(v) for k, v in raw["limits"].items()},
    )
