"""Incremental consolidation: the tables that let a batch re-resolve and re-fuse only what it
touches (``tables.CONS_TABLES``). They start empty; the first consolidation after this revision
finds no state stamp and rebuilds them from every stored extraction.

Revision ID: 0007
Revises: 0006
"""

from alembic import op

from eventwire.store import tables as T

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    for table in T.CONS_TABLES:
        table.create(conn)  # with its indexes


def downgrade() -> None:
    conn = op.get_bind()
    for table in reversed(T.CONS_TABLES):
        table.drop(conn)
