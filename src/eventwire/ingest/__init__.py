"""Ingest: files and folders -> cleaned :class:`~eventwire.model.Article` records (or rejections).

``read_paths`` reads every supported format (text, Markdown, HTML, JSON/JSONL, RSS/Atom, WARC,
Reuters SGML, TimeML), strips page debris, reads title/author/date/publisher and gives each article
an id derived from its clean text. ``NearDupIndex`` finds wire re-sends and syndicated copies.
The cleaning rules an analyst edits live in ``data/ingest.yaml``.
"""

from eventwire.ingest.neardup import NearDupIndex
from eventwire.ingest.reader import read_file, read_paths

__all__ = ["NearDupIndex", "read_file", "read_paths"]
