"""Inside one article: short names, pronouns and definite descriptions point back to an actor.

"Güler", "Mohamed Khaled" and the misspelt "Anvar" are parts of a full name given elsewhere in the
article; "he" is the person most recently in focus (the subject of the sentence, else the last one
named); "the minister" / "the Turkish leader" is the last person whose office or country fits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from ..lexicon.wordsets import words as wordsets
from .gazetteer import Found
from .knowledge import Lexicon
from .names import fold

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


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
    for tok in doc:
        if tok.lower_ not in wordsets("names").person_pronouns or tok.pos_ != "PRON":
            continue
        sent = tok.sent
        before = [p for p in people if p.end <= tok.i and p.start >= sent.start]
        cand = None
        subj = [p for p in before if doc[p.end - 1].dep_ in ("nsubj", "nsubjpass")]
        if subj:
            cand = subj[-1]
        elif before:
            cand = before[-1]
        else:
            prev = [p for p in people if p.end <= sent.start]
            if prev:
                last_sent = doc[prev[-1].start].sent
                if tok.sent.start - last_sent.end > 400:  # ~ a few sentences back at most
                    continue
                in_last = [p for p in prev if p.start >= last_sent.start]
                subj = [p for p in in_last if doc[p.end - 1].dep_ in ("nsubj", "nsubjpass")]
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


def description_mentions(doc: Doc, found: list[Found], tokmap: dict[int, Found], lex: Lexicon) -> list[Found]:
    """'the minister', 'the Turkish leader', 'the president' as mentions of an earlier person."""
    people = sorted((f for f in found if f.kind == "person" and f.roles), key=lambda f: f.start)
    out: list[Found] = []
    if not people:
        return out
    for tok in doc:
        if tok.lower_ != "the":
            continue
        j = tok.i + 1
        country = None
        if (
            j < len(doc)
            and j in tokmap
            and tokmap[j].kind == "country"
            and tokmap[j].entry is not None
            and tokmap[j].entry.kind == "adj"
        ):
            country = tokmap[j].country
            j = tokmap[j].end
        head = None
        for n in (2, 1):
            if j + n <= len(doc):
                ph = fold(doc[j : j + n].text)
                if ph in lex.heads or ph in wordsets("names").leader_heads:
                    head, end = ph, j + n
                    break
        if head is None or head in wordsets("names").vague_heads:
            continue
        nxt = doc[end] if end < len(doc) else None
        if nxt is not None and (
            nxt.text[:1].isupper() and nxt.pos_ == "PROPN" or nxt.lower_ in ("of", ",", "for")
        ):
            continue  # a title before a name or an apposition: a new person, not a reference
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
            if ok and (country is None or p.country == country):
                cands.append(p)
        if not cands:
            continue
        p = cands[-1]
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
            )
        )
    return out
