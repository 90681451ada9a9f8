"""Full-text search over articles (title + text).

SQLite: an FTS5 table with external content (the articles table itself, so the text is not stored
twice), kept in sync by triggers, so every writer (ingest, tests, a hand-run INSERT) stays indexed
without knowing the index exists. Diacritics are folded so "Guler" finds "Güler".

PostgreSQL: a GIN expression index over ``to_tsvector('simple', title || ' ' || text)``; queries
must use the very same expression (``eventwire.store.query.PG_TSVECTOR``) to hit it. The 'simple'
configuration is used because the corpus is multilingual and names must not be stemmed.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

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

SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS articles_fts_au",
    "DROP TRIGGER IF EXISTS articles_fts_ad",
    "DROP TRIGGER IF EXISTS articles_fts_ai",
    "DROP TABLE IF EXISTS articles_fts",
]

PG_UP = [
    """CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles
       USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || text))""",
]
PG_DOWN = ["DROP INDEX IF EXISTS ix_articles_fts"]


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
