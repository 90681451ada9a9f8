"""Which stored URLs may become links: only ``http`` and ``https`` ones.

Article metadata comes from the files an analyst ingests, and a JSON item may say anything in its
``url`` (``javascript:alert(4)``, ``file:///etc/passwd``, ``data:...``). The value is kept as the
source gave it, as text; every place that turns a URL into a link (pages, feeds, the ``url`` of
exported articles, ``source_urls``, GDELT's ``SOURCEURL``, FtM's ``sourceUrl``) asks here first,
so a browser, a feed reader or a downstream tool is never handed a script as a link.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def web_url(value: object) -> str | None:
    """``value`` when it is an absolute http(s) URL with a host, else None."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or any(ord(ch) < 0x20 or ch.isspace() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url
