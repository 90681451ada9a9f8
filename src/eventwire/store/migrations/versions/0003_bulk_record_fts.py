"""SQLite: the record tables' full-text indexes are refilled in bulk, not kept by per-row triggers.

Only ``Store.replace_consolidated`` writes the consolidated tables (events, deals, figures,
quotes, actors), and it replaces them whole; per-row triggers deleted and re-inserted each FTS row
one by one. The store now refills each ``*_fts`` table with one statement after the swap, in the
same transaction (``eventwire.store.fts``). The articles index keeps its triggers: articles are
written batch by batch and must be searchable as soon as they are committed.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

from eventwire.store.fts import RECORD_TABLES, refill_sql, text_sql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = (*RECORD_TABLES, "actors")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for t in TABLES:
        for w in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {t}_fts_{w}")
        for sql in refill_sql(t):
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for t in TABLES:
        cols = "payload, name" if t == "actors" else "payload"
        op.execute(f"""CREATE TRIGGER IF NOT EXISTS {t}_fts_ai AFTER INSERT ON {t} BEGIN
            INSERT INTO {t}_fts(rowid, text) SELECT new.rowid, {text_sql(t, "new")};
        END""")
        op.execute(f"""CREATE TRIGGER IF NOT EXISTS {t}_fts_ad AFTER DELETE ON {t} BEGIN
            DELETE FROM {t}_fts WHERE rowid = old.rowid;
        END""")
        op.execute(f"""CREATE TRIGGER IF NOT EXISTS {t}_fts_au AFTER UPDATE OF {cols} ON {t} BEGIN
            DELETE FROM {t}_fts WHERE rowid = old.rowid;
            INSERT INTO {t}_fts(rowid, text) SELECT new.rowid, {text_sql(t, "new")};
        END""")
        for sql in refill_sql(t):
            op.execute(sql)
