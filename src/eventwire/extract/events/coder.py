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

from ...model import Event, Place, stable_id

if TYPE_CHECKING:  # pragma: no cover
    from ..context import DocContext

from ...lexicon.events import RuleSet, cameo_score, load_rules
from ...lexicon.plover import plover
from ...lexicon.wordsets import words
from .detect import Cand, absorb, dedupe, detect
from .modality import contexts, modality
from .participants import Participants
from .parties import (
    actor_side,
    country_entity,
    entities_of,
    nonactor_subject,
    protest_target,
    recipient_side,
    visit_target,
)
from .syntax import is_passive, passive_agents, prep_objects, subject_of

# codes in an entity's country slot that name no state, besides PLOVER's non-state codes
# (plover.yaml): unknown (UNK), unidentified state actor (UIS), a sector standing in (REB, BUS)
UNKNOWN_STATES = frozenset({"UNK", "UIS", "REB", "BUS"})


def extract(ctx: DocContext) -> list[Event]:
    """PLOVER events of one article, each with the sentence it was read from."""
    rs = load_rules()
    parts = Participants(ctx, rs)
    events: list[Event] = []
    sents = list(ctx.doc.sents)
    for k, sent in enumerate(sents):
        cands = detect(sent, rs, parts)
        if not cands:
            continue
        cands = absorb(dedupe(cands), rs)
        ctx_words = contexts(sent, rs)
        seen: set[tuple] = set()
        for c in cands:
            ev = _build(c, ctx, rs, parts, ctx_words)
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
            events.append(ev)
    return events


def _rewrite(rw: dict, name: str, event: str, quad: str) -> str | None:
    """The type a rewrite of plover.yaml gives: keyed by the event's type, else by its quad."""
    table = rw.get(name) or {}
    return table.get(event) or table.get(quad)


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


def _build(c: Cand, ctx: DocContext, rs: RuleSet, parts: Participants, ctx_words: list[str]) -> Event | None:
    r = c.rule
    if c.kind == "must":
        actors = actor_side(c.reporter, parts, rs) if c.reporter is not None else []
    elif c.kind == "noun" and c.head == c.trig:
        poss = [ch for ch in c.trig.children if ch.dep_ == "poss"] + prep_objects(c.trig, {"by"})
        actors = entities_of(poss, parts) or actor_side(c.trig, parts, rs)
    elif c.kind == "subjnoun":
        actors = [e for e in parts.entities(c.trig)]
    else:
        actors = actor_side(c.head, parts, rs)
        if not actors and c.kind == "noun":
            actors = entities_of([ch for ch in c.trig.children if ch.dep_ == "poss"], parts)
    recipients, between = recipient_side(c, parts, rs)
    if between:
        if not actors:
            actors, recipients = between[:1], [*between[1:], *recipients]
        else:
            recipients = [*recipients, *between]
    place: Place | None = None
    mode = r.mode
    if r.visit:
        rec, place = visit_target(c, ctx, parts)
        if rec:
            recipients = rec
    if place is None:
        # the clause, the act's noun and object, then "protesters in Cairo", "talks ... took place in X"
        spots = [c.head, c.trig, c.obj, subject_of(c.head)]
        if c.kind == "noun" and c.head == c.trig and c.trig.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
            # "talks took place in X", "follow a discussion with Y during the fair in X"
            spots.append(c.trig.head if c.trig.dep_ != "pobj" else c.trig.head.head)
        seen_i: set[int] = set()
        for hd in spots:
            if hd is None or hd.i in seen_i:
                continue
            seen_i.add(hd.i)
            place = parts.locative(hd)
            if place is not None:
                break
    if place is None and c.head.dep_ == "relcl" and any(ch.lower_ == "where" for ch in c.head.children):
        place = parts.place_of(c.head.head)  # "talks in Ankara, where A and B addressed ..."
    if place is None and any(ch.lower_ == "here" and ch.dep_ == "advmod" for ch in c.head.children):
        place = parts.dateline_place()  # "attended here" in a story datelined Ankara
    if place is not None and place.country:
        for e in [*actors, *recipients]:  # "people blocked streets in Hong Kong"
            if e.kind == "group" and e.country is None:
                e.country = place.country
    for e in [*actors, *recipients]:  # what the article says elsewhere about this actor
        la = ctx.actors.get(e.id) if e.country is None else None
        if la is not None and la.country:
            e.country = la.country
    if r.event in set(rs.settings.get("single_country_default") or []):
        # domestic default: in a sentence that names one country, its unplaced actors belong to it
        sent = c.trig.sent
        named = {
            m.entity.country for m in ctx.entities_in(sent.start_char, sent.end_char) if m.entity.country
        }
        if len(named) == 1:
            iso = next(iter(named))
            for e in [*actors, *recipients]:
                if e.country is None and e.kind in {"person", "group", "organization"}:
                    e.country = iso
    ids = {e.id for e in actors}
    recipients = [e for e in recipients if e.id not in ids]
    if not actors and not recipients and c.kind == "subjnoun" and place is not None and place.country:
        recipients = [country_entity(ctx, place.country)]
    recipients = [e for e in recipients if e.kind != "group" or e.country]
    if not recipients and r.event == "PROTEST":
        recipients = protest_target(c, parts)
    if not recipients and c.absorbed:  # "threatened to impose a curfew in Algiers"
        for a in c.absorbed:
            pa = next(
                (p for p in (parts.locative(x) for x in (a.head, a.trig, a.obj) if x is not None) if p), None
            )
            if pa is not None and pa.country:
                recipients = [country_entity(ctx, pa.country)]
                break
    default = (rs.settings.get("default_recipient") or {}).get(r.event)
    if not recipients and default in {"government_of_place", "country_of_place", "host_of_place"}:
        iso = place.country if place is not None else None
        if default == "host_of_place" and iso in {e.country for e in actors}:
            iso = None
        if iso is None and default == "government_of_place":
            iso = next((e.country for e in actors if e.country), None)
        if iso:
            recipients = [country_entity(ctx, iso)]
    if rs.settings.get("require_participant", True) and not actors and not recipients:
        return None
    if (
        r.event in {"THREATEN", "REQUEST"}
        and c.kind == "verb"
        and is_passive(c.head)
        and not passive_agents(c.head)
    ):
        # "when its interests are threatened", "stimulus is not called for": no threat, no demand
        if not (r.event == "REQUEST" and c.head.lemma_.lower() in words("clauses").passive_request_verbs):
            return None
    if (
        r.event in set(rs.settings.get("present_passive_is_state") or [])
        and c.kind == "verb"
        and not passive_agents(c.head)
        and any(
            ch.dep_ == "auxpass" and ch.lower_ in words("clauses").state_auxiliaries for ch in c.head.children
        )
    ):
        return None  # "some 14,000 troops are stationed in the country": a standing fact, not an act
    if (
        not actors
        and rs.settings.get("require_actor_when_subject", True)
        and c.kind in {"verb", "adj", "noun"}
    ):
        if nonactor_subject(c.head, parts):
            return None

    negated, future, hypothetical = modality(c, rs)
    event = r.event
    cameo = r.cameo
    rw = rs.settings.get("rewrites") or {}
    keep = set(rw.get("keep") or [])
    quad = rs.quad.get(event, "")
    modal = hypothetical and any(
        ch.dep_ == "aux" and ch.lower_ in words("clauses").threat_modals for ch in c.head.children
    )
    ioh = rw.get("intent_of_hostile") or {}
    if event in (ioh.get("frames") or []) and any(
        rs.quad.get(a.rule.event) in (ioh.get("quads") or []) for a in c.absorbed
    ):
        event, cameo, mode = (
            ioh.get("to", "THREATEN"),
            rs.type_cameo.get(ioh.get("to", "THREATEN"), cameo),
            None,
        )
    elif event not in keep and modal and _rewrite(rw, "modal", event, quad):
        target = _rewrite(rw, "modal", event, quad)
        event, cameo, mode = target, rs.type_cameo.get(target, cameo), None
    elif negated and (rw.get("negated") or {}).get(event):
        event, cameo, mode, negated = (
            rw["negated"][event],
            rs.type_cameo.get(rw["negated"][event], cameo),
            None,
            False,
        )
    elif event not in keep and future:
        target = None
        if negated:  # "will not accept refugees" -> REJECT; "would not discuss" stays, negated
            target = _rewrite(rw, "negated_future", event, quad)
        else:
            target = _rewrite(rw, "future", event, quad)
        if target and target != event:
            if target == "REJECT":
                negated = False
            event, cameo, mode = target, rs.type_cameo.get(target, cameo), None
    if c.absorbed and event in (rs.settings.get("frame_modes") or {}):
        table = rs.settings["frame_modes"][event]
        for a in c.absorbed:
            if a.rule.event in table:
                mode = table[a.rule.event]
                break
    if event == "CONSULT" and mode is None:
        countries = {e.country for e in [*actors, *recipients] if e.country}
        states = countries - UNKNOWN_STATES - plover().non_state.keys()
        if len(states) >= 3:
            mode = "multilateral"
        elif (
            place is not None
            and place.country
            and {e.country for e in actors if e.country}
            and {e.country for e in recipients if e.country}
            and place.country not in countries
        ):
            mode = "third-party"

    contexts = list(dict.fromkeys([*r.context, *ctx_words]))
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
