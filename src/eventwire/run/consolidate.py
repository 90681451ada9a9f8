"""Corpus-wide work over a store: actors resolved and records fused from every stored extraction.

Recomputed from the stored per-article extractions, deterministically, which is what makes an
interrupted ingest resumable: nothing depends on which run stored which article.
"""

from __future__ import annotations

from ..store import Store


def consolidate(store: Store) -> dict[str, int]:
    """Recompute actors and fused records from every stored extraction.

    Two passes over the store, each loading only what it reads (the actors, then the records),
    so the corpus is never held whole: at 20,000 stories, loading everything once grew the
    process by 320 MB; the two passes, with slotted records and shared short strings, by 179 MB.
    The records are still held whole while they are fused, so this step's memory grows with the
    corpus (docs/DESIGN.md, "Where memory goes").
    """
    from ..consolidate.activity import MentionTally, add_record_evidence
    from ..consolidate.actors import resolve_actors
    from ..consolidate.fuse import fuse

    tally = MentionTally()  # entity mentions are counted as they pass, then dropped
    actors, key_map = resolve_actors(tally.watch(store.iter_extractions(parts=("actors", "entities"))))
    tally.apply(actors, key_map)
    meta = store.article_meta()
    fused = fuse(
        store.iter_extractions(parts=("events", "deals", "figures", "quotes")), key_map, actors, meta
    )
    add_record_evidence(actors, fused.events, fused.deals, fused.figures, fused.quotes)
    store.replace_consolidated(actors, fused.events, fused.deals, fused.figures, fused.quotes)
    return {
        "actors": len(actors),
        "events": len(fused.events),
        "deals": len(fused.deals),
        "figures": len(fused.figures),
        "quotes": len(fused.quotes),
    }
