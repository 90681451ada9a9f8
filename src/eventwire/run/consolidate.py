"""Corpus-wide work over a store: actors resolved and records fused, incrementally.

Every batch that stores, re-extracts or completes an article queues it (``cons_dirty``) in its own
transaction. Consolidation then, in ONE transaction with emptying the queue:

1. puts the queued articles' local actors into actor blocks (``consolidate/blocking.py``: the local
   actors resolution could ever decide together), merging blocks the batch links;
2. re-resolves only the blocks it touched, and notes which (article, local key) now resolve to
   another actor, and which actors changed what rekeying reads;
3. rekeys the records of the queued articles and of those whose actors changed, and files each
   reading under its fusion block (``fuse.block_key``: event family, dyad and year; deal item;
   figure unit, kind and subject; quote speaker and words);
4. re-fuses only the blocks whose readings changed, and rewrites their records;
5. rewrites the actors whose resolution, records or evidence changed.

Each step recomputes whole blocks from everything stored in them, and blocks are closed (nothing
outside a block can change a decision inside it), so the result is the one a recompute of the
whole corpus gives, whatever the order or grouping in which stories arrived. A rebuild
(``rebuild=True``, ``eventwire reprocess``, or any change of code or knowledge stamp) runs the same
steps with every article queued. A run killed anywhere leaves the queue as it was: the next run
does the work again.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from typing import Any

from ..lexicon.digest import current_stamp
from ..model import ActorRecord, ArticleExtraction, Mention, stable_id
from ..store import Store, record_row
from ..store.consolidation import ConsolidationState

# the actor-blocking scheme (consolidate/blocking.py): a store filed under another one is rebuilt,
# as its stored keys would link what the rules now compare differently
BLOCKING_VERSION = 2
MAX_EVIDENCE = 100  # as consolidate.activity: mentions kept on an actor record
_RECORD_PARTS = ("events", "deals", "figures", "quotes")


def consolidate(store: Store, *, rebuild: bool = False) -> dict[str, int]:
    """Bring the corpus-wide records up to date with the stored extractions (see the module)."""
    stamp = current_stamp()
    stamp_text = f"{stamp.code_version}|{stamp.knowledge_digest}|blocks{BLOCKING_VERSION}"
    with store.engine.begin() as conn:
        state = ConsolidationState(conn, store.dialect)
        state.lock()  # one consolidation at a time: two would both take the same queue
        full = rebuild or state.stamp() != stamp_text
        if full:
            state.clear_all()
            dirty = state.extraction_ids()
        else:
            dirty = state.dirty_ids()
        if dirty:
            _Run(state, full=full).run(dirty)
        state.clear_dirty()
        state.set_stamp(stamp_text)
        return state.counts()


def _sig(rec: ActorRecord) -> str:
    """What rekeying a record reads of an actor (``fuse.rekey_view``): an actor whose view is
    unchanged leaves every record it takes part in as it was, so its articles are not re-filed
    (new aliases, evidence and counts change no record)."""
    from ..consolidate.fuse import rekey_view

    return hashlib.sha1(json.dumps(rekey_view(rec), sort_keys=True, default=str).encode()).hexdigest()


def _digest(payload: dict[str, Any]) -> str:
    return hashlib.sha1(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def _block_id(text: str) -> str:
    return stable_id("b", text)[2:22]


class _Run:
    """One consolidation. ``full``: every derived row was cleared and every article is queued, so
    what this run files (units, readings) is all there is and is used from memory, not read back."""

    def __init__(self, state: ConsolidationState, *, full: bool = False):
        self.s = state
        self.full = full
        self.exts: dict[str, ArticleExtraction] = {}
        self.fresh_units: list[tuple[str, str, str, Any, int]] = []  # (article, key, block, actor, n)
        self.fresh_readings: dict[tuple[str, str], list[Any]] = defaultdict(list)

    def run(self, dirty: list[str]) -> None:
        meta = self.s.article_meta(dirty)
        live = [a for a in dirty if a in meta]
        for aid, payload in self.s.extractions(live):
            self.exts[aid] = ArticleExtraction.from_dict(payload)
        actor_blocks = self._file_actors(dirty)
        affected, changed_actors, resolved = self._resolve(actor_blocks)
        fusion_blocks = self._file_readings(set(dirty) | affected, meta, resolved)
        old_parties = self._fuse(fusion_blocks)
        self._write_actors(changed_actors | old_parties, resolved)

    # ---------------------------------------------------------------- 1. actor blocks
    def _file_actors(self, dirty: list[str]) -> set[str]:
        from ..consolidate.blocking import actor_keys, group_units

        touched = self.s.unit_blocks(dirty)
        removed = set(touched)  # blocks that lose units: never added to (``_fold_countries``)
        self.added: dict[str, list[tuple[str, str, Any, int]]] = {}  # country block -> new units
        orphans = self.s.article_keys("b", dirty)  # surnames a re-extraction may take away
        self.s.delete_units(dirty)
        units: dict[str, list[tuple[str, str]]] = {}
        rows: dict[str, dict[str, Any]] = {}
        self._local: dict[str, Any] = {}
        for aid in sorted(self.exts):
            ext = self.exts[aid]
            tally = Counter(em.key for em in ext.entities if not em.is_place)
            for la in ext.actors:
                uid = f"{aid}\x1f{la.key}"
                units[uid] = actor_keys(aid, la)
                self._local[uid] = la
                rows[uid] = {
                    "article_id": aid,
                    "local_key": la.key,
                    "actor_id": None,
                    "mentions": tally[la.key],
                    "payload": la.to_dict(),
                }
        unit_rows, key_rows = [], []
        renamed: dict[str, str] = {}
        for uids, stored in group_units(units, self.s.existing, self.s.vocabulary, self.s.present, orphans):
            block = min(stored) if stored else _block_id(uids[0])
            if len(stored) > 1:
                self.s.relabel(stored, block)
                renamed.update((b, block) for b in stored)
            touched.add(block)
            if not self.full and len(stored) == 1 and block not in removed:
                if all(self._local[u].key.startswith("c:") for u in uids):
                    self.added[block] = [
                        (rows[u]["article_id"], self._local[u].key, self._local[u], rows[u]["mentions"])
                        for u in uids
                    ]
            for uid in uids:
                unit_rows.append({**rows[uid], "block": block})
                aid = rows[uid]["article_id"]
                if self.full:
                    la = self._local[uid]
                    self.fresh_units.append((aid, la.key, block, la, rows[uid]["mentions"]))
                key_rows += [
                    {"role": r, "key": k, "block": block, "article_id": aid} for r, k in set(units[uid])
                ]
        if self.full:  # written with their resolved ids once resolved (no update of every row)
            self._unit_rows = unit_rows
            self.s.insert_units([], key_rows)
        else:
            self.s.insert_units(unit_rows, key_rows)
        del self._local
        for ext in self.exts.values():  # counted and filed: only the records are read from here
            ext.entities, ext.timexes, ext.actors = [], [], []
        return {renamed.get(b, b) for b in touched}

    # ---------------------------------------------------------------- 2. resolution
    def _resolve(self, blocks: set[str]) -> tuple[set[str], set[str], dict[str, ActorRecord]]:
        """Re-resolve the touched blocks: (articles to rekey, actor ids changed, new records).

        Blocks are closed, so the union of the touched ones is resolved in one call (the same
        result as one call per block, without the per-call cost)."""
        from ..consolidate.actors import resolve_actors
        from ..model import LocalActor

        old_sigs = self.s.actor_sigs(blocks)
        folded, fold_map = self._fold_countries(blocks)
        whole = blocks - {b for b, _rec in folded.values()}  # resolved from all their units
        if self.full:
            units = self.fresh_units
        else:
            units = [
                (r.article_id, r.local_key, r.block, LocalActor.from_dict(r.payload), r.mentions)
                for r in self.s.units_in(whole)
            ]
        per_article: dict[str, list[Any]] = defaultdict(list)
        old_ids: dict[tuple[str, str], str | None] = {}
        counts: dict[tuple[str, str], int] = {}
        block_of: dict[tuple[str, str], str] = {}
        for aid, lkey, block, la, n in units:
            per_article[aid].append(la)
            block_of[(aid, lkey)] = block
            counts[(aid, lkey)] = n
        if not self.full:
            old_ids = {(r[0], r[1]): None for r in units}
            old_ids.update(self.s.unit_actor_ids(whole))
        self.fresh_units = []
        exts = [ArticleExtraction(article_id=a, actors=las) for a, las in per_article.items()]
        records, key_map = resolve_actors(exts)
        del exts, per_article
        for aid, lkey, block, gid in fold_map:
            key_map[(aid, lkey)] = gid
            old_ids[(aid, lkey)] = None
            block_of[(aid, lkey)] = block
        records += [rec for _b, rec in folded.values()]
        times: Counter[str] = Counter()
        arts: dict[str, set[str]] = defaultdict(set)
        rec_block: dict[str, str] = {}
        changes: list[dict[str, Any]] = []
        affected: set[str] = set()
        for (aid, lkey), gid in key_map.items():
            if old_ids.get((aid, lkey)) != gid:
                changes.append({"aid": aid, "lkey": lkey, "gid": gid})
                affected.add(aid)
            n = counts.get((aid, lkey), 0)
            times[gid] += n
            if n:
                arts[gid].add(aid)
            rec_block.setdefault(gid, block_of[(aid, lkey)])
        resolved: dict[str, ActorRecord] = {}
        state_rows: list[dict[str, Any]] = []
        for rec in records:
            if rec.id not in folded:  # a folded record already counts its stored units too
                role_articles = {m.article_id for m in rec.mentions}
                rec.mention_count = max(times[rec.id], len(role_articles))
                rec.article_count = max(len(arts[rec.id]), len(role_articles))
            resolved[rec.id] = rec
            was = old_sigs.get(rec.id, (None, None))
            state_rows.append(
                {
                    "id": rec.id,
                    "block": rec_block[rec.id],
                    "sig": _sig(rec),
                    "record": rec.to_dict(),
                    "digest": was[1],
                }
            )
        changed = {r["id"] for r in state_rows if old_sigs.get(r["id"], (None,))[0] != r["sig"]}
        changed |= set(old_sigs) - set(resolved)
        # an article that read an actor which changed (or now reads one) is rekeyed again
        now = {(c["aid"], c["lkey"]): c["gid"] for c in changes}
        for key, old in old_ids.items():
            if old in changed or now.get(key, old) in changed:
                affected.add(key[0])
        renamed = [block for gid, (block, _rec) in folded.items() if gid in changed]
        affected |= {aid for aid, _lkey in self.s.unit_actor_ids(renamed)}  # its name changed
        # a state is also named by articles that hold no actor of it (a figure's or event's party
        # read from a place): their readings carry its name too, so they are rekeyed as well
        affected |= self.s.articles_naming(g for g in changed if g.startswith("c:"))
        self.s.replace_actor_state(blocks, state_rows)
        if self.full:
            for row in self._unit_rows:
                row["actor_id"] = key_map.get((row["article_id"], row["local_key"]))
            self.s.insert_units(self._unit_rows, [])
            del self._unit_rows
        else:
            self.s.set_actor_ids(changes)
        return affected, changed | set(resolved) | set(old_sigs), resolved

    def _fold_countries(self, blocks: set[str]) -> tuple[dict[str, tuple[str, ActorRecord]], list[tuple]]:
        """Country blocks this batch only added to, updated from their stored record.

        A country's record is a fold of its units (its name from the first article, every other
        form an alias, mentions and articles summed; countries carry no offices), so adding units
        to the stored record gives what resolving every unit of the block gives, without reading
        the block's thousands of units (the United States' block holds one per story naming it).
        A block that also lost units, or whose record holds offices, is resolved whole.
        Returns {actor id: (block, record)} and (article, local key, block, actor id) per new unit.
        """
        from ..consolidate.actors import fold_country

        todo = {b: units for b, units in self.added.items() if b in blocks}
        if not todo:
            return {}, []
        stored = self.s.block_actors(todo)
        firsts = self.s.first_articles(todo)
        folded: dict[str, tuple[str, ActorRecord]] = {}
        fold_map: list[tuple] = []
        for block, units in sorted(todo.items()):
            rows = stored.get(block, [])
            if len(rows) != 1 or any(la.roles for _a, _k, la, _n in units):
                continue
            old = ActorRecord.from_dict(rows[0][3])
            if old.roles or old.mentions:
                continue
            rec = fold_country(old, [(aid, la, n) for aid, _k, la, n in units], firsts.get(block))
            folded[rec.id] = (block, rec)
            fold_map += [(aid, lkey, block, rec.id) for aid, lkey, _la, _n in units]
        return folded, fold_map

    # ---------------------------------------------------------------- 3. readings
    def _file_readings(
        self, articles: set[str], meta: dict[str, dict[str, Any]], resolved: dict[str, ActorRecord]
    ) -> set[tuple[str, str]]:
        """Rekey the articles' records and file each reading under its fusion block.

        ``resolved``: the records step 2 just resolved and stored; most actors the articles name
        are among them, so only the others are read back (a batch of 2,000 named ~6,000)."""
        from ..consolidate.fuse import block_key, readings, rekeyer

        blocks = self.s.reading_blocks(articles)
        self.s.delete_readings(articles)
        more = [a for a in articles if a not in meta]
        meta = {**meta, **self.s.article_meta(more)}
        need = [a for a in articles if a not in self.exts and a in meta and not meta[a].get("duplicate_of")]
        for aid, payload in self.s.extractions(need):
            keep = {k: v for k, v in payload.items() if k in ("article_id", "dct", *_RECORD_PARTS)}
            self.exts[aid] = ArticleExtraction.from_dict(keep)
        todo = sorted(a for a in articles if a in self.exts and not (meta.get(a) or {}).get("duplicate_of"))
        key_map = self.s.key_map(todo)
        # a state is named by its global id even where the article holds no actor of it (a party
        # read from a place): every state's record is at hand, as in a rebuild
        named = set(key_map.values())
        actors = {
            **self.s.country_records(),
            **self.s.actor_records(named - resolved.keys()),
            **{gid: resolved[gid] for gid in named & resolved.keys()},
        }
        rekey = rekeyer(key_map, list(actors.values()))
        rows: list[dict[str, Any]] = []
        for aid in todo:
            for kind, items in readings(self.exts[aid], rekey).items():
                for it in items:
                    block = _block_id(block_key(kind, it))
                    blocks.add((kind, block))
                    if self.full:
                        self.fresh_readings[(kind, block)].append(it)
                    rows.append(
                        {"kind": kind, "block": block, "article_id": aid, "payload": it.rec.to_dict()}
                    )
        self.s.insert_readings(rows)
        return blocks

    # ---------------------------------------------------------------- 4. fusion
    def _fuse(self, blocks: set[tuple[str, str]]) -> set[str]:
        """Re-fuse the blocks and rewrite their records; returns the actors of the old records."""
        from ..consolidate.fuse import RECORD_TYPES, fuse_block, reading

        blocks = set(blocks)
        made: dict[tuple[str, str], list[Any]] = {}
        old: list[tuple[str, str, str, str, str]] = []
        todo = set(blocks)
        while todo:  # a record id another block also makes pulls that block in (ids stay unique)
            if self.full:  # everything was just filed: fuse from memory
                got = {kb: self.fresh_readings.pop(kb, []) for kb in todo}
            else:
                got = {
                    kb: [reading(kb[0], RECORD_TYPES[kb[0]].from_dict(p), aid) for aid, p in rows]
                    for kb, rows in self.s.readings_in(todo).items()
                }
            meta = self.s.article_meta({it.article_id for items in got.values() for it in items})
            for kb in sorted(todo):
                items = got.get(kb, [])
                made[kb] = fuse_block(kb[0], items, meta) if items else []
            gone = self.s.records_in(todo)
            old += gone
            bases = {(k, r.id) for (k, _b), recs in made.items() if (k, _b) in todo for r in recs}
            bases |= {(k, base) for k, _rid, _b, base, _dg in gone}
            todo = self.s.blocks_with_base(bases) - blocks
            blocks |= todo
        by_base: dict[tuple[str, str], set[str]] = defaultdict(set)
        for (kind, block), recs in made.items():
            for r in recs:
                by_base[(kind, r.id)].add(block)
        before = {(k, rid): (b, base, dg) for k, rid, b, base, dg in old}
        keep: set[tuple[str, str]] = set()
        new_rows: dict[str, list[tuple[dict[str, Any], tuple[str, str, str], Any]]] = defaultdict(list)
        for (kind, block), recs in sorted(made.items()):
            for r in recs:
                base = r.id
                if len(by_base[(kind, base)]) > 1:  # two blocks made one id: both say which
                    r.id = f"{base}_{block[:6]}"
                row = record_row(kind, r)
                where = (block, base, _digest(row["payload"]))
                if before.get((kind, r.id)) == where:
                    keep.add((kind, r.id))  # the same record as stored: left as it is
                else:
                    new_rows[kind].append((row, where, r))
        parties: set[str] = set()
        old_by_kind: dict[str, set[str]] = defaultdict(set)
        for key in before:
            if key not in keep:
                old_by_kind[key[0]].add(key[1])
        for kind, ids in old_by_kind.items():
            parties |= self.s.parties(kind, ids)
            self.s.delete_records(kind, ids)
        for kind in _RECORD_PARTS:
            got = new_rows.get(kind, [])
            self.s.insert_records(kind, [row for row, _w, _r in got], [w for _row, w, _r in got])
            for _row, _w, r in got:
                parties |= {e.id for e in _parties(r)}
        return parties

    # ---------------------------------------------------------------- 5. actors
    def _write_actors(self, ids: set[str], resolved: dict[str, ActorRecord]) -> None:
        """Rewrite these actors: their resolution, the evidence of their records, their counts."""
        ids = {i for i in ids if i}
        base = {
            **self.s.actor_records(ids - set(resolved)),
            **{k: v for k, v in resolved.items() if k in ids},
        }
        stored = self.s.actor_digests(base)
        evidence = self.s.evidence(base, MAX_EVIDENCE)
        rows, digests = [], {}
        for gid in sorted(base):
            rec = base[gid]
            found, events = evidence.get(gid, ([], 0))
            rec.mentions = _with_evidence(rec.mentions, found)
            rec.event_count = events
            rec.mention_count = max(rec.mention_count, len(rec.mentions))
            rec.article_count = max(rec.article_count, len({m.article_id for m in rec.mentions}))
            row = record_row("actors", rec)
            dg = _digest(row["payload"])
            if stored.get(gid) != dg:  # unchanged actors (most of a touched block) stay as stored
                rows.append(row)
                digests[gid] = dg
        self.s.delete_records("actors", (ids - set(base)) | set(digests))
        self.s.insert_records("actors", rows)
        self.s.set_actor_digests(digests)


def _with_evidence(own: list[Mention], found: list[Mention]) -> list[Mention]:
    """An actor's office sentences, then its records' sentences, by article and offset, capped."""
    seen = {(m.article_id, m.start) for m in own}
    merged = list(own)
    for m in sorted(found, key=lambda m: (m.article_id, m.start, m.end, m.sentence or "")):
        if (m.article_id, m.start) not in seen:
            seen.add((m.article_id, m.start))
            merged.append(m)
    return sorted(merged, key=lambda m: (m.article_id, m.start))[:MAX_EVIDENCE]


def _parties(rec: Any) -> list[Any]:
    from ..consolidate.activity import _parties as parties

    return parties(rec)
