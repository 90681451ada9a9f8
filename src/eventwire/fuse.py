"""Fusion: one record per real event, deal or figure, with every report as a mention.

Baseline: rewrites article-local entity keys to global actor ids, no merging yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import ActorRecord, ArticleExtraction, Deal, Entity, Event, Figure, Quote


@dataclass
class Fused:
    events: list[Event] = field(default_factory=list)
    deals: list[Deal] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


def _rekey(ent: Entity | None, article_id: str, key_map: dict[tuple[str, str], str]) -> Entity | None:
    if ent is None:
        return None
    ent.id = key_map.get((article_id, ent.id), ent.id)
    return ent


def fuse(
    extractions: list[ArticleExtraction],
    key_map: dict[tuple[str, str], str],
    actors: list[ActorRecord],
    articles: dict[str, dict[str, Any]],
) -> Fused:
    out = Fused()
    for ext in extractions:
        aid = ext.article_id
        for ev in ext.events:
            ev.actor = [_rekey(e, aid, key_map) for e in ev.actor]
            ev.recipient = [_rekey(e, aid, key_map) for e in ev.recipient]
            out.events.append(ev)
        for d in ext.deals:
            d.supplier, d.recipient, d.contractor = (
                _rekey(d.supplier, aid, key_map),
                _rekey(d.recipient, aid, key_map),
                _rekey(d.contractor, aid, key_map),
            )
            out.deals.append(d)
        for f in ext.figures:
            f.actors = [_rekey(e, aid, key_map) for e in f.actors]
            out.figures.append(f)
        for q in ext.quotes:
            q.speaker = _rekey(q.speaker, aid, key_map)
            out.quotes.append(q)
    return out
