"""Full-text search over articles (title + text) and over the evidence of every record.

SQLite: an FTS5 table with external content (the articles table itself, so the text is not stored
twice), kept in sync by triggers, so every writer (ingest, tests, a hand-run INSERT) stays indexed
without knowing the index exists. Diacritics are folded so "Guler" finds "Güler". Each record
table (events, deals, figures, quotes) gets an FTS5 table of its mention sentences, keyed by the
record's rowid and filled by triggers with SQLite's JSON functions; actors are indexed by name and
aliases. Searching a record then means searching what its evidence says, not every word of the
articles it came from.

PostgreSQL: GIN expression indexes, ``to_tsvector('simple', title || ' ' || text)`` on articles
and ``jsonb_to_tsvector('simple', payload::jsonb -> 'mentions', '["string"]')`` on record tables;
queries must use the very same expressions (``eventwire.store.query``) to hit them. The 'simple'
configuration is used because the corpus is multilingual and names must not be stemmed.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

from eventwire.store.fts import refill_sql, trigger_sql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_UP = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS articles_fts_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS articles_fts_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
    # index what a database made before this revision already holds
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
]

RECORD_TABLES = ("events", "deals", "figures", "quotes")


def _record_fts(table: str) -> list[str]:
    """FTS5 over one record table: rowid = the record's rowid, text computed from the row."""
    return [
        f"""CREATE VIRTUAL TABLE IF NOT EXISTS {table}_fts USING fts5(
            text, tokenize='unicode61 remove_diacritics 2')""",
        *trigger_sql(table),
        *refill_sql(table),
    ]


for _t in RECORD_TABLES:
    SQLITE_UP += _record_fts(_t)
SQLITE_UP += _record_fts("actors")

SQLITE_DOWN = [
    *(f"DROP TRIGGER IF EXISTS {t}_fts_{w}" for t in (*RECORD_TABLES, "actors") for w in ("au", "ad", "ai")),
    *(f"DROP TABLE IF EXISTS {t}_fts" for t in (*RECORD_TABLES, "actors")),
    "DROP TRIGGER IF EXISTS articles_fts_au",
    "DROP TRIGGER IF EXISTS articles_fts_ad",
    "DROP TRIGGER IF EXISTS articles_fts_ai",
    "DROP TABLE IF EXISTS articles_fts",
]

PG_UP = [
    """CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles
       USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || text))""",
    *(
        f"""CREATE INDEX IF NOT EXISTS ix_{t}_fts ON {t}
            USING gin (jsonb_to_tsvector('simple', payload::jsonb -> 'mentions', '["string"]'))"""
        for t in RECORD_TABLES
    ),
    """CREATE INDEX IF NOT EXISTS ix_actors_fts ON actors
       USING gin (to_tsvector('simple', name || ' ' || coalesce(payload::jsonb ->> 'aliases', '')))""",
]
PG_DOWN = [
    "DROP INDEX IF EXISTS ix_articles_fts",
    *(f"DROP INDEX IF EXISTS ix_{t}_fts" for t in (*RECORD_TABLES, "actors")),
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    stmts = SQLITE_UP if dialect == "sqlite" else PG_UP if dialect == "postgresql" else []
    for sql in stmts:
        op.execute(sql)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    stmts = SQLITE_DOWN if dialect == "sqlite" else PG_DOWN if dialect == "postgresql" else []
    for sql in stmts:
        op.execute(sql)
