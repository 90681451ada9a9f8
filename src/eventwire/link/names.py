"""Name normalisation shared by per-article linking and corpus-wide resolution.

Names are compared without accents, case or honorifics so that "Dato' Seri Mohamed Khaled Nordin",
"Yasar Guler" and "Yaşar Güler" meet; the surface forms themselves are kept as aliases.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FOLD = str.maketrans({"’": "'", "‘": "'", "ı": "i", "İ": "I", "ß": "ss", "ø": "o", "Ø": "O", "đ": "d"})
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=262_144)
def fold(s: str) -> str:
    """Accent- and case-free form: equality of two folded names means 'same spelling'."""
    if s.isascii():  # nothing to decompose or translate (most names; 53k city names at start-up)
        return _SPACE.sub(" ", s).strip().casefold()
    return _fold_unicode(s)


def _fold_unicode(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.translate(_FOLD))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return _SPACE.sub(" ", s).strip().casefold()


def accent_score(s: str) -> int:
    """How many non-ASCII letters a spelling has: the properly accented form wins ties."""
    return sum(1 for c in s if ord(c) > 127 and c.isalpha())


def clean_surface(s: str) -> str:
    """Trim what is never part of a name: possessive endings, outer quotes and punctuation."""
    s = s.strip().strip('"“”()[],;:<>')
    s = re.sub(r"(?:'s|’s|'|’)$", "", s).strip()
    s = re.sub(r"^(?:the|The|THE)\s+", "", s)
    return _SPACE.sub(" ", s).strip()


def strip_honorifics(words: list[str], honorifics: set[str]) -> tuple[list[str], list[str]]:
    """Split leading honorifics off a name: (['Datuk','Seri'], ['Mohamed','Khaled','Nordin'])."""
    i = 0
    while i < len(words) - 1:
        w = fold(words[i]).rstrip(".")
        if w in honorifics or w.rstrip("'") in honorifics:
            i += 1
            continue
        break
    return words[:i], words[i:]


def name_key(name: str) -> str:
    """The article-local key part of a name: folded, single-spaced."""
    return fold(name)
