"""Initial schema: articles, per-article extractions, consolidated records.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _record(name: str, *extra: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("date", sa.String(32)),
        sa.Column("enddate", sa.String(32)),
        sa.Column("countries", sa.Text),
        sa.Column("actor_ids", sa.Text),
        sa.Column("confidence", sa.Float),
        sa.Column("payload", sa.JSON, nullable=False),
        *extra,
    )
    op.create_index(f"ix_{name}_date", name, ["date"])


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("published_inferred", sa.Boolean, nullable=False),
        sa.Column("publisher", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("duplicate_of", sa.String(40)),
        sa.Column("source_format", sa.String(16)),
        sa.Column("signature", sa.JSON),
        sa.Column("ingested_at", sa.DateTime(timezone=True)),
        sa.Column("seq", sa.Integer),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_duplicate_of", "articles", ["duplicate_of"])
    op.create_table(
        "extractions",
        sa.Column("article_id", sa.String(40), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
    )
    _record("events", sa.Column("event", sa.String(16)), sa.Column("score", sa.Float))
    op.create_index("ix_events_event", "events", ["event"])
    _record("deals", sa.Column("status", sa.String(16)))
    _record("figures", sa.Column("kind", sa.String(16)), sa.Column("metric", sa.Text))
    _record("quotes")
    op.create_table(
        "actors",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16)),
        sa.Column("country", sa.String(8)),
        sa.Column("sector", sa.String(8)),
        sa.Column("payload", sa.JSON, nullable=False),
    )
    op.create_index("ix_actors_country", "actors", ["country"])
    op.create_table(
        "record_mentions",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("record_id", sa.String(64), primary_key=True),
        sa.Column("article_id", sa.String(40), primary_key=True),
    )
    op.create_index("ix_record_mentions_article", "record_mentions", ["article_id"])


def downgrade() -> None:
    for name in (
        "record_mentions",
        "actors",
        "quotes",
        "figures",
        "deals",
        "events",
        "extractions",
        "articles",
    ):
        op.drop_table(name)
