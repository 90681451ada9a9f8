"""Metadata an analyst gives a file from outside it: a sidecar ``<file>.meta.json`` next to it.

Plain-text corpora often carry no date, title or source inside the text (the BBC set has no date
at all), while the analyst knows them from the collection. A sidecar states them for one file:

    story.txt
    story.txt.meta.json   {"published": "2005-03-14", "publisher": "BBC", "title": "..."}

Field names are the ones JSON articles use (``json_fields`` in ``data/ingest.yaml``: ``published``,
``date``, ``title``, ``author``, ``url``, ``publisher``, ``language`` ...). For a file that holds one
article (text, Markdown, HTML) the sidecar's values win over what the file says: the analyst who
wrote them knows better than the page furniture. For a file holding many (a feed, JSON Lines, SGML,
WARC) only the date, publisher and language apply, and only to articles without one: one title
cannot fit them all.
"""

from __future__ import annotations

import json
import os
from typing import Any

from eventwire.ingest.build import one_line
from eventwire.ingest.dates import parse_any_date
from eventwire.ingest.language import normalise_language
from eventwire.ingest.rules import load_rules
from eventwire.ingest.textclean import tidy_name
from eventwire.model import Article, Rejection

SUFFIX = ".meta.json"
_MAX_BYTES = 100_000
SINGLE_FORMATS = frozenset({"text", "markdown", "html"})
FIELDS = ("title", "author", "published", "publisher", "url", "language")
FILE_FIELDS = frozenset({"published", "publisher", "language"})  # what one file's many articles share


def is_sidecar(path: str) -> bool:
    return path.lower().endswith(SUFFIX)


def sidecar_path(path: str) -> str:
    return path + SUFFIX


def load(path: str) -> dict[str, str] | Rejection | None:
    """The sidecar of ``path`` as clean field values, None when there is none, or a Rejection
    naming what is wrong with it (the article is then read without it)."""
    side = sidecar_path(path)
    if not os.path.isfile(side):
        return None
    try:
        if os.path.getsize(side) > _MAX_BYTES:
            return Rejection(side, f"metadata sidecar larger than {_MAX_BYTES} bytes")
        with open(side, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as e:
        return Rejection(side, f"unreadable metadata sidecar: {type(e).__name__}: {str(e)[:120]}")
    if not isinstance(data, dict):
        return Rejection(side, "metadata sidecar is not a JSON object")
    out: dict[str, str] = {}
    names = load_rules().json_fields
    for fld in FIELDS:
        raw = next((data[n] for n in names[fld] if data.get(n) not in (None, "", [], {})), None)
        if raw is None:
            continue
        value = _value(fld, raw)
        if value is None:
            return Rejection(side, f"metadata sidecar: {fld} {str(raw)[:60]!r} is not readable")
        out[fld] = value
    return out


def _value(fld: str, raw: Any) -> str | None:
    if fld == "published":
        return parse_any_date(raw)
    if fld == "language":
        return normalise_language(raw)
    value = one_line(raw)
    if value and fld == "author":
        value = tidy_name(value)
    return value


def apply(article: Article, meta: dict[str, str]) -> Article:
    """Put the sidecar's values on an article read from its file (see the module docstring)."""
    override = article.source_format in SINGLE_FORMATS
    for fld, value in meta.items():
        if override or (fld in FILE_FIELDS and getattr(article, fld) in (None, "")):
            setattr(article, fld, value)
            if fld == "published":
                article.published_inferred = False
    return article
