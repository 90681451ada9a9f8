"""Verdicts in reported speech: who judges and who is judged.

'"Algeria's move was completely unjustified," the ministry said', '"X has violated our waters," the
spokeswoman said', 'Y called X's decision illegal': the clause is no act of its own subject but an
accusation by the speaker against the one the verdict is about. The speaker is the subject of the
reporting verb that governs the clause (or of a naming verb), the judged is the clause's doer or the
owner of the judged act. Only a rule marked `judgement` is read this way, and only when both sides
are named and differ, so a verdict nobody states, or a speaker judging its own side, gives nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicon.wordsets import words
from ...link.coref import QUOTATION
from ...model import Entity
from .participants import Participants
from .syntax import subject_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

CLIMB_DEPS = {"ccomp", "conj", "xcomp", "advcl", "acomp", "attr"}


def _reporters() -> set[str]:
    return words("plover").reporting_verbs


def _judging_verb(t: Token) -> Token | None:
    """The verb a verdict adjective is predicated under ("the court ruled it illegal", "found the
    move unacceptable"): a full verb with its own subject states the verdict, not the reporter."""
    h = t.head
    if t.pos_ == "ADJ" and t.dep_ in {"oprd", "advcl", "xcomp", "acomp", "ccomp"} and h.pos_ == "VERB":
        return h if subject_of(h) is not None else None
    return None


def reporter_of(head: Token) -> Token | None:
    """The reporting or naming verb that states the clause headed by ``head``: an ancestor reached
    through complement clauses ("the ministry said [Algeria's move was unjustified]"), a reporting
    verb hung on the clause as parataxis ('"...," he added'), or the naming verb of a predicate
    ("called X's decision illegal")."""
    naming = words("plover").naming_verbs
    reporters = _reporters()
    judging = _judging_verb(head)
    if judging is not None and judging.lemma_.lower() not in reporters:
        return judging
    if head.pos_ == "VERB" and any(c.dep_ == "oprd" for c in head.children):
        # "called X's decision illegal", "the court ruled it illegal": the verb's subject judges
        return head if head.lemma_.lower() in naming or subject_of(head) is not None else None
    np = _subject_parsed_away(head)
    if np is not None and np.head.lemma_.lower() in reporters:
        if any(c.dep_ == "nsubj" and c != np for c in np.head.children):
            return np.head  # the verdict's subject phrase hangs on the reporting verb itself
    cur = head
    for _ in range(5):
        side = next(
            (
                c
                for c in cur.children
                if c.dep_ in {"parataxis", "advcl"}
                and c.lemma_.lower() in reporters
                and subject_of(c) is not None
            ),
            None,
        )
        if side is not None:
            return side
        if cur is not head and cur.lemma_.lower() in reporters and subject_of(cur) is not None:
            return cur
        if cur.dep_ in CLIMB_DEPS and cur.head != cur:
            cur = cur.head
            continue
        return _quotation_reporter(head, reporters)
    return None


def _quotations(doc: Doc) -> list[tuple[int, int]]:
    """The doc's quotations (with their marks), found once per doc: every judgement candidate
    whose climb to a reporting verb stops asks for them."""
    got = doc.user_data.get("eventwire.quotations")
    if got is None:
        got = doc.user_data["eventwire.quotations"] = [
            (m.start(), m.end()) for m in QUOTATION.finditer(doc.text)
        ]
    return got


def _quotation_reporter(head: Token, reporters: set[str]) -> Token | None:
    """'"They act with hatred. They make a people suffer," X said': a sentence of a quotation of
    several sentences is stated by the quotation's attribution, a reporting verb right after the
    closing mark (in the quotation's last sentence) whose subject is outside the quotation."""
    doc = head.doc
    span = next(((a, b) for a, b in _quotations(doc) if a <= head.idx < b), None)
    if span is None:
        return None
    a, b = span
    last = doc.char_span(max(a, b - 1), b, alignment_mode="expand")
    if last is None or not len(last):
        return None
    for t in last[0].sent:
        if t.idx < b or t.lemma_.lower() not in reporters:
            continue
        subj = subject_of(t)
        if subj is not None and not (a <= subj.idx < b):
            return t
    return None


def judge_of(head: Token, parts: Participants) -> list[Entity]:
    """Who states the verdict of the clause headed by ``head`` (no reporter, no judge)."""
    rep = reporter_of(head)
    if rep is None:
        return []
    subj = subject_of(rep)
    got = parts.entities(subj) if subj is not None else []
    if not got:  # "[the scrapping ... constituted X], the minister said" parsed with two subjects
        got = next((g for c in rep.children if c.dep_ == "nsubj" and (g := parts.entities(c))), [])
    return got


def _owned(t: Token, parts: Participants, preps: frozenset[str], whole: bool = True) -> list[Entity]:
    """Actors a phrase names (when ``whole``), or else its owner ("Algiers' move") or its `preps`
    object; a judged act noun gives only these ("a violation of GATT" does not judge GATT)."""
    got = parts.entities(t, strict=False) if whole else []
    if got:
        return got
    for ch in t.children:
        if ch.dep_ == "poss":
            got += parts.entities(ch, strict=False)
        elif ch.dep_ in {"prep", "agent"} and (ch.lower_ in preps or ch.dep_ == "agent"):
            for p in (p for p in ch.children if p.dep_ == "pobj"):
                got += parts.entities(p, strict=False) or _relative_subjects(p, parts)
    return got


def _relative_subjects(t: Token, parts: Participants) -> list[Entity]:
    """'the abandonment of the project that Australia and France had worked on': the actors a
    relative clause on the judged act's object names as its subject (the judge's own side is
    dropped later, so the other one is judged)."""
    return [
        e
        for rc in t.children
        if rc.dep_ == "relcl"
        for s in [subject_of(rc)]
        if s is not None
        for e in parts.entities(s, strict=False)
    ]


def judged_of(
    trig: Token, head: Token, parts: Participants, doers: list[Entity], preps: frozenset[str]
) -> list:
    """Whom the verdict is about: the owner or `preps` object of a judged noun ("the insanity of X",
    "action by X"), the object of a naming verb, the clause's doer, or the owner of its subject."""
    found: list[Entity] = []
    if trig.pos_ in {"NOUN", "PROPN"}:
        found += _owned(trig, parts, preps, whole=False) if trig.i not in parts.by_tok else []
    if head.lemma_.lower() in words("plover").naming_verbs:
        found += [e for o in head.children if o.dep_ == "dobj" for e in _owned(o, parts, preps)]
    found += doers
    subj = subject_of(head)
    if not found and subj is not None:
        found += _owned(subj, parts, preps | {"of", "by"})
    if not found and (np := _subject_parsed_away(head)) is not None:
        found += _owned(np, parts, preps | {"of", "by"})
    return list({e.id: e for e in found}.values())


def _subject_parsed_away(head: Token) -> Token | None:
    """'X's cooperation in allowing this incursion constitutes a threat', 'the abandonment of the
    project that A and B worked on constituted unacceptable behaviour': the parser hung the verdict's
    verb inside its own subject phrase (on the gerund or the relative clause), so the noun that
    phrase hangs on is the verdict's subject."""
    if head.dep_ not in {"ccomp", "advcl"} or head.head.dep_ not in {"pcomp", "relcl"}:
        return None
    t = head.head
    for _ in range(6):
        t = t.head
        if t.pos_ in {"NOUN", "PROPN"} and t.dep_ != "pobj":
            return t
        if t.head == t:
            return None
    return None


def verdict_sides(
    trig: Token, head: Token, parts: Participants, doers: list[Entity], preps: frozenset[str]
) -> tuple[list[Entity], list[Entity]]:
    """(judge, judged) of a verdict; the judged never includes the judge's own side."""
    judge = judge_of(head, parts)
    if not judge:
        return [], []
    mine = {e.id for e in judge} | {e.country for e in judge if e.country}
    judged = [
        e
        for e in judged_of(trig, head, parts, doers, preps)
        if e.id not in mine and (not e.country or e.country not in mine)
    ]
    return judge, judged
