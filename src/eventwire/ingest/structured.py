"""JSON and JSON Lines articles (news-please output and the common variants of its fields).

Field names differ by scraper; the names tried, in order, are data (``json_fields`` in
``data/ingest.yaml``). A bad line in a JSON Lines file costs that line only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from eventwire.ingest.build import make_article
from eventwire.ingest.rules import load_rules
from eventwire.model import Article, Rejection


def _pick(obj: dict[str, Any], field: str) -> Any:
    for name in load_rules().json_fields[field]:
        v = obj.get(name)
        if v not in (None, "", [], {}):
            return v
    return None


def record_to_article(obj: object, path: str, fmt: str) -> Article | Rejection:
    """One JSON object -> Article (or a rejection naming what is missing)."""
    if not isinstance(obj, dict):
        return Rejection(path, f"JSON item is a {type(obj).__name__}, not an object")
    text = _pick(obj, "text")
    if isinstance(text, list):
        text = "\n\n".join(str(t) for t in text if t)
    if not isinstance(text, str) or not text.strip():
        return Rejection(path, "JSON record has no article text (maintext/text/body/content)")
    return make_article(
        path,
        text,
        source_format=fmt,
        title=_pick(obj, "title"),
        author=_pick(obj, "author"),
        published=_pick(obj, "published"),
        publisher=_pick(obj, "publisher"),
        url=_pick(obj, "url"),
        language=_pick(obj, "language"),
    )


def read_json(text: str, path: str) -> Iterator[Article | Rejection]:
    """A JSON file holding one article, a list of them, or an object wrapping such a list."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        if e.msg.startswith("Extra data") and text.lstrip().startswith("{"):
            # JSON Lines saved as .json
            yield from read_jsonl(text, path)
            return
        yield Rejection(path, f"malformed JSON at line {e.lineno}: {e.msg}")
        return
    except RecursionError:
        yield Rejection(path, "JSON nested too deeply")
        return
    if isinstance(data, dict) and _pick(data, "text") is None:
        for key in load_rules().json_containers:
            inner = data.get(key)
            if isinstance(inner, list) and inner and all(isinstance(x, dict) for x in inner):
                data = inner
                break
    if isinstance(data, dict):
        yield record_to_article(data, path, "json")
        return
    if isinstance(data, list):
        if not data:
            yield Rejection(path, "JSON list is empty")
        for n, item in enumerate(data, 1):
            yield record_to_article(item, f"{path}#{n}", "json")
        return
    yield Rejection(path, f"JSON holds a {type(data).__name__}, not an article object")


def read_jsonl(text: str, path: str) -> Iterator[Article | Rejection]:
    """One article per line; the item path is ``path#LINE``, a bad line is ``path:LINE``."""
    any_line = False
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        any_line = True
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Rejection(f"{path}:{lineno}", f"malformed JSON at line {lineno}: {e.msg}")
            continue
        except RecursionError:
            yield Rejection(f"{path}:{lineno}", f"JSON nested too deeply at line {lineno}")
            continue
        yield record_to_article(obj, f"{path}#{lineno}", "jsonl")
    if not any_line:
        yield Rejection(path, "empty file")
