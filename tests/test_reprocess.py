"""``eventwire reprocess``: an edit to the knowledge reaches what is stored, with no input files.

End to end through the real command, with an analyst's copy of the data folder in
``EVENTWIRE_DATA``: emptying the CONSULT patterns and reprocessing removes every CONSULT event;
restoring them and reprocessing brings back exactly what the first ingest stored. A reprocess
killed at any point and run again leaves what one clean run leaves, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import export_all, write_corpus
from eventwire.lexicon import SHIPPED_DATA

CLI = [sys.executable, "-m", "eventwire.cli"]
BATCH = 2

# short stories written for this test, as JSON with a publication date: meetings, talks, visits and
# a call (CONSULT), and other events that must survive the CONSULT patterns going away
STORIES = {
    "talks": (
        "2024-01-09",
        "The Kenyan president met his Norwegian counterpart in Nairobi on Tuesday to discuss trade. "
        "Kenya accused Somalia of violating its airspace.",
    ),
    "visit": (
        "2024-02-12",
        "Chile's foreign minister visited Peru on Monday. Peru agreed to buy two frigates from Spain, "
        "officials said.",
    ),
    "athens": (
        "2024-03-22",
        "Greece and Turkey held talks in Athens on Friday. Turkey imposed sanctions on three shipping "
        "firms over a dispute.",
    ),
    "call": (
        "2024-04-05",
        "The Japanese prime minister telephoned the Brazilian president on Thursday. Vietnam accused "
        "China of ramming a fishing boat.",
    ),
}
# no date of its own: ingest infers one from the text (2025-02), and reprocess infers it again
UNDATED = (
    "Ports reopen after strike\n\nFreight volumes fell in January 2025, the port authority said. The "
    "transport ministers of Kenya and Tanzania met on Feb. 3 and agreed to share customs data.\n"
)
# stories that arrive later, in a second ingest
LATER = {
    "harbour": "Kenya and India signed an agreement to expand the port of Mombasa. Officials said work "
    "would begin next year.",
    "border": "Vietnam protested to Cambodia over a new road built near the border, the foreign ministry "
    "said on Tuesday.",
    "summit": "The prime ministers of Norway and Sweden met in Oslo on Wednesday and discussed energy prices.",
}
MORE = 12  # generated stories (conftest.write_corpus), all dated March 2024; two are near-duplicates
ORIGINALS = len(STORIES) + 1 + MORE - 2  # near-duplicates have no extraction of their own to redo


def _write_json(folder: Path, name: str, published: str, text: str) -> None:
    record = {"title": name.title(), "published": published, "text": text}
    (folder / f"{name}.json").write_text(json.dumps(record), encoding="utf-8")


def _write_stories(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (published, text) in STORIES.items():
        _write_json(folder, name, published, text)
    (folder / "undated.txt").write_text(UNDATED, encoding="utf-8")
    write_corpus(folder / "more", MORE)  # enough batches to kill a run part-way


def _empty_consult(data: Path) -> None:
    """What an analyst does to drop every CONSULT pattern: the file stays, its rules go."""
    path = data / "events" / "consult.yaml"
    kept = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith(("event:", "cameo:"))]
    path.write_text("\n".join([*kept, "rules: []"]) + "\n", encoding="utf-8")


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    return {**env, "EVENTWIRE_DATA": str(data)}


def _cli(args: list[str], data: Path) -> subprocess.CompletedProcess:
    r = subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=600, env=_env(data))
    assert r.returncode == 0, r.stderr[-2000:]
    assert "Traceback" not in r.stderr
    return r


def _ingest(folder: Path, url: str, data: Path) -> str:
    return _cli(["ingest", str(folder), "--db", url, "--workers", "1", "-q"], data).stderr


def _reprocess_cmd(url: str, *flags: str) -> list[str]:
    return ["reprocess", "--db", url, "--workers", "1", "--batch-size", str(BATCH), "-q", *flags]


def _reprocess(url: str, data: Path, *flags: str) -> tuple[int, int]:
    """(re-extracted, selected), read from the summary line."""
    out = _cli(_reprocess_cmd(url, *flags), data).stderr
    m = re.search(r"reprocessed (\d+) of (\d+) selected", out)
    assert m, out
    return int(m[1]), int(m[2])


def _events(url: str, data: Path) -> str:
    return _cli(["export", "events", "--db", url], data).stdout


def _copy_db(src: str, dst: Path) -> str:
    shutil.copyfile(src.split("///", 1)[1], dst)
    return f"sqlite:///{dst}"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The corpus; the shipped knowledge and a copy without CONSULT patterns; the store one clean
    ingest with the full knowledge makes, and one ingested without CONSULT patterns."""
    root = tmp_path_factory.mktemp("reprocess")
    corpus = root / "corpus"
    _write_stories(corpus)
    full, empty = root / "data-full", root / "data-empty"
    shutil.copytree(SHIPPED_DATA, full)
    shutil.copytree(SHIPPED_DATA, empty)
    _empty_consult(empty)
    clean = f"sqlite:///{root / 'clean.db'}"
    _ingest(corpus, clean, full)
    without = f"sqlite:///{root / 'without-consult.db'}"
    _ingest(corpus, without, empty)
    expected = export_all(clean)
    events = [json.loads(line) for line in expected["events"]]
    assert any(e["event"] == "CONSULT" for e in events), "the stories must yield CONSULT events"
    articles = [json.loads(a) for a in expected["articles"]]
    assert sum(not a["duplicate_of"] for a in articles) == ORIGINALS
    assert sum(a["published_inferred"] for a in articles) == 1
    return {
        "root": root,
        "corpus": corpus,
        "full": full,
        "empty": empty,
        "clean": clean,
        "without": without,
        "expected": expected,
    }


def _kinds(text: str) -> set[str]:
    return {json.loads(line)["event"] for line in text.splitlines()}


def test_emptied_consult_patterns_remove_every_consult_event_and_restoring_brings_them_back(
    world: dict, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    url = _copy_db(world["clean"], tmp_path / "analyst.db")  # ingested with a copy like this one
    first = _events(url, data)
    assert "CONSULT" in _kinds(first)
    consult = data / "events" / "consult.yaml"
    original = consult.read_text(encoding="utf-8")

    _empty_consult(data)
    assert _reprocess(url, data) == (ORIGINALS, ORIGINALS)
    without = _events(url, data)
    assert "CONSULT" not in _kinds(without)
    assert {"ACCUSE", "AGREE", "SANCTION"} <= _kinds(without)  # the rest stays

    consult.write_text(original, encoding="utf-8")
    _reprocess(url, data)
    assert _events(url, data) == first
    assert export_all(url) == world["expected"]  # every kind, not only events


def test_ingest_warns_once_and_stale_redoes_only_what_other_knowledge_made(
    world: dict, tmp_path: Path
) -> None:
    url = _copy_db(world["without"], tmp_path / "store.db")
    full = world["full"]
    later = tmp_path / "later"
    later.mkdir()
    for name, text in LATER.items():
        _write_json(later, name, "2024-06-03", text)

    log = _ingest(later, url, full)  # three new articles, made with the full knowledge
    warnings = [ln for ln in log.splitlines() if "reprocess" in ln]
    assert len(warnings) == 1, log
    assert warnings[0].startswith(
        f"eventwire: {ORIGINALS} stored articles were extracted with other knowledge or code"
    )
    assert "eventwire reprocess --stale" in warnings[0]

    assert _reprocess(url, full, "--stale") == (ORIGINALS, ORIGINALS)  # not the three made with this one
    assert _reprocess(url, full, "--stale") == (0, 0)
    log = _ingest(world["corpus"], url, full)
    assert "reprocess" not in log, log
    got = export_all(url)
    assert "CONSULT" in {json.loads(e)["event"] for e in got["events"]}


def test_since_and_where_narrow_what_is_redone(world: dict, tmp_path: Path) -> None:
    url = _copy_db(world["without"], tmp_path / "store.db")
    full = world["full"]
    # my four dated stories: January, February, March, April; the corpus's twelve are all March
    # the undated story's inferred date is 2025-02, after them all
    assert _reprocess(url, full, "--since", "2024-04-01") == (2, 2)
    consult = [json.loads(e) for e in export_all(url)["events"] if json.loads(e)["event"] == "CONSULT"]
    paths = {Path(m["path"]).name for e in consult for m in e["mentions"]}
    assert paths == {"call.json", "undated.txt"}
    assert _reprocess(url, full, "--until", "2024-02", "--where", "path~talks") == (1, 1)
    assert _reprocess(url, full, "--stale") == (ORIGINALS - 3, ORIGINALS - 3)
    assert export_all(url) == world["expected"]


def test_bad_filters_are_usage_errors(world: dict, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    url = _copy_db(world["clean"], tmp_path / "store.db")
    saved = dict(os.environ)  # the command writes its settings to the environment, for its workers
    try:
        results = [
            (flags, CliRunner().invoke(app, _reprocess_cmd(url, *flags)))
            for flags in (
                ["--since", "yesterday"],
                ["--where", "seq=3"],
                ["--where", "path"],
                ["--engine", "x"],
            )
        ]
    finally:
        os.environ.clear()
        os.environ.update(saved)
    for flags, r in results:
        assert r.exit_code == 2, (flags, r.output)
        assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
        assert "eventwire: " in r.output and "Traceback" not in r.output, r.output


# ------------------------------------------------------------------------------------ crash safety


def _restamped(url: str, old_digest: str) -> int:
    """Extractions committed with other knowledge than ``old_digest``, read from outside."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1]
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
            q = "SELECT count(*) FROM extractions WHERE knowledge_digest != ?"
            return conn.execute(q, (old_digest,)).fetchone()[0]
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), connect_timeout=5) as conn:
        q = "SELECT count(*) FROM extractions WHERE knowledge_digest != %s"
        return conn.execute(q, (old_digest,)).fetchone()[0]


def _digest_in(url: str) -> str:
    from eventwire.store import Store

    store = Store(url)
    try:
        [(_, digest)] = store.stamp_counts()
    finally:
        store.close()
    return digest


def _kill_reprocess_after(url: str, data: Path, done_at_least: int) -> int:
    """Start a reprocess, SIGKILL it once ``done_at_least`` extractions are redone; return count."""
    old = _digest_in(url)
    proc = subprocess.Popen(
        [*CLI, *_reprocess_cmd(url)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env(data)
    )
    deadline = time.time() + 300
    try:
        while time.time() < deadline and proc.poll() is None:
            if done_at_least == 0 or _restamped(url, old) >= done_at_least:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "reprocess finished before it could be killed; use a bigger corpus"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        if proc.stderr:
            proc.stderr.close()
    return _restamped(url, old)


@pytest.mark.parametrize(("rerun"), [("--stale",), ()], ids=["resume-stale", "redo-all"])
def test_killed_reprocess_run_again_equals_one_clean_run(
    world: dict, tmp_path: Path, rerun: tuple[str, ...]
) -> None:
    """Killed after three batches: the rerun resumes (``--stale``) or redoes all (no flag)."""
    url = _copy_db(world["without"], tmp_path / "killed.db")
    done = _kill_reprocess_after(url, world["full"], 3 * BATCH)
    assert 3 * BATCH <= done < ORIGINALS
    assert done % BATCH == 0, "a batch must be all redone or not at all"
    _reprocess(url, world["full"], *rerun)
    assert export_all(url) == world["expected"]


def test_reprocess_on_postgresql_killed_and_resumed(world: dict, pg_url: str) -> None:
    _ingest(world["corpus"], pg_url, world["empty"])
    assert "CONSULT" not in _kinds(_events(pg_url, world["empty"]))
    assert _kill_reprocess_after(pg_url, world["full"], 4) < ORIGINALS
    _reprocess(pg_url, world["full"], "--stale")
    assert export_all(pg_url) == world["expected"]  # the same records as one clean run on SQLite
