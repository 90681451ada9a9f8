"""Whether a candidate is reported as an act between actors at all (not a state, not a passive with
no one acting, not a clause whose subject names no actor)."""

from __future__ import annotations

from ...lexicon.events import RuleSet
from ...lexicon.wordsets import words
from ...model import Entity
from .detect import Cand
from .participants import Participants
from .parties import nonactor_subject
from .syntax import is_passive, passive_agents


def is_reported_act(
    c: Cand, rs: RuleSet, parts: Participants, actors: list[Entity], recipients: list[Entity]
) -> bool:
    """False for candidates that report no act between actors."""
    r = c.rule
    if rs.settings.get("require_participant", True) and not actors and not recipients:
        return False
    if (
        r.event in {"THREATEN", "REQUEST"}
        and c.kind == "verb"
        and is_passive(c.head)
        and not passive_agents(c.head)
    ):
        # "when its interests are threatened", "stimulus is not called for": no threat, no demand
        if not (r.event == "REQUEST" and c.head.lemma_.lower() in words("clauses").passive_request_verbs):
            return False
    if (
        r.event in set(rs.settings.get("present_passive_is_state") or [])
        and c.kind == "verb"
        and not passive_agents(c.head)
        and any(
            ch.dep_ == "auxpass" and ch.lower_ in words("clauses").state_auxiliaries for ch in c.head.children
        )
    ):
        return False  # "some 14,000 troops are stationed in the country": a standing fact, not an act
    if (
        not actors
        and rs.settings.get("require_actor_when_subject", True)
        and c.kind in {"verb", "adj", "noun"}
    ):
        if nonactor_subject(c.head, parts):
            return False

    return True
