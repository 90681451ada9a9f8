"""Metadata from outside the text: sidecars, ``ingest --published``, and a second copy of a stored text."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.ingest import read_paths
from eventwire.model import Article, Rejection
from eventwire.run.ingest import completion, ingest
from eventwire.run.local import LocalEngine
from eventwire.store import Store

STORY = (
    "The foreign ministers of Peru and Chile met on Monday in Lima and agreed to set up a joint "
    "commission on fishing rights, officials said after the talks."
)
runner = CliRunner()


def _write(folder: Path, name: str, text: str, meta: dict | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(text, encoding="utf-8")
    if meta is not None:
        (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return p


def test_sidecar_gives_a_text_file_its_metadata(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "s.txt",
        f"Fishing talks\n\nLima, March 3, 2025\n\n{STORY}\n",
        {"date": "2005-03-14", "source": "Example"},
    )
    items = list(read_paths([str(tmp_path)]))  # the sidecar itself is no article
    assert len(items) == 1 and isinstance(items[0], Article)
    a = items[0]
    assert (a.published, a.publisher, a.title, a.published_inferred) == (
        "2005-03-14",
        "Example",
        "Fishing talks",
        False,
    )


def test_a_bad_sidecar_is_named_and_the_file_still_read(tmp_path: Path) -> None:
    _write(tmp_path, "s.txt", STORY, {"published": "some day"})
    items = list(read_paths([str(tmp_path)]))
    assert [type(i) for i in items] == [Rejection, Article]
    assert items[0].path.endswith("s.txt.meta.json") and "published" in items[0].reason


def test_sidecar_only_fills_gaps_in_a_file_of_many_articles(tmp_path: Path) -> None:
    lines = [json.dumps({"text": STORY, "date": "2024-01-02"}), json.dumps({"text": STORY + " More."})]
    _write(tmp_path, "f.jsonl", "\n".join(lines), {"published": "2024-05-06", "title": "One title"})
    arts = [a for a in read_paths([str(tmp_path)]) if isinstance(a, Article)]
    assert [(a.published, a.title) for a in arts] == [("2024-01-02", None), ("2024-05-06", None)]


def test_explicit_sidecar_argument_is_skipped_and_an_orphan_rejected(tmp_path: Path) -> None:
    p = _write(tmp_path, "s.txt", STORY, {"published": "2024-05-06"})
    orphan = tmp_path / "gone.txt.meta.json"
    orphan.write_text("{}", encoding="utf-8")
    items = list(read_paths([str(p), f"{p}.meta.json", str(orphan)]))
    assert [type(i) for i in items] == [Article, Rejection]
    assert items[0].published == "2024-05-06" and "without its article" in items[1].reason


def _run(paths: list[Path], db: str, published: str | None = None):
    store = Store(db)
    return ingest([str(p) for p in paths], store, engine=LocalEngine(workers=1), published=published), store


def _events(store: Store) -> list[dict]:
    return list(store.iter_records("events"))


def test_published_dates_only_the_undated(tmp_path: Path) -> None:
    undated = _write(tmp_path / "a", "u.txt", STORY)
    dated = _write(tmp_path / "a", "d.txt", f"Lima, March 3, 2025\n\n{STORY} Both sides agreed.")
    rep, store = _run([tmp_path / "a"], f"sqlite:///{tmp_path}/x.db", published="2005")
    arts = {Path(a.path).name: a for a in store.iter_articles()}
    assert rep.stored == 2
    assert (arts[undated.name].published, arts[undated.name].published_inferred) == ("2005", False)
    assert arts[dated.name].published == "2025-03-03"
    store.close()


def test_published_must_be_a_date(tmp_path: Path) -> None:
    _write(tmp_path, "u.txt", STORY)
    r = runner.invoke(
        app, ["ingest", str(tmp_path), "--db", f"sqlite:///{tmp_path}/x.db", "--published", "2025-13"]
    )
    assert r.exit_code == 2 and "--published" in r.output


def test_a_copy_of_a_stored_text_completes_it_and_redates_its_events(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/x.db"
    _write(tmp_path / "a", "s.txt", STORY)
    _write(tmp_path / "b", "s.txt", f"Peru and Chile agree on fishing\n\nLima, March 3, 2025\n\n{STORY}")
    rep, store = _run([tmp_path / "a"], db)
    assert all(e["date"] is None for e in _events(store))
    store.close()
    rep, store = _run([tmp_path / "b"], db)
    assert (rep.stored, rep.skipped, rep.completed, rep.redated) == (0, 1, 1, 1)
    (art,) = list(store.iter_articles())
    assert (art.title, art.published, art.path) == (
        "Peru and Chile agree on fishing",
        "2025-03-03",
        str(tmp_path / "a" / "s.txt"),
    )
    assert _events(store) and all(e["date"] == "2025-03-03" for e in _events(store))
    store.close()
    rep, store = _run([tmp_path / "b"], db)  # nothing new the third time
    assert (rep.completed, rep.redated) == (0, 0)
    store.close()


def _art(published: str | None, inferred: bool = False, **kw: str) -> Article:
    return Article(id="a_1", path="p", text="t", published=published, published_inferred=inferred, **kw)


def test_completion_rules() -> None:
    assert completion(_art(None), _art("2020-03-03", title="T")) == {
        "title": "T",
        "published": "2020-03-03",
        "published_inferred": False,
    }
    assert completion(_art("2020-04", inferred=True), _art("2020-03-03"))["published"] == "2020-03-03"
    assert completion(_art("2020-03"), _art("2020-03-03"))["published"] == "2020-03-03"  # more precise
    assert completion(_art("2020-03-03"), _art("2020-03")) == {}
    # two source dates: the earlier, whichever came first
    assert completion(_art("2020-03-05"), _art("2020-03-03"))["published"] == "2020-03-03"
    assert completion(_art("2020-03-03"), _art("2020-03-05")) == {}
    assert completion(_art("2020-03-03", title="Kept"), _art(None, title="Other")) == {}
