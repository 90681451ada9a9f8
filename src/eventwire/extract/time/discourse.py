"""What the story around a sentence says about its time: the dateline (which dates the filing, not
an event), the date of the episode the lead reports, and whether a sentence refers back to what an
earlier one dated.

News dates an episode once, in its lead ("Poland on Friday signed ..."), and tells the rest of it
without dates ("Before the ceremony, Ahn held talks ..."): those acts belong to the lead's day, not
to the day the story was filed. A date in another sentence is carried over only when the sentence
points back to it ("the visit", "they"); "... in January 2024. Kenya and Somalia restored
relations" says nothing about when relations were restored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ...model import Timex
from .clause import clause_head, hangs_on, main_clause, parsed, span_root, verb_tense
from .lexicon import lexicon, norm_key
from .tense import tense_at
from .values import Anchor

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from ..context import DocContext

# --------------------------------------------------------------------------------------------
# words before a date that change what it says

# a date after these words bounds a period or is a baseline ("higher than yesterday"); it does not
# say when the event happened
_NOT_GOVERNING = re.compile(r"\b(?:since|until|till|through|from|than)\s+(?:the\s+)?$", re.I)
# ... and after these it dates only its own clause, never the next sentence
_NOT_CARRIED = re.compile(r"\b(?:by|before|after|than|until|till|since|from|through)\s+(?:the\s+)?$", re.I)


_FROM = re.compile(r"\bfrom\s+$", re.I)


def usable(text: str, t: Timex, carried: bool = False) -> bool:
    """Whether a date can govern an event: "since 2003" bounds a period and does not date it; a
    whole range ("from Jan. 6 to 8") does; a day named from the story's own ("my talks with him
    from yesterday", "the rules apply from Monday") is when it happened or starts."""
    if t.end_value:
        return True
    before = text[max(0, t.start - 12) : t.start]
    if not carried and _FROM.search(before) and _story_day(t.text):
        return True
    rx = _NOT_CARRIED if carried else _NOT_GOVERNING
    return not rx.search(before)


def _story_day(words: str) -> bool:
    """ "yesterday", "tonight", "Monday": a day named from the story's own day."""
    lex = lexicon()
    w = norm_key(words)
    return w in lex.daywords or w.split()[0] in lex.weekday_of


# --------------------------------------------------------------------------------------------
# datelines

_PLACE = r"[^\W\d_][\w.'’&-]*(?:[ ]+[^\W\d_][\w.'’&-]*){0,3}(?:,[ ]*[^\W\d_][\w.'’-]*(?:[ ]+[^\W\d_][\w.'’-]*){0,2})?"
_DATELINE = re.compile(
    rf"[ \t]*(?P<place>{_PLACE})(?:[ ]*\[[^\]\n]{{1,40}}\])?"
    r"(?:[ ]*(?P<paren>\([^()\n]{1,80}\))[ ]*[-–—:]*"  # MOSCOW (Agency - 12th January, 2023)
    r"|,[ ]*[A-Za-z]{3,9}\.?[ ]+\d{1,2}(?:st|nd|rd|th)?(?:,?[ ]+\d{4})?"  # NEW YORK, Feb 26
    r"(?:[ ]*\([^()\n]{1,40}\))?[ ]*[-–—:]+)"  # (Reuters) -
)
_PARAGRAPHS = 3  # a dateline opens one of the first paragraphs (after a headline or a byline)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Where the datelines opening the story's first paragraphs are ("CITY, Month Day (Agency) -",
    "CITY (Agency - date)"): the date there is when the story was filed, not when anything in it
    happened, so it dates no event."""
    out: list[tuple[int, int]] = []
    pos = 0
    for _ in range(_PARAGRAPHS):
        m = _DATELINE.match(text, pos)
        if m is not None and (m["paren"] is None or _upper(m["place"])):
            out.append((m.start("place"), m.end()))
        nl = text.find("\n", pos)
        if nl < 0:
            break
        pos = nl + 1
        while pos < len(text) and text[pos] == "\n":
            pos += 1
    return out


def _upper(place: str) -> bool:
    """A bracketed dateline is set in capitals ("MOSCOW (Agency - date)"), unlike a name with a
    bracketed note ("Hyundai Rotem (064350.KS) said ...")."""
    letters = [c for c in place.split(",")[0] if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def in_spans(t: Timex, spans: list[tuple[int, int]]) -> bool:
    return any(a <= t.start and t.end <= b for a, b in spans)


# --------------------------------------------------------------------------------------------
# the lead's episode

LEAD_SENTENCES = 2  # a headline left in the text, then the lead
EPISODE_DAYS = 7  # how far before the story's date the lead's day may lie to be its episode


@dataclass
class Lead:
    """The day the story's lead dates its episode to, and the expression that says so."""

    timex: Timex
    sent_start: int  # the lead sentence: events from here on belong to the episode


def lead_of(ctx: DocContext, skip: list[tuple[int, int]]) -> Lead | None:
    """The episode date of the story: a day its lead names for its main clause ("Poland on Friday
    signed ...", "signed agreements in Rabat on Tuesday"), in the week before the story's date or on
    it. None without a day-precise story date, or when the lead dates nothing or only
    background ("relations set up in 1964", "had met on May 2")."""
    base = Anchor.parse(ctx.dct)
    if base is None or base.date is None:
        return None
    text = ctx.article.text
    for s0, s1 in first_sentences(ctx):
        for t in ctx.timexes:
            if not (s0 <= t.start and t.end <= s1) or in_spans(t, skip):
                continue
            if t.type not in ("DATE", "TIME") or not re.match(r"^\d{4}-\d{2}-\d{2}", t.value):
                continue
            if not usable(text, t, carried=True) or not _recent(t.value[:10], base.date):
                continue
            if not dates_main_act(ctx, t):
                continue  # "for the quarter ended January 31", a date line, "will meet on Friday"
            return Lead(timex=t, sent_start=s0)
    return None


def dates_main_act(ctx: DocContext, t: Timex) -> bool:
    """Whether a date tells when its sentence's main act was done ("Poland on Friday signed ...",
    "said on Tuesday"), not when something named in it was ("the quarter ended January 31") or
    will be ("will meet on Friday")."""
    tok = span_root(parsed(getattr(ctx, "doc", None)), t.start, t.end)
    if tok is None:
        return tense_at(ctx.article.text, t.start, t.end) not in ("future", None)
    head = clause_head(tok)
    return verb_tense(head) == "past" and main_clause(head) and not hangs_on(tok, head)[0]


_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘(])|\n")


def first_sentences(ctx: DocContext) -> list[tuple[int, int]]:
    """The spans of the story's first sentences (a headline left in the text, then the lead)."""
    doc = getattr(ctx, "doc", None)
    if doc is not None and doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for _, s in zip(range(LEAD_SENTENCES), doc.sents, strict=False)]
    out, pos, text = [], 0, ctx.article.text
    for m in _SENT_END.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start() + 1))
        pos = m.end()
        if len(out) == LEAD_SENTENCES:
            return out
    if pos < len(text) and len(out) < LEAD_SENTENCES:
        out.append((pos, len(text)))
    return out


def _recent(value: str, story: date) -> bool:
    try:
        d = date.fromisoformat(value)
    except ValueError:
        return False
    return story - timedelta(days=EPISODE_DAYS) <= d <= story


# --------------------------------------------------------------------------------------------
# references back

_ANAPHORIC = re.compile(
    r"\b(?:the|this|these|that|those|such|its|his|her|their)\s+(?:[\w’'-]+\s+){0,3}$", re.I
)


def refers_back(text: str, ev_start: int, ev_end: int, sent_start: int) -> bool:
    """A definite noun phrase that points back ("the visit", "these meetings"), not a new one
    ("the first meeting of the council")."""
    if not _ANAPHORIC.search(text[max(sent_start, ev_start - 60) : ev_start]):
        return False
    if re.match(r"\s+of\b", text[ev_end : ev_end + 4]):
        return False
    before = text[max(0, ev_start - 20) : ev_start]
    return not re.search(r"\b(?:first|second|third|next|last|final|new|another|inaugural)\s+$", before, re.I)


def noun_at(ctx: DocContext, start: int) -> bool:
    """Whether the trigger at ``start`` is a noun: only an event noun can refer back ("the visit");
    a verb after a definite subject ("the EU pledged", "the prime minister conceded") does not."""
    doc = getattr(ctx, "doc", None)
    if doc is None:
        return True
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return True
    tok = span[0]
    if tok.pos_ and tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    return not doc.has_annotation("DEP") or _determined(tok)


def _determined(tok: Token) -> bool:
    """Whether a noun has its own determiner or possessor ("the visit", "the signing ceremony",
    "their talks"), not one of another noun ("the results of talks" names no talks told before)."""
    noun = tok
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head
    return any(c.dep_ in ("det", "poss") for c in noun.children)


_PRONOUNS = {"he", "she", "it", "they", "we"}


def pronoun_subject(ctx: DocContext, start: int, end: int) -> bool:
    """Whether the event's clause has a personal pronoun for subject ("They signed three accords"):
    the sentence goes on with the actors of the one before, and so with its time."""
    doc = parsed(getattr(ctx, "doc", None))
    tok = span_root(doc, start, end)
    if tok is None:
        return False
    head = clause_head(tok)
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _PRONOUNS for c in head.children)


_WORD = re.compile(r"[A-Za-z]+")


def leaves_episode(ctx: DocContext, sent_start: int, start: int, end: int) -> bool:
    """Whether the event's clause moves away from the lead's day ("Later, the council met",
    "had earlier agreed"): then the lead does not date it."""
    shifts = lexicon().episode_shifts
    doc = parsed(getattr(ctx, "doc", None))
    tok = span_root(doc, start, end)
    if tok is None:
        return any(w.lower() in shifts for w in _WORD.findall(ctx.article.text[sent_start:end]))
    head = clause_head(tok)
    return any(c.dep_ == "advmod" and c.lower_ in shifts for c in head.children)
