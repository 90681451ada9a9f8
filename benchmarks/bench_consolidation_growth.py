#!/usr/bin/env python3
"""What consolidating one batch costs as the store grows, without extracting anything again.

usage: .venv/bin/python benchmarks/bench_consolidation_growth.py STORE.db [--batch-size 300]
       [--profile] [--check]

``bench_growing_store.py`` spends most of a batch parsing; this replays only the consolidation of
a store that is already extracted (e.g. one kept with ``bench_growing_store.py --keep``). It
copies the store, forgets every corpus-wide row, then queues the stored articles batch by batch
(in the order they were stored) and consolidates after each, printing the CPU seconds
(``time.process_time``, steadier than wall time on a shared machine) and wall seconds per
batch. ``--profile`` prints the top functions of the last batch; ``--check`` rebuilds the result
at the end and says whether the incremental store equals it (every kind, record by record).
Run by hand; never in CI.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select, text

from eventwire.lexicon.digest import current_stamp
from eventwire.run.consolidate import BLOCKING_VERSION, consolidate
from eventwire.store import Store
from eventwire.store import tables as T
from eventwire.store.consolidation import KIND_TABLES, ConsolidationState


def _export_digest(store: Store) -> dict[str, str]:
    """Per kind, a digest of every stored record (id and payload), in id order."""
    out = {}
    with store.engine.connect() as conn:
        for kind, table in KIND_TABLES.items():
            h = hashlib.sha1()
            for rid, payload in conn.execute(select(table.c.id, table.c.payload).order_by(table.c.id)):
                h.update(f"{rid}\x1f{payload}\x1e".encode())
            out[kind] = h.hexdigest()[:12]
    return out


def _forget(store: Store) -> list[str]:
    """Clear every derived row and mark the store as made by this code; the articles in stored order."""
    stamp = current_stamp()
    with store.engine.begin() as conn:
        state = ConsolidationState(conn, store.dialect)
        state.clear_all()
        conn.execute(T.cons_dirty.delete())
        state.set_stamp(f"{stamp.code_version}|{stamp.knowledge_digest}|blocks{BLOCKING_VERSION}")
        return [r[0] for r in conn.execute(text("SELECT id FROM articles ORDER BY rowid"))]


COUNTED = ("units_in", "readings_in", "extractions", "evidence", "block_actors", "actor_records")


def _count_rows(seen: dict[str, int]) -> None:
    """Wrap the state's readers so each batch says how many rows (or items) it read of each."""
    from eventwire.run import consolidate as run

    for name in COUNTED:
        orig = getattr(ConsolidationState, name)

        def counted(self, *args, _orig=orig, _name=name, **kw):
            out = _orig(self, *args, **kw)
            if not isinstance(out, (dict, list)):
                out = list(out)
            n = sum(len(v) for v in out.values()) if _name == "readings_in" else len(out)
            seen[_name] = seen.get(_name, 0) + n
            return out

        setattr(ConsolidationState, name, counted)
    orig_file = run._Run._file_readings

    def filed(self, articles, *rest, _orig=orig_file):
        seen["refiled"] = seen.get("refiled", 0) + len(articles)
        return _orig(self, articles, *rest)

    run._Run._file_readings = filed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--batch-size", type=int, default=300)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--sort", default="cumulative", help="the profile's order: cumulative, tottime ...")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--stats", action="store_true", help="rows each batch read, by reader")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-cons-"))
    db = tmp / "store.db"
    shutil.copy(a.store, db)
    store = Store(f"sqlite:///{db}")
    ids = _forget(store)
    print(f"{len(ids)} stored articles, batches of {a.batch_size}")
    print(f"{'batch':>5} {'stored':>7} | {'cpu s':>6} {'wall s':>6}")
    prof = None
    seen: dict[str, int] = {}
    if a.stats:
        _count_rows(seen)
    for i in range(0, len(ids), a.batch_size):
        batch = ids[i : i + a.batch_size]
        with store.engine.begin() as conn:
            conn.execute(insert(T.cons_dirty), [{"article_id": x} for x in batch])
        last = i + a.batch_size >= len(ids)
        if last and a.profile:
            prof = cProfile.Profile(time.process_time)  # CPU, not the shared machine's wall
            prof.enable()
        c0, w0 = time.process_time(), time.time()
        consolidate(store)
        cpu, wall = time.process_time() - c0, time.time() - w0
        if prof:
            prof.disable()
        stats = " ".join(f"{k} {v}" for k, v in sorted(seen.items()))
        print(f"{i // a.batch_size + 1:5d} {i + len(batch):7d} | {cpu:6.2f} {wall:6.2f} {stats}", flush=True)
        seen.clear()
    if prof:
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats(a.sort).print_stats(45)
        print(s.getvalue())
    inc = _export_digest(store)
    print("records:", " ".join(f"{k} {v}" for k, v in inc.items()))
    if a.check:
        consolidate(store, rebuild=True)
        full = _export_digest(store)
        print("incremental == rebuild:", inc == full, inc if inc != full else "")
    store.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
