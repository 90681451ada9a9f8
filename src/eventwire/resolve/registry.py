"""Corpus-wide actor resolution.

Baseline: one actor per (kind, normalised name, country); refined by the actor work.
"""

from __future__ import annotations

import unicodedata

from ..model import ActorRecord, ArticleExtraction, stable_id


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold().strip()


def resolve_actors(
    extractions: list[ArticleExtraction],
) -> tuple[list[ActorRecord], dict[tuple[str, str], str]]:
    records: dict[str, ActorRecord] = {}
    key_map: dict[tuple[str, str], str] = {}
    for ext in extractions:
        for la in ext.actors:
            gid = la.key if la.key.startswith("c:") else stable_id("x", la.kind, _norm(la.name), la.country)
            key_map[(ext.article_id, la.key)] = gid
            rec = records.get(gid)
            if rec is None:
                rec = records[gid] = ActorRecord(
                    id=gid, name=la.name, kind=la.kind, country=la.country, sector=la.sector
                )
            for alias in [la.name, *la.aliases]:
                if alias not in rec.aliases:
                    rec.aliases.append(alias)
            rec.roles.extend(la.roles)
    return sorted(records.values(), key=lambda r: r.id), key_map
