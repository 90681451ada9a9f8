"""A short-lived cache of API answers (the JSON bytes), because analysts and dashboards ask the
same question over and over while the data changes only when an ingest finishes.

Entries live ``ttl`` seconds (default 2; ``EVENTWIRE_CACHE_SECONDS=0`` turns caching off) and
the in-process ingest route clears the cache when it commits, so an upload is visible at once;
an ingest run by another process (the CLI) shows within ``ttl``. Bounded in entries (LRU).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from fastapi.responses import Response


class ResponseCache:
    def __init__(self, ttl: float = 2.0, max_entries: int = 512):
        self.ttl = ttl
        self.max_entries = max_entries
        self._items: OrderedDict[Hashable, tuple[float, Response]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get_or_make(self, key: Hashable, make: Callable[[], Response]) -> Response:
        """The cached response for ``key`` or a fresh one from ``make`` (errors are not cached)."""
        if self.ttl <= 0:
            return make()
        now = time.monotonic()
        with self._lock:
            hit = self._items.get(key)
            if hit and hit[0] > now:
                self._items.move_to_end(key)
                self.hits += 1
                return _copy(hit[1])
        self.misses += 1
        resp = make()
        if resp.status_code == 200:
            with self._lock:
                self._items[key] = (now + self.ttl, resp)
                self._items.move_to_end(key)
                while len(self._items) > self.max_entries:
                    self._items.popitem(last=False)
        return _copy(resp)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def _copy(resp: Response) -> Response:
    # a Response object is consumed per request; the body bytes are shared, never re-encoded
    headers = {k: v for k, v in resp.headers.items() if k.lower() != "content-length"}
    return Response(resp.body, status_code=resp.status_code, headers=headers, media_type=resp.media_type)
