"""Read queries for the workbench and its JSON API: filtered listings, details, timelines.

Everything here is SQLAlchemy Core with bound parameters, so the same code runs on SQLite and
PostgreSQL and no filter value ever becomes SQL. Records come back in their export shape (the
``payload`` column), which is what lets the API promise "the same JSON as ``eventwire export``".

Date filters compare ISO strings of mixed precision by *overlap*: an event dated "2024" matches
``since=2024-06-01`` because that year reaches past June. The trick is a "~" suffix (sorting after
every digit and "-"): ``end || "~" >= since`` and ``start <= until || "~"``.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Engine,
    Text,
    and_,
    cast,
    column,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
    union,
)
from sqlalchemy.sql.elements import ColumnElement

from ..lexicon.plover import plover
from ..link.world import fold
from . import tables as T
from .urls import web_url

KINDS = ("articles", "events", "actors", "deals", "figures", "quotes")
RECORD_KINDS = ("events", "deals", "figures", "quotes")  # tables with date/countries/actor_ids

# which column the generic ``type`` filter reads, per kind
TYPE_COLUMN: dict[str, str] = {
    "events": "event",
    "deals": "status",
    "figures": "kind",
    "actors": "kind",
    "articles": "source_format",
}

INTERVALS = ("month", "quarter", "year")
MAX_FILLED_PERIODS = 600  # beyond this many periods the timeline lists only non-empty ones

# the expression the PostgreSQL GIN index of migration 0002 is built on; must stay identical
PG_TSVECTOR = "to_tsvector('simple', coalesce(articles.title, '') || ' ' || articles.text)"
PG_RECORD_TSVECTOR = "jsonb_to_tsvector('simple', {table}.payload::jsonb -> 'mentions', '[\"string\"]')"
PG_ACTORS_TSVECTOR = (
    "to_tsvector('simple', actors.name || ' ' || coalesce(actors.payload::jsonb ->> 'aliases', ''))"
)


class QueryError(ValueError):
    """A filter that does not apply to the kind asked for (the API answers 422)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass
class Filters:
    """The filters every listing accepts; values arrive already validated by the web layer.

    ``actor`` is one global id or several (a name shared by several actors matches them all).
    ``q_actors`` and ``q_countries`` are what the words of ``q`` name, when they name an actor or
    a country: a record matches ``q`` by its evidence text *or* by taking part through them.
    """

    country: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    actor: str | tuple[str, ...] | None = None
    article: str | None = None
    place: str | None = None
    sort: str | None = None
    q_actors: tuple[str, ...] = ()
    q_countries: tuple[str, ...] = ()
    limit: int = 50
    offset: int = 0


# the orders a listing may be sorted in, per kind (the first is the default); a "-" reverses
# date and name, while sources, score, activity and mentions put the largest first
SORTS: dict[str, tuple[str, ...]] = {
    "events": ("-date", "date", "sources", "score"),
    "deals": ("-date", "date", "sources"),
    "figures": ("-date", "date", "sources"),
    "quotes": ("-date", "date"),
    "actors": ("activity", "mentions", "name"),
    "articles": ("-date", "date"),
}
# the facets a listing may count, per kind
FACETS: dict[str, tuple[str, ...]] = {
    "events": ("type", "country", "actor", "year", "place"),
    "deals": ("type", "country", "actor", "year"),
    "figures": ("type", "country", "actor", "year"),
    "quotes": ("country", "actor", "year"),
    "actors": ("type", "country"),
    "articles": ("type", "year"),
}
FACET_SIZE = 20


def _ids(actor: str | tuple[str, ...] | None) -> tuple[str, ...]:
    if not actor:
        return ()
    return (actor,) if isinstance(actor, str) else tuple(actor)


def fts5_query(q: str) -> str | None:
    """User words -> a safe FTS5 expression (each word quoted, all required, "word*" a prefix).

    Raw user text is never handed to MATCH: FTS5 syntax errors would surface as server errors.
    """
    parts = [f'"{w}"{star}' for w, star in re.findall(r"(\w+)(\*?)", q)]
    return " ".join(parts) if parts else None


def pg_tsquery(q: str) -> str | None:
    """User words -> a safe to_tsquery expression: quoted lexemes ANDed, "word*" a prefix (word:*)."""
    parts = [f"'{w.lower()}'" + (":*" if star else "") for w, star in re.findall(r"(\w+)(\*?)", q)]
    return " & ".join(parts) if parts else None


def _parties(countries: str | None) -> list[str]:
    """The parties of a delimited countries list: a family code (IGO) gives way to the bodies'
    own codes beside it (IGOUNO, IGOEUREEC), so dyads tell the UN from the EU."""
    cs = {c for c in (countries or "").split(",") if c}
    return sorted(c for c in cs if not any(o != c and o.startswith(c) and len(c) == 3 for o in cs))


def _contains(col: Any, value: str) -> ColumnElement[bool]:
    # delimited list ",TUR,MYS,": LIKE with escaping, so "%" or "_" in a value stays literal
    return col.contains(f",{value},", autoescape=True)


def _overlaps(
    start: Any, end: Any, since: str | None, until: str | None, collate: str | None = None
) -> list[ColumnElement[bool]]:
    """Date-range overlap on ISO strings; ``collate`` "C" on PostgreSQL, whose locale collations
    skip punctuation and would compare "2024~" as "2024"."""

    def c(expr: Any) -> Any:
        return expr.collate(collate) if collate else expr

    conds: list[ColumnElement[bool]] = []
    if since:
        conds.append(c(func.coalesce(end, start) + literal("~")) >= since)
    if until:
        conds.append(c(start) <= until + "~")
    return conds


def period_of(date: str | None, interval: str) -> tuple[str | None, bool]:
    """(period key, exact) of an ISO date; exact is False when the date is coarser than the interval."""
    if not date or not re.match(r"^\d{4}", date):
        return None, False
    year = date[:4]
    has_month = len(date) >= 7 and date[4] == "-"
    if interval == "year":
        return year, True
    if not has_month:
        return year, False
    if interval == "month":
        return date[:7], True
    q = (int(date[5:7]) - 1) // 3 + 1
    return f"{year}-Q{q}", True


def _next_period(p: str, interval: str) -> str:
    if interval == "year":
        return str(int(p) + 1)
    if interval == "month":
        y, m = int(p[:4]), int(p[5:7])
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return f"{y:04d}-{m:02d}"
    y, q = int(p[:4]), int(p[-1])
    y, q = (y + 1, 1) if q == 4 else (y, q + 1)
    return f"{y:04d}-Q{q}"


def period_bounds(p: str) -> tuple[str, str]:
    """since/until filter values covering one period key (month, quarter or year)."""
    if "-Q" in p:
        y, q = p[:4], int(p[-1])
        return f"{y}-{3 * q - 2:02d}", f"{y}-{3 * q:02d}"
    return p, p


def event_sign(event: dict[str, Any]) -> int:
    """+1 cooperative, -1 conflictual, 0 neutral: the score's sign, else the PLOVER quad's."""
    score = event.get("score")
    if isinstance(score, (int, float)):
        return (score > 0) - (score < 0)
    t = event.get("event")
    table = plover()  # the PLOVER quad of the type (plover.yaml)
    return 1 if t in table.cooperative else -1 if t in table.conflictual else 0


class Reader:
    """Read side of the store for the web layer (one per app; thread-safe: a connection per call)."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.dialect = engine.dialect.name
        # byte-order comparison of ISO date strings (PostgreSQL's default collation is the locale's)
        self.collate = "C" if self.dialect == "postgresql" else None
        self._fts_tables: dict[str, bool] = {}

    def _by_date(self, col: Any) -> Any:
        return col.collate(self.collate) if self.collate else col

    # ------------------------------------------------------------------ full text
    def _fts_article_ids(self, q: str) -> Any:
        """A subquery of article ids matching ``q`` (empty when q has no words)."""
        a = T.articles
        if self.dialect == "sqlite":
            expr = fts5_query(q)
            if expr is None:
                return select(a.c.id).where(literal(False))
            rowids = text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :fts").bindparams(fts=expr)
            return select(a.c.id).where(literal_column("articles.rowid").in_(rowids.columns(column("rowid"))))
        if self.dialect == "postgresql":
            expr = pg_tsquery(q)
            if expr is None:
                return select(a.c.id).where(literal(False))
            cond = text(f"{PG_TSVECTOR} @@ to_tsquery('simple', :fts)").bindparams(fts=expr)
            return select(a.c.id).where(cond)
        like = f"%{q}%"
        return select(a.c.id).where(or_(a.c.title.ilike(like), a.c.text.ilike(like)))

    def _record_text_match(self, kind: str, q: str) -> ColumnElement[bool]:
        """Records whose evidence sentences (actors: names and aliases) contain the words.

        Uses the per-table full-text indexes of migration 0002; a database without them (made
        by an early build of that revision) falls back to "read from an article that matches".
        """
        t = T.RECORD_TABLES[kind]
        if self.dialect == "sqlite" and self._has_record_fts(kind):
            expr = fts5_query(q)
            if expr is None:
                return literal(False)
            rowids = text(f"SELECT rowid FROM {kind}_fts WHERE {kind}_fts MATCH :fts").bindparams(fts=expr)
            return literal_column(f"{kind}.rowid").in_(rowids.columns(column("rowid")))
        if self.dialect == "postgresql":
            expr = pg_tsquery(q)
            if expr is None:
                return literal(False)
            doc = PG_ACTORS_TSVECTOR if kind == "actors" else PG_RECORD_TSVECTOR.format(table=kind)
            return text(f"{doc} @@ to_tsquery('simple', :fts_{kind})").bindparams(**{f"fts_{kind}": expr})
        cond = t.c.id.in_(self._records_in_articles(kind, self._fts_article_ids(q)))
        return or_(t.c.name.ilike(f"%{q}%"), cond) if kind == "actors" else cond

    def _has_record_fts(self, kind: str) -> bool:
        if kind not in self._fts_tables:
            with self.engine.connect() as conn:
                self._fts_tables[kind] = bool(
                    conn.scalar(
                        text("SELECT count(*) FROM sqlite_master WHERE name = :n").bindparams(n=f"{kind}_fts")
                    )
                )
        return self._fts_tables[kind]

    def _records_in_articles(self, kind: str, article_ids: Any) -> Any:
        rm = T.record_mentions
        return select(rm.c.record_id).where(rm.c.kind == kind, rm.c.article_id.in_(article_ids))

    def _party_records(self, kind: str, cond: ColumnElement[bool]) -> Any:
        """Ids of the records of ``kind`` one of whose parties meets ``cond``."""
        pt = T.PARTIES[kind]
        return select(pt.c[f"{kind[:-1]}_id"]).where(cond)

    def _named_by_q(self, kind: str, f: Filters) -> list[ColumnElement[bool]]:
        """Records taking part through the actors or countries the words of ``q`` name."""
        t = T.RECORD_TABLES[kind]
        out: list[ColumnElement[bool]] = []
        if f.q_actors:
            out.append(t.c.id.in_(self._party_records(kind, T.PARTIES[kind].c.actor_id.in_(f.q_actors))))
        out += [_contains(t.c.countries, c) for c in f.q_countries]
        return out

    # ------------------------------------------------------------------ names
    def actor_ids(self, value: str) -> list[str]:
        """Actors ``value`` names: its own id, else every actor with that name or alias."""
        a, n = T.actors, T.actor_names
        with self.engine.connect() as conn:
            if conn.scalar(select(a.c.id).where(a.c.id == value)) is not None:
                return [value]
            folded = fold(value)
            if not folded:
                return []
            q = select(n.c.actor_id).where(n.c.folded == folded).distinct().order_by(n.c.actor_id)
            return list(conn.scalars(q))

    def country_of_name(self, value: str) -> str | None:
        """The code of a country actor stored under this name or alias (a name the data lacks)."""
        a, n = T.actors, T.actor_names
        q = (
            select(a.c.country)
            .join(n, n.c.actor_id == a.c.id)
            .where(a.c.kind == "country", n.c.folded == fold(value), a.c.country.is_not(None))
            .limit(1)
        )
        with self.engine.connect() as conn:
            return conn.scalar(q)

    # ------------------------------------------------------------------ listing
    def _order(self, kind: str, sort: str | None) -> list[Any]:
        sort = sort or SORTS[kind][0]
        if sort not in SORTS[kind]:
            raise QueryError("sort", f"{kind} sort by {', '.join(SORTS[kind])}")
        if kind == "articles":
            a = T.articles
            col = self._by_date(a.c.published)
            return [col.asc().nulls_last() if sort == "date" else col.desc().nulls_last(), a.c.seq.desc()]
        t = T.RECORD_TABLES[kind]
        if kind == "actors":
            if sort == "name":
                return [t.c.name, t.c.id]
            first = [t.c.mention_count.desc().nulls_last()] if sort == "mentions" else []
            return [
                *first,
                t.c.event_count.desc().nulls_last(),
                t.c.mention_count.desc().nulls_last(),
                t.c.name,
                t.c.id,
            ]
        date = self._by_date(t.c.date)
        if sort == "date":
            return [date.asc().nulls_last(), t.c.id]
        if sort == "sources":
            return [t.c.sources.desc().nulls_last(), date.desc().nulls_last(), t.c.id]
        if sort == "score":
            return [t.c.score.desc().nulls_last(), date.desc().nulls_last(), t.c.id]
        return [date.desc().nulls_last(), t.c.id]

    def _conditions(self, kind: str, f: Filters) -> list[ColumnElement[bool]]:
        rm = T.record_mentions
        conds: list[ColumnElement[bool]] = []
        if kind == "articles":
            a = T.articles
            if f.country or f.dyad:
                wanted = [f.country] if f.country else []
                wanted += list(f.dyad or ())
                subs = []
                for k in RECORD_KINDS:
                    t = T.RECORD_TABLES[k]
                    subs.append(
                        select(rm.c.article_id)
                        .join(t, and_(t.c.id == rm.c.record_id, rm.c.kind == k))
                        .where(*[_contains(t.c.countries, c) for c in wanted])
                    )
                conds.append(a.c.id.in_(union(*subs)))
            if f.type:
                conds.append(a.c.source_format == f.type)
            conds += _overlaps(a.c.published, a.c.published, f.since, f.until, self.collate)
            if f.q:
                conds.append(a.c.id.in_(self._fts_article_ids(f.q)))
            if f.actor:
                conds.append(a.c.id.in_(select(rm.c.article_id).where(rm.c.record_id.in_(_ids(f.actor)))))
            if f.article:
                conds.append(a.c.id == f.article)
            if f.place:
                raise QueryError("place", "articles have no place: the place filter applies to events")
            return conds
        t = T.RECORD_TABLES[kind]
        if kind == "actors":
            if f.country:
                conds.append(t.c.country == f.country)
            if f.dyad:
                conds.append(t.c.country.in_(f.dyad))
            if f.type:
                conds.append(t.c.kind == f.type)
            if f.since or f.until:
                raise QueryError("since", "actors have no date: since/until apply to records and articles")
            if f.q:
                by_name = [t.c.id.in_(f.q_actors)] if f.q_actors else []
                conds.append(or_(self._record_text_match(kind, f.q), *by_name))
            if f.actor:
                conds.append(t.c.id.in_(_ids(f.actor)))
            if f.place:
                raise QueryError("place", "actors have no place: the place filter applies to events")
        else:
            if f.country:
                conds.append(_contains(t.c.countries, f.country))
            if f.dyad:
                conds += [_contains(t.c.countries, c) for c in f.dyad]
            if f.type:
                col = TYPE_COLUMN.get(kind)
                if col is None:
                    raise QueryError("type", f"{kind} have no type to filter on")
                conds.append(t.c[col] == f.type)
            conds += _overlaps(t.c.date, t.c.enddate, f.since, f.until, self.collate)
            if f.q:
                conds.append(or_(self._record_text_match(kind, f.q), *self._named_by_q(kind, f)))
            if f.actor:
                conds.append(
                    t.c.id.in_(self._party_records(kind, T.PARTIES[kind].c.actor_id.in_(_ids(f.actor))))
                )
            if f.place:
                if kind != "events":
                    raise QueryError("place", f"{kind} have no place: the place filter applies to events")
                conds.append(t.c.place == f.place)
        if f.article:
            conds.append(
                t.c.id.in_(select(rm.c.record_id).where(rm.c.kind == kind, rm.c.article_id == f.article))
            )
        return conds

    def list(self, kind: str, f: Filters) -> tuple[list[dict[str, Any]], int]:
        """One page of records (export shapes) and the total matching the filters."""
        conds = self._conditions(kind, f)
        order = self._order(kind, f.sort)
        if kind == "articles":
            a = T.articles
            q = select(a).where(*conds).order_by(*order).limit(f.limit).offset(f.offset)
            count_q = select(func.count()).select_from(a).where(*conds)
            with self.engine.connect() as conn:
                total = conn.scalar(count_q) or 0
                items = [article_export(row) for row in conn.execute(q)]
            return items, total
        t = T.RECORD_TABLES[kind]
        q = select(t.c.payload).where(*conds).order_by(*order).limit(f.limit).offset(f.offset)
        count_q = select(func.count()).select_from(t).where(*conds)
        with self.engine.connect() as conn:
            total = conn.scalar(count_q) or 0
            items = [p for (p,) in conn.execute(q)]
        return items, total

    def list_json(self, kind: str, f: Filters) -> tuple[list[str], int]:
        """Like :meth:`list`, but each record as the JSON text the database holds.

        The API splices these into its answer: decoding every payload only to encode it again
        was most of the cost of a listing.
        """
        if kind == "articles":
            items, total = self.list(kind, f)
            return [json.dumps(i, ensure_ascii=False) for i in items], total
        conds = self._conditions(kind, f)
        t = T.RECORD_TABLES[kind]
        order = self._order(kind, f.sort)
        # one statement: the page and, beside each row, how many rows match in all
        q = (
            select(cast(t.c.payload, Text), func.count().over())
            .where(*conds)
            .order_by(*order)
            .limit(f.limit)
            .offset(f.offset)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
            if rows:
                return [p for p, _ in rows], rows[0][1]
            # past the last page: no row carries the total, count it
            total = conn.scalar(select(func.count()).select_from(t).where(*conds)) or 0
        return [], total

    def article_refs(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        return article_refs(self.engine, ids)

    def iter_records(self, kind: str, f: Filters, chunk: int = 500) -> Iterator[dict[str, Any]]:
        """Every record matching ``f`` (no page), in the listing's order, streamed from the server
        a chunk at a time: an export of any size holds one chunk, never the result."""
        conds = self._conditions(kind, f)
        order = self._order(kind, f.sort)
        if kind == "articles":
            q: Any = select(T.articles).where(*conds).order_by(*order)
        else:
            q = select(T.RECORD_TABLES[kind].c.payload).where(*conds).order_by(*order)
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=chunk).execute(q)
            for row in result:
                yield article_export(row) if kind == "articles" else row[0]

    def facets(self, kind: str, f: Filters, names: Iterable[str], size: int = FACET_SIZE) -> dict[str, Any]:
        """Counts of the records matching ``f`` by each facet, the largest first (Datasette-style).

        Each facet is ``{"values": [{"value", "label", "count"}], "more": bool}``; a record counts
        once under every country or actor among its parties.
        """
        out: dict[str, Any] = {}
        for name in names:
            if name not in FACETS[kind]:
                raise QueryError("facet", f"{kind} have facets {', '.join(FACETS[kind])}")
            rows = self._facet_rows(kind, f, name, size + 1)
            out[name] = {
                "values": [{"value": v, "label": lab, "count": n} for v, lab, n in rows[:size]],
                "more": len(rows) > size,
            }
        return out

    def _facet_rows(self, kind: str, f: Filters, name: str, limit: int | None) -> list[tuple[Any, str, int]]:
        conds = self._conditions(kind, f)
        if kind == "articles":
            a = T.articles
            ids = select(a.c.id).where(*conds)
            col = a.c.source_format if name == "type" else func.substr(a.c.published, 1, 4)
            q = select(col, func.count()).where(a.c.id.in_(ids), col.is_not(None)).group_by(col)
        elif name in ("country", "actor") and kind != "actors":
            pt = T.PARTIES[kind]
            rid = pt.c[f"{kind[:-1]}_id"]
            ids = select(T.RECORD_TABLES[kind].c.id).where(*conds)
            n = func.count(func.distinct(rid))
            if name == "country":
                q = (
                    select(pt.c.country, n)
                    .where(rid.in_(ids), pt.c.country.is_not(None))
                    .group_by(pt.c.country)
                )
            else:
                label = func.max(pt.c.name)
                q = select(pt.c.actor_id, n, label).where(rid.in_(ids), pt.c.actor_id.is_not(None))
                q = q.group_by(pt.c.actor_id)
        else:
            t = T.RECORD_TABLES[kind]
            col = {
                "type": t.c[TYPE_COLUMN.get(kind, "id")] if kind in TYPE_COLUMN else None,
                "country": t.c.country if kind == "actors" else None,
                "year": t.c.year if "year" in t.c else None,
                "place": t.c.place if kind == "events" else None,
            }[name]
            q = select(col, func.count()).where(*conds, col.is_not(None)).group_by(col)
        q = q.order_by(literal_column("2").desc(), literal_column("1"))
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
        if name == "actor":
            return [(v, lab or v, cnt) for v, cnt, lab in rows]
        return [(v, str(v), cnt) for v, cnt in rows]

    def map_data(self, f: Filters, places: int = 300) -> dict[str, Any]:
        """What the map draws for the events matching ``f``: events per party country, and the
        events' places that have coordinates, each with its count."""
        countries = self._facet_rows("events", f, "country", None)
        t = T.events
        conds = self._conditions("events", f)
        n = func.count()
        q = (
            select(t.c.place, t.c.place_country, func.avg(t.c.lat), func.avg(t.c.lon), n)
            .where(*conds, t.c.lat.is_not(None), t.c.lon.is_not(None), t.c.place.is_not(None))
            .group_by(t.c.place, t.c.place_country)
            .order_by(n.desc(), t.c.place)
            .limit(places)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
        return {
            "countries": [{"country": c, "events": k} for c, _, k in countries],
            "places": [
                {"name": p, "country": pc, "lat": round(la, 4), "lon": round(lo, 4), "events": k}
                for p, pc, la, lo, k in rows
            ],
        }

    # ------------------------------------------------------------------ details
    def get(self, kind: str, record_id: str) -> dict[str, Any] | None:
        """One record in export shape, plus where it was read (``articles``), or None."""
        if kind == "articles":
            with self.engine.connect() as conn:
                row = conn.execute(select(T.articles).where(T.articles.c.id == record_id)).first()
            if row is None:
                return None
            out = article_export(row)
            # a url the source gave that is no web link stays readable, as text only
            out["url_text"] = row.url if row.url and out["url"] is None else None
            out["records"] = self.records_in_article(record_id)
            return out
        t = T.RECORD_TABLES[kind]
        with self.engine.connect() as conn:
            payload = conn.scalar(select(t.c.payload).where(t.c.id == record_id))
        if payload is None:
            return None
        out = dict(payload)
        out["articles"] = self.article_summaries(kind, record_id)
        return out

    def article_summaries(self, kind: str, record_id: str) -> list[dict[str, Any]]:
        a, rm = T.articles, T.record_mentions
        q = (
            select(a.c.id, a.c.title, a.c.published, a.c.publisher, a.c.url, a.c.path)
            .join(rm, rm.c.article_id == a.c.id)
            .where(rm.c.kind == kind, rm.c.record_id == record_id)
            .order_by(a.c.published, a.c.seq)
        )
        with self.engine.connect() as conn:
            return [{**r._mapping, "url": web_url(r.url)} for r in conn.execute(q)]

    def records_in_article(self, article_id: str) -> dict[str, list[dict[str, Any]]]:
        """Every record read from one article, by kind (the article page highlights their mentions)."""
        rm = T.record_mentions
        out: dict[str, list[dict[str, Any]]] = {}
        with self.engine.connect() as conn:
            for kind in ("events", "deals", "figures", "quotes", "actors"):
                t = T.RECORD_TABLES[kind]
                q = (
                    select(t.c.payload)
                    .join(rm, and_(rm.c.record_id == t.c.id, rm.c.kind == kind))
                    .where(rm.c.article_id == article_id)
                    .order_by(t.c.id)
                )
                out[kind] = [p for (p,) in conn.execute(q)]
        return out

    def article_texts(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        ids = sorted(set(ids))
        if not ids:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(select(T.articles).where(T.articles.c.id.in_(ids)))
            return {r.id: article_export(r) for r in rows}

    # ------------------------------------------------------------------ aggregates
    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            out = {"articles": conn.scalar(select(func.count()).select_from(T.articles)) or 0}
            for kind in ("events", "actors", "deals", "figures", "quotes"):
                out[kind] = conn.scalar(select(func.count()).select_from(T.RECORD_TABLES[kind])) or 0
        return out

    def dyads(self, limit: int = 20, country: str | None = None) -> list[dict[str, Any]]:
        """Country pairs by number of events (each unordered pair among an event's countries)."""
        t = T.events
        q = select(t.c.countries, t.c.event).where(t.c.countries.is_not(None))
        if country:
            q = q.where(_contains(t.c.countries, country))
        pairs: Counter[tuple[str, str]] = Counter()
        types: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        with self.engine.connect() as conn:
            for countries, ev in conn.execute(q):
                cs = _parties(countries)
                for i, a in enumerate(cs):
                    for b in cs[i + 1 :]:
                        pairs[(a, b)] += 1
                        types[(a, b)][ev] += 1
        return [
            {"a": a, "b": b, "events": n, "types": dict(types[(a, b)].most_common())}
            for (a, b), n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        ]

    def timeline(
        self,
        a: str,
        b: str,
        interval: str = "month",
        since: str | None = None,
        until: str | None = None,
        fill: bool = True,
    ) -> dict[str, Any]:
        """Events of a dyad counted per period and type, with a cooperation–conflict index.

        Index per period (both reported, both documented in the API):
        - ``balance`` = (cooperative − conflictual) / all events, in [−1, 1]; an event's side is
          the sign of its PLOVER score, or its PLOVER quad category when it has no score;
        - ``mean_score`` = the mean PLOVER score of the events that have one (None when none do).
        Negated and hypothetical events did not happen and are left out.
        Events dated coarser than the interval (a year when counting months) go to ``coarser``.
        """
        if interval not in INTERVALS:
            raise QueryError("interval", f"interval must be one of {', '.join(INTERVALS)}")
        t = T.events
        conds = [_contains(t.c.countries, a), _contains(t.c.countries, b)]
        conds += _overlaps(t.c.date, t.c.enddate, since, until, self.collate)
        q = select(t.c.payload).where(*conds).order_by(t.c.date, t.c.id)
        buckets: dict[str, list[dict[str, Any]]] = defaultdict(list)
        coarser: dict[str, list[dict[str, Any]]] = defaultdict(list)
        undated = excluded = 0
        with self.engine.connect() as conn:
            for (p,) in conn.execute(q):
                if p.get("negated") or p.get("hypothetical"):
                    excluded += 1
                    continue
                key, exact = period_of(p.get("date"), interval)
                if key is None:
                    undated += 1
                elif exact:
                    buckets[key].append(p)
                else:
                    coarser[key].append(p)
        keys = sorted(buckets)
        if fill and keys:
            filled, k = [keys[0]], keys[0]
            while k < keys[-1] and len(filled) <= MAX_FILLED_PERIODS:
                k = _next_period(k, interval)
                filled.append(k)
            if len(filled) <= MAX_FILLED_PERIODS:
                keys = filled
        types_seen = sorted({p["event"] for evs in (*buckets.values(), *coarser.values()) for p in evs})
        return {
            "dyad": [a, b],
            "interval": interval,
            "types": types_seen,
            "periods": [_period_row(k, buckets.get(k, [])) for k in keys],
            "coarser": [_period_row(k, coarser[k]) for k in sorted(coarser)],
            "undated": undated,
            "excluded_negated_or_hypothetical": excluded,
            "index": (
                "balance = (cooperative - conflictual) / total per period, the side of an event being the "
                "sign of its PLOVER score or else its PLOVER quad category; mean_score = mean PLOVER score"
            ),
        }


def _period_row(key: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    counts = Counter(p["event"] for p in events)
    signs = [event_sign(p) for p in events]
    scores = [p["score"] for p in events if isinstance(p.get("score"), (int, float))]
    since, until = period_bounds(key)
    total = len(events)
    return {
        "period": key,
        "since": since,
        "until": until,
        "total": total,
        "counts": dict(sorted(counts.items())),
        "cooperative": sum(1 for s in signs if s > 0),
        "conflictual": sum(1 for s in signs if s < 0),
        "balance": (sum(signs) / total) if total else None,
        "mean_score": (sum(scores) / len(scores)) if scores else None,
    }


def article_refs(engine: Engine, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """What exports say of a reporting article: its web URL (or None), publication date and the
    day it was ingested (YYYYMMDD), by article id."""
    a = T.articles.c
    ids = sorted({i for i in ids if i})
    out: dict[str, dict[str, Any]] = {}
    with engine.connect() as conn:
        for i in range(0, len(ids), 500):
            q = select(a.id, a.url, a.published, a.ingested_at).where(a.id.in_(ids[i : i + 500]))
            for r in conn.execute(q):
                added = r.ingested_at.strftime("%Y%m%d") if r.ingested_at else None
                out[r.id] = {"url": web_url(r.url), "published": r.published, "added": added}
    return out


def article_export(row: Any) -> dict[str, Any]:
    """An articles row in the export shape (EXPORT.md), whatever else the table holds."""
    return {
        "id": row.id,
        "path": row.path,
        "url": web_url(row.url),
        "title": row.title,
        "author": row.author,
        "published": row.published,
        "published_inferred": bool(row.published_inferred),
        "publisher": row.publisher,
        "language": row.language,
        "text": row.text,
        "duplicate_of": row.duplicate_of,
    }
