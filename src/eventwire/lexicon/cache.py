"""Things built from the data, cached once per data folder, cheaply enough for per-token use."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_ENV = getattr(os.environ, "_data", None)  # the mapping os.environ reads and writes through
_DATA_KEY = os.environ.encodekey("EVENTWIRE_DATA") if _ENV is not None else None  # type: ignore[attr-defined]


def data_key() -> object:
    """Which data folder is in use, as a cache key: ``EVENTWIRE_DATA`` as os.environ holds it.

    Rules ask for their word lists per token (150,000 look-ups in 300 wire stories), and
    ``os.environ.get`` encodes the name and decodes the value on every call: ~1 us each, 7% of
    extraction. os.environ keeps its encoded items in one dict, updated by every assignment
    (``settings.configure``, a test's ``monkeypatch.setenv``), so reading that dict directly gives
    the same answer (the encoded value, as good a key) for a fifth of the cost.
    """
    if _ENV is None:  # pragma: no cover - an os.environ without its mapping
        return os.environ.get("EVENTWIRE_DATA")
    return _ENV.get(_DATA_KEY)


def per_data_folder(build: Callable[[], T]) -> Callable[[], T]:
    """Cache what ``build`` makes from the data, once per data folder.

    Keyed on the ``EVENTWIRE_DATA`` variable itself (``settings.configure`` writes it back to the
    environment, so it always names the folder in use): rules call these per token, and a look-up
    must cost well under a microsecond, not the ten of reading the full settings.
    """
    made: dict[object, T] = {}

    @functools.wraps(build)
    def cached() -> T:
        key = data_key()
        got = made.get(key)
        if got is None:
            got = made[key] = build()
        return got

    cached.cache_clear = made.clear  # type: ignore[attr-defined]
    return cached
