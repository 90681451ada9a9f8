"""What the SQLite full-text tables of the corpus-wide records index, as SQL over a record row.

Shared by the migrations and by :meth:`eventwire.store.Store.replace_consolidated`, which refills
these tables in bulk after swapping in a fresh consolidated view (per-row triggers made that swap
three times slower: ~1.5 s of 2.2 s for 9,000 records). Revisions 0002 and 0003 build their SQL
from here too, so what these functions return may change only together with a new revision.
"""

from __future__ import annotations

# the mention sentences of a record (events, deals, figures, quotes)
SENTENCES = (
    "(SELECT group_concat(json_extract(m.value, '$.sentence'), ' ') "
    "FROM json_each({row}.payload, '$.mentions') AS m)"
)
# an actor's name and aliases
NAMES = (
    "{row}.name || ' ' || coalesce((SELECT group_concat(a.value, ' ') "
    "FROM json_each({row}.payload, '$.aliases') AS a), '')"
)


def text_sql(table: str, row: str) -> str:
    return (NAMES if table == "actors" else SENTENCES).format(row=row)


def trigger_sql(table: str) -> list[str]:
    """The per-row triggers revision 0002 kept ``{table}_fts`` in sync with (0003 drops them)."""
    new = text_sql(table, "new")
    cols = "payload, name" if table == "actors" else "payload"
    return [
        f"""CREATE TRIGGER IF NOT EXISTS {table}_fts_ai AFTER INSERT ON {table} BEGIN
            INSERT INTO {table}_fts(rowid, text) SELECT new.rowid, {new};
        END""",
        f"""CREATE TRIGGER IF NOT EXISTS {table}_fts_ad AFTER DELETE ON {table} BEGIN
            DELETE FROM {table}_fts WHERE rowid = old.rowid;
        END""",
        f"""CREATE TRIGGER IF NOT EXISTS {table}_fts_au AFTER UPDATE OF {cols} ON {table} BEGIN
            DELETE FROM {table}_fts WHERE rowid = old.rowid;
            INSERT INTO {table}_fts(rowid, text) SELECT new.rowid, {new};
        END""",
    ]


def refill_sql(table: str) -> list[str]:
    """Statements that make ``{table}_fts`` index exactly what ``table`` holds."""
    return [
        f"DELETE FROM {table}_fts",
        f"INSERT INTO {table}_fts(rowid, text) SELECT rowid, {text_sql(table, table)} FROM {table}",
    ]
