"""Shared fixtures: a real PostgreSQL 15 server for the session, and a ``db_url`` per test.

Store and API tests take ``db_url`` and so run twice, once on SQLite and once on PostgreSQL, because
the two dialects differ in exactly the places that bite (JSON, LIKE, locking, transactions). The
server is started from Debian's binaries in a temp dir on a free loopback port; where they are
absent (a laptop without ``scripts/system-deps.sh test``) the PostgreSQL half skips with the reason.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PG_BIN_DIRS = [Path(os.environ.get("EVENTWIRE_PG_BIN", "/usr/lib/postgresql/15/bin"))]
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _pg_bin() -> Path | None:
    for d in PG_BIN_DIRS:
        if (d / "initdb").exists() and (d / "pg_ctl").exists():
            return d
    found = shutil.which("pg_ctl")
    return Path(found).parent if found and shutil.which("initdb") else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PgServer:
    host: str
    port: int
    user: str
    _counter: itertools.count

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def fresh_database(self) -> str:
        """A new empty database: cheaper and safer than truncating every table between tests."""
        import psycopg

        name = f"t{os.getpid()}_{next(self._counter)}"
        with psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def _as_pg_user(cmd: list[str]) -> list[str]:
    # initdb refuses to run as root; CI runs as root, a laptop usually not
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One PostgreSQL server for the whole session (initdb costs ~2 s, a database ~0.2 s)."""
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL 15 binaries not found (run scripts/system-deps.sh test)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg not installed (pip install 'eventwire[postgres]')")
    root = Path(tempfile.mkdtemp(prefix="eventwire-pg-"))
    user = "postgres" if os.geteuid() == 0 else os.environ.get("USER", "postgres")
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    data = root / "data"
    port = _free_port()
    log = root / "server.log"
    try:
        subprocess.run(
            _as_pg_user(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    user,
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--no-sync",
                ]
            ),
            check=True,
            capture_output=True,
            timeout=120,
        )
        opts = f"-h 127.0.0.1 -p {port} -k {root} -c fsync=off -c full_page_writes=off -c max_connections=200"
        subprocess.run(
            _as_pg_user([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", opts, "-w", "start"]),
            check=True,
            capture_output=True,
            timeout=120,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(
            f"could not start PostgreSQL from {bindir}: {exc} {detail.decode(errors='replace')[-500:]}"
        )
    server = PgServer(host="127.0.0.1", port=port, user=user, _counter=itertools.count(1))
    _wait_ready(server)
    try:
        yield server
    finally:
        subprocess.run(
            _as_pg_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(root, ignore_errors=True)


def _wait_ready(server: PgServer, timeout: float = 30.0) -> None:
    import psycopg

    deadline = time.time() + timeout
    while True:
        try:
            with psycopg.connect(host=server.host, port=server.port, user=server.user, dbname="postgres"):
                return
        except psycopg.OperationalError:
            if time.time() > deadline:
                raise
            time.sleep(0.2)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL per test, on each of the two supported backends."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'eventwire.db'}"
    server: PgServer = request.getfixturevalue("pg_server")
    return server.fresh_database()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """For tests that are about SQLite itself (WAL readers, file locking)."""
    return f"sqlite:///{tmp_path / 'eventwire.db'}"


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """For tests that only make sense on PostgreSQL (several writers)."""
    return pg_server.fresh_database()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The shared seed stories, read in place (never copied into the repo)."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS}")
    return SEEDS
