"""A cheap language guess for texts whose source does not declare one.

The pipeline only analyses English; knowing that a story is not English lets it skip or flag the
story instead of producing nonsense events. A stopword share is enough for that decision.
"""

from __future__ import annotations

import re

from eventwire.ingest.rules import load_rules

_TOKEN = re.compile(r"[^\W\d_]+")


def guess_language(text: str, sample_chars: int = 20_000) -> str | None:
    """ISO 639-1 code of the language whose stopwords cover most tokens, or None if unsure."""
    tokens = [t.lower() for t in _TOKEN.findall(text[:sample_chars])]
    if len(tokens) < 5:
        return None
    best, best_share = None, 0.0
    for lang, words in load_rules().stopwords.items():
        share = sum(1 for t in tokens if t in words) / len(tokens)
        if share > best_share:
            best, best_share = lang, share
    need = 0.12 if len(tokens) >= 40 else 0.2
    if best_share >= need:
        return best
    # tables of figures and one-line briefs have few stopwords; plain-ASCII text with English
    # ahead of every other language is English
    letters = [c for c in text[:sample_chars] if c.isalpha()]
    ascii_share = sum(1 for c in letters if c.isascii()) / max(1, len(letters))
    if best == "en" and best_share >= 0.04 and ascii_share >= 0.97:
        return "en"
    return None


def normalise_language(value: object) -> str | None:
    """'en-US', 'EN', 'eng' -> 'en'; anything else -> None."""
    if not isinstance(value, str):
        return None
    m = re.match(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?\s*$", value)
    if not m:
        return None
    code = m.group(1).lower()
    if len(code) == 3:
        try:
            import pycountry

            lang = pycountry.languages.get(alpha_3=code)
            return getattr(lang, "alpha_2", None) if lang else None
        except (ImportError, KeyError, LookupError):
            return None
    return code
