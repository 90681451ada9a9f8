"""Files and folders in, articles and rejections out, in a deterministic order.

Ingest runs unattended over whatever a user points it at, so no input may stop it: every failure
becomes a :class:`Rejection` with a one-line reason, sizes are checked before reading, and the
parsers that could recurse are guarded (see :mod:`eventwire.ingest.htmlread`).
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterator

from eventwire.ingest import sidecar
from eventwire.ingest.build import make_article
from eventwire.ingest.detect import (
    GZIP_MAGIC,
    SUPPORTED_EXTS,
    WARC_EXTS,
    decode,
    has_ext,
    sniff_text,
)
from eventwire.ingest.feeds import read_feed
from eventwire.ingest.htmlread import depth_problem, extract_page
from eventwire.ingest.markdown import markdown_to_text, split_front_matter
from eventwire.ingest.rules import load_rules
from eventwire.ingest.sgml import read_sgml
from eventwire.ingest.structured import read_json, read_jsonl
from eventwire.ingest.timeml import read_timeml
from eventwire.ingest.warcread import read_warc
from eventwire.model import Article, Rejection

_MD_HEADING = re.compile(r"#{1,3} \S")


def iter_files(folder: str) -> Iterator[str]:
    """Supported files under a folder, recursively, sorted, hidden entries skipped.

    Sorted so that two runs over the same folder see the same order (the earliest copy of a
    near-duplicate is the one kept).
    """
    skip = load_rules().skip_file_names
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not has_ext(name, SUPPORTED_EXTS) or sidecar.is_sidecar(name):
                continue
            if any(fnmatch.fnmatch(name.lower(), g) for g in skip):
                continue
            yield os.path.join(root, name)


def read_paths(paths: list[str], max_bytes: int = 50_000_000) -> Iterator[Article | Rejection]:
    """Every article in the given files and folders; never raises for a bad input."""
    for p in paths:
        if os.path.isdir(p):
            for f in iter_files(p):
                yield from read_file(f, max_bytes)
        elif os.path.isfile(p) and sidecar.is_sidecar(p):
            if not os.path.isfile(p[: -len(sidecar.SUFFIX)]):
                yield Rejection(p, "metadata sidecar without its article file")
            # else read with its article (a shell glob names both)
        elif os.path.isfile(p):
            yield from read_file(p, max_bytes)
        elif not os.path.exists(p):
            yield Rejection(p, "no such file or directory")
        else:
            yield Rejection(p, "not a regular file")


# how a container format marks each item it holds, for the progress bar's estimate of the total
_ITEM_MARKS = {".sgm": b"<REUTERS", ".sgml": b"<REUTERS", ".jsonl": b"\n", ".xml": b"<item", ".rss": b"<item"}


def count_items(paths: list[str], max_bytes: int = 50_000_000) -> int:
    """About how many items (articles or rejections) ``read_paths`` will yield, without parsing.

    One per file, except in containers whose items a byte pattern marks (Reuters SGML stories,
    JSONL lines, feed items or entries): a cheap scan, so a progress bar can show a total and an
    ETA before the slow work starts.
    """
    n = 0
    files = (f for p in paths for f in (iter_files(p) if os.path.isdir(p) else [p]))
    for f in files:
        low = f.lower()
        mark = next((m for ext, m in _ITEM_MARKS.items() if low.endswith(ext)), None)
        if mark is None or not os.path.isfile(f) or os.path.getsize(f) > max_bytes:
            n += 1
            continue
        try:
            with open(f, "rb") as fh:
                data = fh.read()
        except OSError:
            n += 1
            continue
        found = data.count(mark) + (data.count(b"<entry") if mark == b"<item" else 0)
        n += max(1, found + (1 if mark == b"\n" and not data.endswith(b"\n") else 0))
    return n


def read_file(path: str, max_bytes: int = 50_000_000) -> Iterator[Article | Rejection]:
    """All articles in one file (one for most formats, many for feeds, JSON lists, WARC), with the
    metadata of its sidecar ``<file>.meta.json`` when there is one."""
    meta = sidecar.load(path)
    if isinstance(meta, Rejection):
        yield meta  # named, and the file is still read on its own
        meta = None
    try:
        if meta:
            for item in _read_file(path, max_bytes):
                yield sidecar.apply(item, meta) if isinstance(item, Article) else item
            return
        yield from _read_file(path, max_bytes)
    except RecursionError:
        yield Rejection(path, "input nested too deeply to parse")
    except MemoryError:
        yield Rejection(path, "input too large to parse in memory")
    except Exception as e:  # noqa: BLE001 - a bad file must never stop a run
        yield Rejection(path, f"unreadable: {type(e).__name__}: {' '.join(str(e).split())[:160]}")


def _read_file(path: str, max_bytes: int) -> Iterator[Article | Rejection]:
    try:
        size = os.path.getsize(path)
    except OSError as e:
        yield Rejection(path, f"cannot read file: {e.strerror or e}")
        return
    is_warc_name = has_ext(path, WARC_EXTS)
    if size == 0:
        yield Rejection(path, "empty file")
        return
    if size > max_bytes and not is_warc_name:
        yield Rejection(path, f"file larger than {max_bytes} bytes")
        return
    with open(path, "rb") as fh:
        head = fh.read(16)
    if head.startswith(b"WARC/") or (head.startswith(GZIP_MAGIC) and is_warc_name):
        yield from read_warc(path, max_bytes)
        return
    if is_warc_name:
        yield Rejection(path, "not a WARC file")
        return
    if head.startswith(GZIP_MAGIC):
        yield Rejection(path, "compressed file (gzip) that is not a WARC")
        return
    with open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Rejection(path, f"file larger than {max_bytes} bytes")
        return
    if not data.strip():
        yield Rejection(path, "empty file")
        return
    text, reason = decode(data)
    if text is None:
        yield Rejection(path, reason or "undecodable file")
        return
    if not text.strip():
        yield Rejection(path, "empty file")
        return
    fmt = sniff_text(text, path)
    if fmt == "json":
        yield from read_json(text, path)
    elif fmt == "jsonl":
        yield from read_jsonl(text, path)
    elif fmt == "feed":
        deep = depth_problem(text)
        if deep:
            yield Rejection(path, deep.replace("HTML", "XML"))
            return
        yield from read_feed(text.encode("utf-8"), path)
    elif fmt == "html":
        yield from _read_html(text, path)
    elif fmt == "sgml":
        yield from read_sgml(text, path)
    elif fmt == "timeml":
        yield from read_timeml(text, path)
    elif fmt == "xml":
        yield Rejection(path, "XML that is neither RSS nor Atom")
    elif fmt == "markdown":
        meta, rest = split_front_matter(text)
        yield make_article(
            path,
            markdown_to_text(rest),
            source_format="markdown",
            title=meta.get("title"),
            author=meta.get("author") or meta.get("authors"),
            published=meta.get("date") or meta.get("published"),
            publisher=meta.get("publisher") or meta.get("source"),
            url=meta.get("url"),
            language=meta.get("language") or meta.get("lang"),
        )
    else:
        if _MD_HEADING.match(text.lstrip("\ufeff\n ")):
            text = markdown_to_text(text)  # Markdown saved as .txt
        yield make_article(path, text, source_format="text")


def _read_html(text: str, path: str) -> Iterator[Article | Rejection]:
    deep = depth_problem(text)
    if deep:
        yield Rejection(path, deep)
        return
    page = extract_page(text)
    if page is None:
        yield Rejection(path, "no article text in HTML")
        return
    lang = page.language
    if not lang:
        m = re.search(r"<html\b[^>]*\blang=[\"']?([A-Za-z]{2,3})", text[:5000], re.I)
        lang = m.group(1) if m else None
    yield make_article(
        path,
        page.text,
        source_format="html",
        title=page.title,
        author=page.author,
        published=page.published,
        publisher=page.publisher,
        url=page.url,
        language=lang,
    )
