"""How much the corpus says about each actor: mention counts, and evidence beyond its offices.

Resolution (:mod:`.actors`) gives an actor the sentences that state its offices, which most
actors have none of, so ``/actors`` read "Mentions 0" for almost everyone. Here every entity
mention of every article is counted under the global id its local key resolved to (how often, and
in how many articles, the actor is named), and the actor's evidence gains the sentences of the
events, deals, figures and quotes it takes part in, capped so a country's record stays small.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from ..model import ActorRecord, ArticleExtraction, Entity, Mention

MAX_EVIDENCE = 100  # mentions kept on an actor record; the counts are never capped


class MentionTally:
    """Counts entity mentions per (article, local key) while extractions stream past.

    :meth:`watch` drops each extraction's entity mentions once counted, so resolution, which holds
    every extraction's actors at once, never holds the span lists too.
    """

    def __init__(self) -> None:
        self.per_key: Counter[tuple[str, str]] = Counter()

    def watch(self, extractions: Iterable[ArticleExtraction]) -> Iterator[ArticleExtraction]:
        for ext in extractions:
            for em in ext.entities:
                if not em.is_place:
                    self.per_key[(ext.article_id, em.key)] += 1
            ext.entities = []
            yield ext

    def apply(self, actors: list[ActorRecord], key_map: dict[tuple[str, str], str]) -> None:
        """Set each actor's ``mention_count`` and ``article_count`` from the tally."""
        times: Counter[str] = Counter()
        articles: dict[str, set[str]] = defaultdict(set)
        for (article_id, key), n in self.per_key.items():
            gid = key_map.get((article_id, key))
            if gid is not None:
                times[gid] += n
                articles[gid].add(article_id)
        for a in actors:
            a.mention_count = max(times[a.id], len({m.article_id for m in a.mentions}))
            a.article_count = max(len(articles[a.id]), len({m.article_id for m in a.mentions}))


def _parties(rec: Any) -> list[Entity]:
    out: list[Entity] = []
    for name in ("actor", "recipient", "actors", "supplier", "contractor", "speaker"):
        value = getattr(rec, name, None)
        out += [e for e in (value if isinstance(value, list) else [value]) if isinstance(e, Entity)]
    return out


def add_record_evidence(actors: list[ActorRecord], *record_lists: Iterable[Any]) -> None:
    """Give each actor the evidence of the records it takes part in, and count its events."""
    by_id = {a.id: a for a in actors}
    extra: dict[str, list[Mention]] = defaultdict(list)
    events: Counter[str] = Counter()
    for records in record_lists:
        for rec in records:
            ids = {e.id for e in _parties(rec)}
            for gid in ids & by_id.keys():
                extra[gid] += rec.mentions
                if hasattr(rec, "event"):
                    events[gid] += 1
    for gid, found in extra.items():
        a = by_id[gid]
        seen = {(m.article_id, m.start) for m in a.mentions}
        merged = list(a.mentions)
        for m in sorted(found, key=lambda m: (m.article_id, m.start)):
            if (m.article_id, m.start) not in seen:
                seen.add((m.article_id, m.start))
                merged.append(m)
        a.mentions = sorted(merged, key=lambda m: (m.article_id, m.start))[:MAX_EVIDENCE]
    for a in actors:
        a.event_count = events[a.id]
        a.mention_count = max(a.mention_count, len(a.mentions))
        a.article_count = max(a.article_count, len({m.article_id for m in a.mentions}))
