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
    if os.geteuid() == 0:
        import pwd

        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and no 'postgres' user to run initdb as (install postgresql)")
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


# ------------------------------------------------------------------------------------ small corpora

_PEOPLE = [
    ("Greece", "Greek", "Athens"),
    ("Turkey", "Turkish", "Ankara"),
    ("Malaysia", "Malaysian", "Kuala Lumpur"),
    ("Japan", "Japanese", "Tokyo"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Norway", "Norwegian", "Oslo"),
    ("Vietnam", "Vietnamese", "Hanoi"),
]
_ACTS = [
    "{a} accused {b} on Monday of violating its airspace near the border",
    "the {adj} foreign minister met his counterpart from {b} in {city} to discuss trade",
    "{a} agreed to buy four patrol vessels from {b} in a deal worth ${n} million",
    "{a} imposed sanctions on three companies from {b} after a dispute over fishing rights",
    "trade between {a} and {b} rose to ${n} billion last year, officials in {city} said",
    "{adj} troops were deployed to the northern region after clashes with rebels",
    '"We will never accept threats against our people," the {adj} president told reporters',
    "{a} promised {b} {n} million euros in humanitarian aid for flood victims",
]
_FILLER = [
    "The weather in the region was unusually warm for the season.",
    "Local markets were busy ahead of the holiday weekend.",
    "Analysts expect more details in the coming weeks.",
    "The talks are expected to continue next month.",
]


def write_corpus(folder: Path, n: int) -> list[Path]:
    """``n`` short, distinct news stories (written here, never copied from a corpus)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        a, adj, city = _PEOPLE[i % len(_PEOPLE)]
        b = _PEOPLE[(i * 3 + 1) % len(_PEOPLE)][0]
        sents = []
        for k in range(3):
            tpl = _ACTS[(i + k * 3) % len(_ACTS)]
            s = tpl.format(a=a, b=b, adj=adj, city=city, n=10 + 7 * i + k)
            sents.append(s[0].upper() + s[1:] + ".")
        sents.insert(1 + i % 2, _FILLER[i % len(_FILLER)])
        day = 1 + i % 27
        body = f"Story {i} from {city}\n\n{city}, March {day} 2024 - " + " ".join(sents) + "\n"
        p = folder / f"story_{i:03d}.txt"
        p.write_text(body, encoding="utf-8")
        out.append(p)
    return out


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """A folder of 12 short stories (with events, deals, figures and quotes)."""
    folder = tmp_path / "corpus"
    write_corpus(folder, 12)
    return folder


EXPORT_KINDS = ("articles", "events", "actors", "deals", "figures", "quotes")


def export_all(url: str) -> dict[str, list[str]]:
    """Every export kind of a store, each record as canonical JSON, sorted (order is not compared)."""
    import json

    from eventwire.store import Store

    store = Store(url)
    try:
        return {
            k: sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in store.iter_records(k))
            for k in EXPORT_KINDS
        }
    finally:
        store.close()


def load_stock_model():
    """A fresh, unmodified spaCy pipeline (not eventwire's shared one), or skip without a model."""
    import spacy

    from eventwire.analyse.nlp import MODEL_NAMES

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no spaCy model installed")


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline the linker and extractors use (loaded once per test session)."""
    from eventwire.analyse.nlp import get_nlp

    return get_nlp()


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data folder, in use through EVENTWIRE_DATA, for a test to break."""
    from eventwire import lexicon

    copy = tmp_path / "data"
    shutil.copytree(lexicon.SHIPPED_DATA, copy, ignore=shutil.ignore_patterns("world"))
    monkeypatch.setenv("EVENTWIRE_DATA", str(copy))
    monkeypatch.delenv("EVENTWIRE_KNOWLEDGE", raising=False)
    return copy
