"""An ingest killed at any moment and run again leaves the store a clean run would have left.

``eventwire ingest`` commits one batch per transaction and recomputes corpus-wide records from
what is stored, so SIGKILL (no cleanup, no ``finally``) must cost at most the batch in flight:
rerunning stores the rest once, never twice, with the same ids, duplicates and fused records.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import export_all
from eventwire.store import Store

CLI = [sys.executable, "-m", "eventwire.cli"]
N_DOCS = 12
BATCH = 2


def _ingest_cmd(folder: Path, url: str) -> list[str]:
    return [*CLI, "ingest", str(folder), "--db", url, "--batch-size", str(BATCH), "--workers", "1", "-q"]


def _run(folder: Path, url: str) -> subprocess.CompletedProcess:
    r = subprocess.run(_ingest_cmd(folder, url), capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "Traceback" not in r.stderr
    return r


def _stored(url: str) -> int:
    """Articles committed so far, read the way an outside observer would (no eventwire code)."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1]
        if not os.path.exists(path):
            return 0
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
                return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            return 0
    import psycopg

    try:
        with psycopg.connect(
            url.replace("postgresql+psycopg://", "postgresql://"), connect_timeout=5
        ) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except psycopg.Error:
        return 0


def _kill_after(folder: Path, url: str, stored_at_least: int) -> int:
    """Start an ingest, SIGKILL it once ``stored_at_least`` articles are committed; return count."""
    proc = subprocess.Popen(_ingest_cmd(folder, url), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 300
    try:
        while time.time() < deadline and proc.poll() is None:
            if stored_at_least == 0 or _stored(url) >= stored_at_least:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "ingest finished before it could be killed; use a bigger corpus"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        if proc.stderr:
            proc.stderr.close()
    return _stored(url)


@pytest.fixture(scope="module")
def clean_export(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[str]]]:
    from conftest import write_corpus

    root = tmp_path_factory.mktemp("crash")
    folder = root / "corpus"
    write_corpus(folder, N_DOCS)
    url = f"sqlite:///{root / 'clean.db'}"
    _run(folder, url)
    exported = export_all(url)
    assert len(exported["articles"]) == N_DOCS
    assert exported["events"] and exported["actors"], "the corpus must yield records, or equality is vacuous"
    return folder, exported


@pytest.mark.parametrize("kill_at", [0, 6], ids=["at-start", "after-3-batches"])
def test_killed_ingest_resumes_to_clean_result(
    clean_export: tuple[Path, dict[str, list[str]]], tmp_path: Path, kill_at: int
) -> None:
    folder, expected = clean_export
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    stored = _kill_after(folder, url, kill_at)
    assert stored < N_DOCS
    assert stored % BATCH == 0, "a batch must be all there or not at all"
    _run(folder, url)
    got = export_all(url)
    for kind in expected:
        assert got[kind] == expected[kind], f"{kind} differ after kill at {kill_at} and resume"


def test_killed_twice_on_postgresql_resumes(
    clean_export: tuple[Path, dict[str, list[str]]], pg_url: str
) -> None:
    folder, expected = clean_export
    assert _kill_after(folder, pg_url, 2) < N_DOCS
    assert _kill_after(folder, pg_url, 6) < N_DOCS
    _run(folder, pg_url)
    got = export_all(pg_url)
    for kind in expected:
        assert got[kind] == expected[kind], f"{kind} differ between resumed PostgreSQL and clean SQLite"
    _run(folder, pg_url)  # a further run changes nothing (idempotent)
    assert export_all(pg_url) == expected


def test_readers_never_see_locked_database_while_ingest_writes(tmp_path: Path) -> None:
    """SQLite in WAL mode: the API keeps answering while an ingest commits batch after batch."""
    from fastapi.testclient import TestClient

    from conftest import write_corpus
    from eventwire.web.app import create_app

    folder = tmp_path / "corpus"
    write_corpus(folder, N_DOCS)
    url = f"sqlite:///{tmp_path / 'live.db'}"
    Store(url).close()  # schema in place before the reader starts
    errors: list[str] = []
    reads = 0
    done = threading.Event()

    def reader() -> None:
        nonlocal reads
        store = Store(url)
        client = TestClient(create_app(store), raise_server_exceptions=False)
        try:
            while not done.is_set():
                try:
                    store.article_count()
                    list(store.iter_records("events"))
                    r = client.get("/api/articles")
                    if r.status_code != 200:
                        errors.append(f"/api/articles -> {r.status_code}: {r.text[:200]}")
                    reads += 1
                except Exception as exc:  # noqa: BLE001 - the assertion below names it
                    errors.append(f"{exc.__class__.__name__}: {exc}")
                time.sleep(0.01)
        finally:
            store.close()

    t = threading.Thread(target=reader)
    t.start()
    try:
        r = subprocess.run(
            [*CLI, "ingest", str(folder), "--db", url, "--batch-size", "1", "--workers", "1", "-q"],
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        done.set()
        t.join(timeout=60)
    assert r.returncode == 0, r.stderr[-2000:]
    assert not errors, errors[:5]
    assert reads > 5, "the reader must have overlapped the ingest"
    assert Store(url).article_count() == N_DOCS
