"""eventwire: international-affairs news into sourced, queryable event data.

The few names a notebook needs, importable from the package itself::

    import eventwire
    ext = eventwire.code("Peru and Chile signed a trade agreement.", date="2024-05-01")
    [(ev.event, ev.cameo, [a.name for a in ev.actor]) for ev in ext.events]
    store = eventwire.Store("sqlite:///news.db")
    report = eventwire.ingest_paths(["stories/"], store)  # read, extract, store, consolidate
    events = list(store.iter_records("events"))  # export shapes, as `eventwire export` writes

``read_paths`` reads files and folders into :class:`Article` records (or :class:`Rejection`
records) without extracting anything; ``extract_article(article, doc)`` is the per-article step the
pipeline runs on a parsed article. ``ingest_paths`` is :func:`eventwire.run.ingest.ingest` under a name of
its own, because ``eventwire.ingest`` is the ingest stage's package (importing it rebinds that name).

The names are imported on first use (PEP 562), so ``import eventwire`` and the command line start
fast: the language model, SQLAlchemy and the readers load only when a name that needs them is used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> (module that defines it, its name there)
_EXPORTS: dict[str, tuple[str, str]] = {
    "read_paths": ("eventwire.ingest", "read_paths"),
    "ingest_paths": ("eventwire.run.ingest", "ingest"),
    "extract_article": ("eventwire.run.article", "extract_article"),
    "code": ("eventwire.run.article", "code"),
    "Store": ("eventwire.store", "Store"),
    "Settings": ("eventwire.settings", "Settings"),
    **{
        name: ("eventwire.model", name)
        for name in (
            "Article",
            "ArticleExtraction",
            "Event",
            "Entity",
            "Deal",
            "Figure",
            "Quote",
            "ActorRecord",
            "Mention",
            "Rejection",
        )
    },
}

# a literal list, so linters and type checkers see the re-exports (a test checks it matches _EXPORTS)
__all__ = [
    "read_paths",
    "ingest_paths",
    "extract_article",
    "code",
    "Store",
    "Settings",
    "Article",
    "ArticleExtraction",
    "Event",
    "Entity",
    "Deal",
    "Figure",
    "Quote",
    "ActorRecord",
    "Mention",
    "Rejection",
]

if TYPE_CHECKING:  # pragma: no cover - what type checkers and IDEs see
    from .ingest import read_paths
    from .model import (
        ActorRecord,
        Article,
        ArticleExtraction,
        Deal,
        Entity,
        Event,
        Figure,
        Mention,
        Quote,
        Rejection,
    )
    from .run.article import code, extract_article
    from .run.ingest import ingest as ingest_paths
    from .settings import Settings
    from .store import Store


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
    module, attr = _EXPORTS[name]
    value = getattr(import_module(module), attr)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
