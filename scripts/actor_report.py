#!/usr/bin/env python3
"""Print the actors eventwire finds in Reuters-21578 stories, for reviewing actor resolution by hand.

    .venv/bin/python scripts/actor_report.py [--n 20] [SGM ...]

Picks politically relevant stories (not earnings or acquisitions, at least one non-US place, at
least three of minister/president/government/ambassador/official(s)/talks, 800-3500 characters)
from the given .sgm files (default: reut2-000..002 under ../shared/corpora/reuters21578), evenly
spaced, runs per-article linking and corpus resolution, and prints every actor with its state,
sector, aliases and roles, then the actors resolved across several stories. Reads the corpus in
place; writes nothing.
"""

from __future__ import annotations

import argparse
import glob
import html
import re
from collections import Counter


def stories(paths: list[str], n: int) -> list[tuple[str, str, str, list[str]]]:
    out = []
    for f in paths:
        raw = open(f, encoding="latin-1").read()
        for d in re.findall(r"<REUTERS.*?</REUTERS>", raw, re.S):
            body = re.search(r"<BODY>(.*?)</BODY>", d, re.S)
            if not body:
                continue
            b = html.unescape(body.group(1))
            places = re.findall(r"<D>(.*?)</D>", re.search(r"<PLACES>(.*?)</PLACES>", d, re.S).group(1))
            topics = re.findall(r"<D>(.*?)</D>", re.search(r"<TOPICS>(.*?)</TOPICS>", d, re.S).group(1))
            if "earn" in topics or "acq" in topics:
                continue
            k = len(re.findall(r"\b(minister|president|government|ambassador|officials?|talks)\b", b, re.I))
            if k >= 3 and set(places) - {"usa"} and 800 < len(b) < 3500:
                nid = re.search(r'NEWID="(\d+)"', d).group(1)
                title = re.search(r"<TITLE>(.*?)</TITLE>", d, re.S)
                out.append((nid, html.unescape(title.group(1)) if title else "", b, places))
    return out[:: max(1, len(out) // n)][:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sgm", nargs="*")
    ap.add_argument("--n", type=int, default=20)
    a = ap.parse_args()
    paths = a.sgm or sorted(glob.glob("../shared/corpora/reuters21578/reut2-00[0-2].sgm"))
    from eventwire.analyse.nlp import get_nlp
    from eventwire.consolidate.actors import resolve_actors
    from eventwire.link.actors import link
    from eventwire.model import Article, ArticleExtraction

    nlp = get_nlp()
    exts = []
    for nid, title, body, places in stories(paths, a.n):
        _ms, las = link(nlp(body), Article(id=nid, path=nid, text=body))
        exts.append(ArticleExtraction(article_id=nid, actors=las))
        print(f"===== {nid} {title} {places}")
        for la in las:
            roles = [(r.title, r.organization) for r in la.roles]
            print(f"   {la.key[:38]:38} {la.kind:12} {la.country} {la.sector} {la.aliases[:3]} {roles}")
    recs, km = resolve_actors(exts)
    arts = Counter(km.values())
    print(f"----- {len(recs)} actor records")
    for r in recs:
        if arts[r.id] > 1 and not r.id.startswith("c:"):
            print(f"   in {arts[r.id]} stories: {r.kind} {r.name} {r.country} {r.aliases}")


if __name__ == "__main__":
    main()
