"""The ingest loop: read, drop what is stored, mark near-duplicates, extract on an engine, commit
per batch, then consolidate."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..lexicon.digest import current_stamp
from ..model import Article, Rejection
from ..store import Store
from .article import prepare_article
from .consolidate import consolidate
from .engine import Engine
from .local import LocalEngine

DEFAULT_MAX_BYTES = 50_000_000
FIRST_BATCH = 32
MAX_COPIES = 100_000  # copies of stored texts remembered per run for their metadata (a bound)
_END = object()  # the end of an iterator, where None could be an item
_META_FIELDS = ("title", "author", "publisher", "url", "language")


@dataclass
class IngestReport:
    stored: int = 0
    skipped: int = 0  # already in the store before this run (same content)
    repeats: int = 0  # the same content met again within this run (re-sent stories, copies)
    completed: int = 0  # stored articles that another copy of their text gave missing metadata
    redated: int = 0  # of those, the ones whose date changed (extracted again)
    duplicates: int = 0  # near-duplicates stored with duplicate_of
    rejected: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0
    totals: dict[str, int] = field(default_factory=dict)
    ids: list[str] = field(default_factory=list)  # with collect_ids: every article read, new or not, in order
    consolidate_seconds: float = 0.0  # of ``seconds``: bringing the corpus-wide records up to date

    @property
    def done(self) -> int:
        """Items dealt with so far, whatever became of them (the progress bar's count)."""
        return self.stored + self.skipped + self.repeats + len(self.rejected)


def ingest(
    paths: list[str],
    store: Store,
    *,
    engine: Engine | None = None,
    batch_size: int = 256,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_progress: Callable[[IngestReport], None] | None = None,
    on_reject: Callable[[Rejection], None] | None = None,
    published: str | None = None,
    collect_ids: bool = False,
    rebuild: bool = False,
) -> IngestReport:
    """Read, dedupe, extract and store; commit per batch; then consolidate.

    ``published`` dates the articles that neither their file, its sidecar nor their text dates
    (``eventwire ingest --published``), before any date is inferred from the text. A text already
    stored is not stored again, but what this copy says about it completes the stored article
    (:func:`completion`). Consolidation then updates only what the stored batches touched;
    ``rebuild`` recomputes every corpus-wide record instead (the two agree: run/consolidate.py).
    """
    from ..ingest import NearDupIndex, read_paths
    from ..lexicon import check_all

    check_all()  # a malformed data file stops the run here, before any worker starts
    t0 = time.time()
    stamp = current_stamp()  # what the extractions will be stamped with, read before workers start
    report = IngestReport()
    engine = engine or LocalEngine()
    engine.start()  # workers load the model while this process reads the store and the first files
    index = NearDupIndex()  # this run's articles until they are committed; the store has the rest
    seen: set[str] = set()
    run_start = datetime.now(UTC)  # a stored text ingested since is a repeat within this run
    read_all = False  # every input has been read: the batch the workers hold now is the last

    def _noting_the_last(items: Iterator[Any]) -> Iterator[Any]:
        """The items, with ``read_all`` set before the last one is handed on (one read ahead),
        so the batch it closes, full or not, is known to be the last."""
        nonlocal read_all
        it = iter(items)
        item = next(it, _END)
        while item is not _END:
            following = next(it, _END)
            read_all = following is _END
            yield item
            item = following
        read_all = True

    def batches() -> Iterator[list[Article]]:
        pending: list[Article] = []
        size = min(batch_size, FIRST_BATCH)  # a small first batch sets the workers going sooner
        for item in _noting_the_last(read_paths(paths, max_bytes=max_bytes)):
            if isinstance(item, Rejection):
                report.rejected.append(item)
                if on_reject:
                    on_reject(item)
                continue
            if published and item.published is None:
                item.published = published
            pending.append(item)
            if len(pending) >= size:
                yield from _fresh(pending)
                pending = []
                size = batch_size
        if pending:
            yield from _fresh(pending)

    sigs: dict[str, list[int]] = {}
    bands: dict[str, list[int]] = {}
    copies: dict[str, list[Article]] = {}  # texts already stored (or earlier in this run), as read again

    def _fresh(pending: list[Article]) -> Iterator[list[Article]]:
        present = store.existing_ids(a.id for a in pending)
        mine = store.stored_since(present, run_start) if present else set()
        todo = []
        for a in pending:
            if collect_ids:
                report.ids.append(a.id)
            if a.id in seen or a.id in present:
                if a.id in seen or a.id in mine:
                    report.repeats += 1
                else:
                    report.skipped += 1
                if len(copies) < MAX_COPIES:
                    copies.setdefault(a.id, []).append(a)
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
            report.stored += store.add_batch(
                [(a, sigs.pop(a.id, None), exts.get(a.id)) for a in batch], keys, stamp
            )
            for a in batch:  # committed: the store finds them from now on
                index.remove(a.id)
                seen.discard(a.id)
            if on_progress:
                on_progress(report)
            if read_all and held and not rebuild and _overlaps(engine):
                consolidate(store)  # what is stored, while the workers parse the last batch
        if copies:
            _complete_stored(store, engine, copies, stamp, report, batch_size)
    finally:
        engine.close()
    t1 = time.time()
    report.totals = consolidate(store, rebuild=rebuild)
    report.seconds = time.time() - t0
    report.consolidate_seconds = time.time() - t1
    return report


def _overlaps(engine: Engine) -> bool:
    """Whether ``engine.map`` parses the next batch while the caller stores the one before.

    Then what is already stored is consolidated while the workers parse the last batch, and the
    end of the run, where the workers sit idle, only consolidates that batch: the 3-5 s tail of
    2,000 wire stories was a whole-run consolidation on one core. Consolidation is incremental
    and closed per block, so consolidating in two steps gives the records one step gives
    (``tests/test_incremental_consolidation.py``). It runs once per ingest, so its cost is bounded
    by one extra pass over the blocks the last batch touches; an engine that parses in the
    caller's process (one worker) gains nothing from it and skips it.
    """
    return bool(getattr(engine, "overlaps", False))


def completion(stored: Article, copy: Article) -> dict[str, Any]:
    """What another copy of a stored text adds to the stored article.

    The same text reached by another path (a page and its feed item, a re-sent wire story, a file
    ingested again with a sidecar or ``--published``) is one article, stored once; the copy's
    metadata is not thrown away but fills what the stored article lacks. Its date replaces no
    date, an inferred date, or a less precise form of itself ("2020-03" -> "2020-03-03"). Two
    different dates from sources keep the earlier: the same words printed again later are a
    re-post, and the story's relative dates ("on Tuesday") were written against its first
    appearance. That choice also makes the outcome independent of the order of ingest.
    """
    changes: dict[str, Any] = {
        f: getattr(copy, f) for f in _META_FIELDS if getattr(copy, f) and not getattr(stored, f)
    }
    new = copy.published if not copy.published_inferred else None
    old = stored.published if not stored.published_inferred else None
    if new and new != old:
        if old is None or new.startswith(old):
            better = new
        elif old.startswith(new):
            better = None
        else:
            better = min(old, new)
        if better and better != old:
            changes["published"] = better
            changes["published_inferred"] = False
    return changes


def _complete_stored(
    store: Store,
    engine: Engine,
    copies: dict[str, list[Article]],
    stamp: Any,
    report: IngestReport,
    batch_size: int,
) -> None:
    """Give stored articles what their copies in this run said; extract again those re-dated.

    An article's date anchors every relative date in its story, so a changed date means a new
    extraction; its date and extraction are written in one transaction (a run killed between
    the two leaves the old date, and the next run redoes it).
    """
    rows: list[dict[str, Any]] = []
    redo: list[Article] = []
    for art in store.get_articles(list(copies)):
        changed: dict[str, Any] = {}
        for copy in copies[art.id]:
            change = completion(art, copy)
            for k, v in change.items():
                setattr(art, k, v)
            changed.update(change)
        if not changed:
            continue
        report.completed += 1
        if "published" in changed and not art.duplicate_of:
            redo.append(art)  # the date goes in with its extraction
            changed = {k: v for k, v in changed.items() if k not in ("published", "published_inferred")}
        if changed:
            rows.append({"id": art.id, **changed})
    store.update_articles(rows)
    batches = (redo[i : i + batch_size] for i in range(0, len(redo), batch_size))
    for batch, results in engine.map(batches):
        exts = {e.article_id: e for e in results}
        store.replace_extractions([(a, exts[a.id]) for a in batch if a.id in exts], stamp, batch)
        report.redated += len(batch)
