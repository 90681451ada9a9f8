"""TimeML documents (TempEval/TimeBank ``.tml``): the TEXT element as the story, the DCT as the date.

These corpora are dated newswire (AFP, Xinhua, AP, NYT), useful as a throughput and dating test
bed; their annotations are dropped, only the text a reader would see is kept.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from eventwire.ingest.build import make_article
from eventwire.ingest.dates import parse_any_date
from eventwire.ingest.htmlread import strip_comments
from eventwire.model import Article, Rejection

_TAGS = re.compile(r"<[^<>]*>")


def _element(text: str, tag: str) -> str | None:
    start = text.find(f"<{tag}>")
    if start < 0:
        m = re.search(rf"<{tag}\b[^<>]*>", text)
        if not m:
            return None
        begin = m.end()
    else:
        begin = start + len(tag) + 2
    end = text.find(f"</{tag}>", begin)
    return text[begin:end] if end >= 0 else None


def read_timeml(text: str, path: str) -> Iterator[Article | Rejection]:
    body = _element(text, "TEXT")
    if body is None:
        yield Rejection(path, "TimeML document without a TEXT element")
        return
    plain = html.unescape(_TAGS.sub("", strip_comments(body)))
    dct = _element(text, "DCT") or ""
    m = re.search(r'functionInDocument="CREATION_TIME"', dct) and re.search(r'value="([^"]+)"', dct)
    published = parse_any_date(m.group(1)) if m else None
    title = _element(text, "TITLE")
    agency = re.search(r"\((AFP|Xinhua|AP|Reuters)\)", dct)
    yield make_article(
        path,
        plain,
        source_format="timeml",
        title=html.unescape(_TAGS.sub("", title)).strip() if title else None,
        published=published,
        publisher=agency.group(1) if agency else None,
    )
