#!/usr/bin/env python3
"""Where a worker's CPU goes, in CPU-seconds (run by hand; robust to other load on the machine).

    .venv/bin/python benchmarks/bench_cpu.py [N]

Takes the first N Reuters-21578 stories with a body (default 400; the acceptance tool's reader),
warms up as a pool worker does, then times in this one process, by ``time.process_time``:
  - the market-copy gate and the sentence plan (``analyse.prefilter``),
  - each pipeline component over the segments the plan parses, and tokenising the rest,
  - each extraction stage over the joined docs (actors, timex, events, dating, deals, figures, quotes),
and the bare stock parse of the same stories (full pipeline, ``nlp.pipe(batch_size=64)``, one
process). Wall time on a shared 2-core machine moves with the neighbours' load; CPU-seconds of one
process move much less, so this is the figure to compare before and after a change.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def _articles(n: int) -> list:
    from bench_throughput import _reuters

    from eventwire.model import Article, stable_id
    from eventwire.run.article import prepare_article

    out = []
    for d in _reuters(n):
        text = d["maintext"]
        date = (d["date_publish"] or "")[:10] or None
        out.append(prepare_article(Article(id=stable_id("a", text), path="<r>", text=text, published=date)))
    return out


def _components(nlp, segments: list[str], skipped: list[str]) -> Counter:
    cpu: Counter = Counter()
    t0 = time.process_time()
    docs = [nlp.make_doc(s) for s in segments]
    cpu["tokenise parsed segments"] = time.process_time() - t0
    t0 = time.process_time()
    for s in skipped:
        nlp.make_doc(s)
    cpu["tokenise skipped segments"] = time.process_time() - t0
    for name, proc in nlp.pipeline:
        t0 = time.process_time()
        docs = list(proc.pipe(docs, batch_size=64)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        cpu[f"parse: {name}"] = time.process_time() - t0
    return cpu


def _extraction(arts: list, nlp) -> Counter:
    import eventwire.run.article as article
    from eventwire.analyse.parse import parse_many

    cpu: Counter = Counter()
    safe = article._safe

    def timed(stage, art, fn, default):
        t0 = time.process_time()
        try:
            return safe(stage, art, fn, default)
        finally:
            cpu[f"extract: {stage}"] += time.process_time() - t0

    article._safe = timed
    try:
        for i in range(0, len(arts), 16):
            chunk = arts[i : i + 16]
            for a, d in zip(chunk, parse_many(nlp, [a.text for a in chunk]), strict=True):
                article.extract_article(a, d)
                d.release()
    finally:
        article._safe = safe
    return cpu


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    import spacy

    from eventwire.analyse import prefilter
    from eventwire.analyse.nlp import MODEL_NAMES, get_nlp
    from eventwire.run.article import warm_up

    arts = _articles(n)
    warm_up()
    nlp = get_nlp()
    lex = prefilter.lexicon(nlp)
    cpu: Counter = Counter()
    t0 = time.process_time()
    kept = [a for a in arts if not prefilter.market_copy(a.text, lex)]
    cpu["market-copy gate"] = time.process_time() - t0
    t0 = time.process_time()
    plans = [(a.text, prefilter.plan(a.text, lex)) for a in kept]
    cpu["sentence plan"] = time.process_time() - t0
    parsed = [t[s.start : s.end] for t, p in plans for s in p if s.parse]
    skipped = [t[s.start : s.end] for t, p in plans for s in p if not s.parse]
    cpu.update(_components(nlp, parsed, skipped))
    cpu.update(_extraction(kept, nlp))
    bare = next(spacy.load(m) for m in MODEL_NAMES if spacy.util.is_package(m))
    list(bare.pipe([a.text for a in arts[:5]]))
    t0 = time.process_time()
    for _ in bare.pipe([a.text for a in arts], batch_size=64):
        pass
    bare_cpu = time.process_time() - t0
    chars = sum(len(a.text) for a in arts)
    print(
        f"{len(arts)} stories, {chars:,} characters; {len(arts) - len(kept)} skipped as market copy; "
        f"{sum(map(len, parsed)) / chars:.1%} of the characters parsed"
    )
    total = sum(cpu.values())
    for k, v in cpu.items():
        print(f"  {k:28s} {v:6.2f} s  {v / total:5.1%}")
    print(f"  {'eventwire, one worker':28s} {total:6.2f} s")
    print(f"  {'bare stock parse':28s} {bare_cpu:6.2f} s   (ratio {bare_cpu / total:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
