"""Article text with evidence marked, safely: every character of the article goes through escape.

Mentions may overlap (an event and a quote read from the same sentence), so the text is cut at
every span boundary and each piece is marked with all the records covering it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape


@dataclass
class Span:
    start: int
    end: int
    kind: str  # events | deals | figures | quotes | actors | trigger | focus
    label: str = ""
    ids: list[str] = field(default_factory=list)


def locate(text: str, mention: dict[str, Any]) -> tuple[int, int] | None:
    """Where a mention's sentence is in the text (whitespace trimmed), or None when it is not there."""
    span = _locate(text, mention)
    if span is None:
        return None
    a, b = span
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if a < b else None


def _locate(text: str, mention: dict[str, Any]) -> tuple[int, int] | None:
    """Its offsets when they agree with the sentence, else a search for the sentence."""
    start, end, sentence = mention.get("start"), mention.get("end"), mention.get("sentence") or ""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        piece = text[start:end]
        if not sentence or piece.strip() == sentence.strip() or sentence.strip() in piece:
            return start, end
    if sentence:
        i = text.find(sentence.strip())
        if i >= 0:
            return i, i + len(sentence.strip())
    return None


def mark_text(text: str, spans: list[Span], anchor_prefix: str = "m") -> Markup:
    """The whole text, escaped, with ``<mark>`` around spans (an id on each span's first piece)."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[Markup] = []
    anchored: set[int] = set()
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[a:b])
        covering = [s for s in spans if s.start <= a and s.end >= b]
        if not covering:
            out.append(piece)
            continue
        kinds = sorted({s.kind for s in covering})
        title = "; ".join(dict.fromkeys(s.label for s in covering if s.label))
        attrs = f' class="{" ".join("hl-" + k for k in kinds)}"'
        if title:
            attrs += f' title="{escape(title)}"'
        starts = [s.start for s in covering if s.start == a and s.start not in anchored]
        if starts:
            anchored.add(a)
            attrs += f' id="{anchor_prefix}-{a}"'
        out.append(Markup(f"<mark{attrs}>") + piece + Markup("</mark>"))
    return Markup("").join(out)


def excerpt(
    text: str, start: int, end: int, context: int = 280, inner: list[Span] | None = None
) -> tuple[Markup, bool, bool]:
    """The evidence sentence marked in its surroundings; flags say whether text was cut each side."""
    lo = max(0, start - context)
    hi = min(len(text), end + context)
    # cut at whitespace so words stay whole
    if lo > 0:
        sp = text.find(" ", lo, start)
        lo = sp + 1 if sp >= 0 else lo
    if hi < len(text):
        sp = text.rfind(" ", end, hi)
        hi = sp if sp >= 0 else hi
    spans = [Span(start - lo, end - lo, "focus")]
    for s in inner or []:
        if start <= s.start < s.end <= end:
            spans.append(Span(s.start - lo, s.end - lo, s.kind, s.label))
    return mark_text(text[lo:hi], spans, anchor_prefix="x"), lo > 0, hi < len(text)
