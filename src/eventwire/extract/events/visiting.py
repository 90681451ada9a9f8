"""'Modi met the visiting Russian President': a visitor named by 'visiting' before its noun.

The phrase reports a visit under way, by the actor the noun names, to the host: the state of the
clause's other party (a coordinated party or the subject of a governing verb), else of the place the
clause is located in. Only an official visitor counts (a person, state or organisation, or a group
noun of `visiting_groups`, clauses.yaml: "delegation"), not "visiting tourists". With no host, or a host of the visitor's own state, there is no visit to code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicon.wordsets import words
from ...model import Entity, Place
from .participants import Participants
from .syntax import subject_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from ..context import DocContext


def is_visiting_modifier(t: Token) -> bool:
    """'the visiting Russian President': a participle modifying the noun of its visitor."""
    return t.tag_ == "VBG" and t.dep_ in {"amod", "compound"} and t.head.pos_ in {"NOUN", "PROPN"}


def _host_party(noun: Token, parts: Participants, mine: set[str]) -> list[Entity]:
    """The other party of the clause the visitor is named in: a party coordinated with it
    ("between the Iranian minister and a visiting Ghanaian delegation"), else a governing verb's
    subject ("Nakasone held talks with the visiting Polish leader")."""
    for x in noun.conjuncts:
        got = [e for e in parts.entities(x, strict=False) if e.country and e.country not in mine]
        if got:
            return got
    for anc in noun.ancestors:
        if anc.pos_ not in {"VERB", "AUX"}:
            continue
        subj = subject_of(anc)
        if subj is None or noun in subj.subtree:
            continue
        got = [e for e in parts.entities(subj, strict=False) if e.country and e.country not in mine]
        if got:
            return got
    return []


def _host_place(noun: Token, parts: Participants) -> Place | None:
    """The place the clause is located in (a dateline is only where the story was filed)."""
    for anc in [noun, *noun.ancestors]:
        place = parts.locative(anc)
        if place is not None and place.country:
            return place
    return None


def _official(e: Entity, noun: Token) -> bool:
    return (
        e.kind in {"person", "country", "organization"}
        or noun.lemma_.lower() in words("clauses").visiting_groups
    )


def visitor_and_host(
    t: Token, ctx: DocContext, parts: Participants, country_entity
) -> tuple[list[Entity], list[Entity], Place | None]:
    """(visitor, host, place) of 'the visiting X'; empty sides when the host is unknown or X's own."""
    noun = t.head
    while noun.dep_ == "compound" and noun.head != noun:
        noun = noun.head  # "the visiting Prime Minister Anwar Ibrahim": the phrase's head
    # an official visitor: a person, a state or an organisation, or a delegation, not tourists
    visitor = [e for e in parts.entities(noun, strict=False) if e.country and _official(e, noun)]
    if not visitor:
        return [], [], None
    mine = {e.country for e in visitor if e.country}
    party = _host_party(noun, parts, mine)
    place = _host_place(noun, parts)
    if party:
        return visitor, [country_entity(ctx, party[0].country)], place
    if place is not None and place.country and place.country not in mine:
        return visitor, [country_entity(ctx, place.country)], place
    return [], [], None
