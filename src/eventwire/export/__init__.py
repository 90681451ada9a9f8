"""Exports under the contract in shared/spec/EXPORT.md: JSONL, CSV, Parquet, PLOVER JSONL,
GDELT-style CAMEO TSV and FollowTheMoney entities, one module each."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .base import ExportError
from .cameo import write_cameo
from .ftm import write_ftm
from .plover import write_plover
from .rows import Sources
from .tables import write_csv, write_jsonl, write_parquet

KINDS = ("articles", "events", "actors", "deals", "figures", "quotes")

TextWriter = Callable[..., int]  # (records, stream, **options)
PathWriter = Callable[..., int]  # (records, path, kind=, sources=)
# name -> (writer over a text stream | None, writer to a path | None)
FORMATS: dict[str, tuple[TextWriter | None, PathWriter | None]] = {
    "jsonl": (write_jsonl, None),
    "csv": (write_csv, None),
    "parquet": (None, write_parquet),
    "plover": (write_plover, None),
    "cameo": (write_cameo, None),
    "ftm": (write_ftm, None),
}

__all__ = [
    "FORMATS",
    "KINDS",
    "ExportError",
    "check_export",
    "export",
    "write_csv",
    "write_jsonl",
    "write_parquet",
]


def check_export(fmt: str, out: str | None) -> None:
    """Refuse an export that cannot be written as asked, before any record is read."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if FORMATS[fmt][1] is not None and not out:
        raise ExportError(f"--format {fmt} writes a binary file: give --out FILE")


def export(
    records: Iterator[dict[str, Any]],
    fmt: str,
    out: str | None,
    kind: str | None = None,
    sources: Sources | None = None,
) -> int:
    """Write records in ``fmt`` to the file ``out`` (or standard output for text formats).

    ``kind`` names the records' kind for the flat tables (guessed from the first record when
    not given); ``sources`` looks up the reporting articles' URLs and dates (CSV, Parquet, TSV).
    """
    check_export(fmt, out)
    text_writer, path_writer = FORMATS[fmt]
    if path_writer is not None:
        assert out
        return path_writer(records, out, kind=kind, sources=sources)
    assert text_writer is not None
    extra: dict[str, Any] = {}
    if fmt == "csv":
        extra = {"kind": kind, "sources": sources}
    elif fmt == "cameo":
        extra = {"sources": sources}
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return text_writer(records, fh, **extra)
    stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=True)
    try:
        return text_writer(records, stream, **extra)
    finally:
        stream.detach()
