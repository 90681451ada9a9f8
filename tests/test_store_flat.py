"""The store as data: plain tables that sqlite3, DuckDB, Datasette or pandas read as they are,
filled on every write and backfilled by migration 0006, on SQLite and PostgreSQL; and exports
of any size streamed with flat memory."""

from __future__ import annotations

import sqlite3
import tracemalloc
from pathlib import Path

import httpx
import sqlalchemy as sa
from alembic import command

import eventwire.store as store_mod
from eventwire.store import Store, make_engine
from eventwire.web.app import create_app
from eventwire.web.testing import large_corpus, serve, synthetic_corpus


def _config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(store_mod.__file__).parent / "migrations"))
    return cfg


# "TUR-MYS events by year and type": one plain SQL query, no JSON function anywhere
DYAD_BY_YEAR_AND_TYPE = """
SELECT e.year, e.event AS type, count(*) AS events
FROM events AS e
WHERE e.id IN (SELECT event_id FROM event_parties WHERE country = 'TUR')
  AND e.id IN (SELECT event_id FROM event_parties WHERE country = 'MYS')
GROUP BY e.year, e.event
ORDER BY e.year, e.event
"""


def test_sqlite3_alone_answers_dyad_by_year_and_type(tmp_path: Path) -> None:
    db = tmp_path / "eventwire.db"
    store = Store(f"sqlite:///{db}")
    synthetic_corpus(store)
    store.close()
    assert "json" not in DYAD_BY_YEAR_AND_TYPE.lower()
    conn = sqlite3.connect(db)
    rows = conn.execute(DYAD_BY_YEAR_AND_TYPE).fetchall()
    assert rows == [(2024, "ACCUSE", 1), (2024, "AGREE", 1), (2024, "CONSULT", 2), (2025, "CONSULT", 1)]
    # the rest of an event is columns and rows too: mode, place, flags, sources, evidence, parties
    ev = conn.execute(
        "SELECT mode, cameo, quad, date_precision, negated, sources, evidence FROM events WHERE id = 'e_syn_visit'"
    ).fetchone()
    assert ev == ("visit", None, "verbal cooperation", "month", 0, 1, ev[6]) and ev[6].startswith(
        "A Turkish envoy"
    )
    parties = conn.execute(
        "SELECT side, name, country, sector FROM event_parties WHERE event_id = 'e_syn_talks' ORDER BY position"
    ).fetchall()
    assert parties == [("actor", "Malaysia", "MYS", "GOV"), ("actor", "Turkey", "TUR", "GOV")]
    m = conn.execute(
        "SELECT article_id, sentence, char_start, char_end FROM event_mentions WHERE event_id = 'e_syn_accuse'"
    ).fetchone()
    text = conn.execute("SELECT text FROM articles WHERE id = ?", (m[0],)).fetchone()[0]
    assert text[m[2] : m[3]] == m[1]
    deal = conn.execute(
        "SELECT d.item, d.quantity, d.value_amount, d.value_currency, p.name FROM deals d "
        "JOIN deal_parties p ON p.deal_id = d.id AND p.side = 'contractor'"
    ).fetchone()
    assert deal == ("patrol ship", 2, 300_000_000.0, "USD", "Bluewater Yards")
    assert conn.execute("SELECT name FROM quote_parties WHERE side = 'speaker'").fetchall() == [
        ("Ada Demir",)
    ]
    names = conn.execute("SELECT actor_id FROM actor_names WHERE folded = 'ankara'").fetchall()
    assert names == [("c:TUR",)]
    assert conn.execute("SELECT event_count FROM actors WHERE id = 'c:TUR'").fetchone() == (6,)
    conn.close()


def test_flat_tables_are_backfilled_by_the_migration(db_url: str) -> None:
    """A store made before 0006 gains its flat columns and tables from the payloads it holds."""
    store = Store(db_url)
    synthetic_corpus(store)
    store.close()
    engine = make_engine(db_url)
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
        assert not sa.inspect(conn).has_table("event_parties")
        assert conn.scalar(sa.text("SELECT count(*) FROM events")) == 6  # payloads kept
        command.upgrade(cfg, "head")
        rows = conn.execute(sa.text(DYAD_BY_YEAR_AND_TYPE)).all()
        assert [tuple(r) for r in rows] == [
            (2024, "ACCUSE", 1),
            (2024, "AGREE", 1),
            (2024, "CONSULT", 2),
            (2025, "CONSULT", 1),
        ]
        assert conn.scalar(sa.text("SELECT count(*) FROM event_mentions")) == 6
        assert conn.scalar(sa.text("SELECT event_count FROM actors WHERE id = 'c:MYS'")) == 5
    engine.dispose()
    # and a fresh consolidation keeps them in step (nothing left over from the backfill)
    store = Store(db_url)
    store.replace_consolidated([], [], [], [], [])
    with store.engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM event_parties")) == 0
    store.close()


def _peak_while(fn) -> tuple[int, int]:
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        size = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return size, peak


def test_streamed_exports_of_twelve_thousand_rows_hold_flat_memory(tmp_path: Path) -> None:
    """/api/events.csv, .jsonl and .parquet for 12,000 events: every row arrives, and the peak
    memory of the process (server and client) while sending all of them is about what sending a
    sixth of them costs: nothing grows with the size of the result."""
    store = Store(f"sqlite:///{tmp_path}/big.db")
    large_corpus(store, 12_000)
    with serve(create_app(store, cache_seconds=0)) as base, httpx.Client(base_url=base, timeout=300) as c:

        def fetch(path: str, **params: str) -> int:
            n = 0
            with c.stream("GET", path, params=params) as r:
                assert r.status_code == 200
                for chunk in r.iter_bytes():
                    n += len(chunk)
            return n

        for fmt in ("csv", "jsonl"):
            fetch(f"/api/events.{fmt}", since="2019", until="2019")  # warm: imports, caches, pools
            small, small_peak = _peak_while(
                lambda fmt=fmt: fetch(f"/api/events.{fmt}", since="2019", until="2019")
            )
            size, peak = _peak_while(lambda fmt=fmt: fetch(f"/api/events.{fmt}"))
            assert size > 5 * small  # six years of events against one
            # flat: six times the rows, about the same peak (measured: ~6 MB for both)
            assert peak < 1.5 * small_peak + 2_000_000, (fmt, peak, small_peak)
        rows = c.get("/api/events.csv").text.count("\r\n") - 1
        assert rows == 12_000
        assert len(c.get("/api/events.jsonl").text.splitlines()) == 12_000
        p = tmp_path / "all.parquet"
        p.write_bytes(c.get("/api/events.parquet").content)
        import pyarrow.parquet as pq

        meta = pq.ParquetFile(p).metadata
        assert meta.num_rows == 12_000 and meta.num_row_groups >= 6  # written a chunk at a time
    store.close()
