"""PLOVER event coding (placeholder until the event coder lands: finds nothing)."""

from __future__ import annotations

from ..context import DocContext
from ..model import Event


def extract(ctx: DocContext) -> list[Event]:
    return []
