"""Event dating and the dating of undated articles.

An event's date is the date of the time expression that governs it: one in the same clause,
else in the same sentence (a dateline's date dates nothing), else a date an earlier sentence gave
to what this one refers back to ("the visit", "they"). What the story reports as just done and
dates no further takes the day its lead gives the episode ("Poland on Friday signed ...") or,
failing that, the article's own date; a past event ("relations were established in 1964", "had
previously met") never takes it, because a wrong precise date is worse than none. An intent (a
promise, plan or threat) is dated by its saying, not by the act it announces.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ...lexicon.plover import plover
from ...model import Event, Timex
from .clause import (
    backshifted,
    clause_head,
    clause_verb,
    complement_of,
    conditional,
    conjoined,
    finite_tense,
    hangs_on,
    modifies_other_noun,
    parsed,
    separate_clauses,
    span_root,
    statement_head,
    verb_tense,
)
from .discourse import (
    Lead,
    dateline_spans,
    dates_main_act,
    in_spans,
    lead_of,
    leaves_episode,
    noun_at,
    pronoun_subject,
    refers_back,
    usable,
)
from .lexicon import lexicon
from .tagger import tag, tense_at

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from ..context import DocContext

__all__ = [
    "SpanDate",
    "date_events",
    "date_span",
    "infer_dct",
    "is_statement",
    "timex_period",
    "timex_to_range",
]


# --------------------------------------------------------------------------------------------
# TIMEX3 value -> a date or a period


def timex_to_range(value: str | None) -> tuple[str, str | None, str] | None:
    """(date, enddate, precision) for a DATE/TIME value, so any record can take a date or period.

    Point values keep their own precision ("2024-08-20", "2025-07", "2023"); values that name a
    span without a single ISO form (quarters, weeks, seasons, decades) become a period of months
    or days. References (PAST_REF), durations, sets and unresolved values ("XXXX-07") give None:
    they do not say when.
    """
    if not value or not isinstance(value, str):
        return None
    v = value.strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$", v)
    if m:
        return (f"{m[1]}-{m[2]}-{m[3]}", None, "day")
    m = re.match(r"^(\d{4})-(\d{2})$", v)
    if m:
        return (v, None, "month")
    m = re.match(r"^(\d{4})$", v)
    if m:
        return (v, None, "year")
    m = re.match(r"^(\d{4})-Q([1-4])$", v)
    if m:
        y, q = int(m[1]), int(m[2])
        return (f"{y:04d}-{3 * q - 2:02d}", f"{y:04d}-{3 * q:02d}", "quarter")
    m = re.match(r"^(\d{4})-H([12])$", v)
    if m:
        y, h = int(m[1]), int(m[2])
        return (f"{y:04d}-{6 * h - 5:02d}", f"{y:04d}-{6 * h:02d}", "half")
    m = re.match(r"^(\d{4})-(SP|SU|FA|WI)$", v)
    if m:
        y = int(m[1])
        a, b = lexicon().season_months[m[2]]  # time.yaml
        if a > b:  # winter runs over the new year and carries the year of its January
            return (f"{y - 1:04d}-{a:02d}", f"{y:04d}-{b:02d}", "season")
        return (f"{y:04d}-{a:02d}", f"{y:04d}-{b:02d}", "season")
    m = re.match(r"^(\d{4})-W(\d{2})(-WE|-[1-7])?$", v)
    if m:
        y, w = int(m[1]), int(m[2])
        try:
            monday = date.fromisocalendar(y, w, 1)
        except ValueError:
            return None
        if m[3] == "-WE":
            return (
                (monday + timedelta(days=5)).isoformat(),
                (monday + timedelta(days=6)).isoformat(),
                "weekend",
            )
        if m[3]:
            return ((monday + timedelta(days=int(m[3][1]) - 1)).isoformat(), None, "day")
        return (monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "week")
    m = re.match(r"^(\d{3})$", v)
    if m:
        return (f"{m[1]}0", f"{m[1]}9", "decade")
    m = re.match(r"^(\d{2})$", v)
    if m:
        return (f"{m[1]}00", f"{m[1]}99", "century")
    return None


def _span_end(d: str) -> str:
    """The last day a date at its own precision covers (for comparing periods)."""
    if len(d) == 10:
        return d
    if len(d) == 7:
        y, m = int(d[:4]), int(d[5:7])
        return f"{d}-{calendar.monthrange(y, m)[1]:02d}"
    return f"{d[:4]}-12-31"


def _span_start(d: str) -> str:
    if len(d) == 10:
        return d
    if len(d) == 7:
        return f"{d}-01"
    return f"{d[:4]}-01-01"


def timex_period(t: Timex) -> tuple[str, str | None, str] | None:
    """(date, enddate, precision) of a Timex, ranges included ("from Jan. 6 to 8" -> both ends)."""
    if t.type not in ("DATE", "TIME"):
        return None
    r = timex_to_range(t.value)
    if r is None:
        return None
    if t.end_value:
        e = timex_to_range(t.end_value)
        if e is not None:
            end = e[1] or e[0]
            if _span_end(end) > _span_end(r[0]):
                return (r[0], end, r[2])
    return r


# --------------------------------------------------------------------------------------------
# governing expression


@dataclass
class _Cand:
    timex: Timex
    period: tuple[str, str | None, str]
    rank: int  # 0 same clause, 1 same sentence, 2 discourse
    distance: int


_PRECISION_ORDER = {
    "day": 0,
    "weekend": 1,
    "week": 2,
    "month": 3,
    "quarter": 4,
    "season": 4,
    "half": 5,
    "year": 6,
    "decade": 7,
    "century": 8,
}
_PAST_MARKERS = re.compile(
    r"\b(?:previously|formerly|once|already|in the past|used to|years ago|decades ago|"
    r"recent years|last decade|the past decade)\b",
    re.I,
)
# read from the verb's auxiliaries when the text is parsed, from the words when it is not
_PLUPERFECT = re.compile(r"\b(?:had been|had\s+\w+ed)\b", re.I)


@dataclass
class _Story:
    """What dating reads once per article: the datelines' spans and the lead's episode date."""

    datelines: list[tuple[int, int]]
    lead: Lead | None


def _story(ctx: DocContext) -> _Story:
    spans = dateline_spans(ctx.article.text)
    return _Story(datelines=spans, lead=lead_of(ctx, spans))


def _sentence_bounds(ctx: DocContext, start: int, end: int) -> tuple[int, int]:
    doc = getattr(ctx, "doc", None)
    if doc is not None:
        try:
            sent = ctx.sentence_of(start, end)
            s0, s1 = sent.start_char, sent.end_char
            text = ctx.article.text
            # a parser may hang the line break before a sentence onto it: the paragraph starts after it
            nl = text.rfind("\n", s0, start)
            if nl >= 0:
                s0 = nl + 1
            return s0, s1
        except Exception:  # noqa: BLE001
            pass
    text = ctx.article.text
    s = 0
    for m in _SENT_RX.finditer(text, 0, start):
        s = m.end()
    m = _SENT_RX.search(text, end)
    return s, (m.start() + 1 if m else len(text))


_SENT_RX = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘(])|\n")


def _paragraph_start(text: str, pos: int) -> int:
    i = text.rfind("\n", 0, pos)
    return 0 if i < 0 else i + 1


_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|but|while|which|who|whereas|although|after|before|when)\b|\bwhile\b"
)
_TENSE_CLASS = {"future": "future", "pluperfect": "past", "past": "past", "present": "present"}


def _candidates(ctx: DocContext, ev_start: int, ev_end: int, story: _Story) -> list[_Cand]:
    text = ctx.article.text
    s0, s1 = _sentence_bounds(ctx, ev_start, ev_end)
    doc = getattr(ctx, "doc", None)
    if doc is not None and not doc.has_annotation("DEP"):
        doc = None  # no parse: fall back to punctuation for clause bounds
    ev_tok = span_root(doc, ev_start, ev_end)
    ev_head = clause_head(ev_tok) if ev_tok is not None else None
    story_end = _story_end(ctx)
    verb = clause_verb(ev_tok) if ev_tok is not None else None
    done = verb is not None and verb_tense(verb) in ("past", "pluperfect")  # "to sign" is not done
    out: list[_Cand] = []
    for t in ctx.timexes:
        if not (s0 <= t.start and t.end <= s1) or in_spans(t, story.datelines):
            continue
        per = timex_period(t)
        if per is None or not usable(text, t):
            continue
        later = story_end is not None and _span_start(per[0]) > story_end
        if done and later:
            continue  # "has called a meeting for January 27": what is done is not dated after the story
        dist = ev_start - t.end if t.end <= ev_start else t.start - ev_end
        dist = max(0, dist)
        rank: int | None = 1
        if ev_head is not None:
            tx_tok = span_root(doc, t.start, t.end)
            if tx_tok is not None:
                rank = _rank(ev_tok, ev_head, tx_tok, later or story_end is None or not done)
        else:
            lo, hi = (t.end, ev_start) if t.end <= ev_start else (ev_end, t.start)
            if not _CLAUSE_BREAK.search(text[lo:hi]):
                rank = 0
        if rank is not None:
            out.append(_Cand(t, per, rank, dist))
    return out


def _story_end(ctx: DocContext) -> str | None:
    """The last day the story's date covers ("1987-03" -> "1987-03-31"), or None."""
    per = timex_to_range(ctx.dct) if ctx.dct else None
    return _span_end(per[1] or per[0]) if per else None


def _rank(ev_tok: Token, ev_head: Token, tx_tok: Token, ahead: bool) -> int | None:
    """0 when a date hangs on the event's own clause, 1 when elsewhere in its sentence, None when it
    tells the time of something else: a conjunct or complement clause with its own time, a clause
    of another noun, a noun the date names ("the 1986 agreement", "notes due 1997"), an event the
    act is set against. ``ahead``: the date lies after the story (or the story is undated, or the
    act is not told as done), so a complement's date is the complement's own."""
    tx_head = clause_head(tx_tok)
    via_noun, preps = hangs_on(tx_tok, tx_head)
    if _set_against(preps, ev_tok) or _names_other_noun(tx_tok, ev_tok):
        return None
    if tx_tok.head.i == ev_tok.i or ((tx_head.i == ev_head.i or tx_head.i == ev_tok.i) and not via_noun):
        return 0
    if tx_head.i in (ev_head.i, ev_tok.i):
        return 1  # on a noun of the event's clause: "met at the summit last week"
    if (
        separate_clauses(ev_head, tx_head)
        or _other_time(ev_head, tx_head)
        or modifies_other_noun(tx_head, ev_tok, lexicon().dating_participles)
        or (ahead and complement_of(tx_head, ev_head))
    ):
        return None  # "construction will start this year, and the ships will be delivered ..."
    return 1


_NOUN_MODIFIER = {"poss", "compound", "nummod", "nmod", "amod"}


def _names_other_noun(tx_tok: Token, ev_tok: Token) -> bool:
    """Whether a date is a modifier naming some other noun's time ("over this year's budget", "the
    1986 Cocoa Agreement", "notes due 1997") than the event's, the event not being inside that
    noun's phrase ("a March 3 raid by militants who killed ten guards")."""
    noun = None
    if tx_tok.dep_ in _NOUN_MODIFIER and tx_tok.head.pos_ in ("NOUN", "PROPN"):
        noun = tx_tok.head
    elif tx_tok.head.dep_ == "amod" and tx_tok.head.head.pos_ in ("NOUN", "PROPN"):
        noun = tx_tok.head.head  # "notes due 1997"
    if noun is None or noun.i == ev_tok.i:
        return False
    return not any(a.i == noun.i for a in ev_tok.ancestors)


def _set_against(preps: list[Token], ev_tok: Token) -> bool:
    """Whether a date hangs in a phrase that sets the event against another ("despite a breakdown
    last weekend", "after an October 7 attack"), with the event itself outside that phrase."""
    ordering = lexicon().ordering_preps
    return any(
        p.lower_ in ordering and p.i != ev_tok.i and not any(a.i == p.i for a in ev_tok.ancestors)
        for p in preps
    )


def _other_time(a: Token, b: Token) -> bool:
    """Whether two conjoined verbs are told in different tenses ("announced a freeze on Wednesday
    night and is negotiating"): the date of the one does not date the other."""
    if not conjoined(a, b):
        return False
    ta, tb = _TENSE_CLASS.get(verb_tense(a) or ""), _TENSE_CLASS.get(verb_tense(b) or "")
    return ta is not None and tb is not None and ta != tb


def _pick(cands: list[_Cand]) -> _Cand | None:
    """The governing expression: best rank, then nearest; a more precise date nested in it wins."""
    if not cands:
        return None
    cands = sorted(cands, key=lambda c: (c.rank, c.distance))
    best = cands[0]
    for c in cands[1:]:
        if c.rank != best.rank:
            break
        inside = _span_start(best.period[0]) <= _span_start(c.period[0]) and _span_end(
            c.period[1] or c.period[0]
        ) <= _span_end(best.period[1] or best.period[0])
        if inside and _PRECISION_ORDER.get(c.period[2], 9) < _PRECISION_ORDER.get(best.period[2], 9):
            best = c
    return best


def _discourse(ctx: DocContext, sent_start: int, ev_start: int, ev_end: int) -> Timex | None:
    """The nearest earlier date the discourse carries to this event, or None.

    Only a sentence that points back takes a date from another: a definite reference ("the visit",
    "these meetings") picks up the last date of its paragraph or the one before; a pronoun subject
    ("They signed ...") the day or month of the sentence just before. Without either the sentence
    tells something else, and a date before it says nothing about it.
    """
    text = ctx.article.text
    p_this = _paragraph_start(text, sent_start)
    anaphoric = refers_back(text, ev_start, ev_end, sent_start) and noun_at(ctx, ev_start)
    if not anaphoric and not pronoun_subject(ctx, ev_start, ev_end):
        return None
    p_from = p_this
    if anaphoric and p_this > 0:
        p_from = _paragraph_start(text, max(0, p_this - 2))
    if not anaphoric:
        p_from = max(p_from, _sentence_bounds(ctx, max(0, sent_start - 2), max(0, sent_start - 1))[0])
    best = None
    for t in ctx.timexes:
        if t.end > sent_start or t.start < p_from:
            continue
        if sent_start - t.end > 1500:
            continue
        per = timex_period(t)
        if per is None or not usable(text, t, carried=True):
            continue
        if not anaphoric and (
            per[2] in ("year", "decade", "century", "half", "season") or not dates_main_act(ctx, t)
        ):
            continue  # a bare year or a date of something else in the sentence before
        if best is None or t.start > best.start:
            best = t
    return best


def _antecedent(ctx: DocContext, ev_start: int, ev_end: int, sent_start: int, story: _Story) -> _Cand | None:
    """ "The visit" after "his visit from Jan. 6 to 8": the date of the same noun named earlier.

    Only for a definite reference back, and only a date in the earlier mention's own clause, so
    a date that governed something else in that sentence is not picked up.
    """
    text = ctx.article.text
    if not refers_back(text, ev_start, ev_end, sent_start) or not noun_at(ctx, ev_start):
        return None
    word = text[ev_start:ev_end].lower()
    stem = word[:-1] if word.endswith("s") and len(word) > 3 else word
    if not re.fullmatch(r"[a-z][a-z-]+", stem):
        return None
    occ = list(re.finditer(rf"\b{re.escape(stem)}s?\b", text[:sent_start], re.I))
    for m in reversed(occ[-6:]):
        c = _pick([c for c in _candidates(ctx, m.start(), m.end(), story) if c.rank == 0])
        if c is not None:
            return c
    return None


_DEF_NP = re.compile(
    r"\b(?:the|this|these|that|those|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}?([a-z]+)\b", re.I
)


def _clause_mate_antecedent(ctx: DocContext, sent_start: int, ev_start: int, story: _Story) -> _Cand | None:
    """ "The visit marked the first meeting of the council": an event noun that refers back to a
    dated event ("the visit" ... "from Jan. 6 to 8") dates the event it is said of."""
    text = ctx.article.text
    nouns = set(lexicon().raw.get("event_nouns", []))
    for m in reversed(list(_DEF_NP.finditer(text, sent_start, ev_start))):
        if m.group(1).lower() in nouns:
            c = _antecedent(ctx, m.start(1), m.end(1), sent_start, story)
            if c is not None:
                return c
    return None


def _present_ref(ctx: DocContext, s0: int, s1: int) -> bool:
    return any(s0 <= t.start and t.end <= s1 and t.value == "PRESENT_REF" for t in ctx.timexes)


_NEAR = 80  # chars: how close a past/future marker must be to the trigger to speak for it
_PERIOD_BACK = re.compile(r"\b(?:over|for|during|throughout|in)\s+(?:the\s+)?(?:past|last)\b", re.I)


def _own_clause(ctx: DocContext, start: int, end: int) -> Callable[[int], bool]:
    """A test of whether a char offset lies in the clause of the words at [start, end): a marker in
    another clause ("a building where officials had recently worked") does not speak for the
    event. Without a parse every offset near the event counts."""
    doc = parsed(getattr(ctx, "doc", None))
    tok = span_root(doc, start, end)
    if tok is None:
        return lambda _pos: True
    head = clause_head(tok)

    def own(pos: int) -> bool:
        t = span_root(doc, pos, pos + 1)
        return t is None or clause_head(t).i == head.i

    return own


def _blocks_article_date(ctx: DocContext, ev: Event, s0: int, s1: int, tense: str | None) -> bool:
    """Whether the event's clause says it is not news of the day (past, future, ongoing)."""
    if ev.future or ev.hypothetical or tense == "future":
        return True
    text = ctx.article.text
    start = ev.trigger_start if ev.trigger_start is not None else s0
    end = ev.trigger_end if ev.trigger_end is not None else s1
    lo, hi = max(s0, start - _NEAR), min(s1, end + _NEAR)
    own = _own_clause(ctx, start, end)
    if any(own(m.start()) for m in _PAST_MARKERS.finditer(text, lo, hi)):
        return True
    if _past_noun(ctx, start, end):
        return True
    if tense == "pluperfect":
        verb = _event_verb(ctx, start, end)
        return verb is None or not backshifted(verb)  # "announced it had ordered ...": the news
    if parsed(getattr(ctx, "doc", None)) is None and _PLUPERFECT.search(text, lo, hi):
        return True
    for t in ctx.timexes:
        if not (lo <= t.start and t.end <= hi) or not own(t.start):
            continue
        if t.value in ("PAST_REF", "FUTURE_REF") or _since_on_verb(ctx, t):
            return True
        if t.type == "DURATION" and _PERIOD_BACK.search(text[max(s0, t.start - 20) : t.end]):
            return True  # "over the last decade the two nations strengthened ..."
    return False


_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)


def _since_on_verb(ctx: DocContext, t: Timex) -> bool:
    """ "Since 1980, the utility has signed ...": the act is a run of acts since then, not news of
    the day (unlike "the lowest level since 2003", where the date hangs on a noun)."""
    if not _SINCE.search(ctx.article.text[max(0, t.start - 12) : t.start]):
        return False
    tok = span_root(parsed(getattr(ctx, "doc", None)), t.start, t.end)
    return tok is not None and not hangs_on(tok, clause_head(tok))[0]


def _past_noun(ctx: DocContext, start: int, end: int) -> bool:
    """ "Her recent visit", "the previous round": an event noun said to lie before the story."""
    tok = span_root(parsed(getattr(ctx, "doc", None)), start, end)
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    mods = lexicon().past_noun_modifiers
    return any(c.dep_ == "amod" and c.lower_ in mods for c in tok.children)


def _event_verb(ctx: DocContext, start: int, end: int) -> Token | None:
    tok = span_root(parsed(getattr(ctx, "doc", None)), start, end)
    return clause_verb(tok) if tok is not None else None


def _event_tense(ctx: DocContext, start: int, end: int) -> str | None:
    """The tense of the event itself: the trigger verb's form and auxiliaries when the text is
    parsed (a noun trigger takes its clause's verb), else the cue words around it."""
    doc = parsed(getattr(ctx, "doc", None))
    if doc is not None:
        tok = span_root(doc, start, end)
        if tok is not None and tok.head.dep_ == "prep" and tok.head.lower_ in lexicon().after_preps:
            return "past"  # "after my discussions with him, I don't think ...": done before
        verb = _event_verb(ctx, start, end)
        if verb is not None:
            tense = finite_tense(verb)
            if tense is not None:
                return tense
    return tense_at(ctx.article.text, start, end)


@dataclass
class SpanDate:
    """When something read at a span happened: (date, enddate, precision) and what said so."""

    date: str
    enddate: str | None
    precision: str
    source: str  # the timex text, or "article" / "inferred" for the document date


def _news_date(ctx: DocContext, story: _Story, start: int, end: int, tense: str | None) -> SpanDate | None:
    """The date of something reported as just done: the day the story's lead gives its episode
    ("Poland on Friday signed ...") for what the story tells after it, else the story's own date.
    What is going on now ("is negotiating") or told as later or earlier is dated by the story."""
    lead = story.lead
    if (
        lead is not None
        and start >= lead.sent_start
        and tense != "present"
        and not leaves_episode(ctx, _sentence_bounds(ctx, start, end)[0], start, end)
    ):
        per = timex_period(lead.timex)
        if per is not None:
            return SpanDate(*per, lead.timex.text)
    if ctx.dct:
        per = timex_to_range(ctx.dct)
        if per is not None:
            inferred = bool(getattr(ctx.article, "published_inferred", False))
            return SpanDate(*per, "inferred" if inferred else "article")
    return None


def _statement_date(
    ctx: DocContext, start: int, end: int, story: _Story, article_date: bool
) -> SpanDate | None:
    """The date of an intent (a promise, plan or threat): the day it was stated, never the day of
    the act it announces ("will impose a tariff starting June 10, Trump said Thursday" -> Thursday).
    An undated statement is the news of the story, unless it was made before it ("had said")."""
    tok = span_root(parsed(getattr(ctx, "doc", None)), start, end)
    if tok is not None and conditional(tok, lexicon().conditional_marks):
        return None  # "if the package is opposed", "if the union said it would accept ..."
    head = statement_head(tok) if tok is not None else None
    tense = None
    if head is not None:
        c = _pick([c for c in _candidates(ctx, head.idx, head.idx + len(head), story) if c.rank == 0])
        if c is not None:
            return SpanDate(*c.period, c.timex.text)
        tense = verb_tense(head)
        if tense == "pluperfect" and not backshifted(head):
            return None
        s0, s1 = _sentence_bounds(ctx, head.idx, head.idx + len(head))
        own = _own_clause(ctx, head.idx, head.idx + len(head))
        if any(own(m.start()) for m in _PAST_MARKERS.finditer(ctx.article.text, s0, s1)):
            return None  # "had previously said it would"
    if not article_date:
        return None
    return _news_date(ctx, story, start, end, "past" if tense == "present" else tense)


def date_span(
    ctx: DocContext,
    start: int,
    end: int,
    *,
    future: bool = False,
    hypothetical: bool = False,
    article_date: bool = True,
    statement: bool = False,
    story: _Story | None = None,
) -> SpanDate | None:
    """The date governing the words at [start, end): what events use, for deals, figures and quotes too.

    Same clause, else same sentence (never from a dateline), else a reference back ("the visit",
    "they") to a date before; else, for what the text reports as just done, the lead's episode
    date or the article date (when ``article_date`` allows it); nothing when the clause says the
    thing is past, future or ongoing. A ``statement`` (an intent event: a promise, plan or
    threat) is dated by its saying.
    """
    story = story or _story(ctx)
    if statement:
        return _statement_date(ctx, start, end, story, article_date)
    c = _pick(_candidates(ctx, start, end, story))
    if c is not None:
        return SpanDate(*c.period, c.timex.text)
    s0, s1 = _sentence_bounds(ctx, start, end)
    probe = Event(
        id="", event="", trigger_start=start, trigger_end=end, future=future, hypothetical=hypothetical
    )
    tense = _event_tense(ctx, start, end)
    blocked = _blocks_article_date(ctx, probe, s0, s1, tense)
    if not blocked:
        a = _antecedent(ctx, start, end, s0, story) or _clause_mate_antecedent(ctx, s0, start, story)
        if a is not None:
            return SpanDate(*a.period, a.timex.text)
    t = None if (blocked or _present_ref(ctx, s0, s1)) else _discourse(ctx, s0, start, end)
    if t is not None:
        per = timex_period(t)
        if per is not None:
            return SpanDate(*per, t.text)
    if article_date and not blocked:
        return _news_date(ctx, story, start, end, tense)
    return None


def is_statement(ev: Event) -> bool:
    """Whether an event is an intent stated (a future or conditional verbal act: "will impose" coded
    THREATEN, "will provide" coded AGREE, "could ask"): it happened when it was said."""
    return (ev.future or ev.hypothetical) and plover().quad.get(ev.event, "").startswith("verbal")


def date_events(ctx: DocContext, events: list[Event]) -> None:
    """Give each event the date of the expression that governs it (in place)."""
    story = _story(ctx)
    for ev in events:
        if ev.trigger_start is not None and ev.trigger_end is not None:
            start, end = ev.trigger_start, ev.trigger_end
        elif ev.mentions:
            start, end = ev.mentions[0].start, ev.mentions[0].end
        else:
            continue
        d = date_span(
            ctx,
            start,
            end,
            future=ev.future,
            hypothetical=ev.hypothetical,
            statement=is_statement(ev),
            story=story,
        )
        if d is not None:
            ev.date, ev.enddate, ev.date_precision, ev.date_source = d.date, d.enddate, d.precision, d.source


# --------------------------------------------------------------------------------------------
# undated articles


def _ym(value: str) -> tuple[int, int] | None:
    m = re.match(r"^(\d{4})-(\d{2})", value)
    return (int(m[1]), int(m[2])) if m else None


RECENT_MONTHS = 6
"""How far back a year-less date in a past-tense sentence may lie from the article's date: reports
drop the year only for dates of the last few months."""


def infer_dct(text: str) -> tuple[str | None, bool]:
    """The date an undated article was most likely written, at the precision the text supports.

    Evidence needs two kinds of dates. L, the latest month or day the article names with its
    year (not in a future-tense sentence), is a floor: the article is not older than what it
    reports. A year-less month or day in a past-tense sentence ("the visit from Jan. 6 to 8")
    lies at most a few months before the article; when that is impossible at or after L, it must
    be in a later year, and the article is dated to the month of that occurrence ("January to
    November 2025" + "took place ... Jan. 6 to 8" -> 2026-01). When the year-less dates fit before
    L, or there are none, the text only gives a floor, and nothing is inferred: (None, False).
    """
    timexes = tag(text, None)
    latest: tuple[int, int] | None = None
    yearless: list[tuple[Timex, int]] = []
    for t in timexes:
        if t.type not in ("DATE", "TIME"):
            continue
        vals = [t.value] + ([t.end_value] if t.end_value else [])
        for v in vals:
            ym = _ym(v)
            if ym is not None:
                if t.anchor != "absolute" or tense_at(text, t.start, t.end) == "future":
                    continue
                if latest is None or ym > latest:
                    latest = ym
                continue
            m = re.match(r"^XXXX-(\d{2})(?:-(\d{2}))?$", v)
            if m and t.anchor == "tense" and tense_at(text, t.start, t.end) == "past":
                yearless.append((t, int(m[1])))
    if latest is None or not yearless:
        return None, False
    floor = latest[0] * 12 + latest[1] - 1
    best = floor
    for _t, month in yearless:
        # the occurrences of this month that lie no later than RECENT_MONTHS before the floor
        k = latest[0] * 12 + month - 1
        while k < floor - RECENT_MONTHS:
            k += 12
        while k - 12 >= floor - RECENT_MONTHS:
            k -= 12
        best = max(best, k)
    if best <= floor:
        return None, False
    return f"{best // 12:04d}-{best % 12 + 1:02d}", True
