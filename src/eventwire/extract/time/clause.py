"""The clause a word sits in, read from the parse: the verb heading it, its tense, and the statement
that reports it.

A date speaks for its own clause: "announced a freeze on Wednesday night and is negotiating" dates
the announcement, not the negotiations; "will impose a tariff starting June 10, Trump said Thursday"
dates the tariff to June 10 but the threat, which is the saying, to Thursday. Dating reads these
relations here; without a parse every helper answers None and dating falls back to punctuation and
cue words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicon.wordsets import words as wordsets

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "csubj", "acl", "parataxis", "pcomp"}
# dependencies by which a clause reports or intends the clause below it ("said it would", "vowed to")
_STATEMENT_DEPS = {"ccomp", "xcomp", "parataxis"}


def parsed(doc: Doc | None) -> Doc | None:
    """The doc when it carries a dependency parse and tags, else None."""
    if doc is None or not doc.has_annotation("DEP") or not doc.has_annotation("TAG"):
        return None
    return doc


def span_root(doc: Doc | None, start: int, end: int) -> Token | None:
    """The syntactic head of the words at [start, end), or None."""
    if doc is None:
        return None
    try:
        sp = doc.char_span(start, end, alignment_mode="expand")
    except Exception:  # noqa: BLE001 - a bad offset must not stop dating
        return None
    if sp is None or len(sp) == 0:
        return None
    # a full stop read into the words ("in May.") hangs on the sentence's root: it is no head
    i, j = sp.start, sp.end
    while j - i > 1 and doc[j - 1].is_punct:
        j -= 1
    while j - i > 1 and doc[i].is_punct:
        i += 1
    return doc[i:j].root


def clause_head(tok: Token) -> Token:
    """The verb heading the clause a token sits in (the root when none)."""
    t = tok
    for _ in range(40):
        if t.pos_ in ("VERB", "AUX") and (t.dep_ in CLAUSE_DEPS or t.head.i == t.i):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def separate_clauses(a: Token, b: Token) -> bool:
    """Whether two clause heads are coordinated clauses, each with its own subject: a date in one
    does not speak for the other ("X will start this year, and Y will be delivered ...")."""
    for low, high in ((a, b), (b, a)):
        t = low
        for _ in range(40):
            if t.i == high.i:
                return False
            if t.dep_ == "conj" and has_subject(t) and t.head.i == high.i:
                return True
            if t.head.i == t.i:
                break
            t = t.head
    return False


def conjoined(a: Token, b: Token) -> bool:
    """Whether one verb is a conjunct of the other ("announced ... and is negotiating")."""
    return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)


def verb_tense(verb: Token) -> str | None:
    """ "future", "pluperfect", "past", "present" or None: the tense of a verb from its form and
    auxiliaries ("will meet", "had met", "has met" and "met" (past), "is meeting" and "meets")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    future_aux = wordsets("plover").future_aux  # plover.yaml: will, shall ...
    if any(a in future_aux or a == "would" or a.endswith("'ll") for a in auxes):
        return "future"
    if "had" in auxes or "'d" in auxes:
        return "pluperfect"
    if any(a in ("has", "have", "was", "were", "did") for a in auxes):
        return "past"
    if any(a in ("is", "are", "am", "'s", "'re", "does", "do") for a in auxes):
        return "present"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def clause_verb(tok: Token) -> Token | None:
    """The verb of the clause a trigger sits in: the trigger when it is a verb, else its clause's."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else clause_head(tok)
    return verb if verb.pos_ in ("VERB", "AUX") else None


def finite_tense(verb: Token) -> str | None:
    """The tense of a verb, or of the nearest verb above it that has one: an infinitive or
    participle takes its time from the clause it hangs on ("has become the first to sign")."""
    t = verb
    for _ in range(6):
        tense = verb_tense(t) if t.pos_ in ("VERB", "AUX") else None
        if tense is not None or t.head.i == t.i:
            return tense
        t = clause_head(t.head)
    return None


def modifies_other_noun(tx_head: Token, ev_tok: Token, dating: frozenset[str] = frozenset()) -> bool:
    """Whether a date's clause is a relative or participle clause of some other noun than the
    event ("... trade that rose from 885bn of last year"): it tells about that noun, not the event.
    A document dated in the event's own clause ("Under the agreement dated April 28, X agreed")
    is the act's record: its date (a participle in ``dating``) is the act's."""
    if tx_head.dep_ not in ("relcl", "acl") or tx_head.head.i == ev_tok.i:
        return False
    if tx_head.lemma_.lower() in dating and clause_head(tx_head.head).i == clause_head(ev_tok).i:
        return False
    return not any(a.i == tx_head.i for a in ev_tok.ancestors) and ev_tok.i != tx_head.i


def reporting(tok: Token) -> bool:
    return tok.lemma_.lower() in wordsets("plover").reporting_verbs


def statement_head(tok: Token) -> Token | None:
    """The verb that states an intended act: the reporting verb above it ("Trump said Thursday"),
    or the first verb up the chain of intent that is not itself future ("pledged on Tuesday to
    provide"); None when the act's own clause is the statement ("Japan will provide aid")."""
    h = clause_head(tok)
    for _ in range(8):
        for ch in h.children:  # "X will impose ..., Trump said": the report hangs on the act
            if ch.dep_ in ("parataxis", "ccomp") and ch.i > h.i and reporting(ch):
                return ch
        h = first_conjunct(h)  # "said it would not intervene and press the banks": one statement
        if h.dep_ not in _STATEMENT_DEPS or h.head.i == h.i or h.head.pos_ not in ("VERB", "AUX"):
            return None
        h = h.head
        if reporting(h) or verb_tense(h) not in ("future", None):
            return h
    return None


def first_conjunct(verb: Token) -> Token:
    """The first of a run of coordinated verbs ("would not intervene and press the banks" ->
    intervene): conjuncts without a subject of their own share the first one's place in the
    sentence, and so the statement that reports it."""
    t = verb
    for _ in range(8):
        if t.dep_ != "conj" or t.head.i == t.i or t.head.pos_ not in ("VERB", "AUX") or has_subject(t):
            return t
        t = t.head
    return t


def statement_dep(verb: Token) -> bool:
    """Whether a verb's clause is stated by the verb above it ("announced plans", "said it would")."""
    return verb.dep_ in _STATEMENT_DEPS and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX")


def backshifted(verb: Token) -> bool:
    """Whether a pluperfect is the backshift of reported speech ("announced it had ordered"): the
    report of news, not a past before the story."""
    h = verb
    for _ in range(4):
        if h.dep_ not in ("ccomp", "parataxis", "conj") or h.head.i == h.i:
            return False
        h = h.head
        if reporting(h):
            return verb_tense(h) in ("past", "present")
    return False


def hangs_on(tx_tok: Token, head: Token) -> tuple[bool, list[Token]]:
    """How a date hangs on its clause's verb: whether through a noun ("a breakdown in talks last
    weekend") rather than on the verb itself, and the prepositions on the way ("despite ...")."""
    noun, preps = False, []
    t = tx_tok
    for _ in range(20):
        if t.i == head.i or t.head.i == t.i:
            break
        t = t.head
        if t.i == head.i:
            break
        if t.pos_ in ("NOUN", "PROPN"):
            noun = True
        elif t.dep_ == "prep":
            preps.append(t)
    return noun, preps


def complement_of(low: Token, high: Token) -> bool:
    """Whether clause ``low`` is a complement below verb ``high`` ("agreed to reduce rates next
    month", "denied that it attacked on Monday"): its date is the complement's, not the verb's."""
    t = low
    for _ in range(12):
        if t.head.i == t.i:
            return False
        if t.head.i == high.i:
            return t.dep_ in ("xcomp", "ccomp")
        t = t.head
    return False


def main_clause(verb: Token) -> bool:
    """Whether a verb heads the sentence's main clause or the clause its main verb reports ("Poland
    on Friday signed ..., the ministry said"), not a relative or adverbial clause."""
    t = verb
    for _ in range(6):
        if t.dep_ == "ROOT" or t.head.i == t.i:
            return True
        if t.dep_ not in ("ccomp", "conj", "parataxis"):
            return False
        t = t.head
    return False


def conditional(verb: Token, marks: frozenset[str]) -> bool:
    """Whether a verb stands in a condition ("if the union said it would accept"): what it says
    was not said."""
    t = verb
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in t.children):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False
