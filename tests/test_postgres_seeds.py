"""The seed stories give the same records on PostgreSQL as on SQLite, every export kind."""

from __future__ import annotations

from pathlib import Path

from conftest import export_all
from eventwire.run.ingest import ingest
from eventwire.run.local import LocalEngine
from eventwire.store import Store


def _ingest(url: str, folder: Path) -> dict[str, list[str]]:
    store = Store(url)
    try:
        report = ingest([str(folder)], store, engine=LocalEngine(workers=1))
        assert not report.rejected, report.rejected
    finally:
        store.close()
    return export_all(url)


def test_seeds_equal_on_sqlite_and_postgresql(seeds_dir: Path, sqlite_url: str, pg_url: str) -> None:
    lite = _ingest(sqlite_url, seeds_dir)
    pg = _ingest(pg_url, seeds_dir)
    assert lite["articles"] and lite["events"] and lite["actors"], "seeds must yield records"
    for kind in lite:
        assert pg[kind] == lite[kind], f"{kind} differ between PostgreSQL and SQLite"
