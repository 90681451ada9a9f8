"""What made an extraction: the version of the code and a digest of the knowledge it read.

Each stored extraction is stamped with both, so the store can tell which articles were extracted
with other knowledge (an analyst edited a pattern) or other code (eventwire was upgraded), and
``eventwire reprocess --stale`` can redo exactly those. The digest hashes file *contents*, never
modification times: copying the data folder, or touching a file, changes nothing that matters.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from . import SHIPPED_DATA, data_dir

DIGEST_CHARS = 16  # 64 bits: a label for a version of the knowledge, not a security boundary

# the parts of eventwire whose code decides what an article's extraction holds (reading files
# into articles, consolidation, storage and the web are not among them: reprocess skips reading
# and always consolidates again)
_EXTRACTION_CODE = ("model.py", "lexicon", "analyse", "link", "extract", "run/article.py")
_PACKAGE = SHIPPED_DATA.parent


class Stamp(NamedTuple):
    """The code version and knowledge digest an extraction was (or would now be) made with."""

    code_version: str
    knowledge_digest: str


def _files_under(root: Path) -> list[Path]:
    """Every file below ``root``, sorted by relative path (the same order on every machine);
    hidden files and editors' backups (``.consult.yaml.swp``, ``consult.yaml~``) are no knowledge."""
    found = (
        p
        for p in root.rglob("*")
        if p.is_file()
        and not p.name.endswith("~")
        and not any(s.startswith(".") for s in p.relative_to(root).parts)
    )
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def _feed(h: hashlib._Hash, label: str, data: bytes | None) -> None:
    """Length-prefixed, so no two different sets of files can run together into one byte string."""
    for part in (label.encode("utf-8"), b"\x00missing" if data is None else data):
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)


@lru_cache(maxsize=8)
def _knowledge_digest(folder: Path, extra: tuple[Path, ...]) -> str:
    h = hashlib.sha256(b"eventwire-knowledge-1")
    for path in _files_under(folder):
        _feed(h, "data/" + path.relative_to(folder).as_posix(), path.read_bytes())
    for i, path in enumerate(extra):  # in the order given: a later file may add to an earlier one
        _feed(h, f"knowledge/{i}", path.read_bytes() if path.is_file() else None)
    return h.hexdigest()[:DIGEST_CHARS]


def knowledge_digest() -> str:
    """A short, stable hash of every file in the data folder in use and every
    ``EVENTWIRE_KNOWLEDGE`` file, read once per process for each choice of folder and files.

    Cached like the loaders cache what they read: a process extracts with the knowledge it
    loaded first, so its stamp must describe that, not a file edited while it runs.
    """
    from ..settings import get_settings

    return _knowledge_digest(data_dir().resolve(), tuple(get_settings().knowledge))


@lru_cache(maxsize=1)
def code_version() -> str:
    """eventwire's version plus a short hash of the extraction code's sources.

    The version alone misses a checkout that changed without a release; the hash of the
    sources (not of web/, export/ or store/, which change no extraction) catches that.
    """
    try:
        version = metadata.version("eventwire")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a bare source tree
        version = "0"
    h = hashlib.sha256(b"eventwire-code-1")
    for part in _EXTRACTION_CODE:
        root = _PACKAGE / part
        files = [root] if root.is_file() else [p for p in _files_under(root) if p.suffix == ".py"]
        for path in files:
            _feed(h, path.relative_to(_PACKAGE).as_posix(), path.read_bytes())
    return f"{version}+{h.hexdigest()[:8]}"


def current_stamp() -> Stamp:
    """The stamp an extraction made now, in this process's settings, carries."""
    return Stamp(code_version(), knowledge_digest())
