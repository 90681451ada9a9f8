"""Whether a candidate's parties are ones PLOVER codes that act for (#16): political actors.

Why: a verb of conflict or cooperation is an event only between political actors (states,
governments, officials, armed groups, international bodies, parties; workers who protest to a
government). Business and labour copy is full of the same verbs ("the union attacked the company",
"the firm dropped its plans", "workers struck at the plant"), and political debate of the same
state is full of violent metaphors ("Congress battled the president over the budget"). Which types
need which parties is data (plover.yaml: `economic_types`, `economic_sectors`, `debate_types`,
`debate_sectors`); this module only reads the parties the linker and ``parties`` gave.
"""

from __future__ import annotations

from ...lexicon.events import RuleSet
from ...lexicon.wordsets import words
from ...model import Entity, Place
from .detect import Cand
from .participants import Participants
from .sense import business, business_person, political
from .visiting import is_visiting_modifier

_QUALIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})


def economic(e: Entity, rs: RuleSet) -> bool:
    """A firm, a union, farmers or their officers: a party of `economic_sectors` or a company."""
    return business(e, rs) or (e.sector or "") in words("plover").economic_sectors


def _maybe_political(e: Entity, rs: RuleSet) -> bool:
    """A political party, or a named person nothing marks as business, who may hold an office the
    linker missed (the benefit of the doubt keeps the event)."""
    if political(e, rs):
        return True
    return e.kind == "person" and not e.sector and not business_person(e, rs)


def firm_nationality(e: Entity, c: Cand, parts: Participants, rs: RuleSet) -> bool:
    """A state named in the sentence only as the nationality or owner of a firm ("Japan's Canon
    Inc", "the Japanese firm Canon"): it does not make the firm's act one of the state."""
    if e.kind != "country":
        return False
    sent = c.head.sent
    toks = [
        sent.doc[i]
        for i in range(sent.start, sent.end)
        if i in parts.by_tok and parts.by_tok[i].entity.id == e.id
    ]
    if not toks:
        return False
    for t in toks:
        owner = parts.by_tok.get(t.head.i)
        if t.dep_ not in _QUALIFIER_DEPS or owner is None or owner.entity.id == e.id:
            return False
        if not business(owner.entity, rs):
            return False
    return True


def economic_only(
    c: Cand, parts: Participants, actors: list[Entity], recipients: list[Entity], rs: RuleSet
) -> bool:
    """An act among firms, unions or farmers only: one party is economic and none may be political
    (a state standing only as a firm's nationality is not counted). Workers or farmers acting at no
    one named may be acting against their state, and keep the act."""
    everyone = [*actors, *recipients]
    if not any(economic(e, rs) for e in everyone):
        return False
    if not recipients and not all(business(e, rs) for e in actors):
        return False  # "farmers protested", "workers went on strike": at whom is not said, the state may be
    strong = [e for e in everyone if not firm_nationality(e, c, parts, rs)]
    return not any(_maybe_political(e, rs) for e in strong if not economic(e, rs))


def _debating(e: Entity) -> bool:
    """A body or an officer of political debate (`debate_sectors`), or a group of one whose groups
    debate rather than march (`debate_group_sectors`: "the senators", not "opposition supporters")."""
    pl = words("plover")
    sector = e.sector or ""
    if e.kind == "group":
        return sector in pl.debate_group_sectors
    return e.kind in {"person", "organization"} and sector in pl.debate_sectors


def debate_metaphor(actors: list[Entity], recipients: list[Entity]) -> bool:
    """A violent verb between bodies or officers of political debate of one state (legislature,
    government, parties, courts: `debate_sectors`), none of them a crowd or a state: they fight
    with words and votes, not arms. Both sides must be named: "the president was attacked" says
    nothing of who attacked."""
    if not actors or not recipients:
        return False
    if not all(_debating(e) for e in [*actors, *recipients]):
        return False
    everyone = [*actors, *recipients]
    states = {e.country for e in everyone}
    return len(states) == 1 and None not in states


def thing_visitor(actors: list[Entity], rs: RuleSet) -> bool:
    """Visitors that are things or anonymous groups ("the Liberian vessel concluded a trip to
    Hamburg"): a group or an organization of no sector that is no firm pays no visit."""
    return bool(actors) and all(
        e.kind in {"group", "organization"} and not e.sector and not political(e, rs) and not business(e, rs)
        for e in actors
    )


def domestic_pledge(c: Cand, parts: Participants, actors: list[Entity], recipients: list[Entity]) -> bool:
    """A promise by officers or bodies of one state (not the state itself) to no one, whose clause
    names no party but them and their own state, nor a group of people: a pledge at home ("he
    pledged to turn his beliefs into reality"), no intent to cooperate with anyone."""
    if recipients or not actors or any(e.kind == "country" for e in actors):
        return False
    own = {e.country for e in actors}
    if len(own) != 1 or None in own or own & words("plover").political_non_state:
        return False  # an international body's pledge is made to its members, not at home
    if _state_subject(c, parts):
        return False  # "said Vietnam is committed to opening up": the state's own commitment
    mine = {e.id for e in actors}
    for t in c.head.subtree:
        m = parts.by_tok.get(t.i)
        if m is not None and m.entity.id not in mine and m.entity.country not in own:
            return False  # "pledged to work with Japan"
        if m is None and t.pos_ == "NOUN" and parts.group_sector(t) is not None:
            return False  # "promised farmers"
        if t.dep_ == "pobj" and t.head.lower_ in words("plover").pledge_partner_preps:
            return False  # "would continue to cooperate closely with other major nations"
    return True


def _state_subject(c: Cand, parts: Participants) -> bool:
    """The trigger's own subject is a state ("Vietnam is committed to ..."), whoever reports it."""
    for t in c.head.children:
        m = parts.by_tok.get(t.i) if t.dep_ in {"nsubj", "nsubjpass"} else None
        if m is not None and m.entity.kind == "country":
            return True
    return False


def domestic_trip(c: Cand, actors: list[Entity], recipients: list[Entity], place: Place | None) -> bool:
    """A visit whose place is in the state of every actor, no host named but that state ("the
    president's trip to Philadelphia", "a campaign tour of the north"): a tour at home, no visit to
    anyone (sense.py judges the verbs; this the nouns too). Only named actors count: an unnamed
    group may have been placed by the very place visited."""
    if not c.rule.visit or place is None or not place.country or not actors:
        return False
    if any(e.kind != "country" or e.country != place.country for e in recipients):
        return False
    # a group unnamed ("the visiting minister") may have been placed by the story's places alone
    return all(e.kind != "group" and e.country == place.country for e in actors)


def hostless_visit(c: Cand, recipients: list[Entity], place: Place | None) -> bool:
    """A visit with no host and no place in any state ("touring the country promoting his book",
    "on a tour of the region"): no one is visited, so no consultation is coded."""
    if c.kind == "verb" and is_visiting_modifier(c.trig):
        return False  # "the visiting minister told Japan": the story's host, read by visiting.py
    return c.rule.visit and not recipients and (place is None or not place.country)


def _economic_patient(t, parts: Participants, rs: RuleSet) -> bool:
    """A victim named by a word of an economic sector: "miners", "the workers", "Acme Corp"."""
    m = parts.by_tok.get(t.i)
    if m is not None:
        return economic(m.entity, rs)
    return (parts.group_sector(t) or "") in words("plover").economic_sectors


def workplace_accident(c: Cand, parts: Participants, actors: list[Entity], rs: RuleSet) -> bool:
    """Workers killed with no attacker named ("miners were killed in an explosion"): an accident
    at work, not an attack. A named attacker ("gunmen killed ten miners") keeps the act."""
    unnamed = str(words("clauses").unattributed_name)
    if any(e.name != unnamed for e in actors):
        return False
    patients = [ch for ch in c.head.children if ch.dep_ in {"nsubjpass", "dobj"}]
    patients += [x for p in patients for x in p.conjuncts]
    return bool(patients) and all(_economic_patient(p, parts, rs) for p in patients)


def admissible(
    c: Cand,
    rs: RuleSet,
    parts: Participants,
    actors: list[Entity],
    recipients: list[Entity],
    event: str | None = None,
    place: Place | None = None,
) -> bool:
    """False when the candidate's parties cannot do its type in PLOVER's sense: economic parties
    alone, debating bodies of one state in a violent verb, a pledge or a trip at home, a visit to
    no host, an accident at work, or a thing on a visit.
    `event` is the type after the rewrites (a future act is an AGREE), the rule's by default."""
    event = event or c.rule.event
    pl = words("plover")
    if event in pl.domestic_pledge_types and domestic_pledge(c, parts, actors, recipients):
        return False  # "the MP said he will stand down": a pledge to no one
    if event in pl.economic_types and economic_only(c, parts, actors, recipients, rs):
        return False  # "the union attacked the company", "Goldstar agreed with Japan's Canon Inc"
    if event in pl.debate_types and debate_metaphor(actors, recipients):
        return False  # "Congress battled the president over the budget"
    if event in pl.accident_types and workplace_accident(c, parts, actors, rs):
        return False  # "miners were killed in an explosion at the colliery"
    if hostless_visit(c, recipients, place):
        return False  # "touring the country promoting his autobiography"
    if domestic_trip(c, actors, recipients, place):
        return False  # "the president's trip to Philadelphia"
    return not (c.rule.visit and thing_visitor(actors, rs))
