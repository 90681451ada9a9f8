"""The incremental consolidation state, read and written inside ONE transaction.

``run/consolidate.py`` decides what to recompute; this module only moves rows: the dirty queue,
actor units and their block keys, resolved actors, readings by fusion block, and the fused records
with their flat tables, mention index and (SQLite) full-text rows, all keyed so that a batch
touches only the rows of the blocks it changes. IN lists are cut at 500, whatever the batch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import (
    Connection,
    and_,
    bindparam,
    delete,
    func,
    insert,
    select,
    text,
    tuple_,
    update,
)

from ..model import ActorRecord, Mention
from . import fts
from . import tables as T

CHUNK = 500
KIND_TABLES = {
    "events": T.events,
    "deals": T.deals,
    "figures": T.figures,
    "quotes": T.quotes,
    "actors": T.actors,
}


def _chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    vals = sorted(set(values), key=repr)
    for i in range(0, len(vals), CHUNK):
        yield vals[i : i + CHUNK]


class ConsolidationState:
    """Row access for one consolidation, on the connection of its transaction."""

    def __init__(self, conn: Connection, dialect: str):
        self.conn = conn
        self.dialect = dialect

    # ------------------------------------------------------------------ queue and stamp
    def lock(self) -> None:
        """Hold the consolidation lock until the transaction ends: an advisory lock on
        PostgreSQL; SQLite's write lock, taken now (a write) rather than at the first change."""
        if self.dialect == "postgresql":
            self.conn.execute(text("SELECT pg_advisory_xact_lock(1703170317)"))
        else:
            self.conn.execute(delete(T.cons_state).where(T.cons_state.c.key == "_lock"))

    def dirty_ids(self) -> list[str]:
        return sorted(self.conn.scalars(select(T.cons_dirty.c.article_id)))

    def clear_dirty(self) -> None:
        self.conn.execute(delete(T.cons_dirty))

    def stamp(self) -> str | None:
        return self.conn.scalar(select(T.cons_state.c.value).where(T.cons_state.c.key == "stamp"))

    def set_stamp(self, value: str) -> None:
        self.conn.execute(delete(T.cons_state).where(T.cons_state.c.key == "stamp"))
        self.conn.execute(insert(T.cons_state), [{"key": "stamp", "value": value}])

    def clear_all(self) -> None:
        """Forget every derived row (a rebuild starts from the extractions alone)."""
        for t in (
            T.record_mentions,
            *T.FLAT_TABLES,
            *KIND_TABLES.values(),
            T.cons_actor_units,
            T.cons_actor_keys,
            T.cons_actors,
            T.cons_readings,
            T.cons_records,
        ):
            self.conn.execute(delete(t))
        if self.dialect == "sqlite":
            for kind in KIND_TABLES:
                self.conn.execute(text(f"DELETE FROM {kind}_fts"))

    def extraction_ids(self) -> list[str]:
        return sorted(self.conn.scalars(select(T.extractions.c.article_id)))

    def extractions(self, ids: Iterable[str]) -> Iterator[tuple[str, dict[str, Any]]]:
        x = T.extractions.c
        for chunk in _chunks(ids):
            yield from self.conn.execute(select(x.article_id, x.payload).where(x.article_id.in_(chunk)))

    def article_meta(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        a = T.articles.c
        out: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(ids):
            q = select(a.id, a.path, a.publisher, a.published, a.duplicate_of, a.url).where(a.id.in_(chunk))
            for r in self.conn.execute(q):
                out[r.id] = {
                    "path": r.path,
                    "publisher": r.publisher,
                    "published": r.published,
                    "duplicate_of": r.duplicate_of,
                    "url": r.url,
                }
        return out

    # ------------------------------------------------------------------ actor units and blocks
    def unit_blocks(self, articles: Iterable[str]) -> set[str]:
        u = T.cons_actor_units.c
        out: set[str] = set()
        for chunk in _chunks(articles):
            out |= set(self.conn.scalars(select(u.block).where(u.article_id.in_(chunk)).distinct()))
        return out

    def delete_units(self, articles: Iterable[str]) -> None:
        for chunk in _chunks(articles):
            self.conn.execute(delete(T.cons_actor_units).where(T.cons_actor_units.c.article_id.in_(chunk)))
            self.conn.execute(delete(T.cons_actor_keys).where(T.cons_actor_keys.c.article_id.in_(chunk)))

    def existing(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], set[str]]:
        """Stored blocks each key links to: l to l, s to s and b, b to s (blocking.py)."""
        k = T.cons_actor_keys.c
        want: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for role, key in keys:
            for stored in {"l": ("l",), "s": ("s", "b"), "b": ("s",)}[role]:
                want[(stored, key)].append((role, key))
        out: dict[tuple[str, str], set[str]] = defaultdict(set)
        by_role: dict[str, list[str]] = defaultdict(list)
        for stored, key in want:
            by_role[stored].append(key)
        for stored, texts in by_role.items():
            for chunk in _chunks(texts):
                q = select(k.key, k.block).where(k.role == stored, k.key.in_(chunk)).distinct()
                for key, block in self.conn.execute(q):
                    for mine in want[(stored, key)]:
                        out[mine].add(block)
        return out

    def vocabulary(self, role: str, initials: set[str]) -> list[tuple[str, str]]:
        """Stored (word, block) of a role whose word starts with one of ``initials``."""
        k = T.cons_actor_keys.c
        out: list[tuple[str, str]] = []
        for ch in sorted(initials):
            q = (
                select(k.key, k.block)
                .where(k.role == role, k.key >= ch, k.key < ch + "\U0010ffff")
                .distinct()
            )
            out += [(w, b) for w, b in self.conn.execute(q) if w[:1] == ch]
        return out

    def present(self, role: str, words: Iterable[str]) -> set[str]:
        """Which of these words are stored as keys of this role (blocking: is it a surname?)."""
        k = T.cons_actor_keys.c
        out: set[str] = set()
        for chunk in _chunks(words):
            out |= set(self.conn.scalars(select(k.key).where(k.role == role, k.key.in_(chunk)).distinct()))
        return out

    def article_keys(self, role: str, articles: Iterable[str]) -> set[str]:
        """The keys of this role the articles' stored units hold (read before they are removed)."""
        k = T.cons_actor_keys.c
        out: set[str] = set()
        for chunk in _chunks(articles):
            q = select(k.key).where(k.role == role, k.article_id.in_(chunk)).distinct()
            out |= set(self.conn.scalars(q))
        return out

    def relabel(self, olds: set[str], new: str) -> None:
        """Merge stored blocks into one (a batch linked them)."""
        olds = olds - {new}
        for chunk in _chunks(olds):
            for t in (T.cons_actor_units, T.cons_actor_keys, T.cons_actors):
                self.conn.execute(update(t).where(t.c.block.in_(chunk)).values(block=new))

    def insert_units(self, units: list[dict[str, Any]], keys: list[dict[str, Any]]) -> None:
        for i in range(0, len(units), 1000):
            self.conn.execute(insert(T.cons_actor_units), units[i : i + 1000])
        for i in range(0, len(keys), 2000):
            self.conn.execute(insert(T.cons_actor_keys), keys[i : i + 2000])

    def units_in(self, blocks: Iterable[str]) -> list[Any]:
        u = T.cons_actor_units.c
        out: list[Any] = []
        for chunk in _chunks(blocks):
            q = select(u.article_id, u.local_key, u.block, u.actor_id, u.mentions, u.payload)
            out += list(self.conn.execute(q.where(u.block.in_(chunk))))
        return out

    def unit_actor_ids(self, blocks: Iterable[str]) -> dict[tuple[str, str], str | None]:
        """(article, local key) -> the global id it resolved to last, for the units of the blocks."""
        u = T.cons_actor_units.c
        out: dict[tuple[str, str], str | None] = {}
        for chunk in _chunks(blocks):
            q = select(u.article_id, u.local_key, u.actor_id).where(u.block.in_(chunk))
            out.update(((a, k), g) for a, k, g in self.conn.execute(q))
        return out

    def actor_sigs(self, blocks: Iterable[str]) -> dict[str, tuple[str, str | None]]:
        """Per resolved actor of the blocks: (what rekeying reads, digest of its stored export)."""
        a = T.cons_actors.c
        out: dict[str, tuple[str, str | None]] = {}
        for chunk in _chunks(blocks):
            q = select(a.id, a.sig, a.digest).where(a.block.in_(chunk))
            out.update((i, (g, d)) for i, g, d in self.conn.execute(q))
        return out

    def actor_digests(self, ids: Iterable[str]) -> dict[str, str | None]:
        a = T.cons_actors.c
        out: dict[str, str | None] = {}
        for chunk in _chunks(ids):
            out.update((i, d) for i, d in self.conn.execute(select(a.id, a.digest).where(a.id.in_(chunk))))
        return out

    def set_actor_digests(self, digests: dict[str, str]) -> None:
        a = T.cons_actors.c
        q = update(T.cons_actors).where(a.id == bindparam("gid")).values(digest=bindparam("dg"))
        rows = [{"gid": g, "dg": d} for g, d in sorted(digests.items())]
        for i in range(0, len(rows), 1000):
            self.conn.execute(q, rows[i : i + 1000])

    def block_actors(self, blocks: Iterable[str]) -> dict[str, list[tuple[str, str, str | None, Any]]]:
        """Per block: its resolved actors as (id, sig, digest, record payload)."""
        a = T.cons_actors.c
        out: dict[str, list[tuple[str, str, str | None, Any]]] = defaultdict(list)
        for chunk in _chunks(blocks):
            q = select(a.block, a.id, a.sig, a.digest, a.record).where(a.block.in_(chunk))
            for block, gid, sig, dg, rec in self.conn.execute(q):
                out[block].append((gid, sig, dg, rec))
        return out

    def first_articles(self, blocks: Iterable[str]) -> dict[str, str]:
        """Per block: the first article (by id) of its units."""
        u = T.cons_actor_units.c
        out: dict[str, str] = {}
        for chunk in _chunks(blocks):
            q = select(u.block, func.min(u.article_id)).where(u.block.in_(chunk)).group_by(u.block)
            out.update((b, a) for b, a in self.conn.execute(q))
        return out

    def replace_actor_state(self, blocks: Iterable[str], rows: list[dict[str, Any]]) -> None:
        for chunk in _chunks(blocks):
            self.conn.execute(delete(T.cons_actors).where(T.cons_actors.c.block.in_(chunk)))
        for i in range(0, len(rows), 1000):
            self.conn.execute(insert(T.cons_actors), rows[i : i + 1000])

    def set_actor_ids(self, changes: list[dict[str, Any]]) -> None:
        """(article, local key) -> the global id it resolves to now."""
        u = T.cons_actor_units.c
        q = (
            update(T.cons_actor_units)
            .where(and_(u.article_id == bindparam("aid"), u.local_key == bindparam("lkey")))
            .values(actor_id=bindparam("gid"))
        )
        for i in range(0, len(changes), 1000):
            self.conn.execute(q, changes[i : i + 1000])

    def key_map(self, articles: Iterable[str]) -> dict[tuple[str, str], str]:
        u = T.cons_actor_units.c
        out: dict[tuple[str, str], str] = {}
        for chunk in _chunks(articles):
            q = select(u.article_id, u.local_key, u.actor_id).where(
                u.article_id.in_(chunk), u.actor_id.is_not(None)
            )
            out.update({(a, k): g for a, k, g in self.conn.execute(q)})
        return out

    def actor_records(self, ids: Iterable[str]) -> dict[str, ActorRecord]:
        a = T.cons_actors.c
        out: dict[str, ActorRecord] = {}
        for chunk in _chunks(ids):
            for gid, rec in self.conn.execute(select(a.id, a.record).where(a.id.in_(chunk))):
                out[gid] = ActorRecord.from_dict(rec)
        return out

    def country_records(self) -> dict[str, ActorRecord]:
        """Every state's resolved record (ids ``c:ISO3``): a few hundred rows."""
        a = T.cons_actors.c
        q = select(a.id, a.record).where(a.id >= "c:", a.id < "c;")
        return {gid: ActorRecord.from_dict(rec) for gid, rec in self.conn.execute(q)}

    def article_unit_counts(self, ids: Iterable[str]) -> dict[str, tuple[int, set[str]]]:
        """Per global id: entity mentions counted, and the articles they were counted in."""
        u = T.cons_actor_units.c
        out: dict[str, tuple[int, set[str]]] = {}
        for chunk in _chunks(ids):
            q = select(u.actor_id, u.article_id, u.mentions).where(u.actor_id.in_(chunk))
            for gid, aid, n in self.conn.execute(q):
                times, arts = out.get(gid, (0, set()))
                if n:
                    arts.add(aid)
                out[gid] = (times + n, arts)
        return out

    # ------------------------------------------------------------------ readings
    def reading_blocks(self, articles: Iterable[str]) -> set[tuple[str, str]]:
        r = T.cons_readings.c
        out: set[tuple[str, str]] = set()
        for chunk in _chunks(articles):
            out |= set(
                tuple(x)
                for x in self.conn.execute(select(r.kind, r.block).where(r.article_id.in_(chunk)).distinct())
            )
        return out

    def delete_readings(self, articles: Iterable[str]) -> None:
        for chunk in _chunks(articles):
            self.conn.execute(delete(T.cons_readings).where(T.cons_readings.c.article_id.in_(chunk)))

    def insert_readings(self, rows: list[dict[str, Any]]) -> None:
        for i in range(0, len(rows), 1000):
            self.conn.execute(insert(T.cons_readings), rows[i : i + 1000])

    def readings_in(self, blocks: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[tuple[str, dict]]]:
        r = T.cons_readings.c
        out: dict[tuple[str, str], list[tuple[str, dict]]] = defaultdict(list)
        for chunk in _chunks(blocks):
            q = select(r.kind, r.block, r.article_id, r.payload).where(tuple_(r.kind, r.block).in_(chunk))
            for kind, block, aid, payload in self.conn.execute(q):
                out[(kind, block)].append((aid, payload))
        return out

    # ------------------------------------------------------------------ fused records
    def records_in(self, blocks: Iterable[tuple[str, str]]) -> list[tuple[str, str, str, str, str]]:
        """(kind, record id, block, base id, digest) of the records the blocks made."""
        c = T.cons_records.c
        out: list[tuple[str, str, str, str, str]] = []
        for chunk in _chunks(blocks):
            q = select(c.kind, c.record_id, c.block, c.base_id, c.digest).where(
                tuple_(c.kind, c.block).in_(chunk)
            )
            out += [tuple(r) for r in self.conn.execute(q)]  # type: ignore[misc]
        return out

    def blocks_with_base(self, bases: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        """(kind, block) of stored records whose base id is one of ``bases`` ((kind, base id))."""
        c = T.cons_records.c
        out: set[tuple[str, str]] = set()
        for chunk in _chunks(bases):
            q = select(c.kind, c.block).where(tuple_(c.kind, c.base_id).in_(chunk)).distinct()
            out |= {tuple(x) for x in self.conn.execute(q)}
        return out

    def parties(self, kind: str, ids: Iterable[str]) -> set[str]:
        """Global actor ids taking part in the stored records ``ids`` of ``kind``."""
        t = T.PARTIES[kind]
        col = t.c[f"{T.SINGULAR[kind]}_id"]
        out: set[str] = set()
        for chunk in _chunks(ids):
            out |= {a for a in self.conn.scalars(select(t.c.actor_id).where(col.in_(chunk)).distinct()) if a}
        return out

    def delete_records(self, kind: str, ids: Iterable[str]) -> None:
        """A record kind's rows (actors included), with their flat rows, mention index and FTS."""
        table = KIND_TABLES[kind]
        one = T.SINGULAR[kind]
        for chunk in _chunks(ids):
            if self.dialect == "sqlite":
                self.conn.execute(
                    text(
                        f"DELETE FROM {kind}_fts WHERE rowid IN (SELECT rowid FROM {kind} WHERE id IN :ids)"
                    ).bindparams(bindparam("ids", expanding=True)),
                    {"ids": chunk},
                )
            self.conn.execute(delete(table).where(table.c.id.in_(chunk)))
            if kind in T.PARTIES:
                p = T.PARTIES[kind]
                self.conn.execute(delete(p).where(p.c[f"{one}_id"].in_(chunk)))
            else:
                self.conn.execute(delete(T.actor_names).where(T.actor_names.c.actor_id.in_(chunk)))
            m = T.MENTIONS[kind]
            self.conn.execute(delete(m).where(m.c[f"{one}_id"].in_(chunk)))
            rm = T.record_mentions.c
            self.conn.execute(delete(T.record_mentions).where(rm.kind == kind, rm.record_id.in_(chunk)))
            if kind != "actors":
                c = T.cons_records.c
                self.conn.execute(delete(T.cons_records).where(c.kind == kind, c.record_id.in_(chunk)))

    def insert_records(
        self, kind: str, rows: list[dict[str, Any]], blocks: list[tuple[str, str, str]] = ()
    ) -> None:
        """Rows made by ``record_row`` (and, for fused kinds, each one's (block, base id, digest))."""
        from . import _insert_flat, _mention_articles

        table = KIND_TABLES[kind]
        for i in range(0, len(rows), 1000):
            chunk = rows[i : i + 1000]
            self.conn.execute(insert(table), chunk)
            _insert_flat(self.conn, kind, chunk)
            mrows = sorted({(r["id"], a) for r in chunk for a in _mention_articles(r["payload"])})
            if mrows:
                self.conn.execute(
                    insert(T.record_mentions),
                    [{"kind": kind, "record_id": r, "article_id": a} for r, a in mrows],
                )
            if self.dialect == "sqlite":
                sql = f"INSERT INTO {kind}_fts(rowid, text) SELECT rowid, {fts.text_sql(kind, kind)} FROM {kind} WHERE id IN :ids"
                self.conn.execute(
                    text(sql).bindparams(bindparam("ids", expanding=True)), {"ids": [r["id"] for r in chunk]}
                )
        if kind != "actors" and rows:
            crow = [
                {"kind": kind, "record_id": r["id"], "block": b, "base_id": base, "digest": dg}
                for r, (b, base, dg) in zip(rows, blocks, strict=True)
            ]
            for i in range(0, len(crow), 2000):
                self.conn.execute(insert(T.cons_records), crow[i : i + 2000])

    def articles_naming(self, ids: Iterable[str]) -> set[str]:
        """The articles of every stored record these actors take part in."""
        ids = list(ids)
        out: set[str] = set()
        for kind in T.PARTIES:
            one = T.SINGULAR[kind]
            p, m = T.PARTIES[kind], T.MENTIONS[kind]
            for chunk in _chunks(ids):
                q = (
                    select(m.c.article_id)
                    .join(p, p.c[f"{one}_id"] == m.c[f"{one}_id"])
                    .where(p.c.actor_id.in_(chunk))
                    .distinct()
                )
                out |= set(self.conn.scalars(q))
        return out

    def evidence(self, ids: Iterable[str], keep: int) -> dict[str, tuple[list[Mention], int]]:
        """Per actor: the mentions of the records it takes part in that can be among its first
        ``keep`` by (article, offset), and its events counted.

        A country takes part in thousands of records, and only its first ``keep`` mentions are
        kept (``run/consolidate._with_evidence``): the database ranks them and sends the rows of
        the first ``keep`` (article, offset) pairs of each kind, a superset of what the cap keeps
        whatever the actor's own mentions, instead of every row of every record, so a batch that
        touches the United States no longer reads all its evidence back."""
        ids = list(ids)
        out: dict[str, tuple[list[Mention], int]] = defaultdict(lambda: ([], 0))
        for kind in T.PARTIES:
            for chunk in _chunks(ids):
                for gid, aid, path, sentence, start, end in self._first_mentions(kind, chunk, keep):
                    out[gid][0].append(Mention(aid, path, sentence, start, end))
        p, m = T.PARTIES["events"], T.MENTIONS["events"]
        for chunk in _chunks(ids):
            q = (
                select(p.c.actor_id, func.count(p.c.event_id.distinct()))
                .join(m, m.c.event_id == p.c.event_id)
                .where(p.c.actor_id.in_(chunk))
                .group_by(p.c.actor_id)
            )
            for gid, n in self.conn.execute(q):
                out[gid] = (out[gid][0], n)
        return dict(out)

    def _first_mentions(self, kind: str, actors: list[str], keep: int) -> Iterator[Any]:
        """(actor, article, path, sentence, start, end) of the records of ``kind`` the actors take
        part in, for each actor's first ``keep`` distinct (article, offset) pairs."""
        one = T.SINGULAR[kind]
        p, m = T.PARTIES[kind], T.MENTIONS[kind]
        aid = m.c.article_id.collate("C") if self.dialect == "postgresql" else m.c.article_id
        rank = func.dense_rank().over(partition_by=p.c.actor_id, order_by=(aid, m.c.char_start))
        rows = (
            select(
                p.c.actor_id,
                m.c.article_id,
                m.c.path,
                m.c.sentence,
                m.c.char_start,
                m.c.char_end,
                rank.label("rk"),
            )
            .join(m, m.c[f"{one}_id"] == p.c[f"{one}_id"])
            .where(p.c.actor_id.in_(actors))
            .distinct()
            .subquery()
        )
        r = rows.c
        q = select(r.actor_id, r.article_id, r.path, r.sentence, r.char_start, r.char_end).where(r.rk <= keep)
        return iter(self.conn.execute(q).all())

    def counts(self) -> dict[str, int]:
        order = ("actors", "events", "deals", "figures", "quotes")
        return {k: self.conn.scalar(select(func.count()).select_from(KIND_TABLES[k])) or 0 for k in order}
