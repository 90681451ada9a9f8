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
    from eventwire.store import Store

    Store(f"sqlite:///{tmp_path}/x.db").close()
    out = tmp_path / "events.jsonl"
    r = runner.invoke(app, ["export", "events", "--db", f"sqlite:///{tmp_path}/x.db", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_text() == ""


def test_env_var_names_the_database(tmp_path, monkeypatch):
    from eventwire.store import Store

    db = tmp_path / "from-env.db"
    Store(f"sqlite:///{db}").close()
    monkeypatch.setenv("EVENTWIRE_DB", f"sqlite:///{db}")
    r = runner.invoke(app, ["export", "articles"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["export", "articles", "--db", f"sqlite:///{tmp_path}/typo.db"])
    assert r.exit_code == 1 and "no eventwire store at" in r.output


def test_read_only_commands_refuse_a_store_that_is_not_there(tmp_path):
    """A typo in --db must not create an empty database and answer "nothing" with exit 0."""
    for cmd in (["export", "events"], ["serve"]):
        r = runner.invoke(app, [*cmd, "--db", f"sqlite:///{tmp_path}/tpyo.db"])
        assert r.exit_code == 1, r.output
        assert "no eventwire store at" in r.output and "run eventwire ingest first" in r.output


def test_serve_create_starts_an_empty_store(tmp_path, monkeypatch):
    """`make run` with no input serves an empty store: --create makes it instead of refusing."""
    import uvicorn

    served = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.append(kw["port"]))
    r = runner.invoke(app, ["serve", "--create", "--port", "8123", "--db", f"sqlite:///{tmp_path}/new.db"])
    assert r.exit_code == 0, r.output
    assert served == [8123] and (tmp_path / "new.db").exists()
    assert not (tmp_path / "tpyo.db").exists()


def test_version_and_clean_help():
    from importlib.metadata import version

    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and r.output.strip() == f"eventwire {version('eventwire')}"
    for cmd in ("ingest", "export", "reprocess", "serve", "code", "timex"):
        text = runner.invoke(app, [cmd, "--help"]).output
        assert "<bool>" not in text and "<str>" not in text and "<int" not in text, text
        assert "[default: 0]" not in text and "default: all cores) [default" not in text


def test_export_takes_the_api_filters(tmp_path):
    import csv
    import io

    from eventwire.store import Store
    from eventwire.web.testing import synthetic_corpus

    url = f"sqlite:///{tmp_path}/s.db"
    store = Store(url)
    synthetic_corpus(store)
    store.close()
    r = runner.invoke(
        app, ["export", "events", "--db", url, "-f", "csv", "--country", "Türkiye", "--type", "consult"]
    )
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert {x["id"] for x in rows} == {"e_syn_meet", "e_syn_visit", "e_syn_talks"}
    r = runner.invoke(app, ["export", "events", "--db", url, "--actor", "Ada Demir"])
    assert r.exit_code == 0 and r.stdout == ""  # a known actor with no events exports nothing
    r = runner.invoke(app, ["export", "events", "--db", url, "--actor", "Nobody Known"])
    assert r.exit_code == 2 and "no actor" in r.output
    r = runner.invoke(app, ["export", "events", "--db", url, "--dyad", "Turkey,Malaysia", "--since", "2025"])
    assert [json.loads(x)["id"] for x in r.stdout.splitlines()] == ["e_syn_talks"]
    r = runner.invoke(app, ["export", "events", "--db", url, "--type", "FOO"])
    assert r.exit_code == 2 and "AGREE" in r.output and "FOO" in r.output


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
    import re

    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    assert "20/20 documents" in shown and "ETA" in shown  # a total, counted, with an ETA


def test_ingest_into_unreachable_database_leaves_no_workers(tmp_path):
    import multiprocessing

    (tmp_path / "a.txt").write_text("The mayor opened a bridge.\n")
    r = runner.invoke(
        app, ["ingest", str(tmp_path), "--db", "postgresql://nobody@127.0.0.1:1/none", "--workers", "2"]
    )
    assert r.exit_code == 1
    assert "cannot open database" in r.output
    assert multiprocessing.active_children() == []


def test_code_text_is_never_wrapped_and_takes_a_format():
    sentence = (
        "The foreign minister of Chile met the trade minister of Peru in Lima on Monday to discuss "
        "a long list of fisheries quotas and port fees."
    )
    r = runner.invoke(app, ["code", sentence, "--date", "2024-03-04", "--format", "text"], terminal_width=60)
    assert r.exit_code == 0, r.output
    evidence = [line for line in r.output.splitlines() if "evidence [" in line]
    assert evidence and all(sentence in line for line in evidence)
    r = runner.invoke(app, ["code", sentence, "--format", "json"])
    assert r.exit_code == 0 and all(json.loads(x) for x in r.output.splitlines() if x.strip())
    assert runner.invoke(app, ["code", sentence, "--format", "xml"]).exit_code == 2


def test_ingest_counts_repeats_and_names_empty_items(tmp_path):
    story = "Chile and Peru signed a fisheries agreement in Lima on 3 March 2024."
    block = '<REUTERS NEWID="{n}"><DATE>3-MAR-2024 10:00:00.00</DATE><TEXT><TITLE>{t}</TITLE>{body}</TEXT></REUTERS>'
    sgml = "\n".join(
        [
            block.format(n=1, t="FISHERIES", body=f"<BODY>{story}</BODY>"),
            block.format(n=2, t="FLASH ONLY", body=""),
            block.format(n=3, t="FISHERIES", body=f"<BODY>{story}</BODY>"),  # re-sent: same content
        ]
    )
    (tmp_path / "wire.sgm").write_text(sgml, encoding="utf-8")
    url = f"sqlite:///{tmp_path}/w.db"
    r = runner.invoke(app, ["ingest", str(tmp_path / "wire.sgm"), "--db", url, "--workers", "1", "-q"])
    assert r.exit_code == 1, r.output  # one rejected input
    assert "wire.sgm#2: empty body" in r.output
    assert (
        "stored 1 articles" in r.output
        and "skipped 0 already stored and 1 repeated within this run" in r.output
    )
    r = runner.invoke(app, ["ingest", str(tmp_path / "wire.sgm"), "--db", url, "--workers", "1", "-q"])
    assert "skipped 2 already stored and 0 repeated" in r.output, r.output
