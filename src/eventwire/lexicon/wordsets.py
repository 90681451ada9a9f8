"""Word lists as sets, for the rules in code that test a word against one ("is this preposition
one that leads to a recipient?"): a data file of named lists becomes an object with one frozenset
per list, built once per data folder. ``words("clauses").visit_nouns``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from . import data_path, load
from .files import FILES


class WordSets:
    """One frozenset per list of a data file, as attributes (a misspelt name fails loudly)."""

    def __init__(self, raw: dict[str, Any]):
        for key, value in raw.items():
            setattr(self, key, frozenset(value) if isinstance(value, list) else value)

    def __getattr__(self, name: str) -> frozenset[str]:  # only called for names not set above
        raise AttributeError(f"no word list {name!r} in this data file")


def words(name: str) -> Any:
    """The word lists of data file ``name`` (e.g. "clauses") as frozensets, per data folder."""
    return _sets(name, data_path(FILES[name].path))


@lru_cache(maxsize=16)
def _sets(name: str, _path: Path) -> WordSets:
    return WordSets(load(name))
