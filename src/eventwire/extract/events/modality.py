"""Whether an event happened: negation, future and hypothetical flags read from the trigger's clause."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    pass

from ...lexicon.events import RuleSet
from ...lexicon.wordsets import words
from .detect import Cand


def modality(c: Cand, rs: RuleSet) -> tuple[bool, bool, bool]:
    s = rs.settings
    fut_aux = set(s.get("future_aux") or [])
    hyp_aux = set(s.get("hypothetical_aux") or [])
    marks = set(s.get("hypothetical_marks") or [])
    frames = set(s.get("future_frames") or [])
    future_mods = words("clauses").future_noun_mods
    negated = future = hypothetical = False
    heads = [c.head] if c.head == c.trig else [c.head, c.trig]
    for h in heads:
        for ch in h.children:
            low = ch.lower_
            if ch.dep_ == "neg" or (ch.dep_ == "det" and low == "no" and h == c.trig):
                negated = True
            elif ch.dep_ in {"aux", "auxpass"}:
                if low in fut_aux or ch.lemma_.lower() in fut_aux:
                    future = True
                elif low == "would":
                    future = True
                elif low in hyp_aux:
                    hypothetical = True
            elif ch.dep_ == "mark" and low in marks:
                hypothetical = True
            elif ch.dep_ == "amod" and low in future_mods and h == c.trig:
                future = True
    h = c.head
    if (
        h.dep_ in {"acl", "xcomp"}
        and h.head.pos_ == "NOUN"
        and any(ch.dep_ == "det" and ch.lower_ == "no" for ch in h.head.children)
    ):
        negated = True  # "has no plans to start talks"
    if h.dep_ in {"acl", "xcomp"} and h.head.lemma_.lower() in set(s.get("negating_nouns") or ["failure"]):
        negated = True  # "the failure to agree", "its refusal to sign"
    if h.dep_ == "xcomp" and h.head.lemma_.lower() in {"able", "unable", "fail"}:
        gov = h.head.head if h.head.dep_ == "acomp" else h.head
        if h.head.lemma_.lower() != "able" or any(
            ch.dep_ == "neg" for ch in [*gov.children, *h.head.children]
        ):
            negated = True  # "were not able to agree", "unable to agree", "failed to agree"
    for _ in range(3):
        if h.dep_ == "xcomp" and (h.head.lemma_.lower() in frames or h.head.lower_ in frames):
            future = True
            if any(ch.dep_ == "neg" for ch in h.head.children):
                negated = True
        if h.dep_ in {"xcomp", "conj"}:
            for ch in h.head.children:
                if ch.dep_ == "aux" and (ch.lower_ in fut_aux or ch.lower_ == "would"):
                    future = True
                if ch.dep_ == "aux" and ch.lower_ in hyp_aux:
                    hypothetical = True
            h = h.head
            continue
        break
    if (
        hypothetical
        and future
        and any(ch.dep_ == "aux" and ch.lower_ == "would" for ch in c.head.children)
        and not any(ch.dep_ == "mark" for ch in c.head.children)
    ):
        hypothetical = False
    return negated, future, hypothetical


def contexts(sent, rs: RuleSet) -> list[str]:
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    low = None
    out = []
    for name, (single, multi) in rs.context_words.items():
        if single & lemmas:
            out.append(name)
            continue
        if multi:
            low = low if low is not None else " ".join(sent.text.lower().split())
            if any(m in low for m in multi):
                out.append(name)
    return out
