"""HTML pages (files or WARC payloads) into story text and page metadata, via trafilatura.

lxml and trafilatura walk the tree recursively: a page nested a few hundred thousand levels deep
(hostile or broken) would exhaust the stack or take minutes. A linear pre-scan of tag depth
rejects such pages before any parser sees them.
"""

from __future__ import annotations

import html as htmllib
import re
from typing import Any

from eventwire.ingest.rules import load_rules
from eventwire.ingest.textclean import Cleaned

# Elements that never nest in themselves or have no content; HTML lets their end tags be omitted,
# so counting them would make ordinary pages look deep.
_NO_DEPTH = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rp caption".split()
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^<>]*?(/?)>")
_RAW_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "textarea"})


def strip_comments(markup: str) -> str:
    """Remove ``<!-- ... -->`` with a linear scan (a lazy regex is quadratic on unclosed comments)."""
    out: list[str] = []
    pos = 0
    while True:
        i = markup.find("<!--", pos)
        if i < 0:
            out.append(markup[pos:])
            break
        out.append(markup[pos:i])
        j = markup.find("-->", i + 4)
        if j < 0:
            break  # an unclosed comment runs to the end, as browsers read it
        pos = j + 3
        out.append(" ")
    return "".join(out)


def _iter_tags(markup: str):  # noqa: ANN202 - internal generator
    """(closing, name, selfclosing, start, end) for each tag outside comments and raw-text elements."""
    raw_until: str | None = None
    for m in _TAG.finditer(markup):
        closing, name, selfclose = m.group(1), m.group(2).lower(), m.group(3)
        if raw_until is not None:
            if closing and name == raw_until:
                raw_until = None
                yield closing, name, selfclose, m.start(), m.end()
            continue
        if not closing and not selfclose and name in _RAW_TEXT_TAGS:
            raw_until = name
        yield closing, name, selfclose, m.start(), m.end()


def html_depth(markup: str, limit: int) -> int:
    """Maximum element nesting depth, stopping early once ``limit`` is exceeded.

    Linear in the input and recursion-free, so it is safe on any input the size check admits.
    """
    depth = 0
    deepest = 0
    for closing, name, selfclose, _s, _e in _iter_tags(strip_comments(markup)):
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


_BLOCK_TAGS = frozenset(
    "br p div li h1 h2 h3 h4 h5 h6 tr blockquote section article header footer ul ol table".split()
)


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML snippet (feed item content, JSON body with markup), paragraphs kept.

    A linear tag scan, not a parser: snippets are small, and this cannot recurse or raise.
    """
    s = strip_comments(fragment)
    parts: list[str] = []
    pos = 0
    skipping: str | None = None
    for closing, name, _self, start, end in _iter_tags(s):
        if skipping is None:
            parts.append(s[pos:start])
        if name in _RAW_TEXT_TAGS:
            skipping = None if closing else name
        elif name in _BLOCK_TAGS and skipping is None:
            parts.append("\n\n")
        pos = end
    if skipping is None:
        parts.append(s[pos:])
    text = htmllib.unescape("".join(parts))
    lines = [" ".join(ln.split()) for ln in text.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip()


_OPEN_HINT = re.compile(r"<(?:p|div|br|span|a|b|i|em|strong|h[1-6]|ul|li|img|figure)\b[^<>]*>", re.I)
_CLOSE_HINT = re.compile(r"</(?:p|div|span|a|b|i|em|strong|h[1-6]|ul|li|figure)\s*>|<br\s*/?>|<p>", re.I)


def looks_like_html(text: str) -> bool:
    """Markup, as opposed to wire copy that writes tickers in brackets ("<BP>", "<I>")."""
    head = text[:5000]
    return len(_OPEN_HINT.findall(head)) >= 2 and _CLOSE_HINT.search(head) is not None


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_PRUNABLE = ("section", "div", "aside", "ul", "ol", "nav", "footer", "li", "article", "p", "span", "form")


def _class_key(el: Any) -> str:
    raw = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return re.sub(r"[^a-z0-9]+", "-", raw).strip("-")


def prune_tree(markup: str) -> Any | None:
    """The page as an lxml tree without related/teaser/share blocks, or None if it will not parse.

    trafilatura keeps any ``<article>`` it sees, including the cards of a "More news" box, so those
    boxes are cut first: by class/id words and by their heading. Only called after the depth check.
    """
    import lxml.html

    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
        tree = lxml.html.document_fromstring(markup.encode("utf-8", "replace"), parser=parser)
    except (ValueError, TypeError, lxml.etree.LxmlError):
        return None
    rules = load_rules()
    body = tree.find("body")
    total = len(body.text_content()) if body is not None else len(tree.text_content())
    doomed = []
    for el in tree.iter(*_PRUNABLE):
        key = _class_key(el)
        hit = bool(key) and any(part in key for part in rules.html_prune_class_parts)
        if not hit and el.tag in ("section", "div", "aside", "ul", "ol"):
            first = next(iter(el), None)
            if first is not None and (first.tag in _HEADINGS or first.tag in ("div", "span", "p", "strong")):
                heading = " ".join(first.text_content().split())
                hit = 0 < len(heading) <= 60 and rules.teaser_heading.match(heading) is not None
        if hit:
            doomed.append(el)
    for el in doomed:
        if el.getparent() is None:
            continue
        # never cut the story itself (a wrapper whose class happens to say "has-sidebar")
        if total and len(el.text_content()) > 0.5 * total:
            continue
        el.drop_tree()
    return tree


def extract_page(markup: str, url: str | None = None) -> Cleaned | None:
    """Main text and metadata of a page; None when trafilatura finds no article text.

    Only dates printed in the page's markup or URL are used (no "extensive" text search and
    never the file date), so an undated page stays undated.
    """
    import trafilatura

    tree = prune_tree(markup)
    doc = trafilatura.bare_extraction(
        tree if tree is not None else markup,
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
        return Cleaned(
            text=text,
            title=htmllib.unescape(" ".join(title_m.group(1).split())) if title_m else None,
            url=url,
        )
    author = doc.author or None
    if author:
        author = "; ".join(a.strip() for a in author.split(";") if a.strip()).replace("; ", ", ")
    return Cleaned(
        text=text,
        title=doc.title or None,
        author=author,
        published=doc.date or None,
        publisher=doc.sitename or (doc.hostname if getattr(doc, "hostname", None) else None),
        url=doc.url or url,
        language=doc.language or None,
    )
