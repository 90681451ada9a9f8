"""Exports: JSONL keeps the record shape; CSV and Parquet are flat tables, one value a cell."""

import csv
import json

import pyarrow.parquet as pq
import pytest

from eventwire.export import ExportError, export

RECORDS = [
    {
        "id": "e1",
        "event": "AGREE",
        "actor": [{"id": "c:AAA", "country": "AAA"}],
        "score": 3.0,
        "negated": False,
    },
    {"id": "e2", "event": "CONSULT", "actor": [], "score": None, "negated": True, "extra": "ü"},
]


def test_jsonl_round_trip(tmp_path):
    out = tmp_path / "e.jsonl"
    assert export(iter(RECORDS), "jsonl", str(out)) == 2
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows == RECORDS


def test_csv_flattens_nested_fields(tmp_path):
    out = tmp_path / "e.csv"
    export(iter(RECORDS), "csv", str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["id"] for r in rows] == ["e1", "e2"]
    assert rows[0]["actor_ids"] == "c:AAA" and rows[0]["actor_countries"] == "AAA"
    assert rows[0]["negated"] == "false" and rows[1]["negated"] == "true" and rows[1]["score"] == ""
    assert "extra" not in rows[1]  # a fixed set of columns per kind, known before the first row


def test_parquet_is_a_table(tmp_path):
    out = tmp_path / "e.parquet"
    export(iter(RECORDS), "parquet", str(out))
    table = pq.read_table(out)
    assert table.num_rows == 2
    assert table.column("event").to_pylist() == ["AGREE", "CONSULT"]


def test_parquet_needs_a_file():
    with pytest.raises(ExportError, match="--out"):
        export(iter(RECORDS), "parquet", None)


def test_unknown_format_is_named():
    with pytest.raises(ExportError, match="xml"):
        export(iter(RECORDS), "xml", None)
