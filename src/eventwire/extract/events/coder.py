"""PLOVER event coding: triggers from data/events/*.yaml matched on the spaCy dependency parse.

Why a parse and not keyword spotting: the same verb is a different event with a different object
("lifted the curfew" CONCEDE, "lifted sanctions" RETREAT, "imposed sanctions" SANCTION), actors
and recipients are syntactic roles (subject vs object, passive swaps them), and intent words
change the type ("agreed to send aid" is one AGREE, "will impose sanctions" a THREATEN). One pass
over the tokens with dictionary look-ups keeps coding a small fraction of the parse time.

Steps per sentence: detect candidate triggers (``detect``) -> read participants and place
(``parties``) and flags (``modality``) from the clause -> apply the PLOVER rewrites (future
cooperation = AGREE, future hostility = THREATEN) -> one Event per surviving candidate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Event, stable_id

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from ..context import DocContext

from ...lexicon.events import RuleSet, cameo_score, load_rules
from ...lexicon.wordsets import words
from .codes import by_context, code_mode
from .detect import Cand, absorb, dedupe, detect, empty_clause, merge_objects, unrealised
from .direction import aimed_at
from .modality import contexts, recode
from .participants import Participants
from .parties import country_entity, read_parties, state_speaker
from .political import admissible
from .sense import is_reported_act, placed, private_copy
from .verdict import verdict_sides
from .visiting import is_visiting_modifier, visitor_and_host


def extract(ctx: DocContext) -> list[Event]:
    """PLOVER events of one article, each with the sentence it was read from."""
    rs = load_rules()
    parts = Participants(ctx, rs)
    events: list[Event] = []
    sents = list(ctx.doc.sents)
    private = private_copy(ctx.doc, rs)
    for k, sent in enumerate(sents):
        cands = detect(sent, rs, parts)
        if not cands:
            continue
        cands = [
            c
            for c in absorb(merge_objects(dedupe(cands)), rs)
            if not c.rule.void and not unrealised(c, rs) and not empty_clause(c, rs)
        ]
        ctx_words = contexts(sent, rs)
        seen: set[tuple] = set()
        built: list[tuple[Cand, Event]] = []
        for c in cands:
            ev = _build(c, ctx, rs, parts, ctx_words, private)
            if ev is None:
                continue
            key = (
                ev.event,
                tuple(e.id for e in ev.actor),
                tuple(e.id for e in ev.recipient),
                ev.trigger_start,
            )
            if key in seen:
                continue
            seen.add(key)
            if ev.event == "CONSULT" and k + 1 < len(sents):
                _delegation(ev, sents[k + 1], parts)
            built.append((c, ev))
            parts.remember(ev, c.trig)
        events += [ev for _c, ev in _visit_purposes(built)]
    return events


def _visit_purposes(built: list[tuple[Cand, Event]]) -> list[tuple[Cand, Event]]:
    """'arrived in Paris for talks with X', 'will visit Tokyo for meetings': talks a visit is made
    for are that visit, one event (#16: one record per event): the visit's record stays, and takes
    the ones talked with as its recipients when they are of the host's state (a person is more
    precise than the state). Talks with a third party ("visits Washington for meetings with the
    IMF") are an event of their own; talks with people of no known state ("for talks with
    government officials") are the host's, so the visit's record stays as it is."""
    talk = words("clauses").talk_nouns
    visits = {c.head.i: ev for c, ev in built if c.rule.visit}
    out: list[tuple[Cand, Event]] = []
    for c, ev in built:
        t = c.trig
        v = visits.get(t.head.head.i) if t.dep_ == "pobj" and t.head.lower_ == "for" else None
        if v is None or t.lemma_.lower() not in talk or ev.event not in {"CONSULT", "AGREE"}:
            out.append((c, ev))
            continue
        if {a.id for a in ev.actor} - {a.id for a in v.actor}:
            out.append((c, ev))
            continue
        hosts = {r.country for r in v.recipient}
        if not {r.country for r in ev.recipient if r.country} <= hosts:
            out.append((c, ev))  # talks with a third party
            continue
        placed = [r for r in ev.recipient if r.country]
        if placed and v.recipient and all(r.kind == "country" for r in v.recipient):
            v.recipient = placed
    return out


def _delegation(ev: Event, nxt, parts: Participants) -> None:
    """'... met a delegation of X. Leading the delegation were its CEO, Y, and ...': Y took part."""
    lemmas = {t.lemma_.lower() for t in nxt}
    if "delegation" not in lemmas or not lemmas & words("clauses").delegation_verbs:
        return
    people = [
        e
        for e in parts.span_entities(list(nxt))
        if e.kind == "person" and e.id not in {a.id for a in ev.actor}
    ]
    side = ev.recipient if ev.recipient else ev.actor
    for p in people:
        if all(p.id != x.id for x in side):
            side.append(p)


def _cause_actors(t: Token, parts: Participants) -> list:
    """The actors a cause names; a place owning the act ("at China's move") stands for its state."""
    got = parts.entities(t, strict=False)
    if not got and t.dep_ == "poss" and parts.is_place(t):
        pl = parts.place_of(t)
        if pl is not None and pl.country:
            got = [country_entity(parts.ctx, pl.country)]
    return got


def _feeler_and_cause(c: Cand, parts: Participants, actors: list, recipients: list) -> tuple[list, list]:
    """'X was disappointed by Y's decision / after Y skipped the talks': the one who feels is the
    actor even when the participle reads as a passive, and the recipient is whoever did the act that
    caused the feeling: the by/at/over/with object (or its owner) or the subject of the clause of cause."""
    # the parse took the feeler for the patient, or "X's move angered Y": the object feels
    if any(ch.dep_ == "nsubjpass" for ch in c.head.children) or (
        c.trig == c.head and c.head.pos_ == "VERB" and any(ch.dep_ == "dobj" for ch in c.head.children)
    ):
        actors, recipients = recipients, actors
    mine = {a.id for a in actors} | {a.country for a in actors if a.country}
    causes: list = []
    for holder in dict.fromkeys([c.trig, c.head]):
        for ch in holder.children:
            if ch.dep_ in {"advcl", "ccomp"}:
                causes += [s for s in ch.children if s.dep_ == "nsubj"]
            elif ch.dep_ in {"prep", "agent"}:
                for p in ch.children:
                    if p.dep_ == "pobj":
                        causes += [p, *(o for o in p.children if o.dep_ == "poss")]
    found = [e for t in causes for e in _cause_actors(t, parts)]
    found = [e for e in found if e.id not in mine and (not e.country or e.country not in mine)]
    others = [e for e in recipients if e.id not in mine]
    return actors, list({e.id: e for e in [*others, *found]}.values())


def _build(
    c: Cand, ctx: DocContext, rs: RuleSet, parts: Participants, ctx_words: list[str], private: int = 0
) -> Event | None:
    r = c.rule
    if r.visit and c.kind == "verb" and is_visiting_modifier(c.trig):
        actors, recipients, place = visitor_and_host(c.trig, ctx, parts, country_entity)
        if not actors:
            return None  # "the visiting X" with no host named apart from X's own state
    else:
        actors, recipients, place = read_parties(c, ctx, rs, parts)
    recipients = aimed_at(c, recipients, parts)  # "backed the plan against X": not X
    if r.experiencer:
        actors, recipients = _feeler_and_cause(c, parts, actors, recipients)
        if not actors or not recipients:
            return None  # a feeling with no one whose act caused it is no disapproval of anyone
        if place is not None and place.country in {e.country for e in recipients}:
            place = None  # "disappointed at China's move": the cause, not where it was felt
        actors = state_speaker(c, parts, actors)  # "X said Washington was disappointed"
    if r.judgement:
        actors, recipients = verdict_sides(c.trig, c.head, parts, actors, r.preps)
        if not actors or not recipients:
            return None  # a verdict with no speaker, or about the speaker's own side, accuses no one
        if place is not None and place.country in {e.country for e in recipients}:
            place = None
    if not is_reported_act(c, rs, parts, actors, recipients, private, place):
        return None
    if (
        rs.settings.get("require_placed_party")
        and not any(placed(e) for e in [*actors, *recipients])
        and not (place is not None and place.country)
    ):
        return None  # "the other side will appeal": nothing ties the act to a state, in who or where
    event, cameo, mode, negated, future, hypothetical = recode(c, rs, actors, recipients, place)
    if not admissible(c, rs, parts, actors, recipients, event, place):
        return None  # parties PLOVER does not code that act for (firms alone, a metaphor, a pledge at home)
    if (
        negated
        and event in words("plover").negated_dropped
        and any(ch.dep_ == "neg" for ch in c.head.children)
    ):
        return None  # "would not welcome quotas": no support given (a refusal to sign keeps its record)
    if negated and not actors:
        return None  # "the zones will not be discussed": no one is said to refuse or fail, nothing done
    contexts = list(dict.fromkeys([*r.context, *ctx_words]))
    cameo = by_context(rs, cameo, contexts)  # "pledged aid" in a story of relief: humanitarian aid
    mode = mode or code_mode(rs, cameo)  # "demanded the release of": REQUEST/yield, as its code says
    toks = sorted([c.trig, *(t for t in c.extra if abs(t.i - c.trig.i) <= 3)], key=lambda t: t.i)
    start = toks[0].idx
    end = toks[-1].idx + len(toks[-1].text)
    conf = 0.45
    conf += 0.15 if c.spec >= 3 else 0.0
    conf += 0.1 if c.kind in {"verb", "adj"} else 0.0
    conf += 0.15 if actors else 0.0
    conf += 0.1 if recipients else 0.0
    conf -= 0.1 if hypothetical else 0.0
    return Event(
        id=stable_id("e", ctx.article.id, start, event),
        event=event,
        mode=mode,
        context=contexts,
        cameo=cameo,
        actor=actors,
        recipient=recipients,
        event_loc=place,
        negated=negated,
        future=future,
        hypothetical=hypothetical,
        score=cameo_score(rs, cameo, event),
        mentions=[ctx.mention(start, end)],
        confidence=round(max(0.1, min(0.95, conf)), 2),
        pattern=r.name,
        trigger=ctx.article.text[start:end],
        trigger_start=start,
        trigger_end=end,
    )
