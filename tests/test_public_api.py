"""The package's own surface: what a notebook imports from ``eventwire`` itself."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

import eventwire
from eventwire.cli import app


def test_every_public_name_imports() -> None:
    assert set(eventwire.__all__) == set(eventwire._EXPORTS)
    for name in eventwire.__all__:
        exec(f"from eventwire import {name}", {})  # the statement a notebook writes
        assert getattr(eventwire, name) is not None
    assert set(eventwire.__all__) <= set(dir(eventwire))
    assert eventwire.__version__


def test_import_loads_nothing_heavy() -> None:
    """``import eventwire`` (and so the CLI) must not pull in spaCy, SQLAlchemy or the stages."""
    probe = "import json, sys, eventwire; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    loaded = json.loads(out)
    assert [m for m in loaded if m.startswith(("eventwire.", "spacy", "sqlalchemy", "fastapi"))] == []


def test_the_ingest_stage_keeps_its_name() -> None:
    """The ingest loop is ``ingest_paths``: ``eventwire.ingest`` is the stage's package."""
    from eventwire.run.ingest import ingest

    assert eventwire.ingest_paths is ingest
    import eventwire.ingest as stage

    assert stage.read_paths is eventwire.read_paths


def test_unknown_name_is_an_attribute_error() -> None:
    try:
        eventwire.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_package_is_typed() -> None:
    assert (Path(eventwire.__file__).parent / "py.typed").exists()


def test_notebook_codes_one_sentence() -> None:
    ext = eventwire.code("Peru and Chile signed a trade agreement.", date="2024-05-01")
    assert isinstance(ext, eventwire.ArticleExtraction)
    assert ext.events and all(isinstance(ev, eventwire.Event) for ev in ext.events)
    countries = {e.country for ev in ext.events for e in ev.actor + ev.recipient}
    assert {"PER", "CHL"} <= countries
    assert all(m.sentence for ev in ext.events for m in ev.mentions)


def test_cli_code_prints_what_code_returns() -> None:
    text = "Peru and Chile signed a trade agreement."
    r = CliRunner().invoke(app, ["code", text, "--date", "2024-05-01", "--json"])
    assert r.exit_code == 0, r.output
    printed = [json.loads(line) for line in r.output.splitlines() if line.strip()]
    assert printed == [ev.export() for ev in eventwire.code(text, date="2024-05-01").events]
