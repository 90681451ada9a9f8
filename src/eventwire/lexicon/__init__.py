"""eventwire's language knowledge: every data file is read through here, and checked as it is read.

``load("deals")`` returns the parsed ``data/deals.yaml`` once it fits its schema (``files.py``);
``event_files()`` the pattern files of ``data/events/``; ``knowledge_file(path)`` an analyst's
knowledge file. A file that does not fit raises ``LexiconError`` naming the file, the entry and
the key (``<file>: <entry>: <key>: <what is wrong>``). ``check_all()`` loads every one of them: the
commands that extract call it in the main process before any worker starts, so a typo is one line
and exit status 2, never a pool of workers failing forever or a run that silently codes nothing.

Parsed files are kept per process (keyed by path, size and modification time), so the check costs
the workers nothing more: forked, they inherit the parent's; started afresh, each extractor's
first ``load`` parses and checks the file once.

PyYAML's default ``safe_load`` is pure Python; its libyaml-backed ``CSafeLoader`` builds the same
objects, just as safely, about ten times faster.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

from .cache import per_data_folder
from .files import EVENT_FILE, EVENTS_DIR, FILES, DataFile, Knowledge
from .schema import LexiconError, check

SHIPPED_DATA = Path(__file__).resolve().parent.parent / "data"

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = [
    "LexiconError",
    "SHIPPED_DATA",
    "check_all",
    "data_dir",
    "data_path",
    "event_files",
    "knowledge_file",
    "load",
    "load_yaml",
    "per_data_folder",
]


def load_yaml(text: str) -> Any:
    """The data in a YAML document (safe: plain types only); unchecked, for tools and tests."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader


def data_dir() -> Path:
    """The language data in use: ``EVENTWIRE_DATA`` (an analyst's own copy) or the shipped folder."""
    from ..settings import get_settings

    return get_settings().data_dir or SHIPPED_DATA


def data_path(name: str) -> Path:
    """The data file ``name``, relative to the data folder in use."""
    return data_dir() / name


def load(name: str) -> Any:
    """The checked data of the data file registered as ``name`` (``files.FILES``)."""
    spec = FILES[name]
    return _load(data_path(spec.path), spec, " (the data folder must hold every data file)")


def event_files() -> list[tuple[Path, Any]]:
    """Every event pattern file (``events/*.yaml``), checked, in file-name order."""
    folder = data_path(EVENTS_DIR)
    return [(p, _load(p, EVENT_FILE)) for p in sorted(folder.glob("*.yaml"))]


def knowledge_file(path: str | Path) -> Knowledge:
    """An analyst's knowledge file (``EVENTWIRE_KNOWLEDGE``), checked like the shipped one."""
    return _load(Path(path), DataFile(str(path), FILES["knowledge"].schema, FILES["knowledge"].after))


def check_all(knowledge: Sequence[str | Path] | None = None) -> None:
    """Load and check every data file and every knowledge file; raise ``LexiconError`` on the first
    problem. Call it before starting workers: cheap when done (each file is parsed once)."""
    from ..settings import get_settings

    for name in FILES:
        load(name)
    event_files()
    for path in get_settings().knowledge if knowledge is None else knowledge:
        knowledge_file(path)


_CACHE: dict[Path, tuple[tuple[int, int], Any]] = {}


def _load(path: Path, spec: DataFile, missing: str = "") -> Any:
    try:
        st = path.stat()
    except OSError:
        raise LexiconError(str(path), problem=f"file not found{missing}") from None
    stamp = (st.st_mtime_ns, st.st_size)
    hit = _CACHE.get(path)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    data = _parse(path)
    check(data, spec.schema, str(path))
    if spec.after is not None:
        spec.after(data, lambda where, key, problem: LexiconError(str(path), where, key, problem))
    _CACHE[path] = (stamp, data)
    return data


def _parse(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LexiconError(str(path), problem=f"not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise LexiconError(str(path), problem=f"cannot be read: {exc.strerror}") from None
    try:
        return load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = [f"line {mark.line + 1}, column {mark.column + 1}"] if mark is not None else []
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise LexiconError(str(path), where, problem=f"not valid YAML: {problem}") from None


def iter_words(*values: Any) -> Iterator[str]:
    """Every word in nested lists and mappings' values (a mapping's keys are not words here)."""
    for v in values:
        if v is None:
            continue
        if isinstance(v, str):
            yield v
        elif isinstance(v, dict):
            yield from iter_words(*v.values())
        else:
            yield from iter_words(*v)
