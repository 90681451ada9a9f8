"""PLOVER JSONL (events only): one PLOVER record a line, with the PLOVER data-format field
names. Mapping from the export contract:

    id                      event id
    date / enddate          ISO date at the precision the text supports; ``date_resolution`` day|month|year
    event, mode, context    PLOVER event type, mode, list of contexts
    actor, actor_id         the primary (first) actor's canonical name and global id
    actor_country           ISO 3166-1 alpha-3 (or PLOVER non-state code such as IGO)
    actor_sector            PLOVER sector code (GOV MIL BUS ...)
    actor_office            office the actor held on the event's date
    actors                  PLOVER compound actor: every actor as {name, id, country, sector}
    recipient...            the same six fields for the recipient side
    location                {"name", "country", "lat", "lon"} of the event, or null
    cameo, intensity        CAMEO code; the PLOVER score as the event's intensity
    quad                    PLOVER quad category (verbal/material cooperation/conflict), from plover.yaml
    negated, future, hypothetical   qualifiers read from the text
    source_text             the first report's evidence sentence
    sources, mentions       independent sources; every report {article_id, path, sentence, start, end}
    confidence              0..1
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from ..lexicon.plover import plover
from .base import events_only


def date_resolution(date: str | None) -> str | None:
    if not date:
        return None
    return {4: "year", 7: "month", 10: "day"}.get(len(date))


def _side(ents: list[dict[str, Any]], prefix: str) -> dict[str, Any]:
    first = ents[0] if ents else {}
    return {
        prefix: first.get("name"),
        f"{prefix}_id": first.get("id"),
        f"{prefix}_country": first.get("country"),
        f"{prefix}_sector": first.get("sector"),
        f"{prefix}_office": first.get("office"),
        f"{prefix}s": [
            {"name": e.get("name"), "id": e.get("id"), "country": e.get("country"), "sector": e.get("sector")}
            for e in ents
        ],
    }


def plover_record(ev: dict[str, Any]) -> dict[str, Any]:
    """One event in PLOVER data-format field names (see the module docstring for the mapping)."""
    mentions = ev.get("mentions") or []
    loc = ev.get("event_loc")
    out: dict[str, Any] = {
        "id": ev["id"],
        "date": ev.get("date"),
        "enddate": ev.get("enddate"),
        "date_resolution": ev.get("date_precision") or date_resolution(ev.get("date")),
        "event": ev.get("event"),
        "mode": ev.get("mode"),
        "context": list(ev.get("context") or []),
    }
    out.update(_side(ev.get("actor") or [], "actor"))
    out.update(_side(ev.get("recipient") or [], "recipient"))
    out.update(
        {
            "location": (
                {k: loc.get(k) for k in ("name", "country", "lat", "lon")} if isinstance(loc, dict) else None
            ),
            "cameo": ev.get("cameo"),
            "intensity": ev.get("score"),
            "quad": plover().quad_label.get(ev.get("event") or ""),
            "negated": bool(ev.get("negated")),
            "future": bool(ev.get("future")),
            "hypothetical": bool(ev.get("hypothetical")),
            "source_text": (mentions[0].get("sentence") or "").strip() or None if mentions else None,
            "sources": ev.get("sources") or len({m.get("article_id") for m in mentions}),
            "mentions": mentions,
            "confidence": ev.get("confidence"),
        }
    )
    return out


def write_plover(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for ev in events_only(records, "plover"):
        out.write(json.dumps(plover_record(ev), ensure_ascii=False) + "\n")
        n += 1
    return n
