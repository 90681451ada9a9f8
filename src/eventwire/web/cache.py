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

from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response


class ResponseCache:
    def __init__(self, ttl: float = 2.0, max_entries: int = 512):
        self.ttl = ttl
        self.max_entries = max_entries
        self._items: OrderedDict[Hashable, tuple[float, Response]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def _hit(self, key: Hashable) -> Response | None:
        if self.ttl <= 0:
            return None
        with self._lock:
            hit = self._items.get(key)
            if hit and hit[0] > time.monotonic():
                self._items.move_to_end(key)
                self.hits += 1
                return _copy(hit[1])
        self.misses += 1
        return None

    def _keep(self, key: Hashable, resp: Response) -> Response:
        if self.ttl > 0 and resp.status_code == 200:
            with self._lock:
                self._items[key] = (time.monotonic() + self.ttl, resp)
                self._items.move_to_end(key)
                while len(self._items) > self.max_entries:
                    self._items.popitem(last=False)
            return _copy(resp)
        return resp

    def get_or_make(self, key: Hashable, make: Callable[[], Response]) -> Response:
        """The cached response for ``key`` or a fresh one from ``make`` (errors are not cached)."""
        return self._hit(key) or self._keep(key, make())

    async def aget_or_make(self, key: Hashable, make: Callable[[], Response]) -> Response:
        """Same, for async routes: a hit never leaves the event loop, a miss queries in a worker
        thread (database calls block)."""
        hit = self._hit(key)
        if hit is not None:
            return hit
        return self._keep(key, await run_in_threadpool(make))

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def _copy(resp: Response) -> Response:
    # a Response object is consumed per request; the body bytes are shared, never re-encoded
    headers = {k: v for k, v in resp.headers.items() if k.lower() != "content-length"}
    return Response(resp.body, status_code=resp.status_code, headers=headers, media_type=resp.media_type)
