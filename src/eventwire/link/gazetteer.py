"""Find the names the lexicon already knows (states, demonyms, capitals, IGOs, known actors).

Matching walks the spaCy tokens and tries the longest phrase first, so "United Nations Security
Council" beats "United Nations" and "Palestinian Islamic Jihad" beats "Palestinian". Spellings are
compared folded (Turkiye = Türkiye); acronyms must match their case ("US" but never "us").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..lexicon.wordsets import words as wordsets
from .knowledge import Entry, Lexicon
from .names import fold

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

MAX_WORDS = 8
_PRIORITY = {
    "person": 0,
    "igo": 1,
    "organization": 1,
    "group": 1,
    "country": 2,
    "adj": 3,
    "people": 4,
    "capital": 5,
}


@dataclass
class Found:
    """One actor (or place) mention found in the article, before keys are final."""

    start: int  # token index
    end: int  # token index (exclusive)
    kind: str  # person | organization | country | group | place
    key: str
    name: str
    country: str | None = None
    sector: str | None = None
    is_place: bool = False
    source: str = ""  # how it was found: gaz-country, gaz-adj, title, ner, coref ...
    entry: Entry | None = None
    surface: str | None = None  # alias to record (may include honorifics)
    roles: list[dict[str, Any]] = field(default_factory=list)
    core_start: int | None = None  # for people: the name without honorifics/titles
    country_src: str = ""  # evidence of the country (link/evidence.py): title, org, place, context ...
    not_countries: set[str] = field(
        default_factory=set
    )  # states the text rules out ("his Polish counterpart")


def place_found(start: int, end: int, name: str, country: str | None) -> Found:
    """A mention that names a place (a city, a region), not an actor."""
    return Found(
        start=start,
        end=end,
        kind="place",
        key=f"l:{fold(name)}",
        name=name,
        country=country,
        is_place=True,
        source="place",
    )


def _case_ok(text: str, e: Entry) -> bool:
    if e.exact_case:
        t = text.replace(".", "").replace("’", "'")
        s = e.surface.replace(".", "").replace("’", "'")
        if t == s or (t.isupper() and t == s.upper() and not s.isupper()):
            return True
        # "Opec", "Nato", "Asean": long acronyms are also written as names
        return s.isupper() and len(s) >= 4 and s.isalpha() and t == s.title()
    first = next((c for c in text if c.isalpha()), "")
    surf_first = next((c for c in e.surface if c.isalpha()), "")
    if first.isupper() or not surf_first.isupper():
        return True
    # wire copy in lower case ("venezuela's creditor banks"): unambiguous state names only
    return (
        e.kind in ("country", "adj", "people")
        and len(text) >= 5
        and text.islower()
        and text not in wordsets("names").ambiguous_lower  # a turkey, china plates
    )


_KEYS: dict[int, tuple[Lexicon, list[str]]] = {}


def _sorted_keys(lex: Lexicon) -> list[str]:
    """The lexicon's folded phrases, sorted, for prefix probes (cached per lexicon object)."""
    got = _KEYS.get(id(lex))
    if got is None or got[0] is not lex or len(got[1]) != len(lex.phrases):
        got = _KEYS[id(lex)] = (lex, sorted(lex.phrases))
    return got[1]


def _has_prefix(keys: list[str], p: str) -> bool:
    k = bisect.bisect_left(keys, p)
    return k < len(keys) and keys[k].startswith(p)


def match(doc: Doc, lex: Lexicon) -> list[Found]:
    """Longest known phrases in the doc, left to right, without overlaps."""
    out: list[Found] = []
    n = len(doc)
    keys = _sorted_keys(lex)
    toks = list(doc)
    ftext = [fold(t.text) for t in toks]  # fold each token once
    i = 0
    while i < n:
        tok = toks[i]
        c0 = tok.text[:1]
        if not (c0.isupper() or c0.isdigit() or tok.is_alpha and c0.islower()):
            i += 1
            continue
        # most tokens start no known phrase: one bisect instead of MAX_WORDS span folds
        if not _has_prefix(keys, ftext[i]):
            i += 1
            continue
        # grow the phrase token by token while some known phrase still starts with it
        phrase = ftext[i]
        cands: list[tuple[int, str]] = [(i + 1, phrase)]
        gap = False
        for j in range(i + 1, min(n, i + MAX_WORDS)):
            t = toks[j]
            if t.is_space:  # a line break inside a wrapped name ("International Coffee\nOrganisation")
                if "\n\n" in t.text:
                    break
                gap = True
                continue
            sep = " " if toks[j - 1].whitespace_ or gap else ""
            gap = False
            phrase = phrase + sep + ftext[j]
            if not _has_prefix(keys, phrase):
                break
            cands.append((j + 1, phrase))
        hit = None
        for j, ph in reversed(cands):
            last = toks[j - 1]
            if j - i > 1 and last.is_punct and last.text != ".":
                continue
            entries = lex.phrases.get(ph)
            if not entries:
                continue
            text = doc[i:j].text
            entries = [e for e in entries if _case_ok(text, e)]
            if not entries:
                continue
            e = sorted(entries, key=lambda e: (_PRIORITY.get(e.kind, 9), e.key))[0]
            hit = (j, e)
            break
        if hit is None:
            i += 1
            continue
        j, e = hit
        if e.kind == "igo" and _inside_longer_name(toks, i, j, lex):
            i = j  # "the National Security Council" is no UN body
            continue
        kind = {"igo": "organization", "adj": "country", "people": "group", "capital": "country"}.get(
            e.kind, e.kind
        )
        out.append(
            Found(
                start=i,
                end=j,
                kind=kind,
                key=e.key if e.kind != "people" else f"g:{e.country}:CVL",
                name=e.name if e.kind != "people" else " ".join(doc[i:j].text.split()),
                country=e.country,
                sector=e.sector if e.kind != "people" else "CVL",
                source=f"gaz-{e.kind}",
                entry=e,
            )
        )
        i = j
    return out


def _inside_longer_name(toks: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """'the National Security Council', 'the Inter-American Development Bank': an international
    body's name that a capitalised word before it extends into a longer name (a compound on it,
    itself no state and no known name) names some other body."""
    if i == 0:
        return False
    prev = toks[i - 1]
    if prev.is_sent_start or prev.pos_ != "PROPN" or not prev.text[:1].isupper():
        return False
    if prev.dep_ != "compound" or not i <= prev.head.i < j:
        return False
    return not (lex.country_of(prev.text) or fold(prev.text) in lex.phrases)
