"""Flat rows from export payloads: a record's columns, its parties, its evidence, an actor's names.

One function per shape, shared by :meth:`eventwire.store.Store.replace_consolidated` (every write)
and migration 0006 (the backfill of stores made before it), so the flat tables always say what the
payloads say. The payload stays the record of truth; these are its columns for SQL tools.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..lexicon.plover import plover
from ..link.world import fold

# which payload keys hold a record's parties, and the side each row is given
SIDES: dict[str, tuple[tuple[str, str], ...]] = {
    "events": (("actor", "actor"), ("recipient", "recipient")),
    "deals": (("supplier", "supplier"), ("recipient", "recipient"), ("contractor", "contractor")),
    "figures": (("actors", "actor"),),
    "quotes": (("speaker", "speaker"),),
}
_YEAR = re.compile(r"^(\d{4})")


def year_of(date: object) -> int | None:
    m = _YEAR.match(date) if isinstance(date, str) else None
    return int(m.group(1)) if m else None


def precision_of(date: object) -> str | None:
    """day, month or year, from the shape of an ISO date (the text's precision)."""
    if not isinstance(date, str):
        return None
    return {4: "year", 7: "month", 10: "day"}.get(len(date))


def _first_sentence(p: dict[str, Any]) -> str | None:
    ms = p.get("mentions") or []
    return (ms[0].get("sentence") or "").strip() or None if ms else None


def _int(v: Any) -> int | None:
    return int(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _float(v: Any) -> float | None:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _sources(p: dict[str, Any]) -> int:
    return _int(p.get("sources")) or len({m.get("article_id") for m in p.get("mentions") or []})


def record_columns(kind: str, p: dict[str, Any]) -> dict[str, Any]:
    """The flat columns (``tables.FLAT_COLUMNS``) of one record's payload."""
    if kind == "events":
        loc = p.get("event_loc") if isinstance(p.get("event_loc"), dict) else {}
        return {
            "mode": p.get("mode"),
            "cameo": str(p["cameo"]) if p.get("cameo") not in (None, "") else None,
            "quad": plover().quad_label.get(p.get("event") or ""),
            "date_precision": p.get("date_precision") or precision_of(p.get("date")),
            "year": year_of(p.get("date")),
            "place": loc.get("name"),
            "place_country": loc.get("country"),
            "lat": _float(loc.get("lat")),
            "lon": _float(loc.get("lon")),
            "negated": bool(p.get("negated")),
            "future": bool(p.get("future")),
            "hypothetical": bool(p.get("hypothetical")),
            "sources": _sources(p),
            "evidence": _first_sentence(p),
        }
    if kind == "deals":
        value = p.get("value") if isinstance(p.get("value"), dict) else {}
        return {
            "item": p.get("item"),
            "designation": p.get("designation"),
            "quantity": _int(p.get("quantity")),
            "value_amount": _float(value.get("amount")),
            "value_currency": value.get("currency"),
            "year": year_of(p.get("date")),
            "sources": _sources(p),
            "evidence": _first_sentence(p),
        }
    if kind == "figures":
        period = p.get("period") if isinstance(p.get("period"), dict) else {}
        return {
            "amount": _float(p.get("amount")),
            "unit": p.get("unit"),
            "period_start": period.get("start"),
            "period_end": period.get("end"),
            "year": year_of(p.get("date")),
            "sources": _sources(p),
            "evidence": _first_sentence(p),
        }
    if kind == "quotes":
        return {
            "text": p.get("text"),
            "channel": p.get("channel"),
            "year": year_of(p.get("date")),
            "evidence": _first_sentence(p),
        }
    if kind == "actors":
        return {
            "mention_count": _int(p.get("mention_count")) or 0,
            "article_count": _int(p.get("article_count")) or 0,
        }
    raise ValueError(f"no flat columns for {kind!r}")


def entities(kind: str, p: dict[str, Any]) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """(side, position, entity) for every party of a record."""
    for key, side in SIDES[kind]:
        value = p.get(key)
        ents = value if isinstance(value, list) else [value]
        for i, e in enumerate(x for x in ents if isinstance(x, dict)):
            yield side, i, e


def party_rows(kind: str, record_id: str, p: dict[str, Any]) -> list[dict[str, Any]]:
    one = kind[:-1]
    return [
        {
            f"{one}_id": record_id,
            "side": side,
            "position": i,
            "actor_id": e.get("id"),
            "name": e.get("name"),
            "kind": e.get("kind"),
            "country": e.get("country"),
            "sector": e.get("sector"),
            "office": e.get("office"),
        }
        for side, i, e in entities(kind, p)
    ]


def mention_rows(kind: str, record_id: str, p: dict[str, Any]) -> list[dict[str, Any]]:
    one = kind[:-1]
    return [
        {
            f"{one}_id": record_id,
            "position": i,
            "article_id": m.get("article_id"),
            "path": m.get("path"),
            "sentence": m.get("sentence"),
            "char_start": _int(m.get("start")),
            "char_end": _int(m.get("end")),
        }
        for i, m in enumerate(x for x in p.get("mentions") or [] if isinstance(x, dict))
    ]


def name_rows(actor_id: str, p: dict[str, Any]) -> list[dict[str, Any]]:
    """The actor's canonical name and aliases, each once, with its folded comparison form."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for name in [p.get("name"), *(p.get("aliases") or [])]:
        if not isinstance(name, str) or not name.strip():
            continue
        folded = fold(name)
        if folded and folded not in seen:
            seen.add(folded)
            out.append({"actor_id": actor_id, "name": name, "folded": folded})
    return out
