"""WARC / WARC.gz web archives: each HTML ``response`` record is one page to extract.

Records are streamed, so an archive larger than memory is fine; each payload is bounded by the
same size limit as a file. The record's WARC-Date is the crawl time, never the publication date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eventwire.ingest.build import make_article
from eventwire.ingest.detect import decode
from eventwire.ingest.htmlread import depth_problem, extract_page
from eventwire.model import Article, Rejection


def _charset(content_type: str) -> str | None:
    m = re.search(r"charset=[\"']?([\w.:-]+)", content_type or "", re.I)
    return m.group(1) if m else None


def read_warc(path: str, max_bytes: int) -> Iterator[Article | Rejection]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    n = 0
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type not in ("response", "resource"):
                    continue
                n += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                item = f"{path}#{n}"
                if record.rec_type == "response":
                    if record.http_headers is None:
                        continue
                    status = record.http_headers.get_statuscode()
                    if status and not str(status).startswith("2"):
                        continue
                    ctype = record.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = record.rec_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                payload = record.content_stream().read(max_bytes + 1)
                if len(payload) > max_bytes:
                    yield Rejection(item, f"WARC record larger than {max_bytes} bytes")
                    continue
                text, reason = decode(payload, _charset(ctype))
                if text is None:
                    yield Rejection(item, reason or "undecodable record")
                    continue
                deep = depth_problem(text)
                if deep:
                    yield Rejection(item, deep)
                    continue
                page = extract_page(text, url=url)
                if page is None:
                    yield Rejection(item, "no article text in HTML")
                    continue
                found += 1
                yield make_article(
                    item,
                    page.text,
                    source_format="warc",
                    title=page.title,
                    author=page.author,
                    published=page.published,
                    publisher=page.publisher,
                    url=page.url or url,
                    language=page.language,
                )
    except ArchiveLoadFailed as e:
        yield Rejection(path, f"malformed WARC: {' '.join(str(e).split())[:160]}")
        return
    except (OSError, EOFError, ValueError) as e:
        yield Rejection(
            path, f"truncated or corrupt WARC: {type(e).__name__}: {' '.join(str(e).split())[:120]}"
        )
        return
    if not found and not n:
        yield Rejection(path, "WARC holds no HTML responses")
