"""The local engine: a process pool over all cores, spaCy loaded once per worker."""

from __future__ import annotations

import logging
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from ..model import Article, ArticleExtraction
from ..settings import get_settings
from .article import process_texts, warm_up

if TYPE_CHECKING:  # pragma: no cover
    from multiprocessing.pool import AsyncResult


class WorkerStartError(RuntimeError):
    """A worker could not warm up (its model or tables failed to load): the run stops, named."""


log = logging.getLogger("eventwire")
_START_ERROR: BaseException | None = None  # why this worker's warm-up failed, if it did


def _worker_chunk(arts: list[Article]) -> list[ArticleExtraction]:
    """One chunk in a worker. Articles and extractions cross the pipe as pickled dataclasses:
    ``ArticleExtraction.from_dict`` walks every nested record by its type hints and cost the main
    process ~1 s of CPU per 300 wire stories (taken from the workers on a 2-core machine); pickle
    round-trips the same objects in a tenth of that (``to_dict`` of either is identical)."""
    if _START_ERROR is not None:
        from ..lexicon import LexiconError

        if isinstance(_START_ERROR, LexiconError):
            raise _START_ERROR
        raise WorkerStartError(f"a worker failed to start: {_START_ERROR.__class__.__name__}: {_START_ERROR}")
    out = process_texts(arts)
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
    return out


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, which hands the heap's free pages back to the system; else None.

    With each chunk in a memory zone, spaCy's vocab no longer grows, yet a worker's RSS still rose
    in steps (one process, 1,200 wire stories: 281 -> 306 MB; 4,000: -> 309 MB, with or without
    zones alike): a long story's parse allocates tens of MB of arrays, and once glibc has freed one
    big block it raises its mmap threshold, so later big arrays land on the heap and their pages
    stay with the process after they are freed. Trimming after every chunk kept the same runs at
    275-283 MB; the pages given back fault in again when re-used (0.25 M more minor faults for the
    1,200 stories), with no CPU difference outside the noise (30.4-32.4 s against 30.0-35.0 s).
    """
    if sys.platform != "linux":
        return None
    import ctypes

    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None


def _worker_init() -> None:  # pragma: no cover - runs in child processes
    """Warm up; on failure, stay alive and fail each chunk with the reason instead.

    A pool whose initializer raises loses the worker and starts another, which fails the same way:
    the pool respawns forever, streaming tracebacks, and the caller waits on results that never
    come. Kept, the error reaches the caller with the first chunk's result, and the run stops."""
    global _START_ERROR
    try:
        warm_up()  # a cached no-op when the parent had warmed up before forking
    except Exception as exc:  # noqa: BLE001 - handed to the caller by _worker_chunk
        _START_ERROR = exc


def _start_method() -> str:
    """``EVENTWIRE_START_METHOD`` (fork, forkserver, spawn), else fork when it is safe.

    fork starts a worker in milliseconds and lets it inherit whatever the parent has loaded, but
    forking a process that runs other threads (a web server, a progress bar's refresh thread) can
    leave a child holding a lock nobody will release; then forkserver forks from a clean helper.
    """
    if sys.platform == "win32":
        return "spawn"
    m = get_settings().start_method
    if m:
        return m
    import threading

    return "fork" if sys.platform == "linux" and threading.active_count() == 1 else "forkserver"


def _inheritable_tables() -> None:
    """Build the world's tables here, before forking, so every worker inherits them built.

    Each worker spent ~1.1 of its ~2.7 CPU-seconds of warm-up reading the world (the knowledge
    lexicon's states, bodies and leaders; the city gazetteer); this process reads the knowledge
    lexicon anyway to consolidate, so built once before the fork the tables cost the run one copy
    instead of three (2,000 wire stories on 2 cores: ~1.5 CPU-s less). spaCy is still never
    loaded here. A table that fails to build is left to the workers, whose warm-up reports it.
    """
    from ..link import places
    from ..link.knowledge import get_lexicon

    try:
        get_lexicon()
        places.city_population("")
    except Exception:  # noqa: BLE001 - the workers build it again and report why it fails
        log.debug("tables not built before forking", exc_info=True)


class LocalEngine:
    """All local cores: a process pool, spaCy loaded once per worker.

    ``map`` streams: the next batch's chunks are queued to the workers before the previous batch
    is handed back, so the workers parse while the caller reads files and commits results; only
    the batch being stored and the one being parsed are held, so memory stays flat however long
    the input. (Handing batches over one at a time left both workers idle while the main process
    read and stored: 10-15% of an ingest's wall time on two cores.)
    """

    def __init__(self, workers: int | None = None, chunk: int = 16):
        self.workers = workers or os.cpu_count() or 1
        self.chunk = chunk
        self._pool = None

    @property
    def overlaps(self) -> bool:
        """Whether ``map`` parses the next batch in other processes while the caller stores."""
        return self.workers > 1

    def start(self) -> None:
        """Start the workers now, so each loads the model and lexicons while the caller is still
        opening the store and reading the first files.

        A worker's warm-up (~3.5 s: spaCy, the model, every lexicon, the city index) used to run
        in the parent before forking, after the parent's own start-up (~4 s of imports, store and
        first reads in the CLI), with the second core idle throughout. Started first, the two
        overlap. Each worker then builds its own copy rather than sharing the parent's pages, and
        the parent never loads spaCy at all.
        """
        if self.workers > 1:
            self._get_pool()

    def map(
        self, batches: Iterable[list[Article]]
    ) -> Iterator[tuple[list[Article], list[ArticleExtraction]]]:
        it: Iterator[list[Article]] = iter(batches)
        pending: deque[tuple[list[Article], list[AsyncResult[list[ArticleExtraction]]]]] = (
            deque()
        )  # non-empty only once a pool runs
        while (batch := next(it, None)) is not None:
            if self.workers <= 1:
                yield batch, process_texts(batch) if batch else []
                continue
            pending.append((batch, self._submit(batch)))
            while len(pending) > 1:  # the next batch is queued: hand back the one before
                yield self._collect(pending.popleft())
        while pending:
            yield self._collect(pending.popleft())

    def _submit(self, batch: list[Article]) -> list[AsyncResult[list[ArticleExtraction]]]:
        if not batch:
            return []
        pool = self._get_pool()
        # chunks small enough that no worker idles long at the end of the input
        size = max(1, min(self.chunk, -(-len(batch) // (self.workers * 4))))
        return [pool.apply_async(_worker_chunk, (batch[i : i + size],)) for i in range(0, len(batch), size)]

    @staticmethod
    def _collect(
        item: tuple[list[Article], list[AsyncResult[list[ArticleExtraction]]]],
    ) -> tuple[list[Article], list[ArticleExtraction]]:
        batch, results = item
        out: list[ArticleExtraction] = []
        for r in results:
            out.extend(r.get())
        return batch, out

    def _get_pool(self):
        if self._pool is None:
            import multiprocessing as mp

            method = _start_method()
            if method == "fork":
                _inheritable_tables()
            ctx = mp.get_context(method)
            self._pool = ctx.Pool(self.workers, initializer=_worker_init)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            # map() has collected every result it handed out, so no worker has anything left to
            # finish; a pool that never got work (all already stored) need not finish warming up
            self._pool.terminate()
            self._pool.join()
            self._pool = None
