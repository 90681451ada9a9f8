"""Event dating (the dating of undated articles lives in ``undated``, value periods in ``periods``;
both are re-exported here for the stages that import them from this module).

An event's date is the date of the time expression that governs it: one in the same clause,
else in the same sentence (a dateline's date dates nothing), else a date an earlier sentence gave
to what this one refers back to ("the visit", "they"). What the story reports as just done and
dates no further takes the day its lead gives the episode ("Poland on Friday signed ...") or,
failing that, the article's own date; a past event ("relations were established in 1964", "had
previously met") never takes it, because a wrong precise date is worse than none. An intent (a
promise, plan or threat) is dated by its saying, not by the act it announces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from ...lexicon.plover import plover
from ...link.coref import QUOTATION
from ...model import Event, Timex
from .background import (
    blocks_article_date,
    event_tense,
    marks_clause,
    past_markers,
    run_since,
    state_of_affairs,
)
from .clause import (
    backshifted,
    clause_head,
    clause_verb,
    conditional,
    parsed,
    span_root,
    statement_dep,
    statement_head,
    verb_tense,
)
from .discourse import (
    dates_main_act,
    leaves_episode,
    noun_at,
    pronoun_subject,
    refers_back,
    usable,
)
from .govern import Cand, Story, candidates, paragraph_start, pick, sentence_bounds, story_of
from .lexicon import lexicon
from .periods import span_end as _span_end  # noqa: F401 - kept for callers of the old names
from .periods import span_start as _span_start  # noqa: F401
from .periods import timex_period, timex_to_range
from .undated import infer_dct
from .values import Anchor

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


def _discourse(
    ctx: DocContext, sent_start: int, ev_start: int, ev_end: int, future: bool = False
) -> Timex | None:
    """The nearest earlier date the discourse carries to this event, or None.

    Only a sentence that points back takes a date from another: a definite reference ("the visit",
    "these meetings") picks up the last date of its paragraph or the one before; a pronoun subject
    ("They signed ...") the day or month of the sentence just before. Without either the sentence
    tells something else, and a date before it says nothing about it. A date after the story's
    own day ("a target to reach by 2030") is carried only to an act still to come.
    """
    text = ctx.article.text
    p_this = paragraph_start(text, sent_start)
    anaphoric = refers_back(text, ev_start, ev_end, sent_start) and noun_at(ctx, ev_start)
    if not anaphoric and not pronoun_subject(ctx, ev_start, ev_end):
        return None
    p_from = p_this
    if anaphoric and p_this > 0:
        p_from = paragraph_start(text, max(0, p_this - 2))
    if not anaphoric:
        p_from = max(p_from, sentence_bounds(ctx, max(0, sent_start - 2), max(0, sent_start - 1))[0])
    best = None
    for t in ctx.timexes:
        if t.end > sent_start or t.start < p_from:
            continue
        if sent_start - t.end > 1500:
            continue
        per = timex_period(t)
        if per is None or not usable(text, t, carried=True):
            continue
        if not future and _after_story_day(ctx, per[0]):
            continue
        if _aside(ctx, t):
            continue  # "a contract Poland signed in 2022": the date of a thing named in passing
        if _quoted_apart(text, t.start, ev_start):
            continue
        if not anaphoric and (
            per[2] in ("year", "decade", "century", "half", "season") or not dates_main_act(ctx, t)
        ):
            continue  # a bare year or a date of something else in the sentence before
        if best is None or t.start > best.start:
            best = t
    return best


def _aside(ctx: DocContext, t: Timex) -> bool:
    """Whether a date sits in a relative or participle clause (an aside about some noun)."""
    tok = span_root(parsed(getattr(ctx, "doc", None)), t.start, t.end)
    return tok is not None and clause_head(tok).dep_ in _ASIDE_DEPS


def _quoted_apart(text: str, at: int, ev_start: int) -> bool:
    """Whether the date at ``at`` lies inside a quotation the event is outside of: a speaker's
    "last year" counts from the day of speaking, and tells when the thing the speaker names
    happened, not when the narrated act did."""
    for m in QUOTATION.finditer(text, max(0, at - 2000), min(len(text), ev_start + 2000)):
        if m.start() <= at < m.end():
            return not (m.start() <= ev_start < m.end())
    return False


def _after_story_day(ctx: DocContext, start: str) -> bool:
    """Whether a period starting at ``start`` begins after the story's own day (unknown: no)."""
    if not ctx.dct:
        return False
    day = ctx.dct[:10]
    return start[: len(day)] > day[: len(start)]


def _antecedent(ctx: DocContext, ev_start: int, ev_end: int, sent_start: int, story: Story) -> Cand | None:
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
    spans = _mentions_of_act(ctx, ev_start, ev_end, sent_start)
    if spans is None:
        spans = [m.span() for m in re.finditer(rf"\b{re.escape(stem)}s?\b", text[:sent_start], re.I)]
    for a, b in reversed(spans[-6:]):
        c = pick([c for c in candidates(ctx, a, b, story) if c.rank == 0])
        if c is not None:
            return c
    return None


_ASIDE_DEPS = {"relcl", "acl"}
_STEM_CHARS = 4  # "signing" and "signed" share "sign": the shortest stem that names one act


def _mentions_of_act(
    ctx: DocContext, ev_start: int, ev_end: int, sent_start: int
) -> list[tuple[int, int]] | None:
    """Where the text named the act an event noun refers back to ("the signing ceremony" after
    "Poland on Friday signed"): earlier words of its stem, as noun or verb, told as the story's
    act, not in an aside about something else ("a contract Poland signed in 2022"). None without
    a parse."""
    doc = parsed(getattr(ctx, "doc", None))
    tok = span_root(doc, ev_start, ev_end)
    if tok is None:
        return None
    lemma = tok.lemma_.lower()
    out = []
    for t in doc:
        if t.idx >= sent_start:
            break
        if t.pos_ not in ("NOUN", "VERB"):
            continue
        other = t.lemma_.lower()
        short, long_ = sorted((lemma, other), key=len)
        if len(short) < _STEM_CHARS or not long_.startswith(short):
            continue
        if clause_head(t).dep_ in _ASIDE_DEPS:
            continue
        out.append((t.idx, t.idx + len(t)))
    return out


_DEF_NP = re.compile(
    r"\b(?:the|this|these|that|those|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}?([a-z]+)\b", re.I
)


def _clause_mate_antecedent(ctx: DocContext, sent_start: int, ev_start: int, story: Story) -> Cand | None:
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


@dataclass
class SpanDate:
    """When something read at a span happened: (date, enddate, precision) and what said so."""

    date: str
    enddate: str | None
    precision: str
    source: str  # the timex text, or "article" / "inferred" for the document date


def _news_date(ctx: DocContext, story: Story, start: int, end: int, tense: str | None) -> SpanDate | None:
    """The date of something reported as just done: the day the story's lead gives its episode
    ("Poland on Friday signed ...") for what the story tells after it, else the story's own date.
    What is going on now ("is negotiating") or told as later or earlier is dated by the story."""
    lead = story.lead
    if (
        lead is not None
        and start >= lead.sent_start
        and tense != "present"
        and not leaves_episode(ctx, sentence_bounds(ctx, start, end)[0], start, end)
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
    ctx: DocContext, start: int, end: int, story: Story, article_date: bool
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
        c = _saying_date(ctx, head, story)
        if c is not None:
            return SpanDate(*c.period, c.timex.text)
        tense = verb_tense(head)
        if tense == "pluperfect" and not backshifted(head):
            return None
        s0, s1 = sentence_bounds(ctx, head.idx, head.idx + len(head))
        marks = marks_clause(ctx, head.idx, head.idx + len(head))
        if any(map(marks, past_markers().finditer(ctx.article.text, s0, s1))):
            return None  # "had previously said it would"
    if not article_date:
        return None
    return _news_date(ctx, story, start, end, "past" if tense == "present" else tense)


def _saying_date(ctx: DocContext, head: Token, story: Story) -> Cand | None:
    """The date in the clause of the verb stating an intent, else in the clause that reports that
    one ("announced last week plans to impose tariffs", "said on Monday Oslo plans to send aid")."""
    h = head
    for _ in range(4):
        c = pick([c for c in candidates(ctx, h.idx, h.idx + len(h), story) if c.rank == 0])
        if c is not None or not statement_dep(h):
            return c
        h = h.head
    return None


def date_span(
    ctx: DocContext,
    start: int,
    end: int,
    *,
    future: bool = False,
    hypothetical: bool = False,
    article_date: bool = True,
    statement: bool = False,
    material: bool = False,
    story: Story | None = None,
) -> SpanDate | None:
    """The date governing the words at [start, end): what events use, for deals, figures and quotes too.

    Same clause, else same sentence (never from a dateline), else a reference back ("the visit",
    "they") to a date before; else, for what the text reports as just done, the lead's episode
    date or the article date (when ``article_date`` allows it); nothing when the clause says the
    thing is past, future or ongoing. A ``statement`` (an intent event: a promise, plan or
    threat) is dated by its saying. A ``material`` act told in the simple present after the lead
    ("the government allows five banks", "troops occupy the island") is a state of affairs, which
    the story's day does not date.
    """
    story = story or story_of(ctx)
    w = _when_clause_date(ctx, start, end)
    if w is not None:
        return w
    if statement:
        return _statement_date(ctx, start, end, story, article_date)
    c = pick(candidates(ctx, start, end, story))
    if c is not None and (c.rank == 0 or not run_since(ctx, start, end)):
        return _scheduled(ctx, c) or SpanDate(*c.period, c.timex.text)
    s0, s1 = sentence_bounds(ctx, start, end)
    probe = Event(
        id="", event="", trigger_start=start, trigger_end=end, future=future, hypothetical=hypothetical
    )
    tense = event_tense(ctx, start, end)
    blocked = blocks_article_date(ctx, probe, s0, s1, tense) or (
        material and state_of_affairs(ctx, start, end, story)
    )
    if not blocked:
        a = _antecedent(ctx, start, end, s0, story) or _clause_mate_antecedent(ctx, s0, start, story)
        if a is not None:
            return SpanDate(*a.period, a.timex.text)
    t = None if (blocked or _present_ref(ctx, s0, s1)) else _discourse(ctx, s0, start, end, future)
    if t is not None:
        per = timex_period(t)
        if per is not None:
            return SpanDate(*per, t.text)
    if article_date and not blocked:
        e = _elaborated(ctx, start, end, s1, story)
        if e is not None:
            return SpanDate(*e.period, e.timex.text)
        n = _named_before(ctx, start, end, s0)
        if n is not None:
            return n
        return _news_date(ctx, story, start, end, tense)
    return None


_WEEKDAY_WORDS = re.compile(r"^(?:on\s+)?([A-Za-z]+)\.?$")


def _scheduled(ctx: DocContext, c: Cand) -> SpanDate | None:
    """ "Abe starts a week-long visit on Sunday", "the summit opens Monday": a bare weekday on a verb
    in the present tense is the coming one (the tagger, reading cue words only, may have taken the
    one before), unless the verb only orders the act against another ("the visit follows a meeting
    on Monday"). None when nothing needs to change."""
    m = _WEEKDAY_WORDS.match(c.timex.text.strip())
    day = lexicon().weekday_of.get(m[1].lower()) if m else None
    base = Anchor.parse(ctx.dct)
    if day is None or base is None or base.date is None or c.period[2] != "day":
        return None
    tok = span_root(parsed(getattr(ctx, "doc", None)), c.timex.start, c.timex.end)
    if tok is None or verb_tense(clause_head(tok)) != "present" or c.period[0] > base.date.isoformat():
        return None
    if clause_head(tok).lemma_.lower() in lexicon().sequence_verbs:
        return None  # "follows a meeting on Monday": the day of the meeting, told before
    ahead = (day - base.date.isoweekday()) % 7
    if ahead == 0:
        return None  # the story's own weekday: today, or a week on
    return SpanDate((base.date + timedelta(days=ahead)).isoformat(), None, "day", c.timex.text)


def _when_clause_date(ctx: DocContext, start: int, end: int) -> SpanDate | None:
    """ "The toll was the highest since January 2, when troops overran the garrison": an act told in a
    relative clause of a date is dated by that date, even one that bounds a period for the rest."""
    doc = parsed(getattr(ctx, "doc", None))
    tok = span_root(doc, start, end)
    if tok is None:
        return None
    head = clause_head(tok)
    if head.dep_ != "relcl" or not any(
        c.dep_ == "advmod" and c.lower_ in lexicon().time_relatives for c in head.children
    ):
        return None
    at = head.head.idx
    for t in ctx.timexes:
        if t.start <= at < t.end:
            per = timex_period(t)
            return SpanDate(*per, t.text) if per is not None else None
    return None


_ELABORATION_CHARS = 700  # how far on a story may go on telling the same act


def _elaborated(ctx: DocContext, start: int, end: int, s1: int, story: Story) -> Cand | None:
    """ "Iran and Venezuela signed 19 documents. ... were among the documents signed between the two
    countries on Monday.": a lead that dates nothing is dated by the next sentences' telling of the
    same act (the same verb, with a date in its own clause), before the article's date is used."""
    doc = parsed(getattr(ctx, "doc", None))
    tok = span_root(doc, start, end)
    if tok is None or tok.pos_ != "VERB" or verb_tense(tok) != "past":
        return None
    lemma = tok.lemma_.lower()
    for t in doc:
        if t.idx < s1 or t.idx > s1 + _ELABORATION_CHARS:
            continue
        if t.lemma_.lower() != lemma or t.pos_ != "VERB":
            continue
        c = pick([c for c in candidates(ctx, t.idx, t.idx + len(t), story) if c.rank == 0])
        if c is not None and c.period[2] in ("day", "month"):
            return c
    return None


_NAMING_DEPS = {"nmod", "compound", "poss", "nummod", "npadvmod", "amod"}


def _named_before(ctx: DocContext, start: int, end: int, s0: int) -> SpanDate | None:
    """ "... in line with the February 22 Paris agreement by six nations. The six nations agreed
    to cooperate": an undated act told as done, whose act the sentence before named as a dated
    noun of the same stem, is that act told again, and takes the date that names it."""
    doc = parsed(getattr(ctx, "doc", None))
    tok = span_root(doc, start, end)
    if tok is None or tok.pos_ != "VERB" or verb_tense(tok) != "past" or s0 <= 0:
        return None
    lemma = tok.lemma_.lower()
    if len(lemma) < _STEM_CHARS:
        return None
    p0, _ = sentence_bounds(ctx, max(0, s0 - 2), max(0, s0 - 1))
    for t in ctx.timexes:
        if t.start < p0 or t.end > s0:
            continue
        noun = _noun_named(span_root(doc, t.start, t.end))
        if noun is None or not noun.lemma_.lower().startswith(lemma):
            continue
        per = timex_period(t)
        if per is not None and not _after_story_day(ctx, per[0]):
            return SpanDate(*per, t.text)
    return None


def _noun_named(tok: Token | None) -> Token | None:
    """The noun a date names as a modifier ("the February 22 Paris agreement" -> agreement)."""
    t = tok
    for _ in range(3):
        if t is None or t.dep_ not in _NAMING_DEPS or t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ == "NOUN":
            return t
    return None


def is_statement(ev: Event, ctx: DocContext) -> bool:
    """Whether an event is an intent stated (a future or conditional verbal act: "will impose" coded
    THREATEN, "will provide" coded AGREE, "could ask"): it happened when it was said. A verbal act
    coded as done from a refusal told in the future is a stance taken in the saying ("he told
    reporters the bloc would not bow to pressure" is a rejection made that day): the verb's tense,
    its negation and the verb reporting it are read."""
    if not plover().quad.get(ev.event, "").startswith("verbal"):
        return False
    if ev.future or ev.hypothetical:
        return True
    if ev.trigger_start is None or ev.trigger_end is None:
        return False
    tok = span_root(parsed(getattr(ctx, "doc", None)), ev.trigger_start, ev.trigger_end)
    verb = clause_verb(tok) if tok is not None else None
    if verb is None or statement_head(tok) is None or not any(c.dep_ == "neg" for c in verb.children):
        return False
    return event_tense(ctx, ev.trigger_start, ev.trigger_end) == "future"


def date_events(ctx: DocContext, events: list[Event]) -> None:
    """Give each event the date of the expression that governs it (in place)."""
    story = story_of(ctx)
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
            statement=is_statement(ev, ctx),
            material=plover().quad.get(ev.event, "").startswith("material"),
            story=story,
        )
        if d is not None:
            ev.date, ev.enddate, ev.date_precision, ev.date_source = d.date, d.enddate, d.precision, d.source
