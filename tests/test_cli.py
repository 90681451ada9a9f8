"""The CLI's contract: exit codes, clear errors, --db and EVENTWIRE_DB."""

import json

from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()


def test_unknown_kind_is_bad_usage(tmp_path):
    r = runner.invoke(app, ["export", "widgets", "--db", f"sqlite:///{tmp_path}/x.db"])
    assert r.exit_code == 2
    assert "widgets" in r.output


def test_export_of_empty_store_is_empty(tmp_path):
    out = tmp_path / "events.jsonl"
    r = runner.invoke(app, ["export", "events", "--db", f"sqlite:///{tmp_path}/x.db", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_text() == ""


def test_env_var_names_the_database(tmp_path, monkeypatch):
    db = tmp_path / "from-env.db"
    monkeypatch.setenv("EVENTWIRE_DB", f"sqlite:///{db}")
    r = runner.invoke(app, ["export", "articles"])
    assert r.exit_code == 0, r.output
    assert db.exists()


def test_unreachable_database_is_a_clear_error(tmp_path):
    r = runner.invoke(app, ["export", "events", "--db", "postgresql://nobody@127.0.0.1:1/none"])
    assert r.exit_code == 1
    assert "cannot open database" in r.output
    assert "Traceback" not in r.output


def test_parquet_without_out_is_bad_usage(tmp_path):
    r = runner.invoke(app, ["export", "events", "--db", f"sqlite:///{tmp_path}/x.db", "--format", "parquet"])
    assert r.exit_code == 2
    assert "--out" in r.output


def test_code_prints_json_lines():
    r = runner.invoke(app, ["code", "Nothing happened here.", "--json"])
    assert r.exit_code == 0, r.output
    for line in r.output.splitlines():
        if line.strip():
            json.loads(line)


def test_progress_bar_starts_no_thread_so_the_pool_can_fork(tmp_path, monkeypatch):
    """On a terminal the bar is drawn per batch: rich's refresh thread would force forkserver."""
    import io
    import threading

    from rich.console import Console
    from rich.live import _RefreshThread

    from eventwire import cli
    from eventwire.run import local as pipeline

    for i in range(20):
        (tmp_path / f"n{i}.txt").write_text(f"Story {i}. The mayor of Town{i} opened a bridge.\n")
    screen = io.StringIO()
    monkeypatch.setattr(cli, "err", Console(file=screen, force_terminal=True, width=120))
    seen = []
    real = pipeline._start_method
    monkeypatch.setattr(
        pipeline,
        "_start_method",
        lambda: seen.append(any(isinstance(t, _RefreshThread) for t in threading.enumerate())) or real(),
    )
    r = runner.invoke(app, ["ingest", str(tmp_path), "--db", f"sqlite:///{tmp_path}/x.db", "--workers", "2"])
    assert r.exit_code == 0, r.output
    assert seen == [False]  # the pool started, with no refresh thread alive
    assert "20 documents" in screen.getvalue()


def test_ingest_into_unreachable_database_leaves_no_workers(tmp_path):
    import multiprocessing

    (tmp_path / "a.txt").write_text("The mayor opened a bridge.\n")
    r = runner.invoke(
        app, ["ingest", str(tmp_path), "--db", "postgresql://nobody@127.0.0.1:1/none", "--workers", "2"]
    )
    assert r.exit_code == 1
    assert "cannot open database" in r.output
    assert multiprocessing.active_children() == []
