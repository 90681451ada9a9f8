"""Storage: one SQLAlchemy 2 engine, SQLite (WAL) by default, PostgreSQL through the same code.

The schema is owned by alembic migrations, so a database made by an older eventwire upgrades in
place when a newer one opens it. Writes happen in batches inside one transaction each, which is
what makes an interrupted ingest resumable: a batch is either all there or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, bindparam, create_engine, delete, event, func, insert, select, text, update

from ..lexicon.digest import Stamp, current_stamp
from ..model import ActorRecord, Article, ArticleExtraction, Deal, Event, Figure, Quote
from ..settings import get_settings
from . import flat, fts
from . import tables as T
from .selection import Selection
from .urls import web_url

EXTRACTION_VERSION = 1  # bump when per-article extraction changes, to re-extract stored articles


class StoreError(RuntimeError):
    pass


def resolve_url(url: str | None) -> str:
    """--db beats EVENTWIRE_DB beats the default file in the current folder."""
    url = url or get_settings().database
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    elif url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://") :]
    return url


def _delimited(values: Iterable[str | None]) -> str:
    vals = sorted({v for v in values if v})
    return "," + ",".join(vals) + "," if vals else ""


def store_exists(url: str) -> bool:
    """Is there an eventwire store at ``url``? (a SQLite file, or a database holding its tables)

    Asked by read-only commands before opening, because opening creates what is missing.
    """
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        return path in ("", ":memory:") or Path(path).is_file()
    from sqlalchemy import inspect

    try:
        engine = create_engine(url, pool_pre_ping=True)
        try:
            return inspect(engine).has_table("alembic_version")
        finally:
            engine.dispose()
    except Exception as exc:  # unreachable server, no such database: say so, as opening would
        raise StoreError(f"cannot open database {url!r}: {exc.__class__.__name__}: {exc}") from exc


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # pragma: no cover - exercised by every test
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it already is)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class Store:
    """The one door to the database; every other module goes through it."""

    def __init__(self, url: str | None = None, *, create: bool = True):
        self.url = resolve_url(url)
        try:
            self.engine = make_engine(self.url)
            if create:
                migrate(self.engine)
        except Exception as exc:  # connection refused, bad URL, unreadable file ...
            raise StoreError(f"cannot open database {self.url!r}: {exc.__class__.__name__}: {exc}") from exc

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------------ articles
    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                found |= set(conn.scalars(select(T.articles.c.id).where(T.articles.c.id.in_(chunk))))
        return found

    def stored_since(self, ids: Iterable[str], since: datetime) -> set[str]:
        """Those of ``ids`` stored at or after ``since`` (by this run, when it is the run's start)."""
        ids = list(ids)
        found: set[str] = set()
        a = T.articles.c
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                found |= set(conn.scalars(select(a.id).where(a.id.in_(chunk), a.ingested_at >= since)))
        return found

    def neardup_candidates(self, keys: Iterable[int]) -> dict[int, list[tuple[int, str, list[int]]]]:
        """Stored originals sharing a near-duplicate band key: key -> [(seq, id, signature)].

        One indexed lookup per batch of keys replaces an in-memory index of the whole corpus.
        """
        b, a = T.neardup_bands.c, T.articles.c
        keys = sorted(set(keys))
        out: dict[int, list[tuple[int, str, list[int]]]] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(keys), 500):
                q = (
                    select(b.key, a.seq, a.id, a.signature)
                    .join(T.articles, a.id == b.article_id)
                    .where(b.key.in_(keys[i : i + 500]))
                )
                for row in conn.execute(q):
                    if row.signature:
                        out.setdefault(row.key, []).append((row.seq, row.id, row.signature))
        return out

    def article_count(self) -> int:
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(T.articles)) or 0

    def add_batch(
        self,
        items: list[tuple[Article, list[int] | None, ArticleExtraction | None]],
        band_keys: dict[str, list[int]] | None = None,
        stamp: Stamp | None = None,
    ) -> int:
        """Store articles with their signatures, near-duplicate band keys and extractions in ONE
        transaction; each extraction is stamped with ``stamp`` (default: this process's code and
        knowledge).

        Articles already present are skipped (idempotent); returns how many were new.
        """
        if not items:
            return 0
        now = datetime.now(UTC)
        stamp = stamp or current_stamp()
        with self.engine.begin() as conn:
            present = set(
                conn.scalars(select(T.articles.c.id).where(T.articles.c.id.in_([a.id for a, _, _ in items])))
            )
            seq = conn.scalar(select(func.max(T.articles.c.seq))) or 0
            rows, ext_rows, band_rows, seen = [], [], [], set()
            for art, sig, ext in items:
                if art.id in present or art.id in seen:
                    continue
                seen.add(art.id)
                seq += 1
                rows.append(
                    {
                        "id": art.id,
                        "path": art.path,
                        "url": art.url,
                        "title": art.title,
                        "author": art.author,
                        "published": art.published,
                        "published_inferred": bool(art.published_inferred),
                        "publisher": art.publisher,
                        "language": art.language,
                        "text": art.text,
                        "duplicate_of": art.duplicate_of,
                        "source_format": art.source_format,
                        "signature": sig,
                        "ingested_at": now,
                        "seq": seq,
                    }
                )
                band_rows += [{"key": k, "article_id": art.id} for k in (band_keys or {}).get(art.id, ())]
                if ext is not None:
                    ext_rows.append(_extraction_row(art.id, ext, stamp))
            if rows:
                conn.execute(insert(T.articles), rows)
            if ext_rows:
                conn.execute(insert(T.extractions), ext_rows)
            if band_rows:
                conn.execute(insert(T.neardup_bands), band_rows)
            _mark_dirty(conn, [r["id"] for r in rows])
        return len(rows)

    def replace_extractions(
        self, items: list[tuple[Article, ArticleExtraction]], stamp: Stamp, redated: Iterable[Article] = ()
    ) -> int:
        """Swap in fresh extractions (with their stamps) for stored articles, and the re-inferred
        dates of ``redated``, in ONE transaction: a reprocess killed mid-run leaves each batch
        all old or all new, never half. Returns how many extractions were written."""
        if not items:
            return 0
        ids = [a.id for a, _ in items]
        dates = [
            {"aid": a.id, "published": a.published, "inferred": bool(a.published_inferred)} for a in redated
        ]
        with self.engine.begin() as conn:
            for i in range(0, len(ids), 500):  # bounded IN lists, whatever --batch-size is
                conn.execute(delete(T.extractions).where(T.extractions.c.article_id.in_(ids[i : i + 500])))
            conn.execute(insert(T.extractions), [_extraction_row(a.id, ext, stamp) for a, ext in items])
            if dates:
                q = (
                    update(T.articles)
                    .where(T.articles.c.id == bindparam("aid"))
                    .values(published=bindparam("published"), published_inferred=bindparam("inferred"))
                )
                conn.execute(q, dates)
            _mark_dirty(conn, ids)
        return len(items)

    _UPDATABLE = frozenset(
        {"title", "author", "publisher", "url", "language", "published", "published_inferred"}
    )

    def update_articles(self, rows: list[dict[str, Any]]) -> int:
        """Set metadata fields of stored articles (``{"id": ..., field: value}`` per article), in
        one transaction; what another copy of a stored text told ingest. Returns rows updated."""
        done = 0
        with self.engine.begin() as conn:
            for row in rows:
                values = {k: v for k, v in row.items() if k in self._UPDATABLE}
                if values:
                    conn.execute(update(T.articles).where(T.articles.c.id == row["id"]).values(**values))
                    done += 1
            _mark_dirty(conn, [row["id"] for row in rows])
        return done

    def select_ids(self, selection: Selection) -> list[str]:
        """Ids of the stored originals ``selection`` picks, in ingest order (so a rerun walks them
        in the same order)."""
        a, x = T.articles.c, T.extractions.c
        q = (
            select(a.id)
            .select_from(T.articles.outerjoin(T.extractions, x.article_id == a.id))
            .where(*selection.conditions(self.dialect))
            .order_by(a.seq, a.id)
        )
        with self.engine.connect() as conn:
            return list(conn.scalars(q))

    def stamp_counts(self) -> dict[tuple[str | None, str | None], int]:
        """How many stored extractions each (code version, knowledge digest) made; NULLs for rows
        from before stamps existed. Answered from the stamp index alone, so it is cheap on every
        ingest."""
        x = T.extractions.c
        q = select(x.code_version, x.knowledge_digest, func.count()).group_by(
            x.code_version, x.knowledge_digest
        )
        with self.engine.connect() as conn:
            return {(code, digest): n for code, digest, n in conn.execute(q)}

    def get_articles(self, ids: list[str]) -> list[Article]:
        """The stored articles with these ids, in the order given (absent ones left out)."""
        found: dict[str, Article] = {}
        for i in range(0, len(ids), 500):
            found.update((a.id, a) for a in self.iter_articles(ids[i : i + 500]))
        return [found[i] for i in ids if i in found]

    def iter_articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        q = select(T.articles).order_by(T.articles.c.seq)
        if ids is not None:
            q = q.where(T.articles.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            for row in conn.execute(q):
                yield _article(row)

    def article_meta(self) -> dict[str, dict[str, Any]]:
        """Per-article provenance for fusion (no text, so it stays small for large corpora)."""
        a = T.articles.c
        q = select(a.id, a.path, a.publisher, a.published, a.duplicate_of, a.url).order_by(a.seq)
        with self.engine.connect() as conn:
            return {
                r.id: {
                    "path": r.path,
                    "publisher": r.publisher,
                    "published": r.published,
                    "duplicate_of": r.duplicate_of,
                    "url": r.url,
                }
                for r in conn.execute(q)
            }

    def get_article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(T.articles).where(T.articles.c.id == article_id)).first()
        return _article(row) if row else None

    def iter_extractions(self, parts: Iterable[str] | None = None) -> Iterator[ArticleExtraction]:
        """Stored per-article extractions in ingest order.

        ``parts`` keeps only the named lists (``actors``, ``events`` ...), so a pass over the
        corpus holds just what it reads: consolidation loads the actors for resolution, then the
        records for fusion, never both at once, and never the bulky span lists (entity mentions,
        timexes) that neither reads.
        """
        keep = {"article_id", "dct", *parts} if parts is not None else None
        q = (
            select(T.extractions.c.payload)
            .join(T.articles, T.articles.c.id == T.extractions.c.article_id)
            .order_by(T.articles.c.seq)
        )
        with self.engine.connect() as conn:
            for (payload,) in conn.execute(q):
                if keep is not None:
                    payload = {k: v for k, v in payload.items() if k in keep}
                yield ArticleExtraction.from_dict(payload)

    # ------------------------------------------------------------------ consolidated records
    def replace_consolidated(
        self,
        actors: list[ActorRecord],
        events: list[Event],
        deals: list[Deal],
        figures: list[Figure],
        quotes: list[Quote],
    ) -> None:
        """Swap in a fresh corpus-wide view in one transaction (readers see old or new, never half).

        Written whole from outside consolidation, the view no longer matches the incremental
        state, so the next consolidation rebuilds it (the stamp is cleared)."""
        with self.engine.begin() as conn:
            for t in (T.record_mentions, *T.FLAT_TABLES, T.actors, T.events, T.deals, T.figures, T.quotes):
                conn.execute(delete(t))
            conn.execute(delete(T.cons_state))
            mention_rows: set[tuple[str, str, str]] = set()

            def rows_for(kind: str, recs: list[Any]) -> Iterator[dict[str, Any]]:
                for r in recs:
                    row = record_row(kind, r)
                    mention_rows.update((kind, r.id, aid) for aid in _mention_articles(row["payload"]))
                    yield row

            # export payloads are made and inserted a thousand at a time, never all at once
            for kind, table, rows in (
                ("events", T.events, rows_for("events", events)),
                ("deals", T.deals, rows_for("deals", deals)),
                ("figures", T.figures, rows_for("figures", figures)),
                ("quotes", T.quotes, rows_for("quotes", quotes)),
                ("actors", T.actors, rows_for("actors", actors)),
            ):
                while chunk := list(islice(rows, 1000)):
                    conn.execute(insert(table), chunk)
                    _insert_flat(conn, kind, chunk)
            _count_events(conn)
            mrows = [{"kind": k, "record_id": r, "article_id": a} for k, r, a in sorted(mention_rows)]
            for i in range(0, len(mrows), 2000):
                conn.execute(insert(T.record_mentions), mrows[i : i + 2000])
            if self.dialect == "sqlite":  # the record FTS tables are refilled whole (migration 0003)
                for table in T.RECORD_TABLES:
                    for sql in fts.refill_sql(table):
                        conn.execute(text(sql))

    def article_refs(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Web URL, publication date and ingest day of reporting articles (for exports)."""
        from .query import article_refs

        return article_refs(self.engine, ids)

    def iter_records(self, kind: str) -> Iterator[dict[str, Any]]:
        """Export shapes of one kind, in a stable order."""
        if kind == "articles":
            for art in self.iter_articles():
                rec = art.export()
                rec["url"] = web_url(rec["url"])  # a non-web url is no link (urls.py)
                yield rec
            return
        table = T.RECORD_TABLES[kind]
        order = [table.c.id] if kind == "actors" else [table.c.date, table.c.id]
        with self.engine.connect() as conn:
            for (payload,) in conn.execute(select(table.c.payload).order_by(*order)):
                yield payload


def _mark_dirty(conn: Any, ids: list[str]) -> None:
    """Queue articles for the next consolidation, in the transaction that changed them."""
    ids = sorted(set(ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        have = set(
            conn.scalars(select(T.cons_dirty.c.article_id).where(T.cons_dirty.c.article_id.in_(chunk)))
        )
        new = [{"article_id": a} for a in chunk if a not in have]
        if new:
            conn.execute(insert(T.cons_dirty), new)


_EXTRA: dict[str, Any] = {
    "events": lambda p: {"event": p["event"], "score": p.get("score")},
    "deals": lambda p: {"status": p.get("status")},
    "figures": lambda p: {"kind": p.get("kind"), "metric": p.get("metric")},
    "quotes": lambda p: {},
}


def record_row(kind: str, r: Any) -> dict[str, Any]:
    """The table row of a fused record or an actor (payload, filtered and flat columns)."""
    payload = r.export()
    if kind == "actors":
        return {
            "id": r.id,
            "name": r.name,
            "kind": r.kind,
            "country": r.country,
            "sector": r.sector,
            "payload": payload,
            **flat.record_columns("actors", payload),
        }
    ents = _entities_of(payload)
    row = {
        "id": r.id,
        "date": payload.get("date"),
        "enddate": payload.get("enddate"),
        # an international body is findable by its family (IGO) and its own code (IGOUNO)
        "countries": _delimited(c for e in ents for c in (e.get("country"), e.get("code"))),
        "actor_ids": _delimited(e.get("id") for e in ents),
        "confidence": payload.get("confidence"),
        "payload": payload,
    }
    row.update(_EXTRA[kind](payload))
    row.update(flat.record_columns(kind, payload))
    return row


def _mention_articles(payload: dict[str, Any]) -> set[str]:
    return {m["article_id"] for m in payload.get("mentions") or []}


def _insert_flat(conn: Any, kind: str, rows: list[dict[str, Any]]) -> None:
    """The parties, mentions and names of a chunk of record rows (the flat tables of 0006)."""
    parties, mentions, names = [], [], []
    for row in rows:
        payload = row["payload"]
        if kind in T.PARTIES:
            parties += flat.party_rows(kind, row["id"], payload)
        else:
            names += flat.name_rows(row["id"], payload)
        mentions += flat.mention_rows(kind, row["id"], payload)
    if parties:
        conn.execute(insert(T.PARTIES[kind]), parties)
    if mentions:
        conn.execute(insert(T.MENTIONS[kind]), mentions)
    if names:
        conn.execute(insert(T.actor_names), names)


def _count_events(conn: Any) -> None:
    """Each actor's activity: the events it takes part in, counted from ``event_parties``."""
    ep = T.event_parties
    n = (
        select(func.count(func.distinct(ep.c.event_id)))
        .where(ep.c.actor_id == T.actors.c.id)
        .scalar_subquery()
    )
    conn.execute(update(T.actors).values(event_count=n))


def _extraction_row(article_id: str, ext: ArticleExtraction, stamp: Stamp) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "version": EXTRACTION_VERSION,
        "payload": ext.to_dict(),
        "code_version": stamp.code_version,
        "knowledge_digest": stamp.knowledge_digest,
    }


def _entities_of(payload: dict[str, Any]) -> list[dict[str, Any]]:
    ents: list[dict[str, Any]] = []
    for key in ("actor", "recipient", "actors"):
        ents += [e for e in payload.get(key) or [] if isinstance(e, dict)]
    for key in ("supplier", "recipient", "contractor", "speaker"):
        v = payload.get(key)
        if isinstance(v, dict):
            ents.append(v)
    return ents


def _article(row: Any) -> Article:
    return Article(
        id=row.id,
        path=row.path,
        text=row.text,
        url=row.url,
        title=row.title,
        author=row.author,
        published=row.published,
        published_inferred=bool(row.published_inferred),
        publisher=row.publisher,
        language=row.language,
        duplicate_of=row.duplicate_of,
        source_format=row.source_format,
    )
