"""Where a figure's metric may be read: the words the parse ties to the amount.

A metric word anywhere near an amount is often another clause's ("Housing starts fell 2.7 pct,
and consumer spending rose" is no budget figure; "reviewed tariffs after the naira fell 60 pct" is
no tariff). The metric of an amount is told by the words the grammar attaches to it:

- its own phrase ("$59.7 billion in trade", "the $100 billion trade target");
- the noun it qualifies through prepositions ("a 1987 budget of 41.7 billion pounds"), and that
  noun's phrases after one of ``metric_preps`` ("a 7 pct decline in imports");
- the verb it belongs to when that verb names the measure ("India imports 70% of its oil"),
  the verb's subject ("the unemployment rate rose to 8.4 pct"), its object when the amount is
  what it is raised to ("increase the volume of trade to 20 billion dollars"), and its phrases
  after one of ``metric_preps`` ("provide $1 billion as budget support");
- through a verb without a subject of its own (to-clause, conjunct) the verb it hangs on, and
  through a clause that modifies a noun ("commerce totalling $64.5 billion") that noun.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_OBJECTS = frozenset({"dobj", "obj", "attr", "oprd"})
_UP_FROM_VERB = frozenset({"xcomp", "conj", "advcl", "pcomp"})
_NOUN_CLAUSES = frozenset({"acl", "relcl"})


def amount_root(doc: Doc, start: int, end: int) -> Token | None:
    """The token of the amount span [start, end) whose head lies outside it (its phrase root)."""
    toks = [t for t in doc if start <= t.idx < end]
    for t in toks:
        if not (start <= t.head.idx < end) or t.head == t:
            return t
    return toks[0] if toks else None


def metric_tokens(root: Token, preps: frozenset[str]) -> set[int]:
    """Indices of the tokens where the metric of the amount rooted at ``root`` may be named."""
    out: set[int] = {t.i for t in root.subtree}
    tok, via_noun = root, False
    for _ in range(10):
        head = tok.head
        if head == tok:
            break
        if head.pos_ in ("NOUN", "PROPN"):
            out.add(head.i)
            for child in head.lefts:
                out.update(t.i for t in child.subtree)
            for child in head.rights:  # "a 7 pct decline in imports": what the noun is of
                if child.dep_ == "prep" and child.lower_ in preps and child.i > root.i:
                    out.update(t.i for t in child.subtree)
            via_noun = True
        elif head.pos_ in ("VERB", "AUX"):
            _verb_words(head, tok, preps, out, objects=not via_noun)
            if _has_subject(head) or head.dep_ not in _UP_FROM_VERB | _NOUN_CLAUSES:
                break
        elif head.pos_ not in ("ADP", "NUM", "SYM", "ADJ", "ADV", "CCONJ", "PART", "DET"):
            break
        tok = head
    return out


def noun_tokens(root: Token) -> set[int]:
    """Indices of the amount's own phrase and of the first noun it qualifies ("a 1.2 billion dlr
    bond issue", "a budget of 41.7 billion"): a metric named there comes before its verb's."""
    out: set[int] = {t.i for t in root.subtree}
    tok = root
    for _ in range(6):
        head = tok.head
        if head == tok or head.pos_ in ("VERB", "AUX"):
            break
        if head.pos_ in ("NOUN", "PROPN"):
            out.add(head.i)
            for child in head.lefts:
                out.update(t.i for t in child.subtree)
            break
        tok = head
    return out


def _verb_words(
    verb: Token, below: Token, preps: frozenset[str], out: set[int], objects: bool = True
) -> None:
    """The verb itself, its subject, its object (unless the amount is it, or hangs on another
    noun: "reviewed tariffs following the naira's fall by 60 pct") and its phrases after
    ``preps``: the places a clause names what its amount measures."""
    out.add(verb.i)
    for child in verb.children:
        if child == below:
            continue
        if child.dep_ in _SUBJECTS or (objects and child.dep_ in _OBJECTS and below.dep_ not in _OBJECTS):
            out.update(t.i for t in child.subtree)
        elif child.dep_ == "prep" and child.text.casefold() in preps:
            out.update(t.i for t in child.subtree)
        elif child.dep_ in ("prt", "aux", "auxpass"):
            out.add(child.i)  # "would have risen": the auxiliaries tell a counterfactual


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in verb.children)


def char_spans(doc: Doc, idx: set[int]) -> list[tuple[int, int]]:
    """Char spans of the tokens ``idx`` (one per token)."""
    return [(doc[i].idx, doc[i].idx + len(doc[i].text)) for i in sorted(idx)]


__all__ = ["amount_root", "metric_tokens", "noun_tokens", "char_spans"]
