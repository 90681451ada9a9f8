"""The store as data: flat record columns, parties, mentions and actor names as tables.

Before, an event was a ``payload`` JSON blob beside a ``countries`` text column, and who took part,
the mode, the place and the evidence needed ``json_extract`` by hand in Datasette or DuckDB. This
revision adds the scalar fields as columns (``tables.FLAT_COLUMNS``), the tables ``{kind}_parties``,
``{kind}_mentions`` and ``actor_names``, and fills them from the payloads already stored, with the
same :mod:`eventwire.store.flat` functions every later write uses.

Revision ID: 0006
Revises: 0005
"""

import json
from itertools import islice

import sqlalchemy as sa
from alembic import op

from eventwire.store import flat
from eventwire.store import tables as T

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

KINDS = ("events", "deals", "figures", "quotes", "actors")


def upgrade() -> None:
    for kind in KINDS:
        for name, type_ in T.FLAT_COLUMNS[kind]:
            op.add_column(kind, sa.Column(name, type_, nullable=True))
    op.create_index("ix_events_year", "events", ["year"])
    conn = op.get_bind()
    for table in T.FLAT_TABLES:
        table.create(conn)  # with its indexes
    for kind in KINDS:
        _backfill(conn, kind)
    _count_events(conn)


def _backfill(conn: sa.Connection, kind: str) -> None:
    cols = [name for name, _ in T.FLAT_COLUMNS[kind] if name != "event_count"]
    table = sa.table(kind, sa.column("id"), *(sa.column(c) for c in cols))
    update = (
        sa.update(table).where(table.c.id == sa.bindparam("_id")).values({c: sa.bindparam(c) for c in cols})
    )
    rows = conn.execute(sa.text(f"SELECT id, payload FROM {kind}")).yield_per(1000)
    it = iter(rows)
    while chunk := list(islice(it, 1000)):
        updates, parties, mentions, names = [], [], [], []
        for rid, payload in chunk:
            if isinstance(payload, str):  # SQLite hands JSON back as text here
                payload = json.loads(payload)
            values = flat.record_columns(kind, payload)
            updates.append({"_id": rid, **{c: values.get(c) for c in cols}})
            if kind in T.PARTIES:
                parties += flat.party_rows(kind, rid, payload)
            else:
                names += flat.name_rows(rid, payload)
            mentions += flat.mention_rows(kind, rid, payload)
        conn.execute(update, updates)
        if parties:
            conn.execute(sa.insert(T.PARTIES[kind]), parties)
        if mentions:
            conn.execute(sa.insert(T.MENTIONS[kind]), mentions)
        if names:
            conn.execute(sa.insert(T.actor_names), names)


def _count_events(conn: sa.Connection) -> None:
    conn.execute(
        sa.text(
            "UPDATE actors SET event_count = (SELECT count(DISTINCT event_id) FROM event_parties "
            "WHERE event_parties.actor_id = actors.id)"
        )
    )


def downgrade() -> None:
    conn = op.get_bind()
    for table in reversed(T.FLAT_TABLES):
        table.drop(conn)
    op.drop_index("ix_events_year", "events")
    for kind in KINDS:
        with op.batch_alter_table(kind) as batch:
            for name, _ in reversed(T.FLAT_COLUMNS[kind]):
                batch.drop_column(name)
