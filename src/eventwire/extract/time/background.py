"""Whether an act is told as background, before or beside the story's news: a past marker on its
verb ("had previously met"), a pluperfect that is no report's backshift, a run of acts since a date
("has signed 40 deals since 2016"), a perfect over a stretch ("have fought for six years"), an act
another one came long after ("weeks after Kyiv condemned him"), or a state told in the present.
Such an act never takes the story's date: a wrong precise date is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from ...model import Event, Timex
from .clause import (
    backshifted,
    clause_head,
    clause_verb,
    finite_tense,
    first_conjunct,
    hangs_on,
    parsed,
    reporting,
    span_root,
    verb_tense,
)
from .discourse import first_sentences
from .govern import Story, sentence_bounds
from .lexicon import lexicon, phrases
from .tense import tense_at

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from ..context import DocContext

__all__ = [
    "blocks_article_date",
    "event_tense",
    "event_verb",
    "marks_clause",
    "past_markers",
    "run_since",
    "state_of_affairs",
]


@lru_cache(maxsize=1)
def past_markers() -> re.Pattern[str]:
    """The words that tell a clause's act as done before the story (data/time.yaml past_markers)."""
    return re.compile(rf"\b(?:{phrases(lexicon().past_markers)})\b", re.I)


# read from the verb's auxiliaries when the text is parsed, from the words when it is not
_PLUPERFECT = re.compile(r"\b(?:had been|had\s+\w+ed)\b", re.I)

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


def marks_clause(ctx: DocContext, start: int, end: int) -> Callable[[re.Match[str]], bool]:
    """A test of whether a past marker ("previously", "years ago") speaks for the clause of the
    words at [start, end): it must sit in that clause and hang on its verb, not inside one of its
    noun phrases ("the company, formerly Acme, agreed ..." is news; "formerly" names the firm).
    A marker before the first of verbs sharing one subject speaks for all of them ("to date it has
    defended the sale and conceded only errors")."""
    doc = parsed(getattr(ctx, "doc", None))
    tok = span_root(doc, start, end)
    if tok is None:
        return lambda _m: True
    head = clause_head(tok)
    first = first_conjunct(head)

    def marks(m: re.Match[str]) -> bool:
        t = span_root(doc, m.start(), m.end())
        if t is None:
            return True
        at = clause_head(t)
        if at.i != head.i and not (at.i == first.i and t.i < first.i):
            return False
        return not (t.pos_ != "VERB" and hangs_on(t, at)[0])

    return marks


def blocks_article_date(ctx: DocContext, ev: Event, s0: int, s1: int, tense: str | None) -> bool:
    """Whether the event's clause says it is not news of the day (past, future, ongoing)."""
    if ev.future or ev.hypothetical or tense == "future":
        return True
    text = ctx.article.text
    start = ev.trigger_start if ev.trigger_start is not None else s0
    end = ev.trigger_end if ev.trigger_end is not None else s1
    lo, hi = max(s0, start - _NEAR), min(s1, end + _NEAR)
    own = _own_clause(ctx, start, end)
    if any(map(marks_clause(ctx, start, end), past_markers().finditer(text, lo, hi))):
        return True
    if _past_noun(ctx, start, end) or _long_before(ctx, start, end) or _existential_run(ctx, start, end):
        return True
    if _relative_background(ctx, start, end) or _perfect_progressive(ctx, start, end):
        return True
    if _at_that_time(ctx, start, end):
        return True
    if tense == "pluperfect":
        verb = event_verb(ctx, start, end)
        return verb is None or not backshifted(verb)  # "announced it had ordered ...": the news
    if parsed(getattr(ctx, "doc", None)) is None and _PLUPERFECT.search(text, lo, hi):
        return True
    for t in ctx.timexes:
        if not (lo <= t.start and t.end <= hi):
            continue
        if _since_on_verb(ctx, t, own):
            return True
        if not own(t.start):
            continue
        if t.value in ("PAST_REF", "FUTURE_REF"):
            return True
        if t.type == "DURATION" and _PERIOD_BACK.search(text[max(s0, t.start - 20) : t.end]):
            return True  # "over the last decade the two nations strengthened ..."
        if (
            t.type == "DURATION"
            and _FOR.search(text[max(s0, t.start - 8) : t.start])
            and _perfect(ctx, start, end)
        ):
            return True  # "have been fighting the government for six years": a state, not news
    return False


_FOR = re.compile(r"\bfor\s+$", re.I)
_PERFECT_WORDS = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|ing)\b", re.I)


def _perfect(ctx: DocContext, start: int, end: int) -> bool:
    """Whether the event's verb is in a perfect tense ("have fought", "has been negotiating"): with
    a stretch of time ("for six years") it tells a state reaching up to the story, not an act of
    its day."""
    verb = event_verb(ctx, start, end)
    if verb is not None:
        return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    s0 = max(0, start - 40)
    return bool(_PERFECT_WORDS.search(ctx.article.text, s0, end))


_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)


def _since_on_verb(ctx: DocContext, t: Timex, own: Callable[[int], bool]) -> bool:
    """ "Since 1980, the utility has signed ...": the act of the clause ``own`` accepts is a run of
    acts since then, not news of the day (unlike "the lowest level since 2003", where the date
    hangs on a noun)."""
    if not _SINCE.search(ctx.article.text[max(0, t.start - 12) : t.start]):
        return False
    doc = parsed(getattr(ctx, "doc", None))
    tok = span_root(doc, t.start, t.end)
    if doc is None or tok is None:
        return False
    host = _since_host(doc, tok, t)
    return host is not None and own(host.idx)


def _since_host(doc: Doc, tok: Token, t: Timex) -> Token | None:
    """The verb whose clause a "since <date>" phrase bounds, or None when it hangs on a noun. A
    parser may read "since" before a date as opening the next clause, the date as its subject
    ("the project they had worked on since 2016 constituted a breach"): a date is no subject, so
    the phrase then belongs to the clause before "since"."""
    since = _since_word(doc, t)
    if since is not None and (since.dep_ == "mark" or tok.dep_ in _SUBJECT_DEPS):
        prev = doc[since.i - 1] if since.i > since.sent.start else None
        if prev is not None:
            if prev.pos_ in ("NOUN", "PROPN", "ADJ"):
                return None  # "the lowest since 2003"
            return clause_head(prev)
    head = clause_head(tok)
    return None if hangs_on(tok, head)[0] else head


_SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def _since_word(doc: Doc, t: Timex) -> Token | None:
    """The token "since" just before a date ("since 2016", "since the 1990s"), or None."""
    sp = doc.char_span(t.start, t.end, alignment_mode="expand")
    if sp is None or not len(sp):
        return None
    for j in range(sp.start - 1, max(-1, sp.start - 3), -1):
        if doc[j].lower_ == "since":
            return doc[j]
        if doc[j].lower_ != "the":
            return None
    return None


def _dated_since(ctx: DocContext, m: Token) -> bool:
    """Whether a "since" the parser read as opening a clause stands right before a date: then it
    bounds a period ("worked on since 2016"), told by ``_since_on_verb``, and says nothing of the
    clause after it."""
    after = m.idx + len(m)
    gap = ctx.article.text[after : after + 6]
    skip = len(gap) - len(gap.lstrip())
    if gap.lstrip().lower().startswith("the "):
        skip += 4
    return any(t.start == after + skip for t in ctx.timexes)


def run_since(ctx: DocContext, start: int, end: int) -> bool:
    """ "The terminal, attacked 135 times since August 1985, was last raided in January": the
    event's own clause makes it a run of acts since a date, which no date elsewhere dates."""
    own = _own_clause(ctx, start, end)
    s0, s1 = sentence_bounds(ctx, start, end)
    return any(s0 <= t.start < s1 and _since_on_verb(ctx, t, own) for t in ctx.timexes)


def state_of_affairs(ctx: DocContext, start: int, end: int, story: Story) -> bool:
    """Whether the event's clause is in the simple present ("allows", "is neutral in the war"),
    past the story's headline and lead (where the present tells the news: "Poland signs deal")."""
    verb = event_verb(ctx, start, end)
    if verb is None or verb.tag_ not in ("VBZ", "VBP") or reporting(verb):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False  # "is fighting", "has fought", "will fight": read by their tense
    first = first_sentences(ctx)
    return not first or start >= first[-1][1]


_SHORT_UNITS = {"TS", "TM", "TH"}  # "hours after": still the day's news


def _long_before(ctx: DocContext, start: int, end: int) -> bool:
    """Whether the event is told as what another act came a while after: in a clause or phrase of
    "since" ("since he took office", not the "since" of a reason: "since Reagan opposes it"), or
    of "after" measured in days or more ("weeks after Kyiv condemned him"). It lies before the
    story's news, so the story's date is not its date."""
    tok = span_root(parsed(getattr(ctx, "doc", None)), start, end)
    if tok is None:
        return False
    lex = lexicon()
    for t in [tok, *tok.ancestors]:
        marks = [c for c in t.children if c.dep_ == "mark"] if t.pos_ in ("VERB", "AUX") else []
        if t.dep_ == "prep" and t.i != tok.i:
            marks.append(t)
        for m in marks:
            if m.lower_ not in lex.after_preps:
                continue
            if m.lower_ == "since":
                if m.dep_ == "mark" and _dated_since(ctx, m):
                    continue  # "since 2016" read as a clause opener: a date's preposition
                if m.dep_ == "prep" or verb_tense(t) in ("past", "pluperfect"):
                    return True  # "since he took office"; "since Reagan opposes it" gives a reason
                continue
            before = m.doc[m.i - 1] if m.i > 0 else None
            unit = lex.unit_of.get(before.lemma_.lower()) if before is not None else None
            if unit is not None and unit not in _SHORT_UNITS:
                return True
        if t.dep_ in ("ROOT", "ccomp", "conj") and t is not tok:
            break
    return False


def _perfect_progressive(ctx: DocContext, start: int, end: int) -> bool:
    """ "The two states have been holding talks on the currency", "said the bank had been urging
    Brasilia": an act told as going on up to the story (or up to the report of it), begun on some
    earlier day, is not news of the story's day. Nor is one told by a perfect participle ("having
    said before the cut that ..."): it was done before the clause it hangs on."""
    verb = event_verb(ctx, start, end)
    if verb is None:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if "having" in auxes:
        return True
    return verb.tag_ == "VBG" and "been" in auxes and bool(auxes & {"has", "have", "had", "'ve", "'s", "'d"})


def _at_that_time(ctx: DocContext, start: int, end: int) -> bool:
    """ "The Soviets rejected the offer then": an anaphoric time adverb after the verb puts the act
    at a time told before, not on the story's day."""
    verb = event_verb(ctx, start, end)
    anaphors = lexicon().time_anaphors
    return verb is not None and any(
        c.dep_ == "advmod" and c.lower_ in anaphors and c.i > verb.i for c in verb.children
    )


def _relative_background(ctx: DocContext, start: int, end: int) -> bool:
    """ "London, which has threatened to retaliate, ...", "Rossi, who declined to attend the talks,
    ...": an act told in a relative clause in the perfect, or in a non-restrictive one (set off by a
    comma) in the past, describes the noun it hangs on by what it did before; it is not the news
    the story reports, so the story's day does not date it (a date in its own clause still does)."""
    verb = event_verb(ctx, start, end)
    if verb is None or verb.dep_ != "relcl":
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
        return True
    edge = verb.left_edge
    set_off = edge.i > 0 and edge.doc[edge.i - 1].text == ","
    return set_off and verb_tense(verb) == "past"


def _existential_run(ctx: DocContext, start: int, end: int) -> bool:
    """ "There have been several rounds of talks": an event noun a perfect existential clause
    says exists is a run of acts reaching up to the story, not an act of its day."""
    tok = span_root(parsed(getattr(ctx, "doc", None)), start, end)
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = clause_head(tok)
    if verb.lemma_.lower() != "be" or not any(c.dep_ == "expl" for c in verb.children):
        return False
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _past_noun(ctx: DocContext, start: int, end: int) -> bool:
    """ "Her recent visit", "the previous round": an event noun said to lie before the story."""
    tok = span_root(parsed(getattr(ctx, "doc", None)), start, end)
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    mods = lexicon().past_noun_modifiers
    return any(c.dep_ == "amod" and c.lower_ in mods for c in tok.children)


def event_verb(ctx: DocContext, start: int, end: int) -> Token | None:
    tok = span_root(parsed(getattr(ctx, "doc", None)), start, end)
    return clause_verb(tok) if tok is not None else None


def event_tense(ctx: DocContext, start: int, end: int) -> str | None:
    """The tense of the event itself: the trigger verb's form and auxiliaries when the text is
    parsed (a noun trigger takes its clause's verb), else the cue words around it."""
    doc = parsed(getattr(ctx, "doc", None))
    if doc is not None:
        tok = span_root(doc, start, end)
        if tok is not None and tok.head.dep_ == "prep" and tok.head.lower_ in lexicon().after_preps:
            return "past"  # "after my discussions with him, I don't think ...": done before
        verb = event_verb(ctx, start, end)
        if verb is not None:
            tense = finite_tense(verb)
            if tense is not None:
                return tense
    return tense_at(ctx.article.text, start, end)
