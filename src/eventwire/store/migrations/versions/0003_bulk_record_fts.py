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

from eventwire.store.fts import refill_sql, trigger_sql
from eventwire.store.tables import RECORD_TABLES

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = tuple(RECORD_TABLES)  # the four record tables and actors


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
        for sql in trigger_sql(t) + refill_sql(t):
            op.execute(sql)
