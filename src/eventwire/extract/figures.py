"""Figures extraction (owned by the figures work; this placeholder finds nothing yet)."""

from __future__ import annotations

from ..context import DocContext


def extract(ctx: DocContext) -> list:
    return []
