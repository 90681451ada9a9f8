"""The server-rendered workbench: home, dyads, listings, records, articles and search.

Every page is also JSON: add ``?format=json`` (or follow the page's "JSON" link to the
``/api/...`` equivalent). Article text reaches the templates only through Jinja's autoescape or
:mod:`.highlight`, which escapes every character, so a ``<script>`` in a title stays text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from ..lexicon.plover import plover
from ..store.names import country_names
from ..store.query import FACETS, INTERVALS, KINDS, SORTS, Filters, QueryError, Reader
from .api import SINGULAR
from .chart import TYPE_COLOURS, colour, timeline_svg
from .deps import ReaderDep, TemplatesDep
from .highlight import Span, excerpt, locate, mark_text
from .labels import cameo_label, human_amount, record_label, shorten
from .params import SORT_WORDS, check_country, invalid, make_filters, type_options
from .worldmap import map_svg

HERE = Path(__file__).parent
FILTER_KEYS = ("country", "dyad", "type", "since", "until", "q", "actor", "article", "place", "sort")
PAGE_FACET_SIZE = 8


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,  # every page: article text is untrusted
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        colour=colour,
        TYPE_COLOURS=TYPE_COLOURS,
        plover=plover,
        cameo_label=cameo_label,
        SINGULAR=SINGULAR,
        KINDS=KINDS,
    )
    env.filters.update(amount=human_amount, short=shorten, basename=lambda p: str(p or "").rsplit("/", 1)[-1])
    return Jinja2Templates(env=env)


def page_url(path: str, params: dict[str, Any], **changes: Any) -> str:
    """The same page with some parameters changed (None drops one); empty values are left out."""
    merged = {**params, **changes}
    q = {k: v for k, v in merged.items() if v not in (None, "", 0) or (k == "offset" and v)}
    return path + ("?" + urlencode(q) if q else "")


def auto_interval(events_dates: list[str]) -> str:
    years = sorted({int(d[:4]) for d in events_dates if d and re.match(r"^\d{4}", d)})
    if not years:
        return "month"
    span = years[-1] - years[0]
    return "month" if span <= 2 else "quarter" if span <= 6 else "year"


router = APIRouter(include_in_schema=False)


def render(
    request: Request,
    templates: Jinja2Templates,
    name: str,
    ctx: dict[str, Any],
    data: Any,
    json_url: str | None = None,
) -> Response:
    """The page, or its data as JSON when asked with ``?format=json``."""
    if request.query_params.get("format") == "json":
        return JSONResponse(data)
    here = dict(request.query_params)
    ctx.setdefault("title", "eventwire")
    ctx.update(
        request=request,
        json_url=json_url or page_url(request.url.path, here, format="json"),
        here=here,
        page_url=page_url,
    )
    return templates.TemplateResponse(request, name, ctx)


def filters_from(kind: str, request: Request, reader: Reader | None = None, **fixed: Any) -> Filters:
    qp = request.query_params
    try:
        limit = int(qp.get("limit") or 50)
        offset = int(qp.get("offset") or 0)
    except ValueError:
        raise invalid("limit", "limit and offset must be integers") from None
    if not 1 <= limit <= 1000 or not 0 <= offset <= 1_000_000_000:
        raise invalid("limit", "limit must be 1..1000 and offset 0..1e9")
    args = {k: qp.get(k) or None for k in FILTER_KEYS}
    args.update(fixed)
    return make_filters(kind, reader=reader, limit=limit, offset=offset, **args)


def filter_query(here: dict[str, Any], **fixed: Any) -> dict[str, Any]:
    """The page's filters alone (no page, format or interval): what exports and feeds take."""
    q = {k: v for k, v in here.items() if k in FILTER_KEYS and v}
    q.update({k: v for k, v in fixed.items() if v})
    return q


def export_links(kind: str, query: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(label, href, title) of the downloads and feed of exactly this filtered view."""
    qs = ("?" + urlencode(query)) if query else ""
    out = [
        ("CSV", f"/api/{kind}.csv{qs}", "every matching row as CSV"),
        ("JSONL", f"/api/{kind}.jsonl{qs}", "every matching record as JSON Lines"),
        ("Parquet", f"/api/{kind}.parquet{qs}", "every matching row as typed Parquet"),
    ]
    if kind == "events":
        out.append(("GDELT TSV", f"/api/events.tsv{qs}", "GDELT 1.0 columns, one row per dyad"))
    out.append(("Atom", f"/api/{kind}.atom{qs}", "follow this view in a feed reader"))
    return out


def facet_links(
    kind: str, path: str, here: dict[str, Any], facets: dict[str, Any], names: dict[str, str]
) -> list[dict[str, Any]]:
    """Each facet's values as links that add the value to the page's filters (Datasette-style)."""
    out = []
    for name, facet in facets.items():
        rows = []
        for v in facet["values"][:PAGE_FACET_SIZE]:
            value, label = v["value"], v["label"]
            if name == "year":
                href = page_url(path, here, since=str(value), until=str(value), offset=None)
                on = here.get("since") == str(value) and here.get("until") == str(value)
            else:
                href = page_url(path, here, **{name: value, "offset": None})
                on = here.get(name) == str(value)
            if name == "country":
                label = f"{names.get(value, value)} ({value})" if value in names else value
            rows.append({"label": label, "count": v["count"], "href": href, "on": on})
        clear = None
        if name == "year" and (here.get("since") or here.get("until")):
            clear = page_url(path, here, since=None, until=None, offset=None)
        elif name != "year" and here.get(name):
            clear = page_url(path, here, **{name: None, "offset": None})
        more = facet["more"] or len(facet["values"]) > PAGE_FACET_SIZE
        out.append({"name": name, "rows": rows, "more": more, "reset": clear})  # not "clear": dict.clear
    return out


def sort_links(kind: str, path: str, here: dict[str, Any], current: str | None) -> list[dict[str, Any]]:
    cur = current or SORTS[kind][0]
    return [
        {"sort": s, "words": SORT_WORDS[s], "href": page_url(path, here, sort=s, offset=None), "on": s == cur}
        for s in SORTS[kind]
    ]


def world_map(
    reader: Reader, f: Filters, here_query: dict[str, Any], highlight: tuple[str, ...] = ()
) -> tuple[Markup, dict[str, Any]]:
    """The map of the events ``f`` keeps: countries link to /events with the country added,
    places to /events with the place added (the other filters kept)."""
    data = reader.map_data(f)
    counts = {c["country"]: c["events"] for c in data["countries"]}
    names = country_names()

    def country_href(code: str) -> str:
        return page_url("/events", here_query, country=code, offset=None)

    def place_href(p: dict[str, Any]) -> str:
        return page_url("/events", here_query, place=p["name"], offset=None)

    svg = map_svg(counts, data["places"], names, country_href, place_href, highlight=highlight)
    return Markup(svg), data  # noqa: S704 - map_svg escapes every text it writes


def listing(reader: Reader, kind: str, f: Filters) -> dict[str, Any]:
    try:
        items, total = reader.list(kind, f)
    except QueryError as exc:
        raise invalid(exc.field, str(exc)) from None
    return {"items": items, "total": total, "limit": f.limit, "offset": f.offset}


def evidence(reader: Reader, kind: str, rec: dict[str, Any]) -> list[dict[str, Any]]:
    """Each mention's sentence marked inside its article's surrounding text."""
    mentions = rec.get("mentions") or []
    texts = reader.article_texts(m.get("article_id") for m in mentions if m.get("article_id"))
    out = []
    for m in mentions:
        art = texts.get(m.get("article_id"))
        item: dict[str, Any] = {"mention": m, "article": art, "html": None}
        if art:
            loc = locate(art["text"], m)
            if loc:
                inner = trigger_spans(kind, rec, art["text"], loc)
                html, cut_l, cut_r = excerpt(art["text"], loc[0], loc[1], inner=inner)
                item.update(html=html, cut_left=cut_l, cut_right=cut_r, anchor=f"m-{loc[0]}")
        out.append(item)
    return out


def get_or_404(reader: Reader, kind: str, record_id: str) -> dict[str, Any]:
    rec = reader.get(kind, record_id)
    if rec is None:
        raise HTTPException(404, detail=f"no {SINGULAR[kind]} {record_id!r}")
    return rec


# ---------------------------------------------------------------------- home
@router.get("/", response_class=HTMLResponse)
def home(request: Request, reader: ReaderDep, templates: TemplatesDep) -> Response:
    counts = reader.counts()
    dyads = reader.dyads(limit=12)
    latest, _ = reader.list("events", Filters(limit=12))
    articles, _ = reader.list("articles", Filters(limit=8))
    for a in articles:
        a.pop("text", None)
    data = {"counts": counts, "dyads": dyads, "latest_events": latest, "latest_articles": articles}
    ctx = {"counts": counts, "dyads": dyads, "latest": latest, "articles": articles}
    return render(request, templates, "home.html", ctx, data)


# ---------------------------------------------------------------------- dyads
@router.get("/dyads", response_class=HTMLResponse)
def dyads_page(request: Request, reader: ReaderDep, templates: TemplatesDep) -> Response:
    country = check_country("country", request.query_params.get("country"), reader)
    rows = reader.dyads(limit=500, country=country)
    api = "/api/dyads?" + urlencode({"limit": 500, **({"country": country} if country else {})})
    ctx = {"dyads": rows, "country": country, "title": "Dyads"}
    return render(request, templates, "dyads.html", ctx, rows, json_url=api)


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, a: str, b: str, reader: ReaderDep, templates: TemplatesDep) -> Response:
    a3, b3 = check_country("a", a, reader, "path"), check_country("b", b, reader, "path")
    assert a3 and b3
    qp = request.query_params
    if (a3, b3) != (a, b):  # /dyads/Turkey/Malaysia: the canonical address of the same dyad
        return RedirectResponse(page_url(f"/dyads/{a3}/{b3}", dict(qp)), status_code=307)
    f = filters_from("events", request, reader, dyad=f"{a3},{b3}", country=None)
    interval = qp.get("interval") or ""
    if interval and interval not in INTERVALS:
        raise invalid("interval", f"interval must be one of {', '.join(INTERVALS)}", interval)
    if not interval:
        probe = reader.timeline(a3, b3, "year", fill=False)
        interval = auto_interval([p["period"] for p in probe["periods"] + probe["coarser"]])
    # the chart keeps the whole history in view; the chosen dates are highlighted, not cut out
    timeline = reader.timeline(a3, b3, interval)
    events = listing(reader, "events", f)
    side = Filters(dyad=(a3, b3), since=f.since, until=f.until, limit=100)
    deals = listing(reader, "deals", side)
    figures = listing(reader, "figures", side)
    here = dict(qp)

    def bar_href(p: dict[str, Any]) -> str:
        return page_url(request.url.path, here, since=p["since"], until=p["until"], offset=None) + "#events"

    def selected(p: dict[str, Any]) -> bool:
        return (not f.since or p["until"] + "~" >= f.since) and (not f.until or p["since"] <= f.until + "~")

    chart = timeline_svg(timeline, href=bar_href, selected=selected if (f.since or f.until) else None)
    worldmap, _ = world_map(reader, f, filter_query(here, dyad=f"{a3},{b3}"), highlight=(a3, b3))
    data = {"dyad": [a3, b3], "timeline": timeline, "events": events, "deals": deals, "figures": figures}
    ctx = {
        "a": a3,
        "b": b3,
        "f": f,
        "interval": interval,
        "intervals": INTERVALS,
        "timeline": timeline,
        "chart": chart,
        "worldmap": worldmap,
        "exports": export_links("events", filter_query(here, dyad=f"{a3},{b3}")),
        "events": events,
        "deals": deals,
        "figures": figures,
        "types": plover().types,
        "title": f"{a3}–{b3}",
    }
    api = "/api/events?" + urlencode(
        {"dyad": f"{a3},{b3}", **{k: v for k, v in qp.items() if k != "interval"}}
    )
    return render(request, templates, "dyad.html", ctx, data, json_url=api)


# ---------------------------------------------------------------------- listings
def _list_page(kind: str) -> Callable[..., Response]:
    def list_page(request: Request, reader: ReaderDep, templates: TemplatesDep) -> Response:
        f = filters_from(kind, request, reader)
        page = listing(reader, kind, f)
        here = dict(request.query_params)
        try:
            facets = reader.facets(kind, f, FACETS[kind])
        except QueryError as exc:
            raise invalid(exc.field, str(exc)) from None
        if kind == "articles":
            for it in page["items"]:
                it["snippet"] = shorten(it.pop("text", ""), 220)
        api = f"/api/{kind}" + ("?" + str(request.url.query) if request.url.query else "")
        query = filter_query(here)
        ctx = {
            "kind": kind,
            "page": page,
            "f": f,
            "type_options": type_options(kind),
            "facets": facet_links(kind, f"/{kind}", here, facets, country_names()),
            "sorts": sort_links(kind, f"/{kind}", here, f.sort),
            "exports": export_links(kind, query),
            "feed_url": f"/api/{kind}.atom" + ("?" + urlencode(query) if query else ""),
            "map_url": page_url("/map", query) if kind == "events" else None,
            "title": kind.capitalize(),
        }
        return render(request, templates, "list.html", ctx, {**page, "facets": facets}, json_url=api)

    return list_page


# ---------------------------------------------------------------------- map
@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, reader: ReaderDep, templates: TemplatesDep) -> Response:
    f = filters_from("events", request, reader)
    here = dict(request.query_params)
    query = filter_query(here)
    svg, data = world_map(reader, f, query, highlight=tuple(x for x in (f.country, *(f.dyad or ())) if x))
    names = country_names()
    ctx = {
        "f": f,
        "svg": svg,
        "data": data,
        "names": names,
        "type_options": type_options("events"),
        "events_url": page_url("/events", query),
        "feed_url": "/api/events.atom" + ("?" + urlencode(query) if query else ""),
        "exports": export_links("events", query),
        "title": "Map",
    }
    api = "/api/map" + ("?" + urlencode(query) if query else "")
    return render(request, templates, "map.html", ctx, data, json_url=api)


@router.get("/countries/{name}", response_class=HTMLResponse)
def country_page(request: Request, name: str, reader: ReaderDep) -> Response:
    """A country by code, name or alias: its actor page (with its map), else its events."""
    code = check_country("name", name, reader, "path")
    target = f"/actors/c:{code}" if reader.get("actors", f"c:{code}") else f"/events?country={code}"
    return RedirectResponse(target, status_code=307)


for _kind in KINDS:
    router.add_api_route(f"/{_kind}", _list_page(_kind), methods=["GET"], response_class=HTMLResponse)


# ---------------------------------------------------------------------- records
@router.get("/events/{record_id}", response_class=HTMLResponse)
def event_page(request: Request, record_id: str, reader: ReaderDep, templates: TemplatesDep) -> Response:
    rec = get_or_404(reader, "events", record_id)
    ctx = {"ev": rec, "evidence": evidence(reader, "events", rec), "title": f"{rec.get('event')} event"}
    return render(request, templates, "event.html", ctx, rec, json_url=f"/api/events/{record_id}")


@router.get("/actors/{record_id}", response_class=HTMLResponse)
def actor_page(request: Request, record_id: str, reader: ReaderDep, templates: TemplatesDep) -> Response:
    rec = get_or_404(reader, "actors", record_id)
    events = listing(reader, "events", Filters(actor=record_id, limit=200))
    is_country = rec.get("kind") == "country" and rec.get("country")
    # a country's page maps every event of the country, anyone else's the events it takes part in
    mapped = Filters(country=rec["country"]) if is_country else Filters(actor=record_id)
    query = {"country": rec["country"]} if is_country else {"actor": record_id}
    worldmap, _ = world_map(reader, mapped, query, highlight=(rec["country"],) if is_country else ())
    quotes = listing(reader, "quotes", Filters(actor=record_id, limit=100))
    deals = listing(reader, "deals", Filters(actor=record_id, limit=100))
    dyads = reader.dyads(limit=20, country=rec.get("country")) if rec.get("kind") == "country" else []
    roles = sorted(rec.get("roles") or [], key=lambda r: (r.get("start") or "", r.get("end") or ""))
    data = {"actor": rec, "events": events, "quotes": quotes, "deals": deals}
    ctx = {
        "actor": rec,
        "roles": roles,
        "events": events,
        "quotes": quotes,
        "deals": deals,
        "dyads": dyads,
        "worldmap": worldmap,
        "map_url": page_url("/map", query),
        "title": rec.get("name") or record_id,
    }
    return render(request, templates, "actor.html", ctx, data, json_url=f"/api/actors/{record_id}")


@router.get("/articles/{record_id}", response_class=HTMLResponse)
def article_page(request: Request, record_id: str, reader: ReaderDep, templates: TemplatesDep) -> Response:
    art = get_or_404(reader, "articles", record_id)
    spans: list[Span] = []
    listed: list[dict[str, Any]] = []
    for kind, recs in art["records"].items():
        if kind == "actors":
            continue
        for rec in recs:
            for m in rec.get("mentions") or []:
                if m.get("article_id") != record_id:
                    continue
                loc = locate(art["text"], m)
                if not loc:
                    continue
                label = record_label(kind, rec)
                spans.append(Span(loc[0], loc[1], kind, label, [rec["id"]]))
                listed.append({"kind": kind, "rec": rec, "label": label, "anchor": f"m-{loc[0]}"})
    listed.sort(key=lambda x: int(x["anchor"][2:]))
    ctx = {
        "art": art,
        "body": mark_text(art["text"], spans),
        "listed": listed,
        "actors": art["records"].get("actors", []),
        "title": art.get("title") or str(art.get("path") or "").rsplit("/", 1)[-1],
    }
    return render(request, templates, "article.html", ctx, art, json_url=f"/api/articles/{record_id}")


def _record_page(kind: str) -> Callable[..., Response]:
    def record_page(request: Request, record_id: str, reader: ReaderDep, templates: TemplatesDep) -> Response:
        rec = get_or_404(reader, kind, record_id)
        ctx = {
            "kind": kind,
            "rec": rec,
            "label": record_label(kind, rec),
            "evidence": evidence(reader, kind, rec),
            "title": f"{SINGULAR[kind].capitalize()}: {shorten(record_label(kind, rec), 60)}",
        }
        return render(request, templates, "record.html", ctx, rec, json_url=f"/api/{kind}/{record_id}")

    return record_page


for _kind in ("deals", "figures", "quotes"):
    router.add_api_route(
        f"/{_kind}/{{record_id}}", _record_page(_kind), methods=["GET"], response_class=HTMLResponse
    )


# ---------------------------------------------------------------------- search
@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, reader: ReaderDep, templates: TemplatesDep) -> Response:
    q = (request.query_params.get("q") or "").strip()
    results: dict[str, Any] = {}
    if q:
        for kind in ("events", "actors", "deals", "figures", "quotes", "articles"):
            f = make_filters(kind, reader=reader, q=q, limit=10)
            page = listing(reader, kind, f)
            if kind == "articles":
                for it in page["items"]:
                    it["snippet"] = snippet(it.pop("text", ""), q)
            results[kind] = page
    ctx = {"q": q, "results": results, "title": f"Search: {q}" if q else "Search"}
    return render(request, templates, "search.html", ctx, {"q": q, "results": results})


def trigger_spans(kind: str, rec: dict[str, Any], text: str, loc: tuple[int, int]) -> list[Span]:
    """The trigger word inside the evidence sentence (by offsets when they fit, else by search)."""
    if kind != "events" or not rec.get("trigger"):
        return []
    trig = str(rec["trigger"])
    ts, te = rec.get("trigger_start"), rec.get("trigger_end")
    if isinstance(ts, int) and isinstance(te, int) and loc[0] <= ts < te <= loc[1] and text[ts:te] == trig:
        return [Span(ts, te, "trigger", f"trigger: {trig}")]
    i = text.lower().find(trig.lower(), loc[0], loc[1])
    return [Span(i, i + len(trig), "trigger", f"trigger: {trig}")] if i >= 0 else []


def snippet(text: str, q: str, width: int = 220) -> str:
    words = re.findall(r"\w+", q)
    low = text.lower()
    pos = min((i for w in words if (i := low.find(w.lower())) >= 0), default=0)
    lo = max(0, pos - width // 3)
    return ("…" if lo else "") + shorten(text[lo:], width)
