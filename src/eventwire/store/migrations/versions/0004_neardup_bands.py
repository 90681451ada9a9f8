"""Near-duplicate band keys move from the ingesting process's memory into an indexed table.

Before, every ingest rebuilt an in-memory LSH from the signatures of all stored articles, and the
index grew ~11 KB per article as the run went on. Now each stored original has one row per band
(``NearDupIndex.band_keys``), written in the same transaction as the article, and candidates are
looked up by key. The upgrade fills the table from the signatures already stored.

Revision ID: 0004
Revises: 0003
"""

import json

import sqlalchemy as sa
from alembic import op

from eventwire.ingest.neardup import NearDupIndex

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "neardup_bands",
        sa.Column("key", sa.BigInteger, nullable=False),
        sa.Column("article_id", sa.String(40), nullable=False),
    )
    op.create_index("ix_neardup_bands_key", "neardup_bands", ["key"])
    conn = op.get_bind()
    index = NearDupIndex()
    rows = conn.execute(
        sa.text("SELECT id, signature FROM articles WHERE duplicate_of IS NULL AND signature IS NOT NULL")
    )
    band = sa.table("neardup_bands", sa.column("key", sa.BigInteger), sa.column("article_id", sa.String))
    pending: list[dict] = []
    for aid, sig in rows:
        if isinstance(sig, str):  # SQLite hands JSON back as text here
            sig = json.loads(sig)
        if not sig:
            continue
        pending += [{"key": k, "article_id": aid} for k in index.band_keys(sig)]
        if len(pending) >= 5000:
            op.bulk_insert(band, pending)
            pending = []
    if pending:
        op.bulk_insert(band, pending)


def downgrade() -> None:
    op.drop_index("ix_neardup_bands_key", "neardup_bands")
    op.drop_table("neardup_bands")
