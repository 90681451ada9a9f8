#!/usr/bin/env python3
"""A store that grows all day: batches of distinct stories ingested into ONE store, one run each.

usage: .venv/bin/python benchmarks/bench_growing_store.py [--batches 10] [--batch-size 2000]
       [--workers N] [--keep]

An hourly feed adds a batch to a store that already holds every earlier batch. Each batch is a
separate ``eventwire ingest DIR --db STORE`` (a new process, as a cron job would start), over
distinct stories from ../shared/corpora (Reuters-21578 bodies, then TE3-silver, then BBC, read in
place, the same pool as bench_throughput.py, spread so every batch has the same mix). Prints per
batch: wall seconds, CPU seconds of the process tree (steadier than wall time on a shared
machine), stories/s, peak RSS of the process tree (the process and its workers, sampled
from /proc), the store's size on disk (SQLite file with its WAL), and the seconds the run spent
consolidating (updating the corpus-wide records), the part that grew with the store before
consolidation was incremental. The closing lines compare the last
batch with the first (time per batch should stay within 20%, memory flat) and project stories per
day on this machine from the mean rate. Run by hand; never in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_throughput import corpus, run_measured  # noqa: E402 - the same pool and the same sampler


def _store_mb(db: Path) -> float:
    """The store's bytes on disk: the SQLite file and its write-ahead log."""
    total = sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())
    return total / 1e6


def _batches(n_batches: int, size: int) -> list[list[dict]]:
    """``n_batches`` disjoint batches of ``size`` stories, interleaved over the pool so each batch
    has the same mix of sources (the pool's order would put all BBC stories in the last batch)."""
    docs = corpus(n_batches * size)
    if len(docs) < n_batches * size:
        raise SystemExit(f"only {len(docs)} stories in the corpora; ask for fewer")
    return [docs[i::n_batches][:size] for i in range(n_batches)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--batches", type=int, default=10)
    ap.add_argument("--batch-size", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--keep", action="store_true", help="keep the temp dir (the store and the batches)")
    a = ap.parse_args()
    cli = str(HERE.parent / ".venv" / "bin" / "eventwire")
    tmp = Path(tempfile.mkdtemp(prefix="bench-grow-"))
    db = tmp / "store.db"
    batches = _batches(a.batches, a.batch_size)
    print(f"{a.batches} batches of {a.batch_size} distinct stories into {db}; cores {os.cpu_count()}")
    print(
        f"{'batch':>5} {'stored':>7} {'words':>9} | {'wall s':>7} {'cpu s':>7} {'stories/s':>9} {'words/s':>8} "
        f"{'consol s':>8} | {'peak MB':>7} {'store MB':>8}"
    )
    rows = []
    stored = 0
    for i, batch in enumerate(batches, 1):
        folder = tmp / f"batch{i:02d}"
        folder.mkdir()
        words = 0
        for j, d in enumerate(batch):
            words += len(d["maintext"].split())
            (folder / f"b{i:02d}_{j:05d}.json").write_text(json.dumps(d), encoding="utf-8")
        cmd = [cli, "ingest", str(folder), "--db", f"sqlite:///{db}", "-q"]
        if a.workers:
            cmd += ["--workers", str(a.workers)]
        wall, peak, cpu, r = run_measured(cmd)
        if r.returncode not in (0, 1):
            print(f"ingest failed ({r.returncode}): {r.stderr.strip()[-500:]}")
            return 1
        m = re.search(r"stored (\d+) articles", r.stderr)
        stored += int(m.group(1)) if m else 0
        after = re.search(r"consolidated in ([\d.]+) s", r.stderr)
        after_s = float(after.group(1)) if after else float("nan")
        rows.append((wall, peak, len(batch), cpu))
        print(
            f"{i:5d} {stored:7d} {words:9,d} | {wall:7.1f} {cpu:7.1f} {len(batch) / wall:9.1f} "
            f"{words / wall:8,.0f} {after_s:8.1f} | {peak:7d} {_store_mb(db):8.1f}",
            flush=True,
        )
        shutil.rmtree(folder, ignore_errors=True)
    (w0, m0, _, c0), (w1, m1, _, c1) = rows[0], rows[-1]
    rate = sum(r[2] for r in rows) / sum(r[0] for r in rows)
    print(
        f"last batch / first: wall x{w1 / w0:.2f}, cpu x{c1 / max(c0, 1e-9):.2f}, "
        f"peak memory x{m1 / max(m0, 1):.2f}; load average now {os.getloadavg()[0]:.1f}"
    )
    print(f"mean {rate:.1f} stories/s -> about {rate * 86400:,.0f} stories per day on this machine")
    if not a.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print(f"kept {tmp}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
