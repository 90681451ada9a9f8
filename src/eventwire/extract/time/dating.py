"""Event dating and the dating of undated articles.

An event's date is the date of the time expression that governs it: one in the same clause,
else in the same sentence, else the nearest date the discourse carries (a paragraph that said
"on June 11, 2024" dates "the visit" in the next sentence). The article's own date is a last
resort and only for events reported as news; a past event ("relations were established in
1964", "last July") never takes it, because a wrong precise date is worse than none.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ...lexicon.wordsets import words as wordsets
from ...model import Event, Timex
from .lexicon import lexicon
from .tagger import tag, tense_at

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from ..context import DocContext

__all__ = ["SpanDate", "date_events", "date_span", "infer_dct", "timex_period", "timex_to_range"]


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
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "csubj", "acl", "parataxis", "pcomp"}
_PAST_MARKERS = re.compile(
    r"\b(?:previously|formerly|once|in the past|had been|had\s+\w+ed|used to|years ago|decades ago|"
    r"recent years|last decade|the past decade)\b",
    re.I,
)
# a date after these words bounds a period; it does not say when the event happened
_NOT_GOVERNING = re.compile(r"\b(?:since|until|till|through|from)\s+(?:the\s+)?$", re.I)
# ... and after these it dates only its own clause, never the next sentence
_NOT_CARRIED = re.compile(r"\b(?:by|before|after|than|until|till|since|from|through)\s+(?:the\s+)?$", re.I)


def _usable(text: str, t: Timex, carried: bool = False) -> bool:
    """Whether a date can govern an event: "since 2003" bounds a period and does not date it; a
    whole range ("from Jan. 6 to 8") does."""
    if t.end_value:
        return True
    rx = _NOT_CARRIED if carried else _NOT_GOVERNING
    return not rx.search(text[max(0, t.start - 12) : t.start])


def _clause_head(tok: Token) -> Token:
    """The verb heading the clause a token sits in (the root when none)."""
    t = tok
    for _ in range(40):
        if t.pos_ in ("VERB", "AUX") and (t.dep_ in _CLAUSE_DEPS or t.head.i == t.i):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def _span_root(doc: Doc | None, start: int, end: int) -> Token | None:
    if doc is None:
        return None
    try:
        sp = doc.char_span(start, end, alignment_mode="expand")
    except Exception:  # noqa: BLE001 - a bad offset must not stop dating
        return None
    if sp is None or len(sp) == 0:
        return None
    return sp.root


_SENT_RX = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘(])|\n")


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


def _paragraph_start(text: str, pos: int) -> int:
    i = text.rfind("\n", 0, pos)
    return 0 if i < 0 else i + 1


_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|but|while|which|who|whereas|although|after|before|when)\b|\bwhile\b"
)


def _candidates(ctx: DocContext, ev_start: int, ev_end: int) -> list[_Cand]:
    text = ctx.article.text
    s0, s1 = _sentence_bounds(ctx, ev_start, ev_end)
    doc = getattr(ctx, "doc", None)
    if doc is not None and not doc.has_annotation("DEP"):
        doc = None  # no parse: fall back to punctuation for clause bounds
    ev_tok = _span_root(doc, ev_start, ev_end)
    ev_head = _clause_head(ev_tok) if ev_tok is not None else None
    out: list[_Cand] = []
    for t in ctx.timexes:
        if not (s0 <= t.start and t.end <= s1):
            continue
        per = timex_period(t)
        if per is None or not _usable(text, t):
            continue
        dist = ev_start - t.end if t.end <= ev_start else t.start - ev_end
        dist = max(0, dist)
        rank = 1
        if ev_head is not None:
            tx_tok = _span_root(doc, t.start, t.end)
            if tx_tok is not None:
                tx_head = _clause_head(tx_tok)
                if tx_head.i == ev_head.i or tx_tok.head.i == ev_tok.i or tx_head.i == ev_tok.i:
                    rank = 0
                elif _separate_clauses(ev_head, tx_head):
                    continue  # "construction will start this year, and the ships will be delivered ..."
        else:
            lo, hi = (t.end, ev_start) if t.end <= ev_start else (ev_end, t.start)
            if not _CLAUSE_BREAK.search(text[lo:hi]):
                rank = 0
        out.append(_Cand(t, per, rank, dist))
    return out


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def _separate_clauses(a: Token, b: Token) -> bool:
    """Whether two clause heads are coordinated clauses, each with its own subject: a date in one
    does not speak for the other ("X will start this year, and Y will be delivered ...")."""
    for low, high in ((a, b), (b, a)):
        t = low
        for _ in range(40):
            if t.i == high.i:
                # reached the other head: separate if the path left a conjunct with its own subject
                return False
            if t.dep_ == "conj" and _has_subject(t) and t.head.i == high.i:
                return True
            if t.head.i == t.i:
                break
            t = t.head
    return False


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


_ANAPHORIC = re.compile(
    r"\b(?:the|this|these|that|those|such|its|his|her|their)\s+(?:[\w’'-]+\s+){0,3}$", re.I
)


def _refers_back(text: str, ev_start: int, ev_end: int, sent_start: int) -> bool:
    """A definite noun phrase that points back ("the visit", "these meetings"), not a new one
    ("the first meeting of the council")."""
    if not _ANAPHORIC.search(text[max(sent_start, ev_start - 60) : ev_start]):
        return False
    if re.match(r"\s+of\b", text[ev_end : ev_end + 4]):
        return False
    before = text[max(0, ev_start - 20) : ev_start]
    return not re.search(r"\b(?:first|second|third|next|last|final|new|another|inaugural)\s+$", before, re.I)


def _noun_at(ctx: DocContext, start: int) -> bool:
    """Whether the trigger at ``start`` is a noun: only an event noun can refer back ("the visit");
    a verb after a definite subject ("the EU pledged", "the prime minister conceded") does not."""
    doc = getattr(ctx, "doc", None)
    if doc is None:
        return True
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return True
    return not span[0].pos_ or span[0].pos_ in {"NOUN", "PROPN"}  # no tagger: cannot tell


def _discourse(ctx: DocContext, sent_start: int, ev_start: int, ev_end: int) -> Timex | None:
    """The nearest earlier date the discourse carries to this event, or None.

    Within a paragraph the last date named carries on. Across a paragraph break only a definite
    reference back ("the visit", "these meetings") picks up the date of the paragraph before.
    """
    text = ctx.article.text
    p_this = _paragraph_start(text, sent_start)
    anaphoric = _refers_back(text, ev_start, ev_end, sent_start) and _noun_at(ctx, ev_start)
    p_from = p_this
    if anaphoric and p_this > 0:
        p_from = _paragraph_start(text, max(0, p_this - 2))
    if not anaphoric:
        # without a reference back, only the sentence just before carries its date on
        p_from = max(p_from, _sentence_bounds(ctx, max(0, sent_start - 2), max(0, sent_start - 1))[0])
    best = None
    for t in ctx.timexes:
        if t.end > sent_start or t.start < p_from:
            continue
        if sent_start - t.end > 1500:
            continue
        per = timex_period(t)
        if per is None or not _usable(text, t, carried=True):
            continue
        if not anaphoric and per[2] in ("year", "decade", "century", "half", "season"):
            continue  # a bare year in the sentence before is background, not this event's date
        if best is None or t.start > best.start:
            best = t
    return best


def _antecedent(ctx: DocContext, ev_start: int, ev_end: int, sent_start: int) -> _Cand | None:
    """ "The visit" after "his visit from Jan. 6 to 8": the date of the same noun named earlier.

    Only for a definite reference back, and only a date in the earlier mention's own clause, so
    a date that governed something else in that sentence is not picked up.
    """
    text = ctx.article.text
    if not _refers_back(text, ev_start, ev_end, sent_start) or not _noun_at(ctx, ev_start):
        return None
    word = text[ev_start:ev_end].lower()
    stem = word[:-1] if word.endswith("s") and len(word) > 3 else word
    if not re.fullmatch(r"[a-z][a-z-]+", stem):
        return None
    occ = list(re.finditer(rf"\b{re.escape(stem)}s?\b", text[:sent_start], re.I))
    for m in reversed(occ[-6:]):
        c = _pick([c for c in _candidates(ctx, m.start(), m.end()) if c.rank == 0])
        if c is not None:
            return c
    return None


_DEF_NP = re.compile(
    r"\b(?:the|this|these|that|those|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}?([a-z]+)\b", re.I
)


def _clause_mate_antecedent(ctx: DocContext, sent_start: int, ev_start: int) -> _Cand | None:
    """ "The visit marked the first meeting of the council": an event noun that refers back to a
    dated event ("the visit" ... "from Jan. 6 to 8") dates the event it is said of."""
    text = ctx.article.text
    nouns = set(lexicon().raw.get("event_nouns", []))
    for m in reversed(list(_DEF_NP.finditer(text, sent_start, ev_start))):
        if m.group(1).lower() in nouns:
            c = _antecedent(ctx, m.start(1), m.end(1), sent_start)
            if c is not None:
                return c
    return None


def _present_ref(ctx: DocContext, s0: int, s1: int) -> bool:
    return any(s0 <= t.start and t.end <= s1 and t.value == "PRESENT_REF" for t in ctx.timexes)


_NEAR = 80  # chars: how close a past/future marker must be to the trigger to speak for it
_PERIOD_BACK = re.compile(r"\b(?:over|for|during|throughout|in)\s+(?:the\s+)?(?:past|last)\b", re.I)


def _blocks_article_date(ctx: DocContext, ev: Event, s0: int, s1: int) -> bool:
    """Whether the text around the event says it is not news of the day (past, future, ongoing)."""
    if ev.future or ev.hypothetical:
        return True
    text = ctx.article.text
    start = ev.trigger_start if ev.trigger_start is not None else s0
    end = ev.trigger_end if ev.trigger_end is not None else s1
    lo, hi = max(s0, start - _NEAR), min(s1, end + _NEAR)
    if _PAST_MARKERS.search(text[lo:hi]):
        return True
    for t in ctx.timexes:
        if not (lo <= t.start and t.end <= hi):
            continue
        if t.value in ("PAST_REF", "FUTURE_REF"):
            return True
        if t.type == "DURATION" and _PERIOD_BACK.search(text[max(s0, t.start - 20) : t.end]):
            return True  # "over the last decade the two nations strengthened ..."
    return _event_tense(ctx, start, end) == "future"


def _event_tense(ctx: DocContext, start: int, end: int) -> str | None:
    """The tense of the event itself: the trigger verb's form and auxiliaries when the text is
    parsed (a noun trigger takes its clause's verb), else the cue words around it."""
    doc = getattr(ctx, "doc", None)
    if doc is not None and doc.has_annotation("DEP") and doc.has_annotation("TAG"):
        tok = _span_root(doc, start, end)
        if tok is not None:
            verb = tok if tok.pos_ in ("VERB", "AUX") else _clause_head(tok)
            if verb.pos_ in ("VERB", "AUX"):
                auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
                if auxes & wordsets("plover").future_aux:  # plover.yaml: will, shall ...
                    return "future"
                if verb.tag_ == "VBD" or "had" in auxes or "has" in auxes or "have" in auxes:
                    return "past"
                if verb.tag_ in ("VBZ", "VBP"):
                    return "present"
    return tense_at(ctx.article.text, start, end)


@dataclass
class SpanDate:
    """When something read at a span happened: (date, enddate, precision) and what said so."""

    date: str
    enddate: str | None
    precision: str
    source: str  # the timex text, or "article" / "inferred" for the document date


def date_span(
    ctx: DocContext,
    start: int,
    end: int,
    *,
    future: bool = False,
    hypothetical: bool = False,
    article_date: bool = True,
) -> SpanDate | None:
    """The date governing the words at [start, end): what events use, for deals, figures and quotes too.

    Same clause, else same sentence, else a reference back ("the visit") or the sentence before;
    the article date only when nothing says the thing is past, future or ongoing (and
    ``article_date`` allows it).
    """
    c = _pick(_candidates(ctx, start, end))
    if c is not None:
        return SpanDate(*c.period, c.timex.text)
    s0, s1 = _sentence_bounds(ctx, start, end)
    probe = Event(
        id="", event="", trigger_start=start, trigger_end=end, future=future, hypothetical=hypothetical
    )
    blocked = _blocks_article_date(ctx, probe, s0, s1)
    if not blocked:
        a = _antecedent(ctx, start, end, s0) or _clause_mate_antecedent(ctx, s0, start)
        if a is not None:
            return SpanDate(*a.period, a.timex.text)
    t = None if (blocked or _present_ref(ctx, s0, s1)) else _discourse(ctx, s0, start, end)
    if t is not None:
        per = timex_period(t)
        if per is not None:
            return SpanDate(*per, t.text)
    if article_date and ctx.dct and not blocked:
        per = timex_to_range(ctx.dct)
        if per is not None:
            inferred = bool(getattr(ctx.article, "published_inferred", False))
            return SpanDate(*per, "inferred" if inferred else "article")
    return None


def date_events(ctx: DocContext, events: list[Event]) -> None:
    """Give each event the date of the expression that governs it (in place)."""
    for ev in events:
        if ev.trigger_start is not None and ev.trigger_end is not None:
            start, end = ev.trigger_start, ev.trigger_end
        elif ev.mentions:
            start, end = ev.mentions[0].start, ev.mentions[0].end
        else:
            continue
        d = date_span(ctx, start, end, future=ev.future, hypothetical=ev.hypothetical)
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
