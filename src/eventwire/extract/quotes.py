"""Quotes extraction (owned by the quotes work; this placeholder finds nothing yet)."""

from __future__ import annotations

from ..context import DocContext


def extract(ctx: DocContext) -> list:
    return []
