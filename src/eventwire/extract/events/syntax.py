"""Clause structure read off the dependency parse: subjects, objects, complements, passives.

Every part of event coding asks the same questions of a predicate (who is its subject, what are its
objects, is it passive); they are answered here once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

from ...lexicon.wordsets import words
from .participants import OBJ_DEPS, SUBJ_DEPS


def word_forms(t: Token) -> tuple[str, ...]:
    """The lemma and naive de-inflections: the small model mislemmatises rare verbs ('staged' -> 'stag')."""
    low = t.lower_
    out = [t.lemma_.lower(), low]
    if t.tag_ in {"VBD", "VBN"} and low.endswith("ed"):
        out += [low[:-1], low[:-2]]
        if len(low) > 4 and low[-3] == low[-4]:
            out.append(low[:-3])  # "shelled" -> "shell", "stopped" -> "stop"
        if low.endswith("ied"):
            out.append(low[:-3] + "y")
    elif t.tag_ == "VBG" and low.endswith("ing"):
        out += [low[:-3], low[:-3] + "e"]
    elif t.tag_ == "VBZ" and low.endswith("s"):
        out += [low[:-1], low[:-2]]
    return tuple(dict.fromkeys(out))


def noun_keys(tok: Token) -> set[str]:
    """Names a noun answers to: 'sanction', 'economic sanction', 'state of emergency' ..."""
    lem = tok.lemma_.lower()
    keys = {lem, tok.lower_, *_singulars(tok)}
    mods = [c for c in tok.lefts if c.dep_ in {"compound", "amod", "nmod"}]
    for m in mods:
        keys.add(f"{m.lemma_.lower()} {lem}")
        keys.add(f"{m.lower_} {lem}")
        for mm in m.lefts:
            if mm.dep_ in {"compound", "amod"}:
                keys.add(f"{mm.lemma_.lower()} {m.lemma_.lower()} {lem}")
    if len(mods) > 1:
        keys.add(" ".join([*(m.lemma_.lower() for m in mods), lem]))
    start, doc = tok.i, tok.doc
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
    ):
        start -= 2  # "tug-of-war": the noun as the last word of a hyphenated compound
    if start < tok.i:
        keys.add(doc[start : tok.i + 1].text.lower())
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in {"of", "on", "against", "with"}:
            for p in c.children:
                if (
                    p.dep_ == "pobj"
                ):  # "state of emergency", "moratorium on payments", "meeting with reporters"
                    keys.add(f"{lem} {c.lower_} {p.lemma_.lower()}")
    return keys


def _singulars(tok: Token) -> tuple[str, ...]:
    """Naive singulars of a plural noun: the small model lemmatises some plurals to another word
    ("taxes" -> "taxis"), so a plural is also looked up without its ending ("taxes" -> "tax")."""
    low = tok.lower_
    if tok.tag_ not in {"NNS", "NNPS"} or len(low) < 4 or not low.endswith("s"):
        return ()
    if low.endswith("ies"):
        return (low[:-3] + "y",)
    return (low[:-1], low[:-2]) if low.endswith("es") else (low[:-1],)


def objects_of(v: Token) -> list[Token]:
    """Object-like dependents of a predicate (passive subjects and prepositional objects included)."""
    out: list[Token] = []
    for c in v.children:
        if c.dep_ in OBJ_DEPS or c.dep_ == "nsubjpass":
            out.append(c)
        elif c.dep_ in {"prep", "agent"} or (c.dep_ == "prt" and c.pos_ == "ADP"):
            out.extend(p for p in c.children if p.dep_ in {"pobj", "pcomp"})
    out.extend(_participle_subjects(v))
    for o in list(out):
        out.extend(o.conjuncts)
    for o in list(out):  # "700 kg of medicine", "part of a military aid program"
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def _participle_subjects(v: Token) -> list[Token]:
    """'announced duties totalling 80%', 'imposed tariffs amounting to $2 billion': the parser reads
    a noun with a participle after it as the subject of a complement clause; a participle with no
    auxiliary and no subordinator is a reduced relative, and its 'subject' is the verb's object."""
    out = []
    for c in v.children:
        if c.dep_ != "ccomp" or c.tag_ not in {"VBG", "VBN"} or c.i < v.i:
            continue
        if any(a.dep_ in {"aux", "auxpass", "mark"} for a in c.children):
            continue
        out.extend(s for s in c.children if s.dep_ == "nsubj" and s.pos_ == "NOUN" and s.i < c.i)
    return out


def complements_of(v: Token, after: bool = False) -> list[Token]:
    out = [
        c
        for c in v.children
        if c.dep_ == "xcomp" or (c.dep_ == "ccomp" and (not after or c.i > v.i)) or _quoted_infinitive(c)
    ]
    for c in v.children:  # "committed to opening", "accused X of violating"
        if c.dep_ == "prep":
            out.extend(p for p in c.children if p.dep_ == "pcomp")
    return out


_OPENING_QUOTES = frozenset({"“", '"', "‘", "``"})


def _quoted_infinitive(c: Token) -> bool:
    """'vowed to “force the authors ...”': a to-infinitive whose words are quoted, which the
    parser takes for an adverbial clause because of the mark; the quotation is the verb's
    complement, as it is without the mark."""
    if c.dep_ != "advcl" or c.i < 2:
        return False
    mark, to = c.doc[c.i - 1], c.doc[c.i - 2]
    return mark.text in _OPENING_QUOTES and to.tag_ == "TO" and to.head == c


def match_objects(objs: list[Token], wanted: frozenset[str]) -> Token | None:
    for o in objs:
        if noun_keys(o) & wanted:
            return o
    return None


def is_stative(h: Token) -> bool:
    """'X is opposed to', 'X was engaged in': an adjectival passive whose subject is the actor
    (its verb in clauses.yaml ``stative_verbs``)."""
    return h.lemma_.lower() in words("clauses").stative_verbs and not any(
        c.dep_ == "agent" for c in h.children
    )


def subject_of(h: Token) -> Token | None:
    for c in h.children:
        if c.dep_ in SUBJ_DEPS or (c.dep_ == "nsubjpass" and is_stative(h)):
            return c
    return None


def is_passive(h: Token) -> bool:
    """'was attacked by', and reduced 'Supported by the US, China argued ...'."""
    if is_stative(h):
        return False
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in h.children) or (
        h.tag_ == "VBN" and any(c.dep_ == "agent" for c in h.children)
    )


def passive_agents(h: Token) -> list[Token]:
    return [p for c in h.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in preps:
            continue
        objs = [p for p in c.children if p.dep_ == "pobj"]
        if not objs and not list(c.children):
            # the parser left the preposition empty and made its object the subject of the next
            # clause ("granted asylum to five officers holed up in ..."): take that noun back
            for t in c.doc[c.i + 1 : min(c.i + 7, len(c.doc))]:
                if t.dep_ in {"nsubj", "nsubjpass"} and t.head.i > t.i and t.pos_ in {"NOUN", "PROPN"}:
                    objs = [t]
                    break
        out.extend(objs)
    return out


def tree_depth(t: Token) -> int:
    d = 0
    while t.head != t and d < 50:
        t = t.head
        d += 1
    return d


def stranded_preps(noun: Token, preps: set[str]) -> list[Token]:
    """'followed the visit of X to Asmara' parsed with 'to Asmara' on 'followed': a phrase right
    after the noun's own phrase, hung on the verb that governs the noun, is the noun's."""
    verb = noun.head
    if verb == noun or noun.dep_ not in {"dobj", "pobj", "nsubj", "attr"}:
        return []
    nxt = noun.right_edge.i + 1
    return [
        p
        for ch in verb.children
        if ch.dep_ == "prep" and ch.i == nxt and ch.lower_ in preps
        for p in ch.children
        if p.dep_ == "pobj"
    ]
