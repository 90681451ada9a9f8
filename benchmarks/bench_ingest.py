"""Cost of ingest (read, decode, clean, identify) and near-duplicate search (run by hand).

    .venv/bin/python benchmarks/bench_ingest.py [PATH ...]

Defaults to the BBC corpus and one Reuters-21578 SGML file under ../shared/corpora. Prints
articles, rejections, words/s for reading and for MinHash signature + LSH query. Ingest should stay
well above spaCy's parse speed (a few thousand words/s per process), so it never bounds a run.
"""

from __future__ import annotations

import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULTS = [
    os.path.join(HERE, "..", "..", "shared", "corpora", "bbc"),
    os.path.join(HERE, "..", "..", "shared", "corpora", "reuters21578", "reut2-000.sgm"),
]


def main() -> int:
    from eventwire.ingest import NearDupIndex, read_paths
    from eventwire.model import Article

    paths = sys.argv[1:] or [p for p in DEFAULTS if os.path.exists(p)]
    if not paths:
        print("nothing to read: pass a path")
        return 2
    t0 = time.perf_counter()
    items = list(read_paths(paths))
    t_read = time.perf_counter() - t0
    arts = [a for a in items if isinstance(a, Article)]
    words = sum(len(a.text.split()) for a in arts)
    index = NearDupIndex()
    dups = 0
    t0 = time.perf_counter()
    for a in arts:
        sig = index.signature(a.text)
        if index.query(sig):
            dups += 1
        else:
            index.add(a.id, sig)
    t_dup = time.perf_counter() - t0
    print(f"paths: {', '.join(paths)}")
    print(f"articles {len(arts)}, rejected {len(items) - len(arts)}, words {words}")
    print(f"read+clean: {t_read:.2f} s, {len(arts) / t_read:.0f} articles/s, {words / t_read:.0f} words/s")
    print(f"near-dups:  {t_dup:.2f} s, {words / max(t_dup, 1e-9):.0f} words/s, {dups} duplicates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
