"""Hostile files among good ones, through the real CLI: each bad one is named and refused, the good
ones are stored, and the run stays bounded (a 100 MB file is refused by its size, unread)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import write_corpus
from eventwire.store import Store

MB = 1024 * 1024
# Peak RSS of the whole ingest (spaCy loaded, one process): reading the 100 MB file or building a
# 200,000-deep tree would push it far beyond this.
MAX_RSS_MB = 1500

_MEASURE = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:])\n"
    "print('MAXRSS_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(r.returncode)\n"
)


def _write_hostile(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    big = folder / "huge_story.txt"
    line = b"Officials met in the capital to discuss trade and aid for the region. " * 14 + b"\n"
    with big.open("wb") as f:
        chunk = line * (MB // len(line) + 1)
        written = 0
        while written < 100 * MB:
            f.write(chunk)
            written += len(chunk)
    files["big"] = big
    deep = folder / "deep_nest.html"
    depth = 200_000
    deep.write_text(
        "<html><body>" + "<div>" * depth + "Ministers met in Oslo." + "</div>" * depth + "</body></html>",
        encoding="utf-8",
    )
    files["deep"] = deep
    binary = folder / "binary_blob.txt"
    binary.write_bytes(bytes(range(256)) * 400 + os.urandom(50_000))
    files["binary"] = binary
    elf = folder / "program.html"
    elf.write_bytes(b"\x7fELF\x02\x01\x01\x00" + os.urandom(20_000))
    files["elf"] = elf
    latin = folder / "latin1_story.txt"
    latin.write_bytes(
        "Le ministre français a rencontré son homologue à Brasília pour parler du café et du blé. "
        "Les deux pays ont signé un accord de coopération économique.\n".encode("cp1252")
    )
    files["latin"] = latin
    broken = folder / "broken.json"
    broken.write_text('{"title": "Half a record", "maintext": "Ministers met', encoding="utf-8")
    files["broken_json"] = broken
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    files["empty"] = empty
    nul = folder / "nul_bytes.txt"
    nul.write_bytes(b"\x00" * 10_000)
    files["nul"] = nul
    return files


def test_bad_files_are_named_good_files_stored_run_bounded(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good = write_corpus(folder / "good", 3)
    hostile = _write_hostile(folder / "bad")
    url = f"sqlite:///{tmp_path / 'bad.db'}"
    cmd = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "eventwire.cli"]
    cmd += ["ingest", str(folder), "--db", url, "--workers", "1", "-q"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    err = r.stderr
    assert "Traceback" not in err, err[-3000:]
    assert r.returncode == 1, f"rejections must give exit status 1, got {r.returncode}: {err[-2000:]}"
    rejected_lines = [ln for ln in err.splitlines() if ln.startswith("rejected ")]
    for name in ("big", "binary", "elf", "nul"):
        path = str(hostile[name])
        assert any(path in ln for ln in rejected_lines), f"{name} not named on stderr:\n{err[-3000:]}"
    big_line = next(ln for ln in rejected_lines if str(hostile["big"]) in ln)
    assert any(w in big_line.lower() for w in ("large", "size", "bytes", "mb")), big_line
    # every rejection names its file and a reason
    for ln in rejected_lines:
        assert ": " in ln and len(ln.split(": ", 1)[1].strip()) > 3, ln

    store = Store(url)
    try:
        paths = {a["path"] for a in store.iter_records("articles")}
    finally:
        store.close()
    for p in good:
        assert any(str(p) in stored for stored in paths), f"good file {p.name} not stored"
    for name in ("big", "binary", "elf", "nul", "empty"):
        assert not any(str(hostile[name]) in stored for stored in paths), f"{name} must not be stored"
    # a file is either stored or named as rejected, never silently dropped
    for name in ("deep", "latin", "broken_json"):
        p = str(hostile[name])
        assert any(p in s for s in paths) or any(p in ln for ln in rejected_lines), f"{name} vanished"

    maxrss_mb = int(next(ln for ln in err.splitlines() if ln.startswith("MAXRSS_KB")).split()[1]) / 1024
    assert maxrss_mb < MAX_RSS_MB, f"peak RSS {maxrss_mb:.0f} MB"


def test_huge_jsonl_line_and_many_records_stay_bounded(tmp_path: Path) -> None:
    """A JSON Lines file with one absurd line among normal records: the line is refused or cut,
    the normal records are stored."""
    folder = tmp_path / "in"
    folder.mkdir()
    recs = [
        {
            "title": f"Story {i}",
            "maintext": f"Turkey and Greece held talks in Athens on day {i} of the summit.",
        }
        for i in range(5)
    ]
    lines = [json.dumps(r) for r in recs]
    lines.insert(2, json.dumps({"title": "x" * 100, "maintext": "word " * 2_000_000}))
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'jl.db'}"
    r = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "ingest", str(folder), "--db", url, "--workers", "1", "-q"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert r.returncode in (0, 1), r.stderr[-2000:]
    assert "Traceback" not in r.stderr
    store = Store(url)
    try:
        titles = {a["title"] for a in store.iter_records("articles")}
    finally:
        store.close()
    assert {f"Story {i}" for i in range(5)} <= titles
