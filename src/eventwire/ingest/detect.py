"""What a file is (by content, not only by name) and how its bytes become text.

Names lie: a ``.txt`` can be a PDF, a ``.json`` can be JSON Lines, an ``.html`` can be plain text.
Each reader trusts only what this module decided, and a file this module cannot decode becomes a
rejection with a reason a person can act on.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP/Office"),
    (b"\x89PNG", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"7z\xbc\xaf", "7-Zip"),
    (b"\x7fELF", "executable"),
    (b"MZ\x90\x00", "executable"),
    (b"BZh91AY&SY", "bzip2"),
    (b"\xfd7zXZ", "xz"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\xd0\xcf\x11\xe0", "MS Office"),
    (b"SQLite format 3", "SQLite database"),
    (b"OggS\x00", "audio"),
    (b"ID3\x03", "audio"),
    (b"ID3\x04", "audio"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
GZIP_MAGIC = b"\x1f\x8b"

TEXT_EXTS = (".txt", ".text")
MARKDOWN_EXTS = (".md", ".markdown")
HTML_EXTS = (".html", ".htm", ".xhtml")
JSON_EXTS = (".json",)
JSONL_EXTS = (".jsonl", ".ndjson")
FEED_EXTS = (".xml", ".rss", ".atom")
WARC_EXTS = (".warc", ".warc.gz", ".arc.gz")
SGML_EXTS = (".sgm", ".sgml")
TIMEML_EXTS = (".tml",)
SUPPORTED_EXTS = (
    TEXT_EXTS
    + MARKDOWN_EXTS
    + HTML_EXTS
    + JSON_EXTS
    + JSONL_EXTS
    + FEED_EXTS
    + WARC_EXTS
    + SGML_EXTS
    + TIMEML_EXTS
)


def has_ext(name: str, exts: tuple[str, ...]) -> bool:
    low = name.lower()
    return any(low.endswith(e) for e in exts)


def binary_kind(data: bytes) -> str | None:
    """A short name for binary content ("PDF", "binary content"), or None for text."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    sample = data[:8192]
    if b"\x00" in sample:
        return "binary content"
    ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if sample and ctrl / len(sample) > 0.05:
        return "binary content"
    return None


def decode(data: bytes, declared: str | None = None) -> tuple[str | None, str | None]:
    """(text, None) or (None, reason). UTF-8 first (fast and most common), then what the source
    declared, then charset-normalizer's guess (cp1252/latin-1/cp1251 news exports)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), None
            except UnicodeDecodeError:
                return None, f"invalid {enc} text"
    kind = binary_kind(data)
    if kind:
        return None, f"binary content ({kind})" if kind != "binary content" else "binary content"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), None
        except (LookupError, UnicodeDecodeError):
            pass
    # mostly-ASCII text with a few accented letters is Western European (cp1252 is the superset
    # of latin-1 that Windows-made news exports use); statistical detectors often call such a
    # short sample Baltic or Turkish and turn "Zürich" into "Z³rich"
    for enc in ("cp1252", "latin-1"):
        try:
            guess = data.decode(enc)
        except UnicodeDecodeError:
            continue
        letters = sum(1 for ch in guess if ch.isalpha())
        high = sum(1 for ch in guess if ord(ch) > 127)
        if high <= 0.1 * max(letters, 1) and not any(0x80 <= ord(ch) <= 0x9F for ch in guess):
            return guess, None
    best = from_bytes(data).best()
    if best is None:
        return None, "binary content (no text encoding fits)"
    text = str(best)
    bad = sum(1 for ch in text[:8192] if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f"))
    if bad > max(8, len(text[:8192]) * 0.02):
        return None, "binary content (undecodable text)"
    return text, None


_HTML_HINT = re.compile(
    r"<(?:html|head|body|div|p|article|section|main|title|meta|span|h[1-6]|table|br)\b", re.I
)


def sniff_text(text: str, name: str) -> str:
    """Format of decoded text: html | feed | timeml | xml | sgml | json | jsonl | markdown | text."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    low = head[:2048].lower()
    if head.startswith(("{", "[")):
        if has_ext(name, JSONL_EXTS):
            return "jsonl"
        return "json"
    if low.startswith("<?xml") or low.startswith("<rss") or low.startswith("<feed") or low.startswith("<rdf"):
        if re.search(r"<(?:rss|feed|rdf:rdf)\b", low):
            return "feed"
        if re.search(r"<html\b", low):
            return "html"
        if re.search(r"<timeml\b", low):
            return "timeml"
        return "xml"
    if re.search(r"<!doctype\s+lewis|<reuters\b", low[:600]):
        return "sgml"
    if low.startswith("<timeml"):
        return "timeml"
    if low.startswith("<!doctype html") or low.startswith("<html"):
        return "html"
    if head.startswith("<") and len(_HTML_HINT.findall(low)) >= 2:
        return "html"
    if has_ext(name, HTML_EXTS) and len(_HTML_HINT.findall(low)) >= 2:
        return "html"
    if has_ext(name, JSONL_EXTS):
        return "jsonl"
    if has_ext(name, MARKDOWN_EXTS):
        return "markdown"
    return "text"


_MOJIBAKE = re.compile(r"Ã[\x80-\xbf¡-¿]|â€[™œ\x9d˜“”¦¢]|Â[\xa0-\xbf]")


def _redecode(line: str) -> str:
    """Bytes back as cp1252 (latin-1 for the five bytes cp1252 leaves undefined), read as UTF-8."""
    buf = bytearray()
    for ch in line:
        try:
            buf += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) < 256:
                buf.append(ord(ch))
            else:
                return line
    try:
        return buf.decode("utf-8")
    except UnicodeDecodeError:
        return line


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252 ("TÃ¼rkiye" -> "Türkiye"), a common scraper accident.

    Only lines that show the tell-tale pairs are touched, and only when re-decoding succeeds,
    so correct text (including real "Ã" in Portuguese) is left alone.
    """
    if not _MOJIBAKE.search(text):
        return text
    out = []
    for line in text.split("\n"):
        if _MOJIBAKE.search(line):
            fixed = _redecode(line)
            if len(_MOJIBAKE.findall(fixed)) < len(_MOJIBAKE.findall(line)):
                line = fixed
        out.append(line)
    return "\n".join(out)
