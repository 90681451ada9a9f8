"""The schema, as SQLAlchemy Core tables (the migrations build exactly this).

Records are kept as JSON payloads in their export shape, with the columns the API filters on
pulled out and indexed. ``countries`` and ``actor_ids`` are delimited lists (",TUR,MYS,") so one
LIKE filter works the same on SQLite and PostgreSQL.

Beside the payloads, the store is plain data (migration 0006): every record's scalar fields are
columns (``FLAT_COLUMNS``), and its parties, evidence and an actor's names are rows of their own
tables (``{kind}_parties``, ``{kind}_mentions``, ``actor_names``), so Datasette, DuckDB, pandas or
``sqlite3`` answer "TUR-MYS events by year and type" with a join and a GROUP BY, no JSON functions.
:mod:`.flat` makes those rows from the payloads, for the writes and for the migration alike.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("path", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("author", Text),
    Column("published", String(32)),
    Column("published_inferred", Boolean, nullable=False, default=False),
    Column("publisher", Text),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("duplicate_of", String(40)),
    Column("source_format", String(16)),
    Column("signature", JSON),  # MinHash signature for near-duplicate detection
    Column("ingested_at", DateTime(timezone=True)),
    Column("seq", Integer),  # ingest order, for stable listings
)
Index("ix_articles_published", articles.c.published)
Index("ix_articles_duplicate_of", articles.c.duplicate_of)

# one row per band of a stored original's MinHash signature: near-duplicate candidates are looked
# up here by key, so the ingesting process holds no index of the whole corpus (migration 0004)
neardup_bands = Table(
    "neardup_bands",
    metadata,
    Column("key", BigInteger, nullable=False),
    Column("article_id", String(40), nullable=False),
)
Index("ix_neardup_bands_key", neardup_bands.c.key)

extractions = Table(
    "extractions",
    metadata,
    Column("article_id", String(40), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("payload", JSON, nullable=False),
    # what made it (lexicon/digest.py); NULL for rows stored before migration 0005 = unknown
    Column("code_version", String(64)),
    Column("knowledge_digest", String(32)),
)
# stamps are counted on every ingest (the stale-knowledge warning): an index answers that without
# reading past each row's payload, which on SQLite sits in overflow pages before the new columns
Index("ix_extractions_stamp", extractions.c.code_version, extractions.c.knowledge_digest)


def _record_table(name: str, *extra: Column) -> Table:
    t = Table(
        name,
        metadata,
        Column("id", String(64), primary_key=True),
        Column("date", String(32)),
        Column("enddate", String(32)),
        Column("countries", Text),
        Column("actor_ids", Text),
        Column("confidence", Float),
        Column("payload", JSON, nullable=False),
        *extra,
    )
    Index(f"ix_{name}_date", t.c.date)
    return t


# the flat columns of each kind beyond the filtered ones (migration 0006); :mod:`.flat` fills them
FLAT_COLUMNS: dict[str, tuple[tuple[str, Any], ...]] = {
    "events": (
        ("mode", String(32)),
        ("cameo", String(8)),
        ("quad", String(32)),
        ("date_precision", String(16)),
        ("year", Integer),
        ("place", Text),
        ("place_country", String(8)),
        ("lat", Float),
        ("lon", Float),
        ("negated", Boolean),
        ("future", Boolean),
        ("hypothetical", Boolean),
        ("sources", Integer),
        ("evidence", Text),
    ),
    "deals": (
        ("item", Text),
        ("designation", Text),
        ("quantity", Integer),
        ("value_amount", Float),
        ("value_currency", String(8)),
        ("year", Integer),
        ("sources", Integer),
        ("evidence", Text),
    ),
    "figures": (
        ("amount", Float),
        ("unit", Text),
        ("period_start", String(32)),
        ("period_end", String(32)),
        ("year", Integer),
        ("sources", Integer),
        ("evidence", Text),
    ),
    "quotes": (
        ("text", Text),
        ("channel", Text),
        ("year", Integer),
        ("evidence", Text),
    ),
    "actors": (
        ("mention_count", Integer),  # times the stored articles name the actor
        ("article_count", Integer),  # articles that name it
        ("event_count", Integer),  # events it takes part in (the activity /actors sorts by)
    ),
}


def _flat(kind: str) -> list[Column]:
    return [Column(name, type_) for name, type_ in FLAT_COLUMNS[kind]]


events = _record_table("events", Column("event", String(16)), Column("score", Float), *_flat("events"))
Index("ix_events_event", events.c.event)
Index("ix_events_year", events.c.year)
deals = _record_table("deals", Column("status", String(16)), *_flat("deals"))
figures = _record_table("figures", Column("kind", String(16)), Column("metric", Text), *_flat("figures"))
quotes = _record_table("quotes", *_flat("quotes"))

actors = Table(
    "actors",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16)),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("payload", JSON, nullable=False),
    *_flat("actors"),
)
Index("ix_actors_country", actors.c.country)

# which article each record was read from (article pages highlight mentions; filters by article)
record_mentions = Table(
    "record_mentions",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("record_id", String(64), primary_key=True),
    Column("article_id", String(40), primary_key=True),
)
Index("ix_record_mentions_article", record_mentions.c.article_id)

RECORD_TABLES = {"events": events, "deals": deals, "figures": figures, "quotes": quotes, "actors": actors}


SINGULAR = {"events": "event", "deals": "deal", "figures": "figure", "quotes": "quote", "actors": "actor"}


def parties_table(kind: str) -> Table:
    """Who takes part in a record, one row per entity: ``side`` is actor/recipient (events),
    supplier/recipient/contractor (deals), actor (figures) or speaker (quotes)."""
    one = SINGULAR[kind]
    t = Table(
        f"{one}_parties",
        metadata,
        Column(f"{one}_id", String(64), nullable=False),
        Column("side", String(16), nullable=False),
        Column("position", Integer, nullable=False),
        Column("actor_id", String(64)),
        Column("name", Text),
        Column("kind", String(16)),
        Column("country", String(8)),
        Column("sector", String(8)),
        Column("office", Text),
    )
    Index(f"ix_{one}_parties_record", t.c[f"{one}_id"])
    Index(f"ix_{one}_parties_actor", t.c.actor_id)
    Index(f"ix_{one}_parties_country", t.c.country)
    return t


def mentions_table(kind: str) -> Table:
    """A record's evidence, one row per mention: the article, the sentence and its offsets."""
    one = SINGULAR[kind]
    t = Table(
        f"{one}_mentions",
        metadata,
        Column(f"{one}_id", String(64), nullable=False),
        Column("position", Integer, nullable=False),
        Column("article_id", String(40)),
        Column("path", Text),
        Column("sentence", Text),
        Column("char_start", Integer),
        Column("char_end", Integer),
    )
    Index(f"ix_{one}_mentions_record", t.c[f"{one}_id"])
    Index(f"ix_{one}_mentions_article", t.c.article_id)
    return t


PARTY_KINDS = ("events", "deals", "figures", "quotes")
PARTIES = {k: parties_table(k) for k in PARTY_KINDS}
MENTIONS = {k: mentions_table(k) for k in (*PARTY_KINDS, "actors")}
event_parties = PARTIES["events"]

# every name and alias of an actor with its comparison form: "Türkiye", "Turkey" and "TURKEY"
# all find c:TUR by one indexed equality
actor_names = Table(
    "actor_names",
    metadata,
    Column("actor_id", String(64), nullable=False),
    Column("name", Text, nullable=False),
    Column("folded", Text, nullable=False),
)
Index("ix_actor_names_folded", actor_names.c.folded)
Index("ix_actor_names_actor", actor_names.c.actor_id)

FLAT_TABLES = (*PARTIES.values(), *MENTIONS.values(), actor_names)

# ---- incremental consolidation (migration 0007): what a batch needs to re-resolve and re-fuse
# only what it touches. Articles whose extraction or metadata changed wait in ``cons_dirty``
# (written in the batch's own transaction); consolidation empties it in one transaction with
# everything it rewrites, so a run killed anywhere resumes where the store says.
cons_dirty = Table("cons_dirty", metadata, Column("article_id", String(40), primary_key=True))

# what the last consolidation was made with (code and knowledge stamp): another one rebuilds all
cons_state = Table("cons_state", metadata, Column("key", String(32), primary_key=True), Column("value", Text))

# every stored article's local actors, the block resolution decides them in, the global id they
# resolved to, and the entity mentions counted for them (consolidate/blocking.py)
cons_actor_units = Table(
    "cons_actor_units",
    metadata,
    Column("article_id", String(40), primary_key=True),
    Column("local_key", String(200), primary_key=True),
    Column("block", String(64), nullable=False),
    Column("actor_id", String(64)),
    Column("mentions", Integer, nullable=False, default=0),
    Column("payload", JSON, nullable=False),
)
Index("ix_cons_actor_units_block", cons_actor_units.c.block)

# the keys that link local actors into blocks (role l/s/b, blocking.actor_keys)
cons_actor_keys = Table(
    "cons_actor_keys",
    metadata,
    Column("role", String(1), nullable=False),
    Column("key", Text, nullable=False),
    Column("block", String(64), nullable=False),
    Column("article_id", String(40), nullable=False),
)
Index("ix_cons_actor_keys_key", cons_actor_keys.c.role, cons_actor_keys.c.key)
Index("ix_cons_actor_keys_block", cons_actor_keys.c.block)
Index("ix_cons_actor_keys_article", cons_actor_keys.c.article_id)

# resolved actors before the evidence of records: what rekeying reads, by block
cons_actors = Table(
    "cons_actors",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("block", String(64), nullable=False),
    Column("sig", String(40), nullable=False),
    Column("record", JSON, nullable=False),
    Column("digest", String(40)),  # of the actor's stored export: unchanged ones are not rewritten
)
Index("ix_cons_actors_block", cons_actors.c.block)

# every reading (an article's record with global actor ids) under its fusion block
cons_readings = Table(
    "cons_readings",
    metadata,
    Column("kind", String(8), nullable=False),
    Column("block", String(40), nullable=False),
    Column("article_id", String(40), nullable=False),
    Column("payload", JSON, nullable=False),
)
Index("ix_cons_readings_block", cons_readings.c.kind, cons_readings.c.block)
Index("ix_cons_readings_article", cons_readings.c.article_id)

# which block made each fused record (and its id before a clash with another block's was settled)
cons_records = Table(
    "cons_records",
    metadata,
    Column("kind", String(8), primary_key=True),
    Column("record_id", String(80), primary_key=True),
    Column("block", String(40), nullable=False),
    Column("base_id", String(80), nullable=False),
    Column("digest", String(40), nullable=False),  # of the stored payload (unchanged: not rewritten)
)
Index("ix_cons_records_block", cons_records.c.kind, cons_records.c.block)
Index("ix_cons_records_base", cons_records.c.kind, cons_records.c.base_id)

CONS_TABLES = (
    cons_dirty,
    cons_state,
    cons_actor_units,
    cons_actor_keys,
    cons_actors,
    cons_readings,
    cons_records,
)
