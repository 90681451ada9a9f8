"""Cost of PLOVER event coding against the spaCy parse it runs on (run by hand).

    .venv/bin/python benchmarks/bench_coding.py [N] [path-to-reuters-sgm]

Parses N Reuters stories (default 300), links actors (untimed: another stage), then times
`extract.events.extract` over the same parses and prints coding time / parse time. The target is
a ratio of at most 0.20: coding must stay a small add-on to the parse.
"""

from __future__ import annotations

import sys
import time

DEFAULT = "/work/shared/corpora/reuters21578/reut2-000.sgm"


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    path = sys.argv[2] if len(sys.argv) > 2 else DEFAULT
    from eventwire.analyse.nlp import get_nlp
    from eventwire.extract.context import DocContext
    from eventwire.extract.events import coder as events
    from eventwire.ingest import read_paths
    from eventwire.lexicon.events import load_rules
    from eventwire.link import actors
    from eventwire.model import Article

    arts = [a for a in read_paths([path], max_bytes=50_000_000) if isinstance(a, Article) and a.text.strip()][
        :n
    ]
    nlp = get_nlp()
    load_rules()
    nlp("warm up")
    t0 = time.perf_counter()
    docs = list(nlp.pipe([a.text for a in arts], batch_size=32))
    parse = time.perf_counter() - t0
    ctxs = []
    for a, d in zip(arts, docs, strict=True):
        ents, local = actors.link(d, a)
        ctxs.append(DocContext(article=a, doc=d, entities=ents, actors={x.key: x for x in local}))
    t0 = time.perf_counter()
    found = sum(len(events.extract(c)) for c in ctxs)
    coding = time.perf_counter() - t0
    words = sum(len(d) for d in docs)
    print(f"{len(arts)} stories, {words} tokens, {found} events")
    print(f"parse  {parse:7.2f} s  ({words / parse:,.0f} tokens/s)")
    print(f"coding {coding:7.2f} s  ({words / coding:,.0f} tokens/s)")
    print(f"coding / parse = {coding / parse:.3f}  (target <= 0.20)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
