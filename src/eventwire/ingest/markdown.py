"""Markdown articles: front matter gives metadata, markup is reduced to plain prose."""

from __future__ import annotations

import re
from typing import Any

import yaml

_FRONT = re.compile(r"\A---\s*\n(.*?)\n(?:---|\.\.\.)\s*\n", re.S)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(metadata, rest) for a document opening with a YAML front-matter block."""
    m = _FRONT.match(text.lstrip("\ufeff"))
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(meta, dict):
        return {}, text
    return meta, text.lstrip("\ufeff")[m.end() :]


def markdown_to_text(md: str) -> str:
    """Headings, emphasis, links, images and quotes to plain text (line structure kept)."""
    out = []
    in_code = False
    for line in md.split("\n"):
        if line.strip().startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        s = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)  # images
        s = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", s)  # links
        s = re.sub(r"^\s{0,3}#{1,6}\s+", "", s)  # headings
        s = re.sub(r"\s+#+\s*$", "", s)
        s = re.sub(r"^\s{0,3}>\s?", "", s)  # block quotes
        s = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", s)  # list markers
        if re.fullmatch(r"\s*(?:[-*_]\s*){3,}", s):
            s = ""  # horizontal rule
        s = re.sub(r"(\*\*|__)(.+?)\1", r"\2", s)
        s = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", s)
        s = re.sub(r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])", r"\1", s)
        s = re.sub(r"`([^`]+)`", r"\1", s)
        out.append(s)
    return "\n".join(out)
