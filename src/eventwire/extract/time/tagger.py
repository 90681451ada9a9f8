"""Temporal tagger: finds time expressions and normalises them to TimeML TIMEX3 values.

A rule-based tagger in the HeidelTime tradition: news needs its relative expressions ("on
Tuesday", "last July", "February last year", "a year earlier") resolved against the document date
and the tense of the clause, which general date parsers do not do. Patterns are built from the
word lists in ``data/time.yaml``; spans and values follow the TimeML/TempEval-3 conventions
(determiners and modifiers such as "the", "early", "last" are inside the span, prepositions are
not). Without a document date, relative values stay underspecified ("XXXX-07") instead of being
guessed.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator

from ...model import Timex
from .rules import rules
from .rules.base import Rule, TagState
from .tense import tense_at
from .values import Anchor, is_valid_value

__all__ = ["tag", "tag_timeml", "timex_file_main", "tense_at"]

# --------------------------------------------------------------------------------------------
# the tagger


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in " ,;:-–":
        e -= 1
    while s < e and text[s] in " ,;:":
        s += 1
    return s, e


_WINDOW = 160  # chars around an anchor hit: longer than any expression plus its look-ahead context


_WORD_RX = re.compile(r"[A-Za-z]+")


def _word_index(text: str) -> dict[str, list[tuple[int, int]]]:
    idx: dict[str, list[tuple[int, int]]] = {}
    for m in _WORD_RX.finditer(text):
        idx.setdefault(m.group().lower(), []).append((m.start(), m.end()))
    return idx


def _matches(rule: Rule, text: str, words: dict[str, list[tuple[int, int]]]) -> Iterator[re.Match[str]]:
    """The rule's matches, searched only near hits of its anchor: most of a text holds no time
    word, and the full patterns are costly to try at every position."""
    if rule.anchor is None:
        yield from rule.rx.finditer(text)
        return
    if isinstance(rule.anchor, frozenset):
        hits = sorted(h for w in rule.anchor if w in words for h in words[w])
    else:
        hits = [(a.start(), a.end()) for a in rule.anchor.finditer(text)]
    n = len(text)
    windows: list[list[int]] = []
    for a0, a1 in hits:
        lo, hi = max(0, a0 - _WINDOW), min(n, a1 + _WINDOW)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    seen: set[tuple[int, int]] = set()
    for lo, hi in windows:
        for m in rule.rx.finditer(text, lo, hi):
            if m.end() >= hi and hi < n:
                continue  # cut by the window: the match is only taken from a window holding it whole
            k = (m.start(), m.end())
            if k not in seen:
                seen.add(k)
                yield m


def _run(rule: Rule, m: re.Match[str], st: TagState):
    """A rule whose arithmetic leaves the calendar ("9,000 weeks ago", year 99999) reads nothing,
    rather than costing the whole document its expressions."""
    try:
        return rule.handler(m, st)
    except (OverflowError, ValueError):
        return None


def _tag(text: str, dct: str | None) -> list[tuple[Timex, list[tuple[int, int, str]] | None]]:
    anchor = Anchor.parse(dct)
    st = TagState(text=text, dct=anchor)
    cands: list[tuple[int, int, int, Rule, re.Match[str]]] = []
    words = _word_index(text)
    for rule in rules():
        for m in _matches(rule, text, words):
            s, e = _strip_span(text, m.start(), m.end())
            if e <= s:
                continue
            # accept first without discourse (acceptance never depends on it)
            if _run(rule, m, st) is None:
                continue
            cands.append((s, e, rule.prio, rule, m))
    # longest, then highest priority, wins; overlaps are dropped
    cands.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in cands:
        s, e = c[0], c[1]
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    st.reset()
    out: list[tuple[Timex, list[tuple[int, int, str]] | None]] = []
    for s, e, _p, rule, m in chosen:
        r = _run(rule, m, st)
        if r is None:
            continue
        t = Timex(
            start=s, end=e, text=text[s:e], type=r.type, value=r.value, end_value=r.end_value, anchor=r.anchor
        )
        if st.resolved:
            _year_from_phrase(text, st.resolved[-1], t)
        out.append((t, r.parts))
        st.resolved.append(t)
    return out


# between a year-less month or day and the year its phrase names: prepositional phrases only
_PHRASE_GAP = re.compile(r"[\s\w'’-]{0,40}")
_CLAUSE_WORD = re.compile(
    r"\b(?:and|but|or|while|when|after|before|since|until|which|who|that|than|as)\b", re.I
)
_YEAR_VALUE = re.compile(r"^\d{4}$")
_TENSE_DATE = re.compile(r"^\d{4}(-\d{2}(?:-\d{2})?)$")


def _year_from_phrase(text: str, prev: Timex, t: Timex) -> None:
    """ "in June in Italy last year": a year-less month whose year the tense guessed takes the year
    the same phrase names a few words on ("last year", "in 2023"), as "June last year" does."""
    if prev.anchor != "tense" or prev.end_value or t.type != "DATE" or not _YEAR_VALUE.match(t.value):
        return
    m = _TENSE_DATE.match(prev.value)
    gap = text[prev.end : t.start]
    if m is None or not _PHRASE_GAP.fullmatch(gap) or _CLAUSE_WORD.search(gap):
        return
    if t.anchor != "dct" and not gap.endswith(" in "):
        return  # "in March for the 2024 elections": a year that names something else
    value = t.value + m.group(1)
    if is_valid_value(value, "DATE"):
        prev.value, prev.anchor = value, t.anchor


def tag(text: str, dct: str | None) -> list[Timex]:
    """Every time expression in ``text`` with its TIMEX3 value, relative ones anchored on ``dct``.

    ``dct`` may be a day ("2026-01-06"), a month or a year, or None; relative values are only
    resolved as far as the anchor allows. A range ("from Jan. 6 to 8") is one Timex whose
    ``end_value`` is the end of the range, so dating can use the whole period.
    """
    return [t for t, _ in _tag(text, dct)]


def tag_timeml(text: str, dct: str | None) -> list[Timex]:
    """Like :func:`tag`, but with each end of a range as its own expression, as TimeML annotates."""
    out: list[Timex] = []
    for t, parts in _tag(text, dct):
        if not parts:
            out.append(t)
            continue
        for s, e, v in parts:
            s, e = _strip_span(text, s, e)
            out.append(Timex(start=s, end=e, text=text[s:e], type=t.type, value=v, anchor=t.anchor))
    return out


def timex_file_main(path: str, dct: str | None) -> int:
    """`eventwire timex FILE --dct D`: one JSON object a line, offsets into the file's text."""
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as exc:
        print(f"eventwire timex: {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except UnicodeDecodeError:
        print(f"eventwire timex: {path}: not UTF-8 text", file=sys.stderr)
        return 1
    if dct is not None and Anchor.parse(dct) is None:
        print(f"eventwire timex: bad --dct {dct!r} (want YYYY, YYYY-MM or YYYY-MM-DD)", file=sys.stderr)
        return 2
    for t in tag_timeml(text, dct):
        rec = {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
        print(json.dumps(rec, ensure_ascii=False))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(timex_file_main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
