"""Which time expression governs the words at a span: candidates in the sentence, ranked by the
clause they hang on, and the expressions that tell the time of something else ruled out.

A date speaks for what it hangs on: the clause it modifies ("met on Monday"), not a conjunct told
in another tense, a complement with its own time ("agreed to cut rates next month"), the clause of
another noun ("trade that rose from last year's level"), a noun it names ("the 1986 agreement",
"notes due 1997") or an event the act is set against ("despite a breakdown last weekend").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ...model import Timex
from .clause import (
    clause_head,
    clause_verb,
    complement_of,
    conjoined,
    hangs_on,
    has_subject,
    modifies_other_noun,
    reporting,
    separate_clauses,
    span_root,
    verb_tense,
)
from .discourse import Lead, dateline_spans, in_spans, lead_of, usable
from .lexicon import lexicon
from .periods import span_end, span_start, timex_period, timex_to_range
from .values import add_days

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from ..context import DocContext


@dataclass
class Cand:
    timex: Timex
    period: tuple[str, str | None, str]
    rank: int  # 0 same clause, 1 same sentence, 2 discourse
    distance: int
    report: bool = False  # hangs on a verb reporting the event's clause ("..., officials said on Friday")


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


@dataclass
class Story:
    """What dating reads once per article: the datelines' spans and the lead's episode date."""

    datelines: list[tuple[int, int]]
    lead: Lead | None
    start: str | None = None  # the first and last day the story's date covers
    end: str | None = None


def story_of(ctx: DocContext) -> Story:
    spans = dateline_spans(ctx.article.text)
    return Story(datelines=spans, lead=lead_of(ctx, spans), start=story_start(ctx), end=story_end(ctx))


def sentence_bounds(ctx: DocContext, start: int, end: int) -> tuple[int, int]:
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


def paragraph_start(text: str, pos: int) -> int:
    i = text.rfind("\n", 0, pos)
    return 0 if i < 0 else i + 1


_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|but|while|which|who|whereas|although|after|before|when)\b|\bwhile\b"
)
_TENSE_CLASS = {"future": "future", "pluperfect": "past", "past": "past", "present": "present"}


def candidates(ctx: DocContext, ev_start: int, ev_end: int, story: Story) -> list[Cand]:
    text = ctx.article.text
    s0, s1 = sentence_bounds(ctx, ev_start, ev_end)
    doc = getattr(ctx, "doc", None)
    if doc is not None and not doc.has_annotation("DEP"):
        doc = None  # no parse: fall back to punctuation for clause bounds
    ev_tok = span_root(doc, ev_start, ev_end)
    ev_head = clause_head(ev_tok) if ev_tok is not None else None
    end = story.end
    verb = clause_verb(ev_tok) if ev_tok is not None else None
    done = verb is not None and verb_tense(verb) in ("past", "pluperfect")  # "to sign" is not done
    to_come = verb is not None and verb_tense(verb) == "future"
    start = story.start
    out: list[Cand] = []
    for t in ctx.timexes:
        report = False
        if not (s0 <= t.start and t.end <= s1) or in_spans(t, story.datelines):
            continue
        per = timex_period(t)
        if per is None or not usable(text, t):
            continue
        if to_come and start is not None and span_end(per[1] or per[0]) < start:
            per = _by_tense(t, per, 1)  # "will meet in December", read in January
        later = end is not None and span_start(per[0]) > end
        if done and later:
            continue  # "has called a meeting for January 27": what is done is not dated after the story
        if to_come and start is not None and span_end(per[1] or per[0]) < start:
            continue  # "would be seeking an accord similar to one struck last autumn"
        dist = ev_start - t.end if t.end <= ev_start else t.start - ev_end
        dist = max(0, dist)
        rank: int | None = 1
        if ev_head is not None:
            tx_tok = span_root(doc, t.start, t.end)
            if tx_tok is not None and later and verb_tense(clause_head(tx_tok)) in ("past", "pluperfect"):
                continue  # a later date hung on a past verb is misread ("an interview shown tomorrow said")
            if tx_tok is not None:
                beyond = end is None or span_end(per[1] or per[0]) > end  # reaches past the story's day
                rank = _rank(ev_tok, ev_head, tx_tok, later or end is None or not done, beyond, later)
                report = _on_report(ev_head, clause_head(tx_tok))
        else:
            lo, hi = (t.end, ev_start) if t.end <= ev_start else (ev_end, t.start)
            if not _CLAUSE_BREAK.search(text[lo:hi]):
                rank = 0
        if rank is not None:
            out.append(Cand(t, per, rank, dist, report))
    return out


def _on_report(ev_head: Token, tx_head: Token) -> bool:
    """Whether a date's clause is a verb reporting the event's clause ("Seoul accused Tokyo earlier
    this month, officials said on Friday"): it dates the saying, which is later than the act."""
    return tx_head.i != ev_head.i and reporting(tx_head) and any(a.i == tx_head.i for a in ev_head.ancestors)


def _by_tense(t: Timex, per: tuple[str, str | None, str], step: int) -> tuple[str, str | None, str]:
    """A year-less month or day, or a bare weekday, that the tagger placed on the wrong side of the
    story's date (it reads tense from cue words; the parse says the act is to come), moved
    ``step`` occurrences on: a weekday by a week, a month or a dated day by a year. Other dates are
    kept as they are. (A done act is not moved back: "called a meeting for February" names a
    date ahead on purpose.)"""
    if t.anchor != "tense" or per[1] is not None or per[2] not in ("day", "month"):
        return per
    weekday = any(w in lexicon().weekday_of for w in re.findall(r"[a-z]+", t.text.lower()))
    try:
        if per[2] == "day" and weekday:
            return (add_days(date.fromisoformat(per[0]), 7 * step).isoformat(), None, "day")
        y, rest = per[0].split("-", 1)
        moved = f"{int(y) + step:04d}-{rest}"
        if per[2] == "day":
            date.fromisoformat(moved)  # 29 February
        return (moved, None, per[2])
    except ValueError:
        return per


def story_start(ctx: DocContext) -> str | None:
    """The first day the story's date covers ("1987-03" -> "1987-03-01"), or None."""
    per = timex_to_range(ctx.dct) if ctx.dct else None
    return span_start(per[0]) if per else None


def story_end(ctx: DocContext) -> str | None:
    """The last day the story's date covers ("1987-03" -> "1987-03-31"), or None."""
    per = timex_to_range(ctx.dct) if ctx.dct else None
    return span_end(per[1] or per[0]) if per else None


def _rank(
    ev_tok: Token, ev_head: Token, tx_tok: Token, ahead: bool, beyond: bool = True, later: bool = False
) -> int | None:
    """0 when a date hangs on the event's own clause, 1 when elsewhere in its sentence, None when it
    tells the time of something else: a conjunct or complement clause with its own time, a clause
    of another noun, a noun the date names ("the 1986 agreement", "notes due 1997"), an event the
    act is set against. ``ahead``: the date lies after the story (or the story is undated, or the
    act is not told as done), so a complement's date is the complement's own; ``beyond``: the date
    reaches past the story's day, so a to-infinitive's date is the act agreed or planned ("agreed
    to cut prices in 1987/88"), while one before it tells when the agreeing was ("agreed to consider
    the offer at a meeting last month"); ``later``: the date lies after the story's day."""
    tx_head = clause_head(tx_tok)
    via_noun, preps = hangs_on(tx_tok, tx_head)
    if tx_head.head.i in (ev_head.i, ev_tok.i) and _before_complement(tx_tok, tx_head) and not via_noun:
        return 0  # "said on Saturday they attacked": the saying's date, hung on what was said
    if (
        _set_against(preps, ev_tok, tx_tok)
        or _names_other_noun(tx_tok, ev_tok)
        or _ordered_clause(tx_head, ev_tok)
    ):
        return None
    if complement_of(tx_head, ev_head) and any(p.lower_ in lexicon().deadline_words for p in preps):
        return None  # "asked parties to submit statements by June 17": the deadline of what was asked
    if tx_tok.head.i == ev_tok.i or ((tx_head.i == ev_head.i or tx_head.i == ev_tok.i) and not via_noun):
        return 1 if _before_complement(tx_tok, tx_head) else 0
    if tx_head.i in (ev_head.i, ev_tok.i):
        return 1  # on a noun of the event's clause: "met at the summit last week"
    if (
        separate_clauses(ev_head, tx_head)
        or _other_time(ev_head, tx_head)
        or (
            modifies_other_noun(tx_head, ev_tok, lexicon().dating_participles)
            and not (tx_head.dep_ == "acl" and _occasion_of(tx_head.head, ev_tok))
        )
        or (ahead and complement_of(tx_head, ev_head))
        or (beyond and _infinitive_below(tx_head, ev_head))
        or _other_relative(tx_head, ev_tok)
        or _relative_aside(ev_head, tx_head)
        or (later and _cousin_clause(tx_head, ev_head))
    ):
        return None  # "construction will start this year, and the ships will be delivered ..."
    return 1


def _relative_aside(ev_head: Token, tx_head: Token) -> bool:
    """Whether the event is told in a relative clause, in a perfect or another tense than the
    clause the date hangs on ("a ship which Greece had threatened to stop kept to its waters
    yesterday"): the aside says what was done to a noun before, and the host's date is the host's."""
    if ev_head.dep_ != "relcl" or any(a.i == ev_head.i for a in tx_head.ancestors) or tx_head.i == ev_head.i:
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in ev_head.children):
        return True
    ta, tb = verb_tense(ev_head), verb_tense(tx_head)
    return ta is not None and tb is not None and ta != tb


def _cousin_clause(tx_head: Token, ev_head: Token) -> bool:
    """Whether the date's clause and the event's lie on separate branches of the sentence, neither
    within the other ("the first official to visit Japan since Reagan announced tariffs to start
    on April 17"): a date after the story's there tells the other branch's time (an earlier one
    may still be the sentence's: "attempted to cut subsidies in 2003, but was forced to back down")."""
    if tx_head.pos_ not in ("VERB", "AUX") or tx_head.i == ev_head.i:
        return False
    return not any(a.i == tx_head.i for a in ev_head.ancestors) and not any(
        a.i == ev_head.i for a in tx_head.ancestors
    )


def _before_complement(tx_tok: Token, tx_head: Token) -> bool:
    """Whether a date the parser hung on a reported clause stands before that clause's subject,
    right after the verb reporting it ("said on Saturday they attacked the town"): it tells when
    the saying was, and dates the reported act only when nothing in its own clause does."""
    if tx_head.dep_ != "ccomp" or tx_head.head.i > tx_tok.i:
        return False
    subjects = [c.i for c in tx_head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and tx_tok.i < min(subjects)


def _infinitive_below(tx_head: Token, ev_head: Token) -> bool:
    """Whether the date's clause is a to-infinitive the event governs ("agreed to cut prices in
    1987/88", "is seeking a loan to meet its targets in 1987"): the time of the act agreed,
    planned, asked for or aimed at, not of the agreeing or seeking."""
    t = tx_head
    for _ in range(12):
        if t.head.i == t.i:
            return False
        if t.head.i == ev_head.i:
            return t.dep_ in ("xcomp", "advcl") and any(a.tag_ == "TO" for a in t.children)
        t = t.head
    return False


def _other_relative(tx_head: Token, ev_tok: Token) -> bool:
    """Whether the date sits in a relative clause on some other noun than the event ("is
    negotiating with the banks' committee, which will allow it to meet targets in 1987"): that
    clause tells its own time. A relative clause on the event's noun ("talks which were held on
    Monday") dates it."""
    ev_line = {ev_tok.i, *(a.i for a in ev_tok.ancestors)}
    t = tx_head
    for _ in range(12):
        if t.i in ev_line or t.head.i == t.i:
            return False
        if t.dep_ == "relcl":
            return t.head.i != ev_tok.i
        t = t.head
    return False


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
    if noun is None or noun.i == ev_tok.i or _occasion_of(noun, ev_tok):
        return False
    return not any(a.i == noun.i for a in ev_tok.ancestors)


def _occasion_of(noun: Token, ev_tok: Token) -> bool:
    """Whether a noun names the occasion of the event ("complained at last year's meeting", "in a
    letter sent yesterday, the minister told him ..."): the object of an occasion preposition hung
    on the event word, on its clause's verb or on the verb reporting that clause."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in lexicon().occasion_preps:
        return False
    head = clause_head(ev_tok)
    hosts = {ev_tok.i, head.i}
    if head.dep_ == "ccomp" and reporting(head.head):
        hosts.add(head.head.i)
    return prep.head.i in hosts


def _set_against(preps: list[Token], ev_tok: Token, tx_tok: Token | None = None) -> bool:
    """Whether a date hangs in a phrase that sets the event against another ("despite a breakdown
    last weekend", "after an October 7 attack", "in response to a strike on Friday"), with the event
    itself outside that phrase."""
    lex = lexicon()
    marks = [p for p in preps if p.lower_ in lex.ordering_preps]
    t = tx_tok
    for _ in range(12):
        if t is None or t.head.i == t.i or t.pos_ in ("VERB", "AUX"):
            break
        if t.pos_ == "NOUN" and t.lemma_.lower() in lex.ordering_nouns:
            marks.append(t)
        t = t.head
    return any(p.i != ev_tok.i and not any(a.i == p.i for a in ev_tok.ancestors) for p in marks)


def _ordered_clause(tx_head: Token, ev_tok: Token) -> bool:
    """Whether the date's clause is one the event is ordered against ("resigned after parliament
    voted on Friday"), the event not being inside it: the date is that clause's."""
    ordering = lexicon().ordering_preps
    if not any(c.dep_ == "mark" and c.lower_ in ordering for c in tx_head.children):
        return False
    return tx_head.i != ev_tok.i and not any(a.i == tx_head.i for a in ev_tok.ancestors)


def _other_time(ev_head: Token, tx_head: Token) -> bool:
    """Whether the date's clause is told in another tense than the event's, as a conjunct
    ("announced a freeze on Wednesday night and is negotiating") or as a clause of its own below
    the event ("discussed ties as the countries will celebrate an anniversary this year"): the
    date of the one does not date the other. A clause above the event (the report of it) may."""
    if not conjoined(ev_head, tx_head) and not (
        has_subject(tx_head) and any(a.i == ev_head.i for a in tx_head.ancestors)
    ):
        return False
    ta, tb = _TENSE_CLASS.get(verb_tense(ev_head) or ""), _TENSE_CLASS.get(verb_tense(tx_head) or "")
    return ta is not None and tb is not None and ta != tb


def pick(cands: list[Cand]) -> Cand | None:
    """The governing expression: best rank, then nearest; a more precise date nested in it wins."""
    if not cands:
        return None
    cands = sorted(cands, key=lambda c: (c.rank, c.distance))
    best = cands[0]
    for c in cands[1:]:
        if c.rank != best.rank and best.period[2] not in ("year", "half", "season", "quarter"):
            break  # a year on the verb is refined by a month in the sentence ("in June ... last year")
        inside = span_start(best.period[0]) <= span_start(c.period[0]) and span_end(
            c.period[1] or c.period[0]
        ) <= span_end(best.period[1] or best.period[0])
        if c.report and not best.report:
            continue  # a finer date of the saying does not refine the act's ("last month ..., said Friday")
        if inside and _PRECISION_ORDER.get(c.period[2], 9) < _PRECISION_ORDER.get(best.period[2], 9):
            best = c
    return best
