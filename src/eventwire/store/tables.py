"""The schema, as SQLAlchemy Core tables (the migrations build exactly this).

Records are kept as JSON payloads in their export shape, with the columns the API filters on
pulled out and indexed. ``countries`` and ``actor_ids`` are delimited lists (",TUR,MYS,") so one
LIKE filter works the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

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


events = _record_table("events", Column("event", String(16)), Column("score", Float))
Index("ix_events_event", events.c.event)
deals = _record_table("deals", Column("status", String(16)))
figures = _record_table("figures", Column("kind", String(16)), Column("metric", Text))
quotes = _record_table("quotes")

actors = Table(
    "actors",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16)),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("payload", JSON, nullable=False),
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
