"""Records as flat rows with a fixed set of typed columns per kind, for CSV and Parquet.

A spreadsheet or ``pandas.read_csv`` wants one value a cell: the parties of an event become
``actor_names``/``actor_countries``/``recipient_*`` lists, the evidence the list of its sentences,
``source_urls`` the web addresses of the reporting articles. Every column has one type, known
before the first row, which is what lets CSV and Parquet be written as a stream: the header (or
the Parquet schema) comes first and each chunk of rows is written and forgotten.

Value types: ``str``, ``int``, ``float``, ``bool``, ``date`` (a calendar day: the first and last
day a date of any precision covers) and ``list`` (of strings). CAMEO codes are strings ("051").
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from ..lexicon.plover import plover
from ..store.flat import precision_of

# article id -> {"url": web URL or None, "published": date or None, "added": YYYYMMDD or None}
Refs = dict[str, dict[str, Any]]
Sources = Callable[[Iterable[str]], Refs]

_DATES = [("date_precision", "str"), ("date_start", "date"), ("date_end", "date")]
_TAIL = [
    ("sources", "int"),
    ("confidence", "float"),
    ("evidence", "list"),
    ("article_ids", "list"),
    ("source_urls", "list"),
]


def _side(prefix: str, many: bool) -> list[tuple[str, str]]:
    t = "list" if many else "str"
    return [
        (f"{prefix}_ids" if many else f"{prefix}_id", t),
        (f"{prefix}_names" if many else f"{prefix}_name", t),
        (f"{prefix}_countries" if many else f"{prefix}_country", t),
    ]


COLUMNS: dict[str, list[tuple[str, str]]] = {
    "events": [
        ("id", "str"),
        ("date", "str"),
        ("enddate", "str"),
        *_DATES,
        ("event", "str"),
        ("mode", "str"),
        ("context", "list"),
        ("cameo", "str"),
        ("quad", "str"),
        ("score", "float"),
        *_side("actor", True),
        *_side("recipient", True),
        ("place", "str"),
        ("place_country", "str"),
        ("lat", "float"),
        ("lon", "float"),
        ("negated", "bool"),
        ("future", "bool"),
        ("hypothetical", "bool"),
        *_TAIL,
    ],
    "deals": [
        ("id", "str"),
        ("date", "str"),
        *_DATES,
        ("status", "str"),
        ("item", "str"),
        ("designation", "str"),
        ("quantity", "int"),
        ("value_amount", "float"),
        ("value_currency", "str"),
        *_side("supplier", False),
        *_side("recipient", False),
        *_side("contractor", False),
        ("delivery", "str"),
        *_TAIL,
    ],
    "figures": [
        ("id", "str"),
        ("date", "str"),
        *_DATES,
        ("metric", "str"),
        ("amount", "float"),
        ("unit", "str"),
        ("kind", "str"),
        ("period_start", "str"),
        ("period_end", "str"),
        *_side("actor", True),
        *_TAIL,
    ],
    "quotes": [
        ("id", "str"),
        ("date", "str"),
        *_DATES,
        *_side("speaker", False),
        ("speaker_office", "str"),
        ("text", "str"),
        ("channel", "str"),
        *_TAIL,
    ],
    "actors": [
        ("id", "str"),
        ("name", "str"),
        ("kind", "str"),
        ("country", "str"),
        ("sector", "str"),
        ("aliases", "list"),
        ("roles", "list"),
        ("mention_count", "int"),
        ("article_count", "int"),
        ("event_count", "int"),
        ("evidence", "list"),
        ("article_ids", "list"),
    ],
    "articles": [
        ("id", "str"),
        ("path", "str"),
        ("url", "str"),
        ("title", "str"),
        ("author", "str"),
        ("published", "str"),
        ("published_inferred", "bool"),
        ("publisher", "str"),
        ("language", "str"),
        ("duplicate_of", "str"),
        ("text", "str"),
    ],
}


def shape_kind(rec: dict[str, Any]) -> str | None:
    """Which kind an export-shape record is by its fields, or None when no kind has that shape."""
    if "event" in rec and "actor" in rec:
        return "events"
    if "supplier" in rec:
        return "deals"
    if "metric" in rec:
        return "figures"
    if "speaker" in rec:
        return "quotes"
    if "aliases" in rec or "roles" in rec:
        return "actors"
    if "text" in rec and "path" in rec:
        return "articles"
    return None


def kind_of(rec: dict[str, Any]) -> str:
    """Which kind an export-shape record is (for writers handed records without their kind)."""
    return shape_kind(rec) or "events"


def day_range(date: Any) -> tuple[dt.date | None, dt.date | None]:
    """The first and last calendar day an ISO date of year, month or day precision covers."""
    if not isinstance(date, str) or not date[:4].isdigit():
        return None, None
    try:
        y = int(date[:4])
        if len(date) >= 10:
            d = dt.date(y, int(date[5:7]), int(date[8:10]))
            return d, d
        if len(date) >= 7:
            m = int(date[5:7])
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        return None, None


def _ents(value: Any) -> list[dict[str, Any]]:
    return [e for e in (value if isinstance(value, list) else [value]) if isinstance(e, dict)]


def _side_values(prefix: str, value: Any, many: bool) -> dict[str, Any]:
    ents = _ents(value)
    if many:
        return {
            f"{prefix}_ids": [e.get("id") or "" for e in ents],
            f"{prefix}_names": [e.get("name") or "" for e in ents],
            f"{prefix}_countries": [e.get("country") or "" for e in ents],
        }
    e = ents[0] if ents else {}
    return {
        f"{prefix}_id": e.get("id"),
        f"{prefix}_name": e.get("name"),
        f"{prefix}_country": e.get("country"),
    }


def _tail(rec: dict[str, Any], refs: Refs) -> dict[str, Any]:
    mentions = [m for m in rec.get("mentions") or [] if isinstance(m, dict)]
    ids = list(dict.fromkeys(m.get("article_id") for m in mentions if m.get("article_id")))
    urls = [refs[a]["url"] for a in ids if a in refs and refs[a].get("url")]
    return {
        "sources": rec.get("sources") or len(ids),
        "confidence": rec.get("confidence"),
        "evidence": [" ".join(str(m.get("sentence") or "").split()) for m in mentions],
        "article_ids": ids,
        "source_urls": list(dict.fromkeys(urls)),
    }


def _dates(rec: dict[str, Any]) -> dict[str, Any]:
    start, _ = day_range(rec.get("date"))
    _, end = day_range(rec.get("enddate") or rec.get("date"))
    return {
        "date_precision": rec.get("date_precision") or precision_of(rec.get("date")),
        "date_start": start,
        "date_end": end,
    }


def flat_row(kind: str, rec: dict[str, Any], refs: Refs | None = None) -> dict[str, Any]:
    """One record as ``COLUMNS[kind]`` values (typed Python values; lists of strings)."""
    refs = refs or {}
    out: dict[str, Any] = {k: rec.get(k) for k, _ in COLUMNS[kind]}
    if kind == "articles":
        return out
    if kind == "actors":
        roles = []
        for r in rec.get("roles") or []:
            span = " – ".join(x for x in (r.get("start"), r.get("end")) if x)
            roles.append(str(r.get("title") or "") + (f" ({span})" if span else ""))
        mentions = [m for m in rec.get("mentions") or [] if isinstance(m, dict)]
        out.update(
            aliases=[a for a in rec.get("aliases") or [] if a != rec.get("name")],
            roles=roles,
            mention_count=rec.get("mention_count") or len(mentions),
            article_count=rec.get("article_count") or len({m.get("article_id") for m in mentions}),
            event_count=rec.get("event_count") or 0,
            evidence=[" ".join(str(m.get("sentence") or "").split()) for m in mentions],
            article_ids=list(dict.fromkeys(m.get("article_id") for m in mentions if m.get("article_id"))),
        )
        return out
    out.update(_dates(rec))
    out.update(_tail(rec, refs))
    if kind == "events":
        loc = rec.get("event_loc") if isinstance(rec.get("event_loc"), dict) else {}
        out.update(_side_values("actor", rec.get("actor"), True))
        out.update(_side_values("recipient", rec.get("recipient"), True))
        out.update(
            context=list(rec.get("context") or []),
            cameo=str(rec["cameo"]) if rec.get("cameo") not in (None, "") else None,
            quad=plover().quad_label.get(rec.get("event") or ""),
            place=loc.get("name"),
            place_country=loc.get("country"),
            lat=loc.get("lat"),
            lon=loc.get("lon"),
            negated=bool(rec.get("negated")),
            future=bool(rec.get("future")),
            hypothetical=bool(rec.get("hypothetical")),
        )
    elif kind == "deals":
        value = rec.get("value") if isinstance(rec.get("value"), dict) else {}
        out.update(value_amount=value.get("amount"), value_currency=value.get("currency"))
        for side in ("supplier", "recipient", "contractor"):
            out.update(_side_values(side, rec.get(side), False))
    elif kind == "figures":
        period = rec.get("period") if isinstance(rec.get("period"), dict) else {}
        out.update(period_start=period.get("start"), period_end=period.get("end"))
        out.update(_side_values("actor", rec.get("actors"), True))
    elif kind == "quotes":
        out.update(_side_values("speaker", rec.get("speaker"), False))
        speaker = rec.get("speaker") if isinstance(rec.get("speaker"), dict) else {}
        out["speaker_office"] = speaker.get("office")
    return out


def with_refs(
    records: Iterable[dict[str, Any]], sources: Sources | None, chunk: int = 500
) -> Iterator[tuple[list[dict[str, Any]], Refs]]:
    """Records a chunk at a time, with the reporting articles of the chunk looked up once."""
    it = iter(records)
    while batch := list(islice(it, chunk)):
        ids = {m.get("article_id") for r in batch for m in r.get("mentions") or [] if isinstance(m, dict)}
        ids.discard(None)
        yield batch, (sources(ids) if sources and ids else {})
