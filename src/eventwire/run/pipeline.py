"""The pipeline: ingest -> language analysis -> extraction -> resolution -> fusion -> storage.

Per-article work (`extract_article`) is pure: an Article and its parse in, an ArticleExtraction
out, so it runs the same inline, in a local process pool, or on Ray workers. Corpus-wide work
(`consolidate`) is recomputed from stored extractions, deterministically, which is what makes an
interrupted ingest resumable: nothing depends on which run stored which article.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..extract.context import DocContext
from ..model import Article, ArticleExtraction, Rejection

log = logging.getLogger("eventwire")

DEFAULT_MAX_BYTES = 50_000_000
FIRST_BATCH = 32


# ---------------------------------------------------------------------------------------- per article


def _safe(stage: str, article: Article, fn: Callable[[], Any], default: Any) -> Any:
    """One failing extractor costs its own output for one article, never the run."""
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001 - reported, not swallowed silently
        log.warning("%s failed on %s: %s: %s", stage, article.path, exc.__class__.__name__, exc)
        return default


def prepare_article(article: Article) -> Article:
    """Cheap text-only steps before parsing: infer the date of an undated article."""
    if article.published is None:
        from ..extract.time.dating import infer_dct

        inferred, was_inferred = _safe("infer_dct", article, lambda: infer_dct(article.text), (None, False))
        if inferred:
            article.published = inferred
            article.published_inferred = bool(was_inferred)
    return article


def extract_article(article: Article, doc: Any) -> ArticleExtraction:
    """Everything one article yields, with article-local entity keys."""
    from ..extract import deals, figures, quotes
    from ..extract.events import coder as events
    from ..extract.time import dating
    from ..extract.time import tagger as timex
    from ..link import actors as resolve_actors

    dct = article.published
    ents, local_actors = _safe("actors", article, lambda: resolve_actors.link(doc, article), ([], []))
    txs = _safe("timex", article, lambda: timex.tag(article.text, dct), [])
    ctx = DocContext(
        article=article, doc=doc, dct=dct, timexes=txs, entities=ents, actors={a.key: a for a in local_actors}
    )
    evs = _safe("events", article, lambda: events.extract(ctx), [])
    _safe("dating", article, lambda: dating.date_events(ctx, evs), None)
    return ArticleExtraction(
        article_id=article.id,
        timexes=txs,
        entities=ents,
        actors=local_actors,
        events=evs,
        deals=_safe("deals", article, lambda: deals.extract(ctx), []),
        figures=_safe("figures", article, lambda: figures.extract(ctx), []),
        quotes=_safe("quotes", article, lambda: quotes.extract(ctx), []),
        dct=dct,
    )


def process_texts(
    articles: list[Article], nlp: Any | None = None, *, zone: bool = True
) -> list[ArticleExtraction]:
    """Parse and extract a batch in this process.

    With ``zone`` (and unless ``EVENTWIRE_MEMORY_ZONE=0``) the batch runs in a spaCy memory zone,
    so the strings and lexemes its texts bring are freed when it is done and a long-running worker
    stays flat. That is safe because nothing spaCy made in the zone leaves it: every Doc is
    consumed inside, extractions are plain data (strings cut from the text, offsets, numbers),
    the pipeline and its memos are built before (``get_nlp``), and so is the prefilter's lexicon
    (the one table read from the pipeline). The extractors' other lazily built tables are plain
    Python and add no string to the vocab (``tests/test_memory_zone.py`` checks that), so building
    them on first use inside a zone is safe too.
    """
    from ..analyse.nlp import get_nlp, memory_zone
    from ..analyse.parse import parse_many
    from ..analyse.prefilter import lexicon

    nlp = nlp or get_nlp()
    lexicon(nlp)
    out = []
    with memory_zone(nlp) if zone else nullcontext():
        for a, d in zip(articles, parse_many(nlp, [a.text for a in articles]), strict=True):
            out.append(extract_article(a, d))
            d.release()  # parse_many's docs cache their tokens; extraction is done with them
    return out


def _worker_chunk(arts: list[Article]) -> list[ArticleExtraction]:
    """One chunk in a worker. Articles and extractions cross the pipe as pickled dataclasses:
    ``ArticleExtraction.from_dict`` walks every nested record by its type hints and cost the main
    process ~1 s of CPU per 300 wire stories (taken from the workers on a 2-core machine); pickle
    round-trips the same objects in a tenth of that (``to_dict`` of either is identical)."""
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


# a short article that walks every extractor once, so each lazily built lexicon, rule table and
# gazetteer is built while a worker starts, not in the middle of its first real batch
_WARM_UP_TEXT = (
    "Norwegian Prime Minister Ola Nordmann met French President Anne Martin in Paris on Monday, "
    'three weeks after Oslo and Lyon signed a trade pact. "We agreed to buy four frigates in a deal '
    'worth $2 billion," Nordmann told reporters. Exports to France rose 5 percent to 3 billion '
    "euros last year, and both aim to double trade by 2030. The ministry declined to comment."
)


@cache
def warm_up() -> None:
    """Load the model and build every extractor's tables in this process (once: a forked worker
    inherits the parent's call)."""
    from ..analyse.nlp import get_nlp
    from ..analyse.prefilter import lexicon
    from ..extract import deals, figures, money, quotes
    from ..extract.events.rules import load_rules
    from ..extract.time.rules import rules as timex_rules
    from ..link import places
    from ..link.knowledge import get_lexicon

    lexicon(get_nlp())
    for build in (load_rules, timex_rules, money.lexicon, figures.lexicon, deals.lexicon, quotes.lexicon):
        build()
    get_lexicon()
    places.city_population("Paris")
    # outside a memory zone: the warm-up's few words stay known (lexemes, tokenizer cache, memo
    # entries) for every later chunk, a fixed cost however long the input
    warm = Article(id="warm", path="<warm-up>", text=_WARM_UP_TEXT, published="2024-03-04")
    process_texts([warm], zone=False)


def _worker_init() -> None:  # pragma: no cover - runs in child processes
    warm_up()  # a cached no-op when the parent had warmed up before forking


def _start_method() -> str:
    """``EVENTWIRE_START_METHOD`` (fork, forkserver, spawn), else fork when it is safe.

    fork starts a worker in milliseconds and lets it inherit whatever the parent has loaded, but
    forking a process that runs other threads (a web server, a progress bar's refresh thread) can
    leave a child holding a lock nobody will release; then forkserver forks from a clean helper.
    """
    if sys.platform == "win32":
        return "spawn"
    m = os.environ.get("EVENTWIRE_START_METHOD", "").strip().lower()
    if m in ("fork", "forkserver", "spawn"):
        return m
    import threading

    return "fork" if sys.platform == "linux" and threading.active_count() == 1 else "forkserver"


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
        pending: deque[tuple[list[Article], list[Any]]] = deque()  # non-empty only once a pool runs
        while (batch := next(it, None)) is not None:
            if self.workers <= 1:
                yield batch, process_texts(batch) if batch else []
                continue
            pending.append((batch, self._submit(batch)))
            while len(pending) > 1:  # the next batch is queued: hand back the one before
                yield self._collect(pending.popleft())
        while pending:
            yield self._collect(pending.popleft())

    def _submit(self, batch: list[Article]) -> list[Any]:
        if not batch:
            return []
        pool = self._get_pool()
        # chunks small enough that no worker idles long at the end of the input
        size = max(1, min(self.chunk, -(-len(batch) // (self.workers * 4))))
        return [pool.apply_async(_worker_chunk, (batch[i : i + size],)) for i in range(0, len(batch), size)]

    @staticmethod
    def _collect(item: tuple[list[Article], list[Any]]) -> tuple[list[Article], list[ArticleExtraction]]:
        batch, results = item
        out: list[ArticleExtraction] = []
        for r in results:
            out.extend(r.get())
        return batch, out

    def _get_pool(self):
        if self._pool is None:
            import multiprocessing as mp

            ctx = mp.get_context(_start_method())
            self._pool = ctx.Pool(self.workers, initializer=_worker_init)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            # map() has collected every result it handed out, so no worker has anything left to
            # finish; a pool that never got work (all already stored) need not finish warming up
            self._pool.terminate()
            self._pool.join()
            self._pool = None


# ---------------------------------------------------------------------------------------- corpus


def consolidate(store: Any) -> dict[str, int]:
    """Recompute actors and fused records from every stored extraction.

    Two passes over the store, each loading only what it reads (the actors, then the records),
    so the corpus is never held whole: at 20,000 stories, loading everything once grew the
    process by 320 MB; the two passes, with slotted records and shared short strings, by 179 MB.
    The records are still held whole while they are fused, so this step's memory grows with the
    corpus (docs/DESIGN.md, "Where memory goes").
    """
    from ..consolidate.actors import resolve_actors
    from ..consolidate.fuse import fuse

    actors, key_map = resolve_actors(store.iter_extractions(parts=("actors",)))
    meta = store.article_meta()
    fused = fuse(
        store.iter_extractions(parts=("events", "deals", "figures", "quotes")), key_map, actors, meta
    )
    store.replace_consolidated(actors, fused.events, fused.deals, fused.figures, fused.quotes)
    return {
        "actors": len(actors),
        "events": len(fused.events),
        "deals": len(fused.deals),
        "figures": len(fused.figures),
        "quotes": len(fused.quotes),
    }


# ---------------------------------------------------------------------------------------- ingest


@dataclass
class IngestReport:
    stored: int = 0
    skipped: int = 0  # already in the store (same content)
    duplicates: int = 0  # near-duplicates stored with duplicate_of
    rejected: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0
    totals: dict[str, int] = field(default_factory=dict)


def ingest(
    paths: list[str],
    store: Any,
    *,
    engine: Any | None = None,
    batch_size: int = 256,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_progress: Callable[[IngestReport], None] | None = None,
    on_reject: Callable[[Rejection], None] | None = None,
) -> IngestReport:
    """Read, dedupe, extract and store; commit per batch; then consolidate."""
    from ..ingest import NearDupIndex, read_paths

    t0 = time.time()
    report = IngestReport()
    engine = engine or LocalEngine()
    start = getattr(engine, "start", None)
    if start:  # workers load the model while this process reads the store and the first files
        start()
    index = NearDupIndex()  # this run's articles until they are committed; the store has the rest
    seen: set[str] = set()

    def batches() -> Iterator[list[Article]]:
        pending: list[Article] = []
        size = min(batch_size, FIRST_BATCH)  # a small first batch sets the workers going sooner
        for item in read_paths(paths, max_bytes=max_bytes):
            if isinstance(item, Rejection):
                report.rejected.append(item)
                if on_reject:
                    on_reject(item)
                continue
            pending.append(item)
            if len(pending) >= size:
                yield from _fresh(pending)
                pending = []
                size = batch_size
        if pending:
            yield from _fresh(pending)

    sigs: dict[str, list[int]] = {}
    bands: dict[str, list[int]] = {}

    def _fresh(pending: list[Article]) -> Iterator[list[Article]]:
        present = store.existing_ids(a.id for a in pending)
        todo = []
        for a in pending:
            if a.id in present or a.id in seen:
                report.skipped += 1
                continue
            seen.add(a.id)
            sigs[a.id] = index.signature(a.text)
            bands[a.id] = index.band_keys(sigs[a.id])
            todo.append(a)
        stored = store.neardup_candidates(k for a in todo for k in bands[a.id])
        for a in todo:
            found = {(seq, aid): sig for k in bands[a.id] for seq, aid, sig in stored.get(k, ())}
            earlier = [(aid, found[seq, aid]) for seq, aid in sorted(found)]
            dup = index.query(sigs[a.id], earlier=earlier, keys=bands[a.id])
            if dup:
                a.duplicate_of = dup
                report.duplicates += 1
                del bands[a.id]  # only originals are looked up later
            else:
                index.add(a.id, sigs[a.id], keys=bands[a.id])
            prepare_article(a)
        if todo:
            yield todo

    held: deque[list[Article]] = deque()  # whole batches, near-duplicates included, in order

    def originals() -> Iterator[list[Article]]:
        for batch in batches():
            held.append(batch)
            yield [a for a in batch if not a.duplicate_of]

    try:
        for _originals, results in engine.map(originals()):
            batch = held.popleft()
            exts = {e.article_id: e for e in results}
            keys = {a.id: bands.pop(a.id) for a in batch if a.id in bands}
            report.stored += store.add_batch([(a, sigs.pop(a.id, None), exts.get(a.id)) for a in batch], keys)
            for a in batch:  # committed: the store finds them from now on
                index.remove(a.id)
                seen.discard(a.id)
            if on_progress:
                on_progress(report)
    finally:
        close = getattr(engine, "close", None)
        if close:
            close()
    report.totals = consolidate(store)
    report.seconds = time.time() - t0
    return report
