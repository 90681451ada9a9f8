"""The one place an :class:`Article` is made, so every format gets the same cleaning and identity."""

from __future__ import annotations

from eventwire.ingest.dates import parse_any_date
from eventwire.ingest.detect import fix_mojibake
from eventwire.ingest.htmlread import fragment_to_text, looks_like_html
from eventwire.ingest.language import guess_language, normalise_language
from eventwire.ingest.rules import load_rules
from eventwire.ingest.textclean import clean_text, identity_text, tidy_name
from eventwire.model import Article, Rejection, stable_id


def article_id(clean: str) -> str:
    """Id from content only: the same story ingested twice (or from two paths) is one article."""
    return stable_id("a", identity_text(clean))


def one_line(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        parts = [one_line(v) for v in value]
        joined = ", ".join(p for p in parts if p)
        return joined or None
    if isinstance(value, dict):
        for k in ("name", "title", "value", "text", "@value"):
            if k in value:
                return one_line(value[k])
        return None
    s = " ".join(str(value).split())
    return s or None


def make_article(
    path: str,
    body: str,
    *,
    source_format: str,
    title: object = None,
    author: object = None,
    published: object = None,
    publisher: object = None,
    url: object = None,
    language: object = None,
) -> Article | Rejection:
    """Clean the body with what the source already told us, fill the gaps from the text."""
    limit = load_rules().limits["max_text_chars"]
    if len(body) > limit:
        return Rejection(path, f"text longer than {limit} characters (not a single article)")
    if looks_like_html(body):
        body = fragment_to_text(body)
    body = fix_mojibake(body)
    title_s = one_line(title)
    if title_s:
        title_s = fix_mojibake(title_s)
    if title_s and looks_like_html(title_s):
        title_s = fragment_to_text(title_s) or None
    author_s = one_line(author)
    if author_s:
        author_s = tidy_name(author_s)
    pub = parse_any_date(published) if published is not None else None
    cleaned = clean_text(
        body,
        title=title_s,
        author=author_s,
        published=pub,
        publisher=one_line(publisher),
        find_title=title_s is None,
    )
    if len(cleaned.text) < load_rules().limits["min_text_chars"]:
        return Rejection(path, "no article text" if not cleaned.text else "article text too short")
    lang = normalise_language(language) or cleaned.language or guess_language(cleaned.text)
    url_s = one_line(url) or cleaned.url
    return Article(
        id=article_id(cleaned.text),
        path=path,
        text=cleaned.text,
        url=url_s,
        title=cleaned.title,
        author=cleaned.author,
        published=cleaned.published,
        publisher=cleaned.publisher,
        language=lang,
        source_format=source_format,
        caption_dates=list(cleaned.caption_dates),
    )
