"""The reprocess loop: re-extract stored articles from their stored clean text, then consolidate.

An edit to the knowledge (a pattern, a lexicon, an office) never reaches the store through
ingest, which skips what it has stored. Reprocess reads the chosen originals back in ingest order,
re-dates those whose date was inferred (the inference reads the time knowledge too), extracts on
the same :class:`Engine` as ingest, swaps each batch's extractions in one transaction, stamped with
the code and knowledge that made them, and consolidates once at the end.

Crash-safety follows from three facts. A batch is committed whole or not at all. Extraction is a
function of the article text, its date and the knowledge, so redoing an article gives what doing it
once gave. Consolidation recomputes every corpus-wide record from the stored extractions, and runs
on every reprocess, even one that finds nothing to do. So a run killed at any point and started
again (the same command, or ``--stale``, which picks up where the knowledge changed) leaves the
store one clean run would have left.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..lexicon.digest import Stamp, current_stamp
from ..model import Article
from ..store import Store
from ..store.selection import Selection
from .article import prepare_article
from .consolidate import consolidate
from .engine import Engine
from .local import LocalEngine


@dataclass
class ReprocessReport:
    selected: int = 0  # articles picked by the selection, known before any work starts
    done: int = 0  # re-extracted and committed
    redated: int = 0  # whose inferred date changed
    seconds: float = 0.0
    totals: dict[str, int] = field(default_factory=dict)
    consolidate_seconds: float = 0.0


def stale_count(store: Store, stamp: Stamp | None = None) -> int:
    """Stored extractions made with other code or knowledge than ``stamp`` (default: this
    process's), unstamped ones included; what ``eventwire ingest`` warns about."""
    stamp = stamp or current_stamp()
    return sum(n for key, n in store.stamp_counts().items() if key != stamp)


def redate(article: Article) -> bool:
    """Infer again the date of an article stored without one of its own, as ingest did; True if
    it changed. An article whose source gave a date keeps it, and so does one whose inferred
    date the stored text cannot re-infer: ingest read evidence the text no longer holds (the
    dates of the photo captions it dropped)."""
    if article.published is not None and not article.published_inferred:
        return False
    before = (article.published, article.published_inferred)
    article.published, article.published_inferred = None, False
    prepare_article(article)
    if article.published is None and before[0] is not None:
        article.published, article.published_inferred = before
    return (article.published, article.published_inferred) != before


def reprocess(
    store: Store,
    engine: Engine | None = None,
    selection: Selection | None = None,
    *,
    ids: list[str] | None = None,
    batch_size: int = 256,
    on_progress: Callable[[ReprocessReport], None] | None = None,
    rebuild: bool | None = None,
) -> ReprocessReport:
    """Re-extract the selected stored originals (all of them by default) batch by batch, then
    consolidate. ``ids``, when the caller has already selected (to size its progress bar), saves
    selecting twice. ``rebuild`` (by default: when nothing narrows the selection) recomputes every
    corpus-wide record rather than only what the re-extracted articles touch."""
    from ..lexicon import check_all

    check_all()  # a malformed data file stops the run here, before any worker starts
    t0 = time.time()
    stamp = current_stamp()  # in this process, before any worker: the workers read the same files
    report = ReprocessReport()
    if ids is None:
        ids = store.select_ids(selection or Selection())
    report.selected = len(ids)
    changed: set[str] = set()

    def batches() -> Iterator[list[Article]]:
        for i in range(0, len(ids), batch_size):
            batch = store.get_articles(ids[i : i + batch_size])
            changed.update(a.id for a in batch if redate(a))
            yield batch

    if ids:
        engine = engine or LocalEngine()
        engine.start()
        try:
            for batch, results in engine.map(batches()):
                exts = {e.article_id: e for e in results}
                moved = [a for a in batch if a.id in changed]
                report.done += store.replace_extractions([(a, exts[a.id]) for a in batch], stamp, moved)
                report.redated += len(moved)
                changed.difference_update(a.id for a in moved)
                if on_progress:
                    on_progress(report)
        finally:
            engine.close()
    if rebuild is None:
        rebuild = selection is None or selection == Selection()
    t1 = time.time()
    report.totals = consolidate(store, rebuild=rebuild)
    report.consolidate_seconds = time.time() - t1
    report.seconds = time.time() - t0
    return report
