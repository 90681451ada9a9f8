"""Word lists as sets, for the rules in code that test a word against one ("is this preposition
one that leads to a recipient?"): a data file of named lists becomes an object with one frozenset
per list, built once per data folder. ``words("clauses").visit_nouns``; rules call it per token, so
it is cached on the data folder like ``per_data_folder`` (under a microsecond a call)."""

from __future__ import annotations

from typing import Any

from . import load
from .cache import data_key


class WordSets:
    """One frozenset per list of a data file, as attributes (a misspelt name fails loudly)."""

    def __init__(self, raw: dict[str, Any]):
        for key, value in raw.items():
            setattr(self, key, frozenset(value) if isinstance(value, list) else value)

    def __getattr__(self, name: str) -> frozenset[str]:  # only called for names not set above
        raise AttributeError(f"no word list {name!r} in this data file")


_SETS: dict[tuple[str, object], WordSets] = {}


def words(name: str) -> Any:
    """The word lists of data file ``name`` (e.g. "clauses") as frozensets, per data folder."""
    key = (name, data_key())
    got = _SETS.get(key)
    if got is None:
        got = _SETS[key] = WordSets(load(name))
    return got
