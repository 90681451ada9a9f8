"""Ingest consolidates what is stored while the workers parse the last batch, with the same result.

Consolidation used to run once, after the last batch, while both workers sat idle. When the
engine parses the next batch in other processes (``overlaps``), ingest now consolidates what is
stored as soon as the last batch is in the workers' hands, so the end of the run only
consolidates that batch. These tests pin when that happens, and that the records are those of
one consolidation at the end, on real Reuters-21578 stories (read in place, never copied).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

import eventwire.run.ingest as ingest_mod
from eventwire.model import Article, ArticleExtraction
from eventwire.run.article import process_texts
from eventwire.run.ingest import ingest
from eventwire.store import Store

REUTERS = next(
    (
        p / "shared" / "corpora" / "reuters21578" / "reut2-000.sgm"
        for p in Path(__file__).resolve().parents[2:4]
        if (p / "shared" / "corpora").is_dir()
    ),
    Path("/nonexistent"),
)
KINDS = ("actors", "events", "deals", "figures", "quotes")


class _Engine:
    """Runs the real extraction in this process; ``overlaps`` says what a pool would say."""

    def __init__(self, overlaps: bool, memo: dict[str, ArticleExtraction] | None = None, real: bool = True):
        self.overlaps = overlaps
        self.memo = memo if memo is not None else {}
        self.extract = process_texts if real else _empty

    def start(self) -> None:
        """Nothing to start."""

    def map(
        self, batches: Iterable[list[Article]]
    ) -> Iterator[tuple[list[Article], list[ArticleExtraction]]]:
        it = iter(batches)
        held = next(it, None)
        while held is not None:
            nxt = next(it, None)  # as the pool does: the next batch is taken before one is handed back
            todo = [a for a in held if a.id not in self.memo]
            self.memo.update({e.article_id: e for e in (self.extract(todo) if todo else [])})
            yield held, [self.memo[a.id] for a in held if a.id in self.memo]
            held = nxt

    def close(self) -> None:
        """Nothing to release."""


def _write_docs(folder: Path, texts: list[str]) -> list[str]:
    folder.mkdir()
    for i, text in enumerate(texts):
        doc = {"title": None, "date_publish": "1987-03-02 12:00:00", "maintext": text, "language": "en"}
        (folder / f"d{i:03d}.json").write_text(json.dumps(doc), encoding="utf-8")
    return [str(folder)]


def _count_consolidations(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    calls: list[bool] = []
    real = ingest_mod.consolidate

    def counting(store: Store, *, rebuild: bool = False) -> dict[str, int]:
        calls.append(rebuild)
        return real(store, rebuild=rebuild)

    monkeypatch.setattr(ingest_mod, "consolidate", counting)
    return calls


_TEXTS = [f"Officials in country number {i} met on Monday to talk about the weather." for i in range(20)]


def _empty(arts: list[Article]) -> list[ArticleExtraction]:
    """Extraction is not what the counting tests are about: each article gets an empty one."""
    return [ArticleExtraction(article_id=a.id) for a in arts]


@pytest.mark.parametrize("n", [20, 16])  # a short last batch, and a full one (the input ends on a batch)
def test_consolidates_once_early_when_the_engine_overlaps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n: int
) -> None:
    calls = _count_consolidations(monkeypatch)
    store = Store(f"sqlite:///{tmp_path / 's.db'}")
    ingest(_write_docs(tmp_path / "d", _TEXTS[:n]), store, engine=_Engine(True, real=False), batch_size=8)
    assert len(calls) == 2  # before the last batch is stored, and after it: not once per batch


@pytest.mark.parametrize("overlaps,rebuild", [(False, False), (True, True)])
def test_no_early_consolidation_without_overlap_or_on_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, overlaps: bool, rebuild: bool
) -> None:
    calls = _count_consolidations(monkeypatch)
    store = Store(f"sqlite:///{tmp_path / 's.db'}")
    ingest(
        _write_docs(tmp_path / "d", _TEXTS),
        store,
        engine=_Engine(overlaps, real=False),
        batch_size=8,
        rebuild=rebuild,
    )
    assert calls == [rebuild]


def test_one_batch_needs_no_early_consolidation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_consolidations(monkeypatch)
    store = Store(f"sqlite:///{tmp_path / 's.db'}")
    ingest(_write_docs(tmp_path / "d", _TEXTS[:5]), store, engine=_Engine(True, real=False), batch_size=8)
    assert len(calls) == 1


def _reuters(n: int) -> list[str]:
    raw = REUTERS.read_text(encoding="latin-1")
    out = []
    for body in re.findall(r"<BODY>(.*?)</BODY>", raw, re.S):
        out.append(re.sub(r"\s*Reuter\s*$", "", html.unescape(body).replace("\x03", "").strip()))
        if len(out) >= n:
            break
    return out


def _snapshot(store: Store) -> dict[str, dict[str, str]]:
    return {
        k: {r["id"]: json.dumps(r, sort_keys=True, default=str) for r in store.iter_records(k)} for k in KINDS
    }


@pytest.mark.skipif(not REUTERS.is_file(), reason="shared corpora not present")
def test_early_consolidation_gives_the_records_of_one_consolidation(tmp_path: Path) -> None:
    paths = _write_docs(tmp_path / "d", _reuters(40))
    memo: dict[str, ArticleExtraction] = {}
    got = []
    for overlaps in (True, False):
        store = Store(f"sqlite:///{tmp_path / f'{overlaps}.db'}")
        ingest(paths, store, engine=_Engine(overlaps, memo), batch_size=12)
        got.append(_snapshot(store))
    assert got[0]["actors"] and got[0]["events"]
    assert got[0] == got[1]
