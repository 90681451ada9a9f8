"""JSONL, CSV and Parquet: the export contract's records as lines or as flat tables.

JSONL keeps records exactly in their export shape. CSV and Parquet are flat tables with a fixed,
typed set of columns per kind (:mod:`.rows`): no JSON inside a cell. In CSV a list is one cell
joined by "; " (sentences of ``evidence`` by " | ", since sentences hold semicolons), booleans
are ``true``/``false`` and a missing value is empty. Parquet keeps the types: lists as list
columns, CAMEO codes as strings, ``date`` as the text's ISO date beside ``date_precision`` and
the calendar days it covers (``date_start``/``date_end`` as dates). Both are written as streams,
a chunk of rows at a time, so an export of any size holds one chunk in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .rows import COLUMNS, Sources, flat_row, kind_of, with_refs

LIST_SEP = "; "
EVIDENCE_SEP = " | "
PARQUET_ROWS = 2000  # rows per Parquet row group: memory stays flat whatever the export's size


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def _peek(records: Iterable[dict[str, Any]], kind: str | None) -> tuple[str, Iterator[dict[str, Any]]]:
    it = iter(records)
    if kind:
        return kind, it
    first = next(it, None)
    if first is None:
        return "events", iter(())
    return kind_of(first), _chain(first, it)


def _chain(first: dict[str, Any], rest: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    yield first
    yield from rest


def csv_cell(name: str, value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return (EVIDENCE_SEP if name == "evidence" else LIST_SEP).join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def csv_chunks(
    records: Iterable[dict[str, Any]], kind: str | None = None, sources: Sources | None = None
) -> Iterator[str]:
    """Flat CSV of one kind as text chunks (the header, then one chunk per batch of rows): what a
    streamed HTTP answer sends, and what :func:`write_csv` writes."""
    kind, it = _peek(records, kind)
    names = [name for name, _ in COLUMNS[kind]]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(names)
    for batch, refs in with_refs(it, sources):
        for rec in batch:
            row = flat_row(kind, rec, refs)
            w.writerow([csv_cell(k, row[k]) for k in names])
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    if buf.tell():
        yield buf.getvalue()


def write_csv(
    records: Iterable[dict[str, Any]], out: IO[str], kind: str | None = None, sources: Sources | None = None
) -> int:
    """Flat CSV of one kind (guessed from the first record when not given); rows counted."""
    n = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal n
        for rec in records:
            n += 1
            yield rec

    for chunk in csv_chunks(counted(), kind, sources):
        out.write(chunk)
    return n


def arrow_schema(kind: str) -> Any:
    import pyarrow as pa

    types = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }
    fields = [pa.field(name, types[t]) for name, t in COLUMNS[kind]]
    if kind not in ("articles",):
        mention = pa.struct(
            [
                ("article_id", pa.string()),
                ("path", pa.string()),
                ("sentence", pa.string()),
                ("start", pa.int64()),
                ("end", pa.int64()),
            ]
        )
        fields.append(pa.field("mentions", pa.list_(mention)))
    return pa.schema(fields)


def _parquet_value(t: str, v: Any) -> Any:
    if v is None:
        return None
    if t == "int":
        return int(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None
    if t == "float":
        return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None
    if t == "str":
        return str(v)
    if t == "list":
        return [str(x) for x in v]
    return v


def write_parquet(
    records: Iterable[dict[str, Any]], path: str, kind: str | None = None, sources: Sources | None = None
) -> int:
    """Typed Parquet of one kind, one row group per chunk of rows; rows counted."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    kind, it = _peek(records, kind)
    schema = arrow_schema(kind)
    cols = COLUMNS[kind]
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        for batch, refs in with_refs(it, sources, chunk=PARQUET_ROWS):
            data: dict[str, list[Any]] = {name: [] for name in schema.names}
            for rec in batch:
                row = flat_row(kind, rec, refs)
                for name, t in cols:
                    data[name].append(_parquet_value(t, row[name]))
                if "mentions" in data:
                    data["mentions"].append(
                        [
                            {k: m.get(k) for k in ("article_id", "path", "sentence", "start", "end")}
                            for m in rec.get("mentions") or []
                            if isinstance(m, dict)
                        ]
                    )
            writer.write_table(pa.table(data, schema=schema))
            n += len(batch)
    return n
