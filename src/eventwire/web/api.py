"""The JSON API: listings and details of every kind, dyads and their timelines.

Records are returned exactly in their export shapes (EXPORT.md), so a script that reads
``eventwire export`` output reads the API too. Listings are pages: ``{"items", "total", "limit",
"offset"}``; ``total`` counts every match, not just the page.
"""

from __future__ import annotations

import io
import json
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from ..export import write_csv
from ..store.query import FACETS, INTERVALS, KINDS
from . import exports
from .deps import CacheDep, ReaderDep
from .params import (
    CountryQ,
    FacetQ,
    FilterDep,
    LimitQ,
    OffsetQ,
    SinceQ,
    UntilQ,
    check_country,
    check_date,
    check_facets,
    checked,
    invalid,
)

SINGULAR = {
    "articles": "article",
    "events": "event",
    "actors": "actor",
    "deals": "deal",
    "figures": "figure",
    "quotes": "quote",
}


class Page(BaseModel):
    """One page of records in their export shape."""

    items: list[dict[str, Any]]
    total: int = Field(description="Records matching the filters (all pages).")
    limit: int
    offset: int
    facets: dict[str, Any] | None = Field(
        default=None,
        description='With facet=: per facet, {"values": [{"value", "label", "count"}], "more": bool}.',
    )


class Problem(BaseModel):
    detail: str


class Dyad(BaseModel):
    a: str
    b: str
    events: int
    types: dict[str, int]


class PeriodRow(BaseModel):
    period: str
    since: str
    until: str
    total: int
    counts: dict[str, int]
    cooperative: int
    conflictual: int
    balance: float | None = Field(description="(cooperative - conflictual) / total, in [-1, 1].")
    mean_score: float | None = Field(description="Mean PLOVER score of the period's scored events.")


class Timeline(BaseModel):
    dyad: list[str]
    interval: str
    types: list[str]
    periods: list[PeriodRow]
    coarser: list[PeriodRow] = Field(
        description="Events dated coarser than the interval, by their own period."
    )
    undated: int
    excluded_negated_or_hypothetical: int
    index: str


FormatQ = Annotated[
    str,
    Query(
        description="json (default), or jsonl / csv for this page only (`/api/{kind}.csv` exports every match).",
        max_length=8,
    ),
]


def json_response(data: Any) -> Response:
    """JSON bytes made once (and cached as such): no per-request re-validation of export shapes."""
    return Response(json.dumps(data, ensure_ascii=False).encode("utf-8"), media_type="application/json")


def list_response(
    kind: str, items: list[dict[str, Any]], total: int, limit: int, offset: int, fmt: str
) -> Response:
    """A page as JSON, or the same records as JSON Lines / flat CSV (this page only: the full
    export of a filtered view is ``/api/{kind}.csv``, named in the ``Link`` header)."""
    if fmt == "jsonl":
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in items)
        return Response(body, media_type="application/x-ndjson")
    buf = io.StringIO()
    write_csv(items, buf, kind=kind)
    return Response(
        buf.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{kind}-page.csv"'},
    )


router = APIRouter(prefix="/api", tags=["records"])


def _listing_route(kind: str) -> Callable[..., Awaitable[Response]]:
    """The listing of one kind (one route per kind, so each has its own operation id and summary)."""

    async def listing(
        reader: ReaderDep,
        cache: CacheDep,
        args: FilterDep,
        facet: FacetQ = None,
        limit: LimitQ = 50,
        offset: OffsetQ = 0,
        format: FormatQ = "json",
    ) -> Response:
        if format not in ("json", "jsonl", "csv"):
            raise invalid("format", f"format {format!r}: use json, jsonl or csv", format)
        facets = check_facets(kind, facet)

        def make() -> Response:
            f = args.filters(kind, reader, limit, offset)
            if format == "json":
                raw, total = checked(lambda: reader.list_json(kind, f))
                extra = ""
                if facets:
                    counts = checked(lambda: reader.facets(kind, f, facets))
                    extra = ', "facets": ' + json.dumps(counts, ensure_ascii=False)
                body = (
                    f'{{"items": [{", ".join(raw)}], "total": {total}, "limit": {f.limit}, '
                    f'"offset": {f.offset}{extra}}}'
                )
                return Response(body.encode("utf-8"), media_type="application/json")
            items, total = checked(lambda: reader.list(kind, f))
            return list_response(kind, items, total, f.limit, f.offset, format)

        key = ("list", kind, args.key(), tuple(facets), limit, offset, format)
        return await cache.aget_or_make(key, make)

    return listing


def _detail_route(kind: str) -> Callable[..., Awaitable[Response]]:
    """One record of one kind by id, 404 when there is none."""

    async def detail(
        reader: ReaderDep, cache: CacheDep, record_id: Annotated[str, Path(max_length=200)]
    ) -> Response:
        def make() -> Response:
            rec = reader.get(kind, record_id)
            if rec is None:
                raise HTTPException(404, detail=f"no {SINGULAR[kind]} {record_id!r}")
            return json_response(rec)

        return await cache.aget_or_make(("get", kind, record_id), make)

    return detail


for _kind in KINDS:
    exports.add_routes(router, _kind)
    router.add_api_route(
        f"/{_kind}",
        _listing_route(_kind),
        methods=["GET"],
        response_model=Page,
        operation_id=f"list_{_kind}",
        summary=f"List {_kind}",
        description=(
            f"{_kind.capitalize()} in their export shape, filtered, sorted and paged; `facet=` adds "
            f"counts for the filters ({', '.join(FACETS[_kind])}). `?format=csv` or `jsonl` returns this "
            f"page only: `/api/{_kind}.csv`, `.jsonl` and `.parquet` export every match."
        ),
        responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}},
    )
    router.add_api_route(
        f"/{_kind}/{{record_id}}",
        _detail_route(_kind),
        methods=["GET"],
        response_model=dict[str, Any],
        operation_id=f"get_{SINGULAR[_kind]}",
        summary=f"One {SINGULAR[_kind]}",
        description=(
            "The record in its export shape with its mentions, plus `articles` it was read from."
            if _kind != "articles"
            else "The article with `records`: every record read from it, by kind."
        ),
        responses={404: {"model": Problem, "description": "No such record"}},
    )


@router.get(
    "/map",
    operation_id="map_data",
    summary="Events per country and per place, for the current filters",
    description=(
        "What `/map` draws: the events matching the filters counted by each actor or recipient "
        "country, and by the places they happened at (with coordinates)."
    ),
    tags=["map"],
)
async def map_data(reader: ReaderDep, cache: CacheDep, args: FilterDep) -> Response:
    def make() -> Response:
        f = args.filters("events", reader)
        return json_response(checked(lambda: reader.map_data(f)))

    return await cache.aget_or_make(("map", args.key()), make)


@router.get(
    "/dyads",
    response_model=list[Dyad],
    operation_id="list_dyads",
    summary="Country pairs by number of events",
    tags=["dyads"],
)
async def dyads(
    reader: ReaderDep,
    cache: CacheDep,
    country: CountryQ = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> Response:
    def make() -> Response:
        c = check_country("country", country, reader)
        return json_response(reader.dyads(limit=limit, country=c))

    return await cache.aget_or_make(("dyads", country, limit), make)


@router.get(
    "/dyads/{a}/{b}/timeline",
    response_model=Timeline,
    operation_id="dyad_timeline",
    summary="Events of a dyad per period, by type, with a cooperation-conflict index",
    description=(
        "Counts of the dyad's events per `interval` and PLOVER type. Index per period: `balance` = "
        "(cooperative − conflictual) / total, where an event is cooperative or conflictual by the "
        "sign of its PLOVER score, or else by its PLOVER quad category (AGREE, CONSULT, SUPPORT, "
        "CONCEDE, COOPERATE, AID, RETREAT cooperative; the rest conflictual); `mean_score` = mean "
        "PLOVER score. Negated and hypothetical events are left out. Events dated coarser than the "
        "interval are counted under `coarser`."
    ),
    tags=["dyads"],
)
async def timeline(
    reader: ReaderDep,
    cache: CacheDep,
    a: Annotated[str, Path(description="A country: code (TUR), name or alias", max_length=100)],
    b: Annotated[str, Path(description="A country: code (MYS), name or alias", max_length=100)],
    interval: Annotated[str, Query(description=f"One of {', '.join(INTERVALS)}.", max_length=10)] = "month",
    since: SinceQ = None,
    until: UntilQ = None,
) -> Response:
    if interval not in INTERVALS:
        raise invalid("interval", f"interval {interval!r}: use one of {', '.join(INTERVALS)}", interval)
    s, u = check_date("since", since), check_date("until", until)

    def make() -> Response:
        a3, b3 = check_country("a", a, reader, "path"), check_country("b", b, reader, "path")
        assert a3 and b3
        return json_response(reader.timeline(a3, b3, interval, since=s, until=u))

    return await cache.aget_or_make(("timeline", a, b, interval, s, u), make)
