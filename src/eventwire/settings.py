"""Settings: one typed object read once (CLI flags, then ``EVENTWIRE_*`` variables, then defaults).

Every switch eventwire has is a field here, with the variable that sets it; nothing else reads the
environment. A bad value stops the program at start with the variable named and what it accepts.
Worker processes (forked, spawned, or Ray actors) get the same settings: ``configure`` writes the
resolved values back as ``EVENTWIRE_*`` variables, which every kind of child inherits, and
:meth:`Settings.env` hands the same variables to Ray's runtime environment.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

DEFAULT_DB = "sqlite:///eventwire.db"
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


class SettingsError(ValueError):
    """A setting with a value eventwire cannot use; the message names the variable and the fix."""


def _flag(name: str, raw: str) -> bool:
    low = raw.strip().lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise SettingsError(f"{name}={raw!r}: expected one of {', '.join(_TRUE + _FALSE)}")


def _choice(options: tuple[str, ...]) -> Callable[[str, str], str | None]:
    def parse(name: str, raw: str) -> str | None:
        low = raw.strip().lower()
        if not low:
            return None
        if low not in options:
            raise SettingsError(f"{name}={raw!r}: expected one of {', '.join(options)}")
        return low

    return parse


def _paths(name: str, raw: str) -> tuple[Path, ...]:
    return tuple(Path(p) for p in raw.split(os.pathsep) if p.strip())


def _folder(name: str, raw: str) -> Path | None:
    if not raw.strip():
        return None
    path = Path(raw)
    if not path.is_dir():
        raise SettingsError(f"{name}={raw!r}: no such folder (a copy of eventwire's data/ folder)")
    return path


def _text(name: str, raw: str) -> str | None:
    return raw.strip() or None


def _seconds(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r}: expected a number of seconds") from None
    if value < 0:
        raise SettingsError(f"{name}={raw!r}: expected a number of seconds, 0 or more")
    return value


def _origins(name: str, raw: str) -> tuple[str, ...]:
    return tuple(o.strip() for o in raw.split(",") if o.strip())


def _workers(name: str, raw: str) -> int | None:
    if not raw.strip():
        return None
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r}: expected a whole number of worker processes") from None
    if value < 0:
        raise SettingsError(f"{name}={raw!r}: expected 0 (all cores) or more")
    return value or None


def _var(
    variable: str, parse: Callable[[str, str], Any], doc: str, default: Any = None, worker: bool = False
) -> Any:
    meta = {"variable": variable, "parse": parse, "doc": doc, "worker": worker}
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class Settings:
    """Everything that changes what eventwire does, each field with the variable that sets it."""

    db: str | None = _var("EVENTWIRE_DB", _text, f"SQLAlchemy URL of the store (default {DEFAULT_DB}).")
    data_dir: Path | None = _var(
        "EVENTWIRE_DATA",
        _folder,
        "A folder to read the language data from instead of the shipped data/ (copy it, then edit).",
        worker=True,
    )
    knowledge: tuple[Path, ...] = _var(
        "EVENTWIRE_KNOWLEDGE",
        _paths,
        "Extra knowledge files (people, organisations, aliases), ':'-separated.",
        (),
        worker=True,
    )
    workers: int | None = _var(
        "EVENTWIRE_WORKERS", _workers, "Worker processes for ingest (default: all cores)."
    )
    prefilter: bool = _var(
        "EVENTWIRE_PREFILTER",
        _flag,
        "0 parses every story and sentence, not only those that can yield a record (market copy included).",
        True,
        worker=True,
    )
    memory_zone: bool = _var(
        "EVENTWIRE_MEMORY_ZONE",
        _flag,
        "0 keeps every word spaCy has seen (no memory zones); same output.",
        True,
        worker=True,
    )
    matmul: str | None = _var(
        "EVENTWIRE_MATMUL",
        _choice(("numpy", "blis")),
        "blis keeps thinc's matrix library instead of numpy's BLAS.",
        worker=True,
    )
    ner: str | None = _var(
        "EVENTWIRE_NER",
        _choice(("fast", "spacy")),
        "spacy decodes entities with spaCy's own loop instead of eventwire's (same entities, slower).",
        worker=True,
    )
    start_method: str | None = _var(
        "EVENTWIRE_START_METHOD",
        _choice(("fork", "forkserver", "spawn")),
        "How worker processes start (default: fork when safe, else forkserver).",
    )
    token: str | None = _var("EVENTWIRE_TOKEN", _text, "Bearer token that turns on POST /api/ingest.")
    cors: tuple[str, ...] = _var(
        "EVENTWIRE_CORS", _origins, "Origins allowed to call the API, comma-separated.", ()
    )
    cache_seconds: float = _var(
        "EVENTWIRE_CACHE_SECONDS", _seconds, "How long the web app reuses an answer (default 2).", 2.0
    )

    @property
    def database(self) -> str:
        return self.db or DEFAULT_DB

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **flags: Any) -> Settings:
        """Flags given (not None) win over ``EVENTWIRE_*`` variables, which win over defaults."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            var = f.metadata["variable"]
            if var in environ:
                values[f.name] = f.metadata["parse"](var, environ[var])
        values.update({k: v for k, v in flags.items() if v is not None})
        return cls(**values)

    def env(self, workers_only: bool = False) -> dict[str, str]:
        """The ``EVENTWIRE_*`` variables that give a child process these settings; with
        ``workers_only``, just those that change what a worker extracts (for Ray actors)."""
        out: dict[str, str] = {}
        for f in fields(self):
            if workers_only and not f.metadata["worker"]:
                continue
            value = getattr(self, f.name)
            if value is None or value == ():
                continue
            if isinstance(value, bool):
                text = "1" if value else "0"
            elif isinstance(value, tuple):
                text = (os.pathsep if f.name == "knowledge" else ",").join(str(v) for v in value)
            else:
                text = str(value)
            out[f.metadata["variable"]] = text
        return out

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def table() -> list[tuple[str, str, str]]:
    """(variable, default, what it does) for every setting: the README's table is this one."""
    default = Settings()
    rows = []
    for f in fields(Settings):
        value = getattr(default, f.name)
        shown = "" if value in (None, ()) else ("1" if value is True else str(value))
        if f.name == "db":
            shown = DEFAULT_DB
        rows.append((f.metadata["variable"], shown, f.metadata["doc"]))
    return rows


_VARIABLES = tuple(f.metadata["variable"] for f in fields(Settings))
_current: Settings | None = None
_seen: tuple[str | None, ...] = ()


def get_settings() -> Settings:
    """The settings of this process: what ``configure`` set, else read from the environment.

    Read again only when an ``EVENTWIRE_*`` variable changed since (a dozen dictionary look-ups a
    call), so a variable set by a test or an embedding program is never shadowed by a stale copy.
    """
    global _current, _seen
    snapshot = tuple(os.environ.get(v) for v in _VARIABLES)
    if _current is None or snapshot != _seen:
        _current, _seen = Settings.from_env(), snapshot
    return _current


def configure(settings: Settings) -> Settings:
    """Make ``settings`` this process's, and its children's (written back to the environment)."""
    global _current, _seen
    for var in _VARIABLES:
        os.environ.pop(var, None)
    os.environ.update(settings.env())
    _current, _seen = settings, tuple(os.environ.get(v) for v in _VARIABLES)
    return settings
