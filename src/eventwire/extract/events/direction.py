"""Who an act is aimed at when its object is a measure: the direction of support and opposition.

"Malaysia supports this initiative to increase pressure on the U.S." supports the initiative's
authors, not the U.S.; "Brazil opposed the sanctions against Venezuela" rejects the sanctioners, not
Venezuela; "Japan condemned the attack on Israel" accuses the attackers. A party named only in what
the measure is for or against (its aim clause, a phrase on it that says whom it targets, a clause
describing it) is the measure's target, not the act's recipient; the measure's author (named by
"by", its owner, or its name: already read by the parties) is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicon.wordsets import words
from .syntax import prep_objects

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from ...model import Entity
    from .detect import Cand
    from .participants import Participants

CLAUSES = {"xcomp", "acl", "advcl", "relcl", "ccomp"}


def _to_clause(t: Token) -> bool:
    return any(a.tag_ == "TO" for a in t.children)


def _measure(c: Cand, parts: Participants, stance: bool) -> Token | None:
    """The measure an act is on: the object its rule matched as an act ("supported the plan"), or,
    for a stance, its direct object when that names a thing, not a party ("condemned the attack")."""
    if c.obj is not None and c.act_obj:
        return c.obj if c.obj.pos_ in {"NOUN", "PROPN"} else None
    if not stance or c.kind != "verb":
        return None
    for t in c.head.children:
        if (
            t.dep_ == "dobj"
            and t.pos_ == "NOUN"
            and t.i not in parts.by_tok
            and parts.group_sector(t) is None
        ):
            return t
    return None


def _aim_regions(c: Cand, obj: Token, stance: bool) -> list[Token]:
    """The roots of what the object measure is for or against. Any act object: its to-clauses
    ("this initiative to increase pressure on X"). A stance (`stance_types`): also the clauses that
    describe it ("the resolution condemning X"), the phrases that say whom it targets ("sanctions
    against X", `measure_target_preps`), and the stance verb's own purpose clause when the parse
    hung it there ("supporting this initiative by China to increase pressure on X")."""
    absorbed = {a.trig.i for a in c.absorbed}
    roots = [
        t
        for t in obj.subtree
        if t.dep_ in CLAUSES
        and (stance or _to_clause(t))
        and not absorbed & {x.i for x in t.subtree}  # "signed a deal to buy ships from X": its content
    ]
    if stance:
        preps = words("plover").measure_target_preps
        roots += [p for t in obj.subtree for p in prep_objects(t, preps)]
        roots += [ch for ch in c.head.children if ch.dep_ == "advcl" and _to_clause(ch) and ch.i > obj.i]
    return roots


def _authors(c: Cand, obj: Token, parts: Participants) -> list[Entity]:
    """Who made the measure, named by 'by' on it or, where the parse hung the phrase on the stance
    verb, on that verb ("supported the plan by France", "backed this initiative by China")."""
    toks = prep_objects(obj, {"by"})
    if not toks and not any(ch.dep_ in {"nsubjpass", "auxpass"} for ch in c.head.children):
        toks = [p for p in prep_objects(c.head, {"by"}) if p.i > obj.i]
    return [e for t in toks for e in parts.entities(t, strict=False)]


def aimed_at(c: Cand, recipients: list[Entity], parts: Participants) -> list[Entity]:
    """The recipients of an act on a measure: parties named only inside the measure's aim or target
    are dropped; for a stance, the measure's author comes in when no one else is left."""
    stance = c.rule.event in words("plover").stance_types
    obj = _measure(c, parts, stance)
    if obj is None or obj.lemma_.lower() in words("plover").agreement_nouns:
        return recipients  # "signed a deal to buy Egyptian cotton": the content names the partner
    roots = _aim_regions(c, obj, stance)
    if roots:
        # "proposals made by Germany": the participle's agent is the measure's author, not its aim
        authors = {
            t.i for r in roots if r.tag_ == "VBN" for a in r.children if a.dep_ == "agent" for t in a.subtree
        }
        inside = {t.i for r in roots for t in r.subtree} - authors
        sent = c.head.sent
        named_in = {
            k for i in inside if i in parts.by_tok for k in (parts.by_tok[i].key, parts.by_tok[i].entity.id)
        }
        named_out = {
            k
            for i, m in parts.by_tok.items()
            if i not in inside and sent.start <= i < sent.end
            for k in (m.key, m.entity.id)
        }
        recipients = [e for e in recipients if e.id not in named_in or e.id in named_out]
    if stance and not recipients:
        recipients = _authors(c, obj, parts)
    return recipients
