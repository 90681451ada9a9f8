"""What runs per-article work: the one seam between the ingest loop and where the work happens.

``LocalEngine`` (a process pool on this machine) and ``RayEngine`` (a Ray cluster) both satisfy
:class:`Engine`, so the ingest and reprocess loops never ask which one they were given.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from ..model import Article, ArticleExtraction


@runtime_checkable
class Engine(Protocol):
    """Parses and extracts batches of articles, handing each back with its extractions in order."""

    def start(self) -> None:
        """Start workers now (they load the model while the caller opens the store); may be a no-op."""

    def map(
        self, batches: Iterable[list[Article]]
    ) -> Iterator[tuple[list[Article], list[ArticleExtraction]]]:
        """Each batch with one extraction per article, in the order the batches came."""
        ...

    def close(self) -> None:
        """Release what ``start`` or ``map`` started; safe to call twice."""
