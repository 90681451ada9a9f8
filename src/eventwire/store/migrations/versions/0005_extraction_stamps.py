"""Each stored extraction records what made it: the code version and a digest of the knowledge.

With the stamps the store can tell which articles were extracted with other knowledge or code
(``eventwire ingest`` warns, ``eventwire reprocess --stale`` redoes them). Rows stored before
this revision keep NULL stamps, which read as "unknown knowledge": stale, whatever is current.
The columns are added in place (no table copy), so upgrading a large store is instant.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("extractions", sa.Column("code_version", sa.String(64), nullable=True))
    op.add_column("extractions", sa.Column("knowledge_digest", sa.String(32), nullable=True))
    op.create_index("ix_extractions_stamp", "extractions", ["code_version", "knowledge_digest"])


def downgrade() -> None:
    op.drop_index("ix_extractions_stamp", "extractions")
    with op.batch_alter_table("extractions") as batch:
        batch.drop_column("knowledge_digest")
        batch.drop_column("code_version")
