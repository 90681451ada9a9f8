"""Atom feeds of any filtered list, so an analyst follows a dyad, an actor or a search in a reader.

``/api/events.atom?dyad=TUR,MYS&type=AGREE`` is the newest records the same filters give on
``/events``: each entry links to the record's page, carries its evidence sentences and links to
the reporting articles (only http(s) addresses, see ``store/urls.py``). The feed's ``id`` is its
own URL, so two readers following the same filters follow the same feed. Built with ElementTree,
which escapes every text it is given: article text cannot break out of its element.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from ..store.urls import web_url

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50


def _stamp(date: Any, fallback: str) -> str:
    """An RFC 3339 instant for a record's ISO date of any precision (its first day, at midnight UTC)."""
    if isinstance(date, str) and len(date) >= 4 and date[:4].isdigit():
        y = date[:4]
        m = date[5:7] if len(date) >= 7 else "01"
        d = date[8:10] if len(date) >= 10 else "01"
        try:
            return dt.datetime(int(y), int(m), int(d), tzinfo=dt.UTC).isoformat().replace("+00:00", "Z")
        except ValueError:
            return fallback
    return fallback


def atom_feed(
    *,
    kind: str,
    records: list[dict[str, Any]],
    self_url: str,
    page_url: str,
    base: str,
    title: str,
    label: Callable[[str, dict[str, Any]], str],
    refs: dict[str, dict[str, Any]],
) -> bytes:
    """The Atom 1.0 document of ``records`` (newest first), as UTF-8 bytes."""
    ET.register_namespace("", ATOM)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    feed = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    sub(feed, "id", self_url)
    sub(feed, "title", title)
    stamps = [_stamp(r.get("date") or r.get("published"), "") for r in records]
    sub(feed, "updated", max([s for s in stamps if s], default=now))
    sub(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    sub(feed, "link", rel="alternate", type="text/html", href=page_url)
    author = sub(feed, "author")
    sub(author, "name", "eventwire")
    sub(feed, "generator", "eventwire")
    for rec, stamp in zip(records, stamps, strict=True):
        entry = sub(feed, "entry")
        link = f"{base}/{kind}/{rec['id']}"
        sub(entry, "id", link)
        sub(entry, "title", label(kind, rec))
        sub(entry, "updated", stamp or now)
        if stamp:
            sub(entry, "published", stamp)
        sub(entry, "link", rel="alternate", type="text/html", href=link)
        if kind == "articles":
            url = web_url(rec.get("url"))
            if url:
                sub(entry, "link", rel="related", type="text/html", href=url)
            sub(entry, "summary", " ".join(str(rec.get("text") or "").split())[:600])
            continue
        for art in _articles(rec, refs):
            sub(entry, "link", rel="related", type="text/html", href=art)
        sub(entry, "content", _evidence_html(rec, refs, base), type="html")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _articles(rec: dict[str, Any], refs: dict[str, dict[str, Any]]) -> list[str]:
    urls = [refs.get(m.get("article_id"), {}).get("url") for m in rec.get("mentions") or []]
    return list(dict.fromkeys(u for u in urls if u))


def _evidence_html(rec: dict[str, Any], refs: dict[str, dict[str, Any]], base: str) -> str:
    """The evidence as an HTML fragment (escaped here; the reader receives it as text in XML)."""
    from html import escape

    items = []
    for m in rec.get("mentions") or []:
        sentence = escape(" ".join(str(m.get("sentence") or "").split()))
        aid = m.get("article_id") or ""
        local = f'<a href="{escape(base)}/articles/{escape(aid)}">in eventwire</a>'
        url = refs.get(aid, {}).get("url")
        original = f' · <a href="{escape(url)}">original</a>' if url else ""
        items.append(f"<li><blockquote>{sentence}</blockquote>{local}{original}</li>")
    return "<ul>" + "".join(items) + "</ul>" if items else "<p>No evidence recorded.</p>"
