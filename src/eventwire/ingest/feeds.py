"""RSS and Atom feeds: every item is an article with its own title, link, author and date."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator

from eventwire.ingest.build import make_article
from eventwire.ingest.dates import parse_any_date
from eventwire.ingest.htmlread import fragment_to_text
from eventwire.model import Article, Rejection


def _item_date(entry: dict) -> str | None:
    # the date as printed first: feedparser's parsed form is shifted to UTC, which moves an
    # evening story from UTC+3 or a morning one from UTC-5 to the neighbouring day
    for key in ("published", "created", "dc_date", "updated"):
        value = parse_any_date(entry.get(key))
        if value:
            return value
    for key in ("published_parsed", "created_parsed", "updated_parsed"):
        st = entry.get(key)
        if isinstance(st, time.struct_time):
            return f"{st.tm_year:04d}-{st.tm_mon:02d}-{st.tm_mday:02d}"
    return None


def _item_body(entry: dict) -> str:
    best = ""
    for c in entry.get("content") or []:
        value = c.get("value") or ""
        if len(value) > len(best):
            best = value
    summary = entry.get("summary") or entry.get("description") or ""
    if len(summary) > len(best):
        best = summary
    return fragment_to_text(best) if "<" in best else best


def read_feed(data: bytes, path: str) -> Iterator[Article | Rejection]:
    """Items of an RSS/Atom document. A broken feed with readable items is still read
    (feeds in the wild are often slightly malformed); one with none is rejected with the error."""
    import feedparser

    # a stream, never a string: feedparser treats strings that look like URLs as things to fetch
    parsed = feedparser.parse(io.BytesIO(data))
    entries = parsed.get("entries") or []
    err = parsed.get("bozo_exception") if parsed.get("bozo") else None
    malformed = f"malformed XML: {' '.join(str(err).split())[:160] or type(err).__name__}" if err else None
    if not entries:
        yield Rejection(path, malformed or "feed has no items")
        return
    fmt = "atom" if str(parsed.get("version", "")).startswith("atom") else "rss"
    feed = parsed.get("feed") or {}
    publisher = feed.get("title") or None
    lang = feed.get("language") or None
    out: list[Article | Rejection] = []
    for n, entry in enumerate(entries, 1):
        body = _item_body(entry)
        item_path = f"{path}#{n}"
        if not body.strip():
            out.append(Rejection(item_path, "feed item has no text"))
            continue
        author = entry.get("author") or None
        if not author and entry.get("authors"):
            author = [a.get("name") for a in entry["authors"] if a.get("name")] or None
        out.append(
            make_article(
                item_path,
                body,
                source_format=fmt,
                title=fragment_to_text(entry.get("title") or "") or None,
                author=author,
                published=_item_date(entry),
                publisher=publisher,
                url=entry.get("link") or None,
                language=lang,
            )
        )
    if malformed and not any(isinstance(x, Article) for x in out):
        # the items are fragments of a broken document: name the real problem once
        yield Rejection(path, malformed)
        return
    yield from out
