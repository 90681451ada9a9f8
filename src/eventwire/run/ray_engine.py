"""Per-article work on a Ray cluster (``eventwire ingest --engine ray [--address ...]``).

Same contract as :class:`eventwire.run.local.LocalEngine`: ``map(batches)`` yields ``(batch,
extractions)`` in order, ``close()`` releases what it started. Each batch becomes a Ray Dataset
whose ``map_batches`` runs on an actor pool, so spaCy is loaded once per actor, not once per row.
Rows cross the wire as JSON strings: extraction payloads are deeply nested and irregular, which
Arrow schema inference would otherwise coerce or reject.

Writes stay on the driver: the store sees the same batches, in the same order, as with the local
engine, which keeps ingest's all-or-nothing batches and resumability. When several machines run
ingest at once, point them at one PostgreSQL database (``--db postgresql://...``).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import ray

from ..model import Article, ArticleExtraction
from ..settings import get_settings


class _Worker:
    """One Ray actor: loads the language pipeline once, then extracts batch after batch."""

    def __init__(self) -> None:
        from ..analyse.nlp import get_nlp

        self.nlp = get_nlp()

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        from .article import process_texts

        arts = [Article.from_dict(json.loads(p)) for p in batch["article"]]
        exts = process_texts(arts, self.nlp)
        return {
            "article_id": np.array([e.article_id for e in exts], dtype=object),
            "extraction": np.array([json.dumps(e.to_dict(), ensure_ascii=False) for e in exts], dtype=object),
        }


class RayEngine:
    """Ray Data over an actor pool; starts a local Ray unless given a cluster address."""

    def __init__(self, address: str | None = None, workers: int | None = None, rows_per_call: int = 16):
        self.workers = workers or None
        self.rows_per_call = rows_per_call
        self._started = False
        env = get_settings().env(workers_only=True)
        if not ray.is_initialized():
            kwargs: dict[str, Any] = {
                "include_dashboard": False,
                "log_to_driver": False,
                "logging_level": logging.WARNING,
                "ignore_reinit_error": True,
                "runtime_env": {"env_vars": env} if env else None,
            }
            if address:
                kwargs["address"] = address
            else:
                kwargs["num_cpus"] = workers or os.cpu_count() or 1
                kwargs["object_store_memory"] = 256 * 1024 * 1024
            ray.init(**kwargs)
            self._started = True
        from ray.data import DataContext

        ctx = DataContext.get_current()
        ctx.enable_progress_bars = False
        ctx.print_on_execution_start = False
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        if self.workers is None:
            self.workers = max(1, int(ray.cluster_resources().get("CPU", 1)))

    def start(self) -> None:
        """Nothing to do: Ray starts its actors on the first batch."""

    def map(
        self, batches: Iterable[list[Article]]
    ) -> Iterator[tuple[list[Article], list[ArticleExtraction]]]:
        for batch in batches:
            if not batch:
                yield batch, []
                continue
            yield batch, self._run(batch)

    def _run(self, batch: list[Article]) -> list[ArticleExtraction]:
        import ray.data

        rows = [{"article": json.dumps(a.to_dict(), ensure_ascii=False)} for a in batch]
        per_call = max(1, min(self.rows_per_call, -(-len(rows) // (self.workers or 1))))
        pool = max(1, min(self.workers or 1, len(rows)))
        ds = ray.data.from_items(rows, override_num_blocks=max(1, -(-len(rows) // per_call)))
        out = ds.map_batches(
            _Worker,
            batch_size=per_call,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=pool),
            num_cpus=1,
        )
        by_id: dict[str, ArticleExtraction] = {}
        for row in out.iter_rows():
            by_id[str(row["article_id"])] = ArticleExtraction.from_dict(json.loads(row["extraction"]))
        missing = [a.path for a in batch if a.id not in by_id]
        if missing:  # a lost row must fail the batch (nothing stored), never store it half
            raise RuntimeError(
                f"ray engine returned no extraction for {len(missing)} articles: {missing[:3]}"
            )
        return [by_id[a.id] for a in batch]

    def close(self) -> None:
        if self._started and ray.is_initialized():
            ray.shutdown()
        self._started = False
