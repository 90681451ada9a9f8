"""JSONL, CSV and Parquet: the export contract's records as lines or tables.

JSONL keeps records exactly in their export shape. CSV and Parquet are tables: scalar fields stay
typed columns, nested fields (entities, mentions, lists) become JSON text in their column, so every
row round-trips without a schema per kind.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any


def _flat(rec: dict[str, Any]) -> dict[str, Any]:
    return {
        k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v) for k, v in rec.items()
    }


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    rows = [_flat(r) for r in records]
    fields: list[str] = []
    for r in rows:
        fields += [k for k in r if k not in fields]
    w = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    return len(rows)


def write_parquet(records: Iterable[dict[str, Any]], path: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [_flat(r) for r in records]
    fields: list[str] = []
    for r in rows:
        fields += [k for k in r if k not in fields]
    cols = {f: [r.get(f) for r in rows] for f in fields}
    arrays = {}
    for f, vals in cols.items():
        try:
            arrays[f] = pa.array(vals)
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed scalar types: keep them as text
            arrays[f] = pa.array([None if v is None else str(v) for v in vals], type=pa.string())
    table = pa.table(arrays) if arrays else pa.table({"id": pa.array([], type=pa.string())})
    pq.write_table(table, path)
    return len(rows)
