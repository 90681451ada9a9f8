"""PLOVER JSONL, GDELT-style CAMEO TSV and FollowTheMoney exports, through the real CLI."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.export import FORMATS
from eventwire.export.cameo import CAMEO_COLUMNS, cameo_code, sql_date, write_cameo
from eventwire.export.plover import plover_record
from eventwire.store import Store
from eventwire.web.testing import synthetic_corpus


@pytest.fixture
def db(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'eventwire.db'}"
    store = Store(url)
    synthetic_corpus(store)
    store.close()
    return url


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_formats_are_registered():
    for name in ("plover", "cameo", "ftm", "jsonl", "csv", "parquet"):
        assert name in FORMATS


def test_plover_jsonl_field_names(db):
    lines = [json.loads(x) for x in run("export", "events", "--db", db, "--format", "plover").splitlines()]
    assert len(lines) == 6
    rec = {r["id"]: r for r in lines}["e_syn_visit"]
    for field in (
        "id",
        "date",
        "event",
        "mode",
        "context",
        "actor",
        "actor_country",
        "actor_sector",
        "recipient",
        "recipient_country",
        "recipient_sector",
        "location",
        "source_text",
    ):
        assert field in rec, field
    assert rec["event"] == "CONSULT" and rec["mode"] == "visit"
    assert rec["actor"] == "Turkey" and rec["actor_country"] == "TUR" and rec["actor_sector"] == "GOV"
    assert rec["recipient"] == "Malaysia" and rec["recipient_country"] == "MYS"
    assert rec["date_resolution"] == "month" and rec["quad"] == "verbal cooperation"
    assert rec["source_text"].startswith("A Turkish envoy visited")
    # compound actors keep every member
    talks = {r["id"]: r for r in lines}["e_syn_talks"]
    assert [a["country"] for a in talks["actors"]] == ["MYS", "TUR"] and talks["recipient"] is None


def test_cameo_tsv_gdelt_columns(db):
    out = run("export", "events", "--db", db, "--format", "cameo")
    rows = list(csv.DictReader(io.StringIO(out), delimiter="\t"))
    assert list(rows[0]) == CAMEO_COLUMNS and len(CAMEO_COLUMNS) == 58
    assert all(r["GLOBALEVENTID"].isdigit() for r in rows)  # numeric, as GDELT's
    accuse = next(r for r in rows if r["SQLDATE"] == "20240910")
    assert accuse["Year"] == "2024" and accuse["MonthYear"] == "202409"
    assert accuse["Actor1Code"] == "MYSGOV" and accuse["Actor2CountryCode"] == "TUR"
    assert accuse["EventCode"] == "112" and accuse["EventRootCode"] == "11" and accuse["QuadClass"] == "3"
    assert accuse["GoldsteinScale"] == "-2.0" and accuse["NumMentions"] == "1"
    assert accuse["SOURCEURL"] == ""  # read from a local file: no web address to give
    assert accuse["IsRootEvent"] == "1" and len(accuse["DATEADDED"]) == 8
    assert any(r["EventCode"] == "042" for r in rows)  # CONSULT by visit
    talks = [
        r for r in rows if r["SQLDATE"] == "20250101" and r["EventRootCode"] == "04"
    ]  # "2025": a whole day
    assert sorted(r["Actor1CountryCode"] for r in talks) == ["MYS", "TUR"]  # one row per dyad
    assert len(rows) == 7


def test_cameo_rows_never_break_on_tabs_or_newlines():
    ev = {
        "id": "e1",
        "event": "REJECT",
        "actor": [{"name": "A\tB\nC", "country": "FRA"}],
        "recipient": [],
        "mentions": [{"path": "x\ty.txt", "article_id": "a"}],
    }
    buf = io.StringIO()
    write_cameo([ev], buf)
    lines = buf.getvalue().splitlines()
    assert len(lines) == 2
    assert all(len(line.split("\t")) == len(CAMEO_COLUMNS) for line in lines)
    assert cameo_code({"event": "CONSULT", "mode": "phone"}) == "041"
    assert cameo_code({"event": "AGREE", "cameo": "0311"}) == "0311"
    assert sql_date("2024-06") == ("20240601", "202406", "2024", sql_date("2024-06")[3])
    assert plover_record(ev)["actor"] == "A\tB\nC"  # JSON keeps the text as it is


def test_plover_and_cameo_refuse_other_kinds(db):
    result = CliRunner().invoke(app, ["export", "deals", "--db", db, "--format", "cameo"])
    assert result.exit_code == 2
    assert "events" in result.output


@pytest.mark.parametrize("kind", ["events", "actors", "deals", "figures", "quotes", "articles"])
def test_ftm_entities_validate_against_the_model(db, kind):
    from followthemoney import model

    out = run("export", kind, "--db", db, "--format", "ftm")
    entities = [json.loads(x) for x in out.splitlines()]
    assert entities
    ids = {e["id"] for e in entities}
    for data in entities:
        proxy = model.get_proxy(data, cleaned=False)  # raises on an unknown schema
        assert proxy.schema.validate(data) is None, data  # raises InvalidData on a bad value
        assert set(data["properties"]) <= set(proxy.schema.properties), data
        # cleaning again changes nothing: every value was already valid for its property type
        assert model.get_proxy(proxy.to_dict()).to_dict() == proxy.to_dict()
        for prop, values in data["properties"].items():
            if proxy.schema.properties[prop].type.name == "entity":
                assert set(values) <= ids, f"{prop} points outside the stream"
    schemata = {e["schema"] for e in entities}
    expected = {
        "events": {"Event", "PublicBody"},
        "actors": {"Person", "PublicBody", "Company"},
        "deals": {"Contract", "ContractAward", "PublicBody", "Company"},
        "figures": {"Note", "PublicBody"},
        "quotes": {"Note", "Person"},
        "articles": {"Article"},
    }[kind]
    assert expected <= schemata, schemata


def test_ftm_deal_and_person_details(db):
    entities = {
        e["id"]: e
        for e in map(json.loads, run("export", "deals", "--db", db, "--format", "ftm").splitlines())
    }
    contract = entities["ew-d-syn-ships"]
    award = entities["ew-d-syn-ships-award"]
    assert contract["properties"]["authority"] == ["ew-c-MYS"]
    assert contract["properties"]["amount"] == ["300000000"] and contract["properties"]["currency"] == ["USD"]
    assert award["properties"]["contract"] == ["ew-d-syn-ships"]
    assert award["properties"]["supplier"] == ["ew-o-bluewater"]
    assert entities["ew-c-MYS"]["properties"]["country"] == ["my"]
    actors = {
        e["id"]: e
        for e in map(json.loads, run("export", "actors", "--db", db, "--format", "ftm").splitlines())
    }
    ada = actors["ew-p-ada-demir"]
    assert ada["schema"] == "Person" and ada["properties"]["alias"] == ["Demir"]
    assert ada["properties"]["position"] == ["Minister of Trade (2023-06)"]
