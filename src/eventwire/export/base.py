"""What every export writer shares: the error a bad request raises, and the events-only guard."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any


class ExportError(ValueError):
    """An export that cannot be written as asked (unknown format, wrong kind, missing --out)."""


def events_only(records: Iterable[dict[str, Any]], fmt: str) -> Iterator[dict[str, Any]]:
    for rec in records:
        if "event" not in rec or "actor" not in rec:
            raise ExportError(f"--format {fmt} writes events: run `eventwire export events --format {fmt}`")
        yield rec
