"""The ingest loop: read, drop what is stored, mark near-duplicates, extract on an engine, commit
per batch, then consolidate."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..lexicon.digest import current_stamp
from ..model import Article, Rejection
from ..store import Store
from .article import prepare_article
from .consolidate import consolidate
from .engine import Engine
from .local import LocalEngine

DEFAULT_MAX_BYTES = 50_000_000
FIRST_BATCH = 32


@dataclass
class IngestReport:
    stored: int = 0
    skipped: int = 0  # already in the store before this run (same content)
    repeats: int = 0  # the same content met again within this run (re-sent stories, copies)
    duplicates: int = 0  # near-duplicates stored with duplicate_of
    rejected: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0
    totals: dict[str, int] = field(default_factory=dict)
    ids: list[str] = field(default_factory=list)  # every article this run read, new or not, in order

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
) -> IngestReport:
    """Read, dedupe, extract and store; commit per batch; then consolidate."""
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
    this_run: set[str] = set()  # ids stored by this run: meeting one again is a repeat, not "already stored"

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
            report.ids.append(a.id)
            if a.id in seen or a.id in this_run:
                report.repeats += 1
                continue
            if a.id in present:
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
            report.stored += store.add_batch(
                [(a, sigs.pop(a.id, None), exts.get(a.id)) for a in batch], keys, stamp
            )
            for a in batch:  # committed: the store finds them from now on
                index.remove(a.id)
                seen.discard(a.id)
                this_run.add(a.id)
            if on_progress:
                on_progress(report)
    finally:
        engine.close()
    report.totals = consolidate(store)
    report.seconds = time.time() - t0
    return report
