"""HTML pages (files or WARC payloads) into story text and page metadata, via trafilatura.

lxml and trafilatura walk the tree recursively: a page nested a few hundred thousand levels deep
(hostile or broken) would exhaust the stack or take minutes. A linear pre-scan of tag depth
rejects such pages before any parser sees them.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass

from eventwire.ingest.rules import load_rules

# Elements that never nest in themselves or have no content; HTML lets their end tags be omitted,
# so counting them would make ordinary pages look deep.
_NO_DEPTH = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rp caption".split()
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^<>]*?(/?)>")
_RAW_TEXT = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def html_depth(markup: str, limit: int) -> int:
    """Maximum element nesting depth, stopping early once ``limit`` is exceeded.

    Linear in the input and recursion-free, so it is safe on any input the size check admits.
    """
    markup = _COMMENT.sub(" ", markup)
    markup = _RAW_TEXT.sub(" ", markup)
    depth = 0
    deepest = 0
    for m in _TAG.finditer(markup):
        closing, name, selfclose = m.group(1), m.group(2).lower(), m.group(3)
        if name in _NO_DEPTH or selfclose:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    return deepest
    return deepest


def depth_problem(markup: str) -> str | None:
    """The rejection reason when the markup is nested too deeply to parse safely."""
    limit = load_rules().limits["max_html_depth"]
    if html_depth(markup, limit) > limit:
        return f"HTML nested deeper than {limit} levels"
    return None


@dataclass
class PageText:
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None


_BLOCK = re.compile(
    r"<\s*(?:br|/p|/div|/li|/h[1-6]|/tr|/blockquote|/section|/article|/header|/footer|p|div|li|h[1-6])\b[^>]*>",
    re.I,
)
_ANY_TAG = re.compile(r"<[^>]*>")


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML snippet (feed item content, JSON body with markup), paragraphs kept.

    A regex pass, not a parser: snippets are small, and this cannot recurse or raise.
    """
    s = _COMMENT.sub(" ", fragment)
    s = _RAW_TEXT.sub(" ", s)
    s = _BLOCK.sub("\n\n", s)
    s = _ANY_TAG.sub("", s)
    s = htmllib.unescape(s)
    lines = [" ".join(ln.split()) for ln in s.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip()


def looks_like_html(text: str) -> bool:
    return bool(
        re.search(r"<(?:p|div|br|span|a|b|i|em|strong|h[1-6]|ul|li|img|figure)\b[^>]*>", text[:5000], re.I)
    )


def extract_page(markup: str, url: str | None = None) -> PageText | None:
    """Main text and metadata of a page; None when trafilatura finds no article text.

    Only dates printed in the page's markup or URL are used (no "extensive" text search and
    never the file date), so an undated page stays undated.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        # trafilatura gives up on very short pages; fall back to all visible text
        body = re.search(r"<body\b[^>]*>(.*)</body>", markup, re.S | re.I)
        text = fragment_to_text(body.group(1) if body else markup)
        if not text.strip():
            return None
        title_m = re.search(r"<title[^>]*>(.*?)</title>", markup, re.S | re.I)
        return PageText(
            text=text,
            title=htmllib.unescape(" ".join(title_m.group(1).split())) if title_m else None,
            url=url,
        )
    author = doc.author or None
    if author:
        author = "; ".join(a.strip() for a in author.split(";") if a.strip()).replace("; ", ", ")
    return PageText(
        text=text,
        title=doc.title or None,
        author=author,
        published=doc.date or None,
        publisher=doc.sitename or (doc.hostname if getattr(doc, "hostname", None) else None),
        url=doc.url or url,
        language=doc.language or None,
    )
