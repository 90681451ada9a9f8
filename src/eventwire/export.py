"""Exports under the contract in shared/spec/EXPORT.md: JSONL, CSV and Parquet.

JSONL keeps records exactly in their export shape. CSV and Parquet are tables: scalar fields stay
typed columns, nested fields (entities, mentions, lists) become JSON text in their column, so every
row round-trips without a schema per kind.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

KINDS = ("articles", "events", "actors", "deals", "figures", "quotes")


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


# name -> (writer over text stream | None, writer to a path | None, default suffix)
TextWriter = Callable[[Iterable[dict[str, Any]], IO[str]], int]
FORMATS: dict[str, tuple[TextWriter | None, Callable[[Iterable[dict[str, Any]], str], int] | None]] = {
    "jsonl": (write_jsonl, None),
    "csv": (write_csv, None),
    "parquet": (None, write_parquet),
}


class ExportError(ValueError):
    pass


# PLOVER JSONL, GDELT-style CAMEO TSV and FollowTheMoney entities (export_formats.py)
from .export_formats import register as _register_more_formats  # noqa: E402

_register_more_formats(FORMATS)


def export(records: Iterator[dict[str, Any]], fmt: str, out: str | None) -> int:
    """Write records in ``fmt`` to the file ``out`` (or standard output for text formats)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    text_writer, path_writer = FORMATS[fmt]
    if path_writer is not None:
        if not out:
            raise ExportError(f"--format {fmt} writes a binary file: give --out FILE")
        return path_writer(records, out)
    assert text_writer is not None
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return text_writer(records, fh)
    stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=True)
    try:
        return text_writer(records, stream)
    finally:
        stream.detach()
