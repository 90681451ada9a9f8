"""Reuters-21578 SGML files: many ``<REUTERS>`` stories per file, each with its wire date.

The collection is a standard newswire test bed (and ships re-sends to test near-duplicates), so
it is read in place rather than converted first. The <DATE> is the wire time of the story.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from eventwire.ingest.build import make_article
from eventwire.model import Article, Rejection

_STORY = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S | re.I)


def _field(block: str, tag: str) -> str | None:
    m = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S | re.I)
    return html.unescape(m.group(1)).strip() if m else None


def read_sgml(text: str, path: str) -> Iterator[Article | Rejection]:
    any_story = False
    for m in _STORY.finditer(text):
        any_story = True
        attrs, block = m.group(1), m.group(2)
        nid = re.search(r'NEWID="(\d+)"', attrs)
        item = f"{path}#{nid.group(1)}" if nid else f"{path}#{m.start()}"
        body = _field(block, "BODY")
        if not body:  # a title-only wire flash carries no story: named, never silently dropped
            yield Rejection(item, "empty body (a story with a title and no text)")
            continue
        body = re.sub(r"\s*\bReuter\s*$", "", body.replace("\x03", "").rstrip())
        dateline = _field(block, "DATELINE")
        date = _field(block, "DATE")
        if dateline:
            body = f"{' '.join(dateline.split())} {body}"
        yield make_article(
            item,
            body,
            source_format="sgml",
            title=_field(block, "TITLE"),
            published=date.split()[0] if date else None,
            publisher="Reuters",
        )
    if not any_story:
        yield Rejection(path, "SGML file holds no <REUTERS> stories")
