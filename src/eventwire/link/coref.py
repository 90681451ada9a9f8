"""Inside one article: short names, pronouns and definite descriptions point back to an actor.

"Güler", "Mohamed Khaled" and the misspelt "Anvar" are parts of a full name given elsewhere in the
article; "he" is the person most recently in focus (the subject of the sentence, else the last one
named); "the minister" / "the Turkish leader" is the last person whose office or country fits.
"""

from __future__ import annotations

import bisect
import os
import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from ..lexicon.plover import plover
from ..lexicon.wordsets import words as wordsets
from ..model import Entity, EntityMention
from .gazetteer import Found
from .knowledge import Lexicon, get_lexicon
from .names import fold

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    from spacy.tokens import Doc, Span, Token


def name_tokens(name: str) -> list[str]:
    return fold(name).replace("-", " ").split()


def match_short(words: list[str], people: list[Found], fuzzy: bool) -> Found | None:
    """The full-name person a short form names: surname beats given name, exact beats fuzzy."""
    best: tuple[int, int, Found] | None = None
    n = len(words)
    for p in people:
        toks = name_tokens(p.name)
        if len(toks) <= n:
            continue
        score = None
        if toks[-n:] == words:
            score = 3
        elif toks[:n] == words:
            score = 2
        elif n == 1 and words[0] in toks:
            score = 1
        elif fuzzy and n == 1 and len(words[0]) >= 4:
            for t in (toks[0], toks[-1]):
                if len(t) >= 4 and t[0] == words[0][0] and fuzz.ratio(t, words[0]) >= 80:
                    score = 0
                    break
        if score is None:
            continue
        if best is None or (score, p.start) > (best[0], best[1]):
            best = (score, p.start, p)
    return best[2] if best else None


def resolve_short_forms(people: list[Found]) -> None:
    """Re-key one- or two-word person mentions to the full name they abbreviate."""
    full = [p for p in people if len(name_tokens(p.name)) >= 2]
    for p in people:
        words = name_tokens(p.name)
        if len(words) >= 3:
            continue
        target = match_short(words, [f for f in full if f.key != p.key], fuzzy=True)
        if target is None or len(name_tokens(target.name)) <= len(words):
            continue
        if p.country and target.country and p.country != target.country:
            continue
        p.key = target.key
        p.country = p.country or target.country


def pronoun_mentions(doc: Doc, found: list[Found]) -> list[Found]:
    """'he', 'his' ... as mentions of the person in focus."""
    people = sorted((f for f in found if f.kind == "person"), key=lambda f: f.start)
    if not people:
        return []
    out: list[Found] = []
    quoted = quoted_ranges(doc.text)
    for tok in doc:
        if tok.lower_ not in wordsets("names").person_pronouns or tok.pos_ != "PRON":
            continue
        sent = tok.sent
        # '"... it was against Smith," he said': a person named inside a quotation the pronoun
        # stands outside of is what the speaker talks about, never who "he" is
        own_quote = _quote_at(quoted, tok.idx)
        people_here = [p for p in people if _quote_at(quoted, doc[p.start].idx) in (None, own_quote)]
        before = [p for p in people_here if p.end <= tok.i and p.start >= sent.start]
        own_subject = _clause_subject(tok) if tok.dep_ in ("dobj", "dative", "pobj") else None
        # "X sacked Y after accusing him", "X thanked him": 'him' is not X
        not_keys = {p.key for p in people if own_subject is not None and p.start <= own_subject.i < p.end}
        not_keys |= _quoted_by_speaker(doc, tok, people, quoted)
        before = [p for p in before if p.key not in not_keys]
        cand = None
        subj = [p for p in before if doc[p.end - 1].dep_ in ("nsubj", "nsubjpass")]
        if subj:
            cand = subj[-1]
        elif before:
            cand = before[-1]
        else:
            # "He suggested that Jones ...": a subject pronoun resolved before carries its person on
            chain = [p for p in out if doc[p.start].dep_ in ("nsubj", "nsubjpass")]
            prev = sorted(
                (p for p in people_here + chain if p.end <= sent.start and p.key not in not_keys),
                key=lambda p: p.start,
            )
            if prev:
                last_sent = doc[prev[-1].start].sent
                if tok.sent.start - last_sent.end > 400:  # ~ a few sentences back at most
                    continue
                in_last = [p for p in prev if p.start >= last_sent.start]
                subj = [p for p in in_last if doc[p.end - 1].dep_ in ("nsubj", "nsubjpass")]
                # "Smith said that while Jones has ..., ": the main clause's subject is in focus
                subj = [
                    p for p in subj if _depth(doc[p.end - 1]) == min(_depth(doc[q.end - 1]) for q in subj)
                ]
                cand = (subj or in_last)[-1]
        if cand is None:
            continue
        out.append(
            Found(
                start=tok.i,
                end=tok.i + 1,
                kind="person",
                key=cand.key,
                name=cand.name,
                country=cand.country,
                sector=cand.sector,
                source="coref-pronoun",
            )
        )
    return out


_OPEN_MARKS, _CLOSE_MARKS, _BOTH_MARKS = "“„«", "”»", '"'


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks: curly marks open and close, a straight mark
    toggles, and a paragraph break ends any quotation (wire copy reopens a long quote on each
    paragraph without closing the one before)."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    for i, c in enumerate(text):
        if c == "\n" and start is not None and text[i + 1 : i + 2] == "\n":
            out.append((start, i))
            start = None
        elif c in _OPEN_MARKS or (c in _BOTH_MARKS and start is None):
            start = i + 1
        elif start is not None and (c in _CLOSE_MARKS or c in _BOTH_MARKS):
            out.append((start, i))
            start = None
    return out


def _quote_at(ranges: list[tuple[int, int]], pos: int) -> int | None:
    """The index of the quotation holding ``pos``, or None outside every quotation."""
    i = bisect.bisect_right(ranges, (pos, 10**12)) - 1
    return i if i >= 0 and ranges[i][0] <= pos < ranges[i][1] else None


def _quoted_by_speaker(doc: Doc, tok: Token, people: list[Found], quoted: list[tuple[int, int]]) -> set[str]:
    """The people a quotation names when ``tok`` is its speaker ('"... President X and I agreed
    ...," he said'): a speaker who names X in the third person is not X, so 'he' cannot be X.

    The quotation is the one the attribution's sentence overlaps or the one ending right before
    it ('"...." He said.'); only a pronoun outside quotation marks that is the subject of an
    attribution verb is a speaker."""
    if tok.dep_ != "nsubj" or not _is_quote_verb(tok.head):
        return set()
    sent = tok.sent
    a, b = sent.start_char, sent.end_char
    if _quote_at(quoted, tok.idx) is not None:
        return set()  # a pronoun inside the quotation is no attribution's speaker
    own = [(x, y) for x, y in quoted if x < b and y > a - 3]
    return {p.key for p in people if any(x <= doc[p.start].idx < y for x, y in own)}


def _is_quote_verb(tok: Token) -> bool:
    verbs = words_quote_verbs()
    return tok.pos_ in {"VERB", "AUX"} and (tok.lower_ in verbs or tok.lemma_.lower() in verbs)


def _clause_subject(tok: Token) -> Token | None:
    """The subject of the clause an object pronoun is in: of the nearest verb up the tree that has
    one ('after accusing him' has none of its own, so the main clause's). A pronoun object is
    never its own clause's subject ('X accused him' is not X; that would be 'himself')."""
    head = tok.head
    for _ in range(8):
        subj = next((ch for ch in head.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if head.dep_ in ("ccomp", "relcl") or head.head.i == head.i:
            return None  # a finite clause of its own without a subject: nothing to exclude
        head = head.head
    return None


def _portfolio_title(doc: Doc, j: int, lex: Lexicon) -> tuple[str | None, int]:
    """'the finance minister', 'the foreign affairs minister': a head word after one or two
    lower-case nouns naming its portfolio; the whole phrase must then match a title read earlier."""
    for n in (2, 3):
        k = j + n - 1
        if k >= len(doc) or fold(doc[k].text) not in lex.heads:
            continue
        if all(doc[i].text.islower() and doc[i].pos_ in ("NOUN", "PROPN") for i in range(j, k)):
            return fold(doc[j : k + 1].text), k + 1
    return None, j


def description_mentions(doc: Doc, found: list[Found], tokmap: dict[int, Found], lex: Lexicon) -> list[Found]:
    """'the minister', 'the Turkish leader', 'the president' as mentions of an earlier person."""
    people = sorted((f for f in found if f.kind == "person" and f.roles), key=lambda f: f.start)
    out: list[Found] = []
    if not people:
        return out
    for tok in doc:
        j = _description_start(doc, tok, tokmap)
        if j is None:
            continue
        while j < min(len(doc), tok.i + 3) and doc[j].text.islower() and doc[j].tag_ in ("VBG", "VBN", "JJ"):
            j += 1  # "the visiting Russian president", "the outgoing prime minister"
        country = _possessor_state(doc, tok, tokmap)
        if (
            country is None
            and j < len(doc)
            and j in tokmap
            and tokmap[j].kind == "country"
            and tokmap[j].entry is not None
            and tokmap[j].entry.kind in ("adj", "country")  # "the Saudi crown prince"
        ):
            country = tokmap[j].country
            j = tokmap[j].end
        head = None
        abbr = wordsets("coref").title_abbreviations
        for n in (2, 1):
            if j + n <= len(doc):
                ph = fold(doc[j : j + n].text)
                ph = abbr.get(ph, ph)  # "the PM": the prime minister
                if ph in lex.heads or ph in wordsets("names").leader_heads:
                    head, end = ph, j + n
                    break
        if head is None:
            head, end = _portfolio_title(doc, j, lex)
        if head is None or head in wordsets("names").vague_heads:
            continue
        nxt = doc[end] if end < len(doc) else None
        after = doc[end + 1] if end + 1 < len(doc) else None
        if nxt is not None and (
            nxt.text[:1].isupper() and nxt.pos_ == "PROPN" or nxt.lower_ in ("of", ",", "for")
        ):
            if not (nxt.lower_ in ("of", "for") and after is not None and _act_or_owner(after)):
                continue  # a title before a name or an apposition: a new person, not a reference
            # "accused the chancellor of using ...", "praised his chancellor for his role": what is
            # said of him, not his office's scope
        if doc[end - 1].tag_ in ("NNS", "NNPS"):
            continue
        cands = []
        for p in people:
            if p.start >= tok.i:
                break
            titles = " | ".join(fold(r["title"]) for r in p.roles)
            ok = head in titles or (
                head == "leader" and any(h in titles for h in wordsets("names").leader_heads)
            )
            if ok and (country is None or p.country in (None, country)):
                cands.append(p)  # "the Saudi crown prince": of that state, or of one not yet read
        if not cands:
            continue
        same = [c for c in cands if country and c.country == country]
        p = (same or cands)[-1]  # "the Ukraine President": Ukraine's, before a president not yet placed
        out.append(
            Found(
                start=tok.i,
                end=end,
                kind="person",
                key=p.key,
                name=p.name,
                country=p.country,
                sector=p.sector,
                source="coref-description",
                country_src="title" if country else "coref",
            )
        )
        if country and out[-1].country is None:
            out[-1].country = country  # the description's own demonym or possessor is title evidence
    return out


def _act_or_owner(tok: Token) -> bool:
    """A gerund ('of hiding losses', tagged a verb or, before a noun, a noun) or a possessive
    pronoun ('for his role'): what opens it is said of a person, not an office's scope."""
    return tok.tag_ in ("VBG", "PRP$") or (tok.text.islower() and tok.text.endswith("ing"))


def _description_start(doc: Doc, tok: Token, tokmap: dict[int, Found]) -> int | None:
    """Where a description's words begin after 'the' or a state's possessive ('Saudi Arabia's
    crown prince'), or None when ``tok`` opens none."""
    if tok.lower_ == "the":
        return tok.i + 1
    if _possessor_state(doc, tok, tokmap):
        return tok.i + 1
    if tok.lower_ in wordsets("coref").person_possessives:
        return tok.i + 1  # "Mr Blair praised his chancellor": the chancellor named before
    return None


def _possessor_state(doc: Doc, tok: Token, tokmap: dict[int, Found]) -> str | None:
    """The state of a possessive marker ``tok`` ("Canada's"), or None."""
    if tok.text not in ("'s", "’s") or tok.i - 1 not in tokmap:
        return None
    f = tokmap[tok.i - 1]
    if f.kind != "country" or f.is_place or not f.country or f.entry is None or f.entry.kind != "country":
        return None
    return f.country


# ------------------------------------------------------------------------------ event parties
# Pronouns and descriptions that name states, organisations and pairs of actors. The linker keys
# person pronouns to people (above); these references are read where an event needs its parties:
# "it" (a state in focus), "they" (a pair or group in focus), "we" inside a quotation (its
# speaker), "the two countries" / "both sides" (the pair last named together, else the article's
# main dyad), "the country" (the state last named that is not this clause's own actor) and "his
# counterpart" (the other side of the dyad).

_SUBJ = ("nsubj", "nsubjpass")
# a quotation within one paragraph, with its marks (curly, or straight ones paired)
QUOTATION = re.compile(r"“[^”\n]{1,2000}”|\"[^\"\n]{1,2000}\"")


_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def stranded_subject(verb: Token, by_tok: dict[int, EntityMention]) -> list[Token]:
    """The names right before a finite verb the parser left without a subject: "while neighbours
    Colombia and Chile recalled ..." (parsed with 'neighbours' as a verb and the states as its
    object). Only a run of actor names (joined by commas or 'and') that ends where the verb begins
    counts, so a clause whose subject the parse gives is never read this way."""
    finite = verb.tag_ in _FINITE or (
        verb.tag_ in {"VBN", "VBG"} and any(c.dep_ == "aux" and c.tag_ in _FINITE for c in verb.children)
    )  # "have agreed", "are meeting"
    if not finite or verb.dep_ in {"xcomp", "acl", "relcl", "amod", "aux"}:
        return []
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children):
        return []
    j = verb.i - 1
    # "after Australia last year cancelled": auxiliaries, adverbs and time words between
    while j >= verb.sent.start and (
        (verb.doc[j].dep_ in {"aux", "auxpass", "neg", "advmod", "npadvmod"} and verb.doc[j].head == verb)
        or (verb.doc[j].ent_type_ in {"DATE", "TIME"} and verb.doc[j].i not in by_tok)
    ):
        j -= 1
    out: list[Token] = []
    joined = True  # the last token read was a name or a joint ("and", ",") before one
    while j >= verb.sent.start:
        t = verb.doc[j]
        m = by_tok.get(t.i)
        if m is not None and not m.is_place:
            out.append(t)
            joined = False
        elif not joined and (t.lower_ in {"and", "&"} or t.text == ","):
            joined = True
        elif (
            joined
            and t.pos_ == "NOUN"
            and (named := [c for c in t.lefts if c.dep_ in {"amod", "compound"} and c.i in by_tok])
        ):
            out += named  # "the Sudanese government and X have agreed"
            joined = False
            j = t.left_edge.i
        else:
            break
        j -= 1
    return sorted(out, key=lambda t: t.i)


def _depth(t: Token) -> int:
    """How deep a token sits in its sentence's tree: the subject of the main clause is shallow,
    a name inside a prepositional phrase of a noun deep."""
    d = 0
    while t.head != t and d < 40:
        t = t.head
        d += 1
    return d


def _country(iso: str, known: dict[str, Entity]) -> Entity:
    e = known.get(f"c:{iso}")
    if e is not None:
        return _copy(e)
    name = get_lexicon().country_name(iso) or iso
    return Entity(id=f"c:{iso}", name=name, kind="country", country=iso, sector="GOV")


def _copy(e: Entity) -> Entity:
    return Entity(id=e.id, name=e.name, kind=e.kind, country=e.country, sector=e.sector, office=e.office)


def _state_of(e: Entity) -> str | None:
    """The state an actor stands for in a dyad (a state itself, a person's or a group's state)."""
    c = e.country
    if not c or len(c) != 3 or c in plover().non_state:
        return None
    return c


class References:
    """What pronouns and descriptions of one article refer to, resolved on demand (each look-up
    reads a few sentences back; the article's main dyad is counted once)."""

    def __init__(
        self,
        doc: Doc,
        by_tok: dict[int, EntityMention],
        phrase: Callable[[Token], list[Entity]],
        ignore: Callable[[Token], bool] | None = None,
    ) -> None:
        self.doc = doc
        self.by_tok = by_tok
        self.phrase = phrase  # the actors a noun phrase names (participants' reading)
        self.ignore = ignore or (lambda t: False)  # tokens that name no one here (a wire dateline)
        self.w = wordsets("coref")
        self._sents = list(doc.sents)
        self._sent_starts = [s.start for s in self._sents]
        self._memo: dict[int, list[Entity] | None] = {}
        self._busy: set[int] = set()
        self._dyad: list[str] | None = None
        self._state_counts: dict[str, int] = {}
        self._quotes: list[tuple[int, int]] | None = None
        self._known: dict[str, Entity] = {}
        for m in by_tok.values():
            if m.key.startswith("c:") and m.key not in self._known and not m.is_place:
                self._known[m.key] = m.entity

    # -------------------------------------------------------------- entry point
    def get(self, tok: Token) -> list[Entity] | None:
        """The actors ``tok`` refers to, or None when it is no reference or cannot be resolved."""
        if tok.i in self._memo:
            return self._memo[tok.i]
        if tok.i in self._busy:  # a cycle ("it ... its"): unresolved
            return None
        self._busy.add(tok.i)
        try:
            got = self._resolve(tok)
        finally:
            self._busy.discard(tok.i)
        got = [_copy(e) for e in got] if got else None
        self._memo[tok.i] = got
        return got

    def _resolve(self, tok: Token) -> list[Entity] | None:
        w = self.w
        low = tok.lower_
        if tok.pos_ == "PRON" or tok.tag_ in {"PRP", "PRP$"}:
            if low in w.thing_pronouns:
                return self._thing(tok)
            if low in w.plural_pronouns:
                return self._plural(tok)
            if low in w.speaker_pronouns or low in w.speaker_plural_pronouns:
                return self._speaker(tok, low in w.speaker_plural_pronouns)
            if low in wordsets("names").person_pronouns:
                return self._person(tok)
            return None
        if tok.pos_ not in {"NOUN", "PROPN"}:
            return None
        lem = tok.lemma_.lower()
        if lem in w.counterpart_heads or low in w.counterpart_heads:
            return self._counterpart(tok)
        if tok.tag_ in {"NNS", "NNPS"} and self._head_in(tok, w.pair_heads):
            nums = {c.lower_ for c in tok.children if c.dep_ in {"nummod", "det", "predet", "quantmod"}}
            n = next((int(w.pair_numbers[x]) for x in nums if x in w.pair_numbers), None)
            if n is not None and not nums & w.definite_determiners:
                n = None  # "two companies are ready": new ones, not the two named before
            if (
                n is None
                and "the" in nums
                and self._head_in(tok, w.bare_pair_heads)
                and not self._has_of(tok)
            ):
                n = 2
            if n is not None and not any(c.dep_ == "poss" for c in tok.children):
                return self._pair(tok, self._head_in(tok, w.pair_person_heads), n)
            return None
        if tok.tag_ in {"NNS", "NNPS"}:
            dets = [c.lower_ for c in tok.children if c.dep_ in {"det", "poss", "nummod"}]
            if dets == ["the"] and not any(c.dep_ in {"amod", "compound", "nmod"} for c in tok.lefts):
                return self._same_head(tok)
            return None
        if tok.tag_ in {"NN", "NNP"}:
            dets = [c for c in tok.children if c.dep_ in {"det", "poss"}]
            if len(dets) != 1 or dets[0].lower_ != "the" or self._has_of(tok):
                return None
            if self._head_in(tok, w.state_heads):
                return self._state(tok)
            if lem in w.org_heads and not any(c.dep_ in {"compound", "amod"} for c in tok.lefts):
                return self._org(tok)
        return None

    @staticmethod
    def _head_in(tok: Token, heads: frozenset[str]) -> bool:
        lem = tok.lemma_.lower()
        if lem in heads or tok.lower_ in heads:
            return True
        mods = [c for c in tok.lefts if c.dep_ in {"compound", "amod"}]
        return bool(mods) and f"{mods[-1].lower_} {lem}" in heads

    @staticmethod
    def _has_of(tok: Token) -> bool:
        """'the country of X', 'the two sides of the border' name something else."""
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)

    # -------------------------------------------------------------- sentences and subjects
    def sentence_index(self, tok: Token) -> int:
        """The index of ``tok``'s sentence in the article."""
        return bisect.bisect_right(self._sent_starts, tok.i) - 1

    def recent_sentences(self, tok: Token, n: int) -> list[Span]:
        """``tok``'s sentence and the ``n`` before it."""
        k = self.sentence_index(tok)
        return self._sents[max(0, k - n) : k + 1]

    def _back(self, tok: Token) -> list[Span]:
        """The sentences before ``tok``'s, nearest first, as far back as references reach."""
        k = self.sentence_index(tok)
        n = int(self.w.max_sentences_back)
        return [self._sents[j] for j in range(k - 1, max(-1, k - 1 - n), -1)]

    def _subject_ents(self, s: Token) -> list[Entity]:
        if (s.i in self.by_tok and self.by_tok[s.i].is_place) or self.ignore(s):
            return []
        if s.tag_ in {"WDT", "WP"} and s.head.dep_ == "relcl":
            return self.phrase(s.head.head)
        return self.phrase(s)

    def _subjects(self, sent: Span, before: int | None = None) -> list[Token]:
        """Subjects of a sentence, the main clause's first, then the others nearest-last."""
        subs = [t for t in sent if t.dep_ in _SUBJ and (before is None or t.i < before)]
        root = [t for t in subs if t.head == sent.root]
        return root + [t for t in subs if t not in root]

    # -------------------------------------------------------------- "it", "its"
    def _thing(self, tok: Token) -> list[Entity] | None:
        if tok.dep_ == "expl" or (tok.dep_ in _SUBJ and tok.head.lemma_.lower() in self.w.expletive_verbs):
            return None
        if tok.dep_ in _SUBJ and any(c.dep_ in {"acomp", "attr"} for c in tok.head.children):
            return None  # "it is important", "it was a mistake"
        sent = tok.sent
        here = sorted((t for t in sent if t.dep_ in _SUBJ and t.i < tok.i), key=lambda t: -t.i)
        got = self._singular_among(here, tok)
        if got is not False:
            return got or None
        for prev in self._back(tok)[:2]:
            got = self._singular_among(self._subjects(prev), tok)
            if got is not False:
                return got or None
        return None

    def _singular_among(self, subs: list[Token], tok: Token) -> list[Entity] | bool:
        """The first subject that a singular 'it' can refer to: a state or an organisation (its
        actors), a thing (no actor: []), or False when none decides."""
        for s in subs:
            if s.i == tok.i:
                continue
            if s.lower_ in self.w.thing_pronouns:
                return self.get(s) or []
            if s.tag_ in {"NNS", "NNPS"} or s.lower_ in self.w.plural_pronouns or s.conjuncts:
                continue
            ents = self._subject_ents(s)
            if not ents:
                if s.pos_ in {"NOUN", "PROPN"} and s.tag_ in {"NN", "NNP"}:
                    return []  # "the accord ... it": a thing
                continue
            if len(ents) == 1 and ents[0].kind in {"country", "organization"}:
                return ents
            if ents[0].kind == "person":
                if s.i not in self.by_tok and s.pos_ == "NOUN":
                    return []  # "Kohl's cabinet ... when it meets": the cabinet, not Kohl
                continue
            return []
        return False

    # -------------------------------------------------------------- "he", "she" of an unnamed official
    def _person(self, tok: Token) -> list[Entity] | None:
        """'The Russian foreign minister met ... He accused ...': a person pronoun the linker left
        unresolved (no named person before it) is the last subject that is one person, named or
        described by an office."""
        here = sorted((t for t in tok.sent if t.dep_ in _SUBJ and t.i < tok.i), key=lambda t: -t.i)
        for subs in [here, *(self._subjects(prev) for prev in self._back(tok)[:2])]:
            for s in subs:
                if s.i == tok.i or self._quote_of(s) != self._quote_of(tok):
                    continue
                if s.lower_ in wordsets("names").person_pronouns:
                    return self.get(s)
                ents = self._subject_ents(s)
                if len(ents) != 1 or s.tag_ not in {"NN", "NNP"}:
                    continue
                e = ents[0]
                if e.kind == "person":
                    return ents
                official = (
                    s.pos_ == "NOUN"
                    and s.lemma_.lower() not in self.w.state_heads | self.w.org_heads
                    and e.kind in {"group", "country"}
                    and e.sector in self.w.official_sectors
                )
                if official:  # "the Russian foreign minister ... he": the minister, or his state
                    return ents
        return None

    # -------------------------------------------------------------- "they", "their"
    def _plural(self, tok: Token) -> list[Entity] | None:
        sent = tok.sent
        here = sorted((t for t in sent if t.dep_ in _SUBJ and t.i < tok.i), key=lambda t: -t.i)
        got = self._plural_among(here, tok)
        if got is not False:
            return got or None
        if self._quote_of(tok) is None:
            for prev in self._back(tok)[:2]:
                got = self._plural_among(self._subjects(prev), tok)
                if got is not False:
                    return got or None
            return None
        # "'They are acting with hatred,' X said": in a quotation with no antecedent of its own,
        # the other side of the article's dyad from the speaker's
        speaker = self._speaker_entities(tok)
        own = {_state_of(e) for e in speaker or []} - {None}
        dyad = self.main_dyad()
        if own and len(dyad) == 2 and own & set(dyad):
            other = [c for c in dyad if c not in own]
            if len(other) == 1:
                return [_country(other[0], self._known)]
        return None

    def _plural_among(self, subs: list[Token], tok: Token) -> list[Entity] | bool:
        for s in subs:
            if s.i == tok.i or self._quote_of(s) != self._quote_of(tok):
                continue
            if s.lower_ in self.w.plural_pronouns:
                return self.get(s) or []
            ents = self._subject_ents(s)
            plural = s.tag_ in {"NNS", "NNPS"} or bool(s.conjuncts)
            if ents and (len(ents) >= 2 or (plural and ents[0].kind in {"group", "country", "organization"})):
                return ents
            if plural and not ents:
                return []  # "the talks ... they": things
        return False

    # -------------------------------------------------------------- "we" and "I" in quotations
    def _quote_of(self, tok: Token) -> tuple[int, int] | None:
        if self._quotes is None:
            self._quotes = [(m.start(), m.end()) for m in QUOTATION.finditer(self.doc.text)]
        for a, b in self._quotes:
            if a <= tok.idx < b:
                return (a, b)
        return None

    def _speaker(self, tok: Token, plural: bool) -> list[Entity] | None:
        ents = self._speaker_entities(tok)
        if not ents:
            return None
        if not plural:
            return ents if ents[0].kind == "person" else None
        # "we" of an official is the state he speaks for; of a body, the body
        out: list[Entity] = []
        for e in ents:
            st = _state_of(e)
            if e.kind == "person" and st and e.sector in {None, "GOV", "MIL", "LEG"}:
                out.append(_country(st, self._known))
            else:
                out.append(e)
        return out

    def _speaker_entities(self, tok: Token) -> list[Entity] | None:
        q = self._quote_of(tok)
        if q is None:
            return None
        a, b = q
        verbs = words_quote_verbs()
        sents: list[Span] = []
        for t in (self.doc.char_span(a, a + 1, alignment_mode="expand"), None):
            if t is not None and len(t):
                sents.append(t[0].sent)
        end = self.doc.char_span(max(a, b - 1), b, alignment_mode="expand")
        if end is not None and len(end) and end[0].sent not in sents:
            sents.append(end[0].sent)
        k = self.sentence_index(sents[-1][0]) if sents else -1
        if 0 <= k + 1 < len(self._sents) and sents:
            nxt = self._sents[k + 1]
            if nxt[0].idx - b < 3:
                sents.append(nxt)  # '"...." He said.'
        cands: list[Token] = []
        for sent in sents:
            for t in sent:
                if a <= t.idx < b:
                    continue
                if t.lower_ in verbs or t.lemma_.lower() in verbs:
                    cands.append(t)
        # the attribution after the quotation first ("'...,' X said"), then before it ("X said: '...'")
        cands.sort(key=lambda t: (t.idx < a, abs(t.idx - b)))
        for v in cands:
            s = next((c for c in v.children if c.dep_ in _SUBJ), None)
            if s is None:
                continue
            ents = self.phrase(s)
            if ents:
                return ents
        return None

    # -------------------------------------------------------------- "the two countries", "both sides"
    def dominant_dyad(self) -> list[str]:
        """The main dyad when it carries the article: both states named often enough and the
        two together most of the state mentions (coref.yaml ``dyad_min_*``); else []."""
        dyad = self.main_dyad()
        if len(dyad) != 2:
            return []
        counts = self._state_counts
        total = sum(counts.values())
        pair = counts[dyad[0]] + counts[dyad[1]]
        if min(counts[dyad[0]], counts[dyad[1]]) < int(self.w.dyad_min_mentions):
            return []
        return dyad if total and pair / total >= float(self.w.dyad_min_share) else []

    def main_dyad(self) -> list[str]:
        """The two states the article names most (people's and groups' states included)."""
        if self._dyad is None:
            counts: dict[str, int] = {}
            first: dict[str, int] = {}
            seen: set[int] = set()
            for m in self.by_tok.values():
                if id(m) in seen or m.is_place:
                    continue
                seen.add(id(m))
                st = _state_of(m.entity)
                if st:
                    counts[st] = counts.get(st, 0) + 1
                    first.setdefault(st, m.start)
            self._state_counts = counts
            top = sorted(counts, key=lambda c: (-counts[c], first[c]))
            self._dyad = top[:2] if len(top) >= 2 else []
        return self._dyad

    def _named_states(self, toks: list[Token]) -> list[str]:
        out: list[str] = []
        for t in toks:
            if self.ignore(t):
                continue
            m = self.by_tok.get(t.i)
            if m is None or m.is_place:
                continue
            st = _state_of(m.entity)
            if st and st not in out:
                out.append(st)
        return out

    def _named_people(self, toks: list[Token]) -> list[Entity]:
        return [e for e in self._named(toks, places=True) if e.kind == "person"]

    def _pair(self, tok: Token, people: bool, n: int = 2) -> list[Entity] | None:
        """'the two countries', 'the three men': the last n parties named together. In a quotation
        they are never the speaker's own side ('"We urged both sides to show restraint," the US
        spokesman said')."""
        windows = [[t for t in tok.sent if t.i < tok.i], *([*s] for s in self._back(tok))]
        own = {_state_of(e) for e in (self._speaker_entities(tok) or [])} - {None}
        dyad = self.main_dyad()
        if own & set(dyad):
            dyad = []
        if n == 2 and dyad and set(dyad) <= {st for toks in windows for st in self._named_states(toks)}:
            # the article's two main states, both named lately: "both countries" are they
            if people:
                ps = self._pair_people(windows, dyad)
                if ps:
                    return ps
            if not self._head_in(tok, self.w.org_heads):
                return [_country(c, self._known) for c in dyad]
        for toks in windows:
            if people:
                ps = self._named_people(toks)
                states = {_state_of(p) for p in ps}
                if len(ps) == n and (n != 2 or (None not in states and len(states) == 2)):
                    return ps
            elif self._head_in(tok, self.w.org_heads):
                orgs = [e for e in self._named(toks) if e.kind == "organization"]
                if len(orgs) == n:
                    return orgs
                continue
            sts = [s for s in self._named_states(toks) if s not in own]
            if len(sts) == n:
                return [_country(c, self._known) for c in sts]
            if n == 2 and len(sts) > 2:
                if set(dyad) <= set(sts) and dyad:
                    return [_country(c, self._known) for c in dyad]
                return None
        if n != 2 or people or self._head_in(tok, self.w.org_heads):
            return None
        return [_country(c, self._known) for c in dyad] if dyad else None

    def _pair_people(self, windows: list[list[Token]], dyad: list[str]) -> list[Entity] | None:
        """The last person of each of the two states named in the window ('the two leaders')."""
        got: dict[str, Entity] = {}
        for toks in windows:
            for p in reversed(self._named_people(toks)):
                st = _state_of(p)
                if st in dyad and st not in got:
                    got[st] = p
            if len(got) == 2:
                return [got[c] for c in dyad]
        return None

    def _named(self, toks: list[Token], places: bool = False) -> list[Entity]:
        """The entities named among the tokens, each once, in order (mentions used as places only
        when asked)."""
        out: list[Entity] = []
        for t in toks:
            if self.ignore(t):
                continue
            m = self.by_tok.get(t.i)
            if m is None or (m.is_place and not places) or any(o.id == m.entity.id for o in out):
                continue
            out.append(m.entity)
        return out

    # -------------------------------------------------------------- "the rebels", "the campaigners"
    def _same_head(self, tok: Token) -> list[Entity] | None:
        """'the rebels' after 'Houthi rebels': the group named before with the same noun, when the
        text gave it a state or a name."""
        lem = tok.lemma_.lower()
        here = [t for t in tok.sent if t.i < tok.i]
        for toks in [here, *([*s] for s in self._back(tok))]:
            for t in reversed(toks):
                if t.lemma_.lower() != lem or t.i == tok.i or t.tag_ not in {"NNS", "NNPS"}:
                    continue
                if (
                    not any(c.dep_ in {"amod", "compound", "nmod", "poss"} for c in t.lefts)
                    and t.i not in self.by_tok
                ):
                    continue  # another bare mention: look further back
                ents = [e for e in self.phrase(t) if e.country or e.kind != "group"]
                if ents:
                    return ents
        return None

    # -------------------------------------------------------------- "the company", "the agency"
    def _org(self, tok: Token) -> list[Entity] | None:
        """The organisation named before whose name has the head word ("the commission"), else the
        last organisation that was a subject ("Acme said ... The company added"): organisations
        merely mentioned ("told Reuters that the company") are not what the description is about."""
        head = tok.lemma_.lower()
        here = [t for t in tok.sent if t.i < tok.i]
        last: Entity | None = None
        for toks in [here, *([*s] for s in self._back(tok))]:
            orgs = [e for e in self._named(toks) if e.kind == "organization"]
            for e in reversed(orgs):
                if head in fold(e.name).split():
                    return [e]
            if last is None:
                subs = sorted((t for t in toks if t.dep_ in _SUBJ), key=lambda t: -t.i)
                for s in subs:
                    ents = [e for e in self._subject_orgs(s) if e.kind == "organization"]
                    if len(ents) == 1:
                        last = ents[0]
                        break
        return [last] if last is not None else None

    def _subject_orgs(self, s: Token) -> list[Entity]:
        """Organisations a subject phrase names, also as a modifier ('AMC spokesman X')."""
        out = [e for e in self._subject_ents(s) if e.kind == "organization"]
        if out:
            return out
        return [e for e in self._named([t for t in s.subtree if t.i <= s.i]) if e.kind == "organization"]

    # -------------------------------------------------------------- "the country"
    def _own_actors(self, tok: Token) -> set[str]:
        """States of the clause's own subject: 'X, who was in the country' is not X's country."""
        h = tok.head
        for _ in range(6):
            if h.pos_ in {"VERB", "AUX"}:
                break
            if h.head == h:
                return set()
            h = h.head
        out: set[str] = set()
        for _ in range(3):
            s = next((c for c in h.children if c.dep_ in _SUBJ), None)
            if s is not None and s.i != tok.i:
                out |= {st for e in self._subject_ents(s) for st in [_state_of(e)] if st}
            elif s is None:  # "while neighbours X and Y recalled their envoys to the country"
                out |= {
                    st
                    for t in stranded_subject(h, self.by_tok)
                    for st in [_state_of(self.by_tok[t.i].entity)]
                    if st
                }
            if h.dep_ not in {"conj", "xcomp", "advcl"} or h.head == h:
                break
            h = h.head
        # states coordinated with the description's own subject ("X and Y recalled ... to the country")
        return out

    def _region(self, tok: Token) -> frozenset[str] | None:
        """The states a regional modifier allows ("the Middle Eastern country"), else None."""
        mods = [t.lower_ for t in tok.doc[tok.left_edge.i : tok.i] if t.dep_ not in {"det", "poss"}]
        table = self.w.region_states
        for n in (3, 2, 1):
            for k in range(len(mods) - n + 1):
                got = table.get(" ".join(mods[k : k + n]))
                if got:
                    return frozenset(got)
        return None

    def _state(self, tok: Token) -> list[Entity] | None:
        own = self._own_actors(tok)
        region = self._region(tok)
        acting = self._head_in(tok, self.w.acting_state_heads)  # "the government": never a place
        # "the government" is one the story is about, not a third state named in passing ("would
        # rely on South Africa for food. X said the government would ..." in a story on Botswana)
        story = self.story_states() if acting else set()
        here = [t for t in tok.sent if t.i < tok.i]
        for toks in [here, *([*s] for s in self._back(tok))]:
            # the most salient state of the nearest sentence that names one: a state named as a
            # state before a place, then the one highest in its clause ("Saudi Arabia said ... for
            # Ottawa's calls. The kingdom gave ..." is Saudi Arabia), then the latest
            best: tuple[tuple[bool, int, bool, int], str] | None = None
            for t in toks:
                m = self.by_tok.get(t.i)
                if m is None or self.ignore(t):
                    continue
                if acting and m.is_place:
                    continue
                st = m.entity.country if m.entity.kind == "country" or m.is_place else None
                if not st or not _state_of(m.entity) or st in own or (region and st not in region):
                    continue
                if story and st not in story:
                    continue
                key = (m.is_place or m.entity.kind != "country", _depth(t), t.dep_ not in _SUBJ, -t.i)
                if best is None or key < best[0]:
                    best = (key, st)
            if best is not None:
                return [_country(best[1], self._known)]
        if len(story) == 1 and not own & story and not region:
            return [_country(next(iter(story)), self._known)]  # the one state the story is about
        return None

    def story_states(self) -> set[str]:
        """The states a story is about: each named (with its people and bodies) at least
        ``story_state_share`` as often as the most named one, when that one is named often enough
        to say (``dyad_min_mentions`` + 1); else none, and nothing is ruled out."""
        self.main_dyad()
        counts = self._state_counts
        top = max(counts.values(), default=0)
        if top <= int(self.w.dyad_min_mentions):
            return set()
        return {st for st, n in counts.items() if n >= float(self.w.story_state_share) * top}

    # -------------------------------------------------------------- "his counterpart"
    def _counterpart(self, tok: Token) -> list[Entity] | None:
        if tok.tag_ not in {"NN", "NNP"}:
            return None
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is None:
            return None
        m = self.by_tok.get(poss.i)
        owner = [m.entity] if m is not None else (self.get(poss) or [])
        own = {_state_of(e) for e in owner} - {None}
        if not own:
            return None
        dyad = self.main_dyad()
        other = [c for c in dyad if c not in own]
        if len(dyad) == 2 and len(other) == 1:
            return [_country(other[0], self._known)]
        return None


_VERBS: dict[str | None, frozenset[str]] = {}


def words_quote_verbs() -> frozenset[str]:
    """Attribution verbs: the quote file's inflected forms and the coder's reporting lemmas."""
    key = os.environ.get("EVENTWIRE_DATA")
    got = _VERBS.get(key)
    if got is None:
        got = _VERBS[key] = frozenset(wordsets("quotes").verbs) | frozenset(plover_settings_reporting())
    return got


def plover_settings_reporting() -> list[str]:
    from ..lexicon import load

    return list(load("plover").get("reporting_verbs") or [])


def company_descriptions(doc: Doc, found: list[Found]) -> None:
    """'Saab signed ... The Swedish defence company said': a definite demonym + company noun
    (coref.yaml company_nouns) read as a group is a later mention of the most recent company
    named before it, and tells that company's state as text evidence. Its people keep their own
    evidence: a chief executive is no more of a state than before."""
    w = wordsets("coref")
    nouns, dets = set(w.company_nouns), set(w.definite_determiners)
    for f in found:
        if f.kind != "group" or not f.source.endswith("+group") or f.country is None:
            continue
        if f.start == 0 or fold(doc[f.start - 1].text) not in dets or fold(doc[f.end - 1].text) not in nouns:
            continue
        earlier = [
            o for o in found if o.kind == "organization" and o.end <= f.start and o.sector in (None, "BUS")
        ]
        if not earlier:
            continue
        target = max(earlier, key=lambda o: o.start)
        if target.country not in (None, f.country):
            continue
        for o in found:
            if o.kind == "organization" and o.key == target.key and o.country is None:
                o.country, o.country_src = f.country, "title"
        f.kind, f.key, f.name, f.entry = "organization", target.key, target.name, target.entry
        f.sector, f.source, f.country_src = target.sector or f.sector, "coref-desc", "title"
