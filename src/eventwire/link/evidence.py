"""How much a reading of an actor's state is worth, by where it came from.

A person's country is resolved with evidence: what the text says of the person (a title, an
apposition, a possessive, a nationality adjective: "Malaysian Prime Minister X", "X, Turkey's
defence minister") is strongest; what the person's named organisation or list says comes next;
then the dated world knowledge (who held which office when), and what most of its people of
that name held at any date; then where the sentence places an office holder; weakest of all the article's main country. Corpus-wide resolution
(consolidate/actors.py) votes with these weights, so one strong reading outvotes several weak
ones and a person keeps one country across the corpus.
"""

from __future__ import annotations

# evidence kind -> weight (the order is the project's policy, not language knowledge)
WEIGHTS: dict[str, float] = {
    "name": 8.0,  # the name itself says it (a state, a known institution, "Israeli police")
    "title": 8.0,  # title, apposition, possessive, "of <state>", nationality adjective
    "org": 5.0,  # the state of the organisation the person's office belongs to
    "list": 4.0,  # one state for a list of office holders
    "members": 4.0,  # "Colombians, including President X"
    "knowledge": 3.0,  # the dated world knowledge
    "namesake": 2.0,  # most of the knowledge's people of that name, at any date
    "coref": 1.0,  # inherited from another mention of the same person
    "place": 1.0,  # where the sentence places an office holder
    "context": 0.5,  # the article's main country
}
STRONG = WEIGHTS["knowledge"]  # readings this strong may keep two namesakes apart


def weight(source: str | None) -> float:
    """The weight of a country reading from ``source``. A reading without a source was stored
    before sources were recorded, when only the text's own evidence set a state: it counts as
    text; an unknown source name counts as weak."""
    if not source:
        return WEIGHTS["title"]
    return WEIGHTS.get(source, WEIGHTS["coref"])


def strong(source: str | None) -> bool:
    """Is a reading from ``source`` strong enough to tell two people of one name apart?"""
    return weight(source) >= STRONG
