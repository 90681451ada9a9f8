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
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates

from ..lexicon.plover import plover
from ..store.query import INTERVALS, KINDS, Filters, QueryError, Reader
from .api import SINGULAR
from .chart import TYPE_COLOURS, colour, timeline_svg
from .deps import ReaderDep, TemplatesDep
from .highlight import Span, excerpt, locate, mark_text
from .params import check_iso3, invalid, make_filters

HERE = Path(__file__).parent
DEAL_STATUSES = ("planned", "mou", "agreement", "contract", "delivered", "cancelled")
FIGURE_KINDS = ("actual", "target", "estimate", "forecast")
ACTOR_KINDS = ("person", "organization", "country", "group")
TYPE_OPTIONS: dict[str, tuple[str, ...]] = {
    "deals": DEAL_STATUSES,
    "figures": FIGURE_KINDS,
    "actors": ACTOR_KINDS,
}


def type_options(kind: str) -> tuple[str, ...]:
    """The values of a kind's ``type`` filter; for events, the PLOVER types of plover.yaml."""
    return plover().types if kind == "events" else TYPE_OPTIONS.get(kind, ())


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
        SINGULAR=SINGULAR,
        KINDS=KINDS,
    )
    env.filters.update(amount=human_amount, short=shorten, basename=lambda p: str(p or "").rsplit("/", 1)[-1])
    return Jinja2Templates(env=env)


def human_amount(value: Any) -> str:
    """5000000000 -> '5 bn': analysts read magnitudes, the JSON keeps the exact number."""
    if not isinstance(value, (int, float)):
        return "" if value is None else str(value)
    for div, suffix in ((1e12, " tn"), (1e9, " bn"), (1e6, " m")):
        if abs(value) >= div:
            return f"{value / div:,.2f}".rstrip("0").rstrip(".") + suffix
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def shorten(text: Any, n: int = 160) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= n else s[: n - 1].rsplit(" ", 1)[0] + "…"


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


def filters_from(kind: str, request: Request, **fixed: Any) -> Filters:
    qp = request.query_params
    try:
        limit = int(qp.get("limit") or 50)
        offset = int(qp.get("offset") or 0)
    except ValueError:
        raise invalid("limit", "limit and offset must be integers") from None
    if not 1 <= limit <= 1000 or not 0 <= offset <= 1_000_000_000:
        raise invalid("limit", "limit must be 1..1000 and offset 0..1e9")
    args = {
        k: qp.get(k) or None for k in ("country", "dyad", "type", "since", "until", "q", "actor", "article")
    }
    args.update(fixed)
    return make_filters(kind, limit=limit, offset=offset, **args)


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
    country = check_iso3("country", request.query_params.get("country"))
    rows = reader.dyads(limit=500, country=country)
    api = "/api/dyads?" + urlencode({"limit": 500, **({"country": country} if country else {})})
    ctx = {"dyads": rows, "country": country, "title": "Dyads"}
    return render(request, templates, "dyads.html", ctx, rows, json_url=api)


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, a: str, b: str, reader: ReaderDep, templates: TemplatesDep) -> Response:
    a3, b3 = check_iso3("a", a, "path"), check_iso3("b", b, "path")
    assert a3 and b3
    qp = request.query_params
    f = filters_from("events", request, dyad=f"{a3},{b3}", country=None)
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
    data = {"dyad": [a3, b3], "timeline": timeline, "events": events, "deals": deals, "figures": figures}
    ctx = {
        "a": a3,
        "b": b3,
        "f": f,
        "interval": interval,
        "intervals": INTERVALS,
        "timeline": timeline,
        "chart": chart,
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
        f = filters_from(kind, request)
        page = listing(reader, kind, f)
        if kind == "articles":
            for it in page["items"]:
                it["snippet"] = shorten(it.pop("text", ""), 220)
        api = f"/api/{kind}" + ("?" + str(request.url.query) if request.url.query else "")
        ctx = {
            "kind": kind,
            "page": page,
            "f": f,
            "type_options": type_options(kind),
            "title": kind.capitalize(),
        }
        return render(request, templates, "list.html", ctx, page, json_url=api)

    return list_page


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
            f = make_filters(kind, q=q, limit=10)
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


def names(ents: Any) -> str:
    if isinstance(ents, dict):
        ents = [ents]
    return ", ".join(e.get("name") or e.get("id") or "?" for e in ents or [] if isinstance(e, dict))


def record_label(kind: str, rec: dict[str, Any]) -> str:
    """One line saying what a record is, for titles, tooltips and the article margin."""
    if kind == "events":
        return f"{rec.get('event')}: {names(rec.get('actor')) or '?'} → {names(rec.get('recipient')) or '?'}"
    if kind == "deals":
        what = rec.get("designation") or rec.get("item") or "deal"
        return f"{what}: {names(rec.get('supplier')) or '?'} → {names(rec.get('recipient')) or '?'}"
    if kind == "figures":
        return f"{rec.get('metric') or 'figure'}: {human_amount(rec.get('amount'))} {rec.get('unit') or ''}".strip()
    if kind == "quotes":
        return f"{names(rec.get('speaker')) or '?'}: “{shorten(rec.get('text'), 80)}”"
    return str(rec.get("name") or rec.get("id"))


def snippet(text: str, q: str, width: int = 220) -> str:
    words = re.findall(r"\w+", q)
    low = text.lower()
    pos = min((i for w in words if (i := low.find(w.lower())) >= 0), default=0)
    lo = max(0, pos - width // 3)
    return ("…" if lo else "") + shorten(text[lo:], width)
