"""Word lists as sets, for the rules in code that test a word against one ("is this preposition
one that leads to a recipient?"): a data file of named lists becomes an object with one frozenset
per list, built once per data folder. ``words("clauses").visit_nouns``.

Rules call it per token, so the look-up must cost next to nothing: it is keyed on the
``EVENTWIRE_DATA`` variable itself (which ``settings.configure`` writes back to the environment,
so it always names the folder in use) rather than on the full settings (about 1 µs, not 10).
"""

from __future__ import annotations

import os
from typing import Any

from . import load


class WordSets:
    """One frozenset per list of a data file, as attributes (a misspelt name fails loudly)."""

    def __init__(self, raw: dict[str, Any]):
        for key, value in raw.items():
            setattr(self, key, frozenset(value) if isinstance(value, list) else value)

    def __getattr__(self, name: str) -> frozenset[str]:  # only called for names not set above
        raise AttributeError(f"no word list {name!r} in this data file")


_SETS: dict[tuple[str, str | None], WordSets] = {}


def words(name: str) -> Any:
    """The word lists of data file ``name`` (e.g. "clauses") as frozensets, per data folder."""
    key = (name, os.environ.get("EVENTWIRE_DATA"))
    got = _SETS.get(key)
    if got is None:
        got = _SETS[key] = WordSets(load(name))
    return got
