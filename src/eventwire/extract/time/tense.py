"""Tense of the clause around a time expression, read from cue words.

Year-less dates and weekdays in news are anchored by tense ("met on Tuesday" is the Tuesday
before the article, "will meet on Thursday" the one after); a regex reading of the nearest verb
or modal is enough for that and costs no parse. The cue words live in ``data/time.yaml``.
"""

from __future__ import annotations

import re

from .lexicon import lexicon

_WORD_RX = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENT_END_RX = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘(])|\n\s*\n|\n")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 400)
    s = lo
    for m in _SENT_END_RX.finditer(text, lo, start):
        s = m.end()
    m = _SENT_END_RX.search(text, end, min(len(text), end + 400))
    e = m.start() + 1 if m else min(len(text), end + 400)
    return s, e


def _cue(words: list[str], i: int) -> str | None:
    lex = lexicon()
    w = words[i].lower().replace("’", "'")
    two = (w + " " + words[i + 1].lower()) if i + 1 < len(words) else ""
    if two in lex.future_cues:
        return "future"
    if two in lex.past_cues:
        return "past"
    if w in lex.future_cues or w.endswith("'ll"):
        return "future"
    if w in lex.past_cues:
        return "past"
    if w.endswith("ed") and len(w) > 4 and w not in lex.not_past_ed and not w.endswith("eed"):
        return "past"
    if w in lex.present_cues:
        return "present"
    return None


def tense_at(text: str, start: int, end: int) -> str | None:
    """ "past", "future", "present" or None: the tense cue nearest to the expression in its sentence.

    A regex reading is enough for anchoring: the nearest verb or modal to the left decides
    ("said ... will meet on Thursday" -> future), else the nearest to the right.
    """
    s, e = _sentence_bounds(text, start, end)
    left = _WORD_RX.findall(text[s:start])[-12:]
    if left and left[-1].lower() in lexicon().deadline_words:
        return "future"  # a deadline: "until Tuesday", "by Friday"
    for i in range(len(left) - 1, -1, -1):
        c = _cue(left, i)
        if c == "past" and i > 0 and left[i - 1].lower() in ("be", "being"):
            continue  # "will be held": the auxiliary further left decides
        if c:
            return c
    right = _WORD_RX.findall(text[end:e])[:10]
    for i in range(len(right)):
        c = _cue(right, i)
        if c:
            return c
    return None
