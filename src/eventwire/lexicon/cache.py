"""Things built from the data, cached once per data folder, cheaply enough for per-token use."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def per_data_folder(build: Callable[[], T]) -> Callable[[], T]:
    """Cache what ``build`` makes from the data, once per data folder.

    Keyed on the ``EVENTWIRE_DATA`` variable itself (``settings.configure`` writes it back to the
    environment, so it always names the folder in use): rules call these per token, and a look-up
    must cost well under a microsecond, not the ten of reading the full settings.
    """
    made: dict[str | None, T] = {}

    @functools.wraps(build)
    def cached() -> T:
        key = os.environ.get("EVENTWIRE_DATA")
        got = made.get(key)
        if got is None:
            got = made[key] = build()
        return got

    cached.cache_clear = made.clear  # type: ignore[attr-defined]
    return cached
