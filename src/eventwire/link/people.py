"""Offices people hold, read from the words around their names.

Three shapes carry an office in news English, and each is read here:
- a title before the name: "Malaysian Prime Minister Anwar Ibrahim", "then-Prime Minister X",
  "former Malaysian Prime Minister X", "NATO Secretary-General X";
- an apposition before it: "Turkey's ambassador to Malaysia, X", "ASELSAN's CEO and president, X",
  "The Minister of National Defence of Türkiye, X";
- an apposition after it: "X, head of the Turkish Defence Industry Agency", "X, Turkey's defence minister".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from ..lexicon.wordsets import words as wordsets
from .gazetteer import Found
from .knowledge import Lexicon
from .names import clean_surface, fold
from .places import lookup

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_POSS = {"'s", "’s", "'", "’"}
# a capitalised word of these entity types is never a portfolio word of a title ("On Tuesday
# Foreign Secretary X", "Ms Y and First Minister X")
_NOT_PORTFOLIO = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL"})


@dataclass
class Title:
    title: str
    country: str | None = None
    organization: str | None = None
    org_country: str | None = None
    sector: str | None = None
    past: bool = False
    then: bool = False  # "then-X": held at the time of the sentence's events
    start: int = 0  # token span of the whole title phrase (evidence)
    end: int = 0
    counterpart: bool = False
    country_src: str = "title"  # evidence kind of `country` (link/evidence.py)
    served_at: int | None = None  # "adviser to President Y": the token where Y's name starts


_SPELT: dict[tuple[int, str], str | None] = {}


def spelt_head(lex: Lexicon, word: str) -> str | None:
    """'Minsiter' is 'minister': a word one slip (two letters swapped, one missing or doubled)
    from a one-word office head of six letters or more, with the same first letter, stands for
    that head; wire copy has such typos and they must not end up in a person's name."""
    w = fold(word)
    if len(w) < 6 or w in lex.heads or not w.isalpha():
        return None
    if w in lex.modifiers or w in lex.org_words or lex.org_sector(w) or w[:-1] in lex.heads:
        return None  # a word of its own ("Ministry" is no misspelt "minister"), or a plural
    key = (id(lex), w)
    if key not in _SPELT:
        cands = [
            h for h in lex.heads if h.isalpha() and len(h) >= 6 and h[0] == w[0] and abs(len(h) - len(w)) <= 1
        ]
        got = process.extractOne(w, cands, scorer=fuzz.ratio, score_cutoff=85) if cands else None
        _SPELT[key] = got[0] if got else None
    return _SPELT[key]


def _spell_title(lex: Lexicon, title: str) -> str:
    """The title with misspelt head words written as the head ('Prime Minsiter' -> 'Prime Minister')."""
    out = []
    for w in title.split():
        h = spelt_head(lex, w)
        out.append((h.title() if w[:1].isupper() else h) if h else w)
    return " ".join(out)


def _is_head(lex: Lexicon, words: list[str]) -> bool:
    words = [spelt_head(lex, w) or w for w in words]
    return any(w in lex.heads or w in lex.abbreviations for w in words) or any(
        " ".join(words[i : i + 2]) in lex.heads for i in range(len(words) - 1)
    )


def title_sector(lex: Lexicon, title: str, org_sector: str | None = None) -> str | None:
    """A holder's sector: a specific head (CEO, judge, general) or organisation beats GOV."""
    words = fold(title).replace("-", " ").split()
    found: list[str] = []
    i = 0
    while i < len(words):
        for j in (3, 2, 1):
            ph = " ".join(words[i : i + j])
            if ph in lex.heads:
                found.append(lex.heads[ph])
                i += j
                break
        else:
            i += 1
    sect = lex.org_sector(title)
    if sect in ("MIL", "COP", "SPY", "JUD", "LEG"):
        return sect
    specific = [s for s in found if s != "GOV"]
    generic = wordsets("names").generic_heads
    heads = {h for h in lex.heads if f" {h} " in f" {' '.join(words)} "}
    if org_sector and org_sector != "GOV" and (not found or heads <= generic):
        return org_sector
    if specific:
        return specific[0]
    return "GOV" if found else org_sector


def _title_word(lex: Lexicon, tok: Token) -> bool:
    f = fold(tok.text)
    return (
        f in lex.heads
        or f in lex.modifiers
        or f in lex.abbreviations
        or (tok.text[:1].isupper() and spelt_head(lex, f) is not None)
    )


def _found_at(tokmap: dict[int, Found], j: int) -> Found | None:
    fd = tokmap.get(j)
    if fd and fd.kind in ("country", "organization", "group") and not fd.is_place:
        return fd
    return None


def left_title(doc: Doc, i: int, tokmap: dict[int, Found], lex: Lexicon) -> Title | None:
    """Title words directly before a name that starts at token ``i`` (honorifics already skipped)."""
    sent_start = doc[i].sent.start if i < len(doc) else 0
    j = i - 1
    words: list[int] = []
    t = Title(title="", start=-1)
    body_after = False  # the title's body follows it ("spokesperson for the Ministry X")
    while j >= sent_start:
        tok = doc[j]
        if tok.is_space:  # line breaks of wrapped wire copy
            j -= 1
            continue
        f = fold(tok.text)
        fd = _found_at(tokmap, j)
        if not words and t.start < 0 and j == i - 1 and (k := _envoy_before_host(doc, fd, sent_start, lex)):
            j = k  # "ambassador to Russia X": read the title before the state the envoy is sent to
            continue
        if not words and t.start < 0 and j == i - 1:
            body = _body_before_name(doc, j, sent_start, tokmap, lex)
            if body is not None:  # "Deputy spokesperson for the Vietnamese Ministry ... X"
                k, t.organization, t.org_country = body
                t.start, j, body_after = k, k, True
                continue
        if fd is not None and words and fd.kind != "group":
            if (
                fd.kind == "country"
                and fd.entry is not None
                and fd.entry.kind in ("adj", "country", "capital")
            ):
                t.country = t.country or fd.country
            else:
                t.organization = t.organization or fd.name
                t.org_country = fd.country
            j = fd.start - 1
            t.start = fd.start
            continue
        if f in _POSS and words and j - 1 >= sent_start and _found_at(tokmap, j - 1) is not None:
            j -= 1
            continue
        if f in lex.past_markers:
            t.past = True
            t.then = t.then or f in lex.then_markers
            t.start = j
            j -= 1
            continue
        if f == "-" and words and j - 1 >= sent_start and fold(doc[j - 1].text) in lex.past_markers:
            j -= 1
            continue
        if f == "-" and words and j - 1 >= sent_start and _title_word(lex, doc[j - 1]):
            words.append(j)
            j -= 1
            continue
        if (t.country or t.organization or t.past) and not body_after:
            break  # nothing but markers before a demonym/possessor
        if _title_word(lex, tok) and (
            tok.text[:1].isupper() or f in lex.heads or f in lex.abbreviations or words
        ):
            words.append(j)
        elif not words and j - 1 >= sent_start and f"{fold(doc[j - 1].text)} {f}" in lex.heads:
            words.append(j)  # "Bundesbank board member X": a two-word head whose last word is none
        elif words and f"{f} {fold(doc[words[-1]].text)}" in lex.heads:
            words.append(j)  # "Crown Prince": a two-word title, whatever spaCy tagged it
        elif words and tok.text[:1].islower() and lex.org_sector(f) == "GOV" and tokmap.get(j) is None:
            words.append(j)  # "Israeli foreign ministry spokesman X": the body the office is in
        elif (
            words
            and tok.text[:1].isupper()
            and tok.pos_ in ("PROPN", "NOUN", "ADJ")
            and tok.text not in wordsets("names").not_name_starts
            and tokmap.get(j) is None
            and tok.ent_type_ not in _NOT_PORTFOLIO
            and f.rstrip(".") not in lex.honorifics
            and not (tok.is_sent_start and tok.pos_ != "PROPN")  # "Earlier Foreign Secretary X"
        ):
            words.append(j)  # a portfolio word: "Planning and Investment Minister"
        else:
            break
        t.start = j
        j -= 1
    if not words:
        return None
    words.sort()
    joins = [k for k, w in enumerate(words) if fold(doc[w].text) in ("and", "&")]
    if joins and not any(
        _title_word(lex, doc[w]) or lex.org_sector(fold(doc[w].text)) for w in words[: joins[-1]]
    ):
        words = words[joins[-1] + 1 :]  # "Ms Y and First Minister X": what precedes 'and' is no title
    while words and fold(doc[words[0]].text) in wordsets("names").name_connectors:
        words.pop(0)
    if not words or not _is_head(lex, [fold(doc[w].text) for w in words]):
        return None
    t.title = " ".join(doc[words[0] : words[-1] + 1].text.split())
    t.end = i
    t.start = min(t.start, words[0]) if t.start >= 0 else words[0]
    return _finish(t, lex)


def _envoy_before_host(doc: Doc, fd: Found | None, sent_start: int, lex: Lexicon) -> int | None:
    """The token of an envoy's title ending right before 'to <state>' that ends at ``fd`` ("ambassador
    to Russia" before a name), else None (names.yaml envoy_titles, envoy_preps)."""
    if fd is None or fd.kind != "country":
        return None
    p = fd.start - 1
    if p - 1 < sent_start or fold(doc[p].text) not in wordsets("names").envoy_preps:
        return None
    envoys = wordsets("names").envoy_titles
    last = fold(doc[p - 1].text)
    two = f"{fold(doc[p - 2].text)} {last}" if p - 2 >= sent_start else ""
    if last in envoys or two in envoys:
        return p - 1
    return None


def _title_before_body(doc: Doc, start: int, sent_start: int, lex: Lexicon) -> int | None:
    """'spokesperson for the Foreign Ministry X': the token of the title's last word when the body
    starting at ``start``, right before a name, is the complement of a title (a preposition of
    names.yaml office_prepositions, an optional article, the body), else None."""
    k = start - 1
    if k >= sent_start and fold(doc[k].text) == "the":
        k -= 1
    if k - 1 < sent_start or fold(doc[k].text) not in wordsets("names").office_prepositions:
        return None
    return k - 1 if _title_word(lex, doc[k - 1]) else None


def _body_before_name(
    doc: Doc, j: int, sent_start: int, tokmap: dict[int, Found], lex: Lexicon
) -> tuple[int, str, str | None] | None:
    """(the title's last token, the body's name, its state) when the words ending at ``j`` are a
    named body that a title before it serves ("spokesman for the Pentagon X"), else None."""
    fd = _found_at(tokmap, j)
    if fd is not None and fd.kind == "organization":
        first, name, country = fd.start, fd.name, fd.country
    elif fd is None:
        body = _unnamed_body(doc, j, sent_start, tokmap, lex)
        if body is None:
            return None
        first, country = body
        name = " ".join(doc[first : j + 1].text.split())
    else:
        return None
    k = _title_before_body(doc, first, sent_start, lex)
    return (k, name, country) if k is not None else None


def _unnamed_body(
    doc: Doc, j: int, sent_start: int, tokmap: dict[int, Found], lex: Lexicon
) -> tuple[int, str | None] | None:
    """The first token and state of a capitalised body ending at ``j`` that the gazetteer did not
    name ("the Vietnamese Ministry of Foreign Affairs"): capitalised words, connectors and demonyms,
    one of them an organisation word (offices.yaml org_words, org_sectors), or None."""
    k, country, org_word = j, None, False
    while k >= sent_start:
        tok, f = doc[k], fold(doc[k].text)
        fd = tokmap.get(k)
        if fd is not None and fd.kind == "country" and not fd.is_place:
            country = country or fd.country
        elif fd is not None or tok.ent_type_ in _NOT_PORTFOLIO:
            return None
        elif f in ("of", "and", "&") and k < j:
            pass
        elif not tok.text[:1].isupper() or f in ("the", *wordsets("names").office_prepositions):
            break
        org_word = org_word or f in lex.org_words or lex.org_sector(f) is not None
        k -= 1
    first = k + 1
    if not org_word or first > j or fold(doc[first].text) in ("of", "and", "&"):
        return None
    return first, country


def _finish(t: Title, lex: Lexicon) -> Title:
    ws = _spell_title(lex, t.title).split()
    connectors = wordsets("names").name_connectors
    while len(ws) > 1 and fold(ws[0]) in connectors:
        ws.pop(0)  # "and Sport Secretary"
    while len(ws) > 1 and fold(ws[-1]) in connectors:
        ws.pop()  # "home secretary on"
    t.title = " ".join(ws)
    f = fold(t.title)
    if f.split()[-1:] == ["counterpart"] or f == "counterpart":
        t.counterpart = True
    for abbr, full in lex.abbreviations.items():
        if f == abbr:
            t.title = full.title()
    org_sec = lex.org_sector(t.organization) if t.organization else None
    t.sector = title_sector(lex, t.title, org_sec)
    if t.country is None and t.org_country and len(t.org_country) == 3:
        t.country = t.org_country
        t.country_src = "org"  # the office's organisation is that state's, not the person said to be
    return t


def _phrase_parts(doc: Doc, idx: list[int], tokmap: dict[int, Found], lex: Lexicon, t: Title) -> list[int]:
    """Read possessor, 'of X' complements and demonyms out of an apposition's tokens."""
    words: list[int] = []
    k = 0
    comp_of: list[int] = []
    in_comp = None
    while k < len(idx):
        j = idx[k]
        tok = doc[j]
        f = fold(tok.text)
        fd = _found_at(tokmap, j)
        if in_comp:
            comp_of.append(j)
            k += 1
            continue
        if fd is not None:
            nxt = idx[k + (fd.end - fd.start)] if k + (fd.end - fd.start) < len(idx) else None
            if nxt is not None and fold(doc[nxt].text) in _POSS:  # possessor
                if fd.kind == "country":
                    t.country = fd.country
                else:
                    t.organization, t.org_country = fd.name, fd.country
                k += fd.end - fd.start + 1
                continue
            if fd.kind == "country" and fd.entry is not None and fd.entry.kind == "adj" and not words:
                t.country = fd.country
                k += fd.end - fd.start
                continue
            if fd.kind == "organization" and not words:  # "UN secretary-general"
                t.organization, t.org_country = fd.name, fd.country
                k += fd.end - fd.start
                continue
        if (
            not words
            and fd is None
            and tok.text[:1].isupper()
            and k + 1 < len(idx)
            and fold(doc[idx[k + 1]].text) in _POSS
            and not _title_word(lex, tok)
        ):
            t.organization = tok.text  # "ASELSAN's CEO": a possessor the lexicon does not know
            k += 2
            continue
        if f in ("of", "at", "in") and words:
            in_comp = f
            k += 1
            continue
        if f in _POSS and words == [] and k > 0:
            k += 1
            continue
        words.append(j)
        k += 1
    if comp_of:
        comp = [j for j in comp_of]
        # a trailing "of <country>": "Minister of National Defence of Türkiye"
        last = _found_at(tokmap, comp[-1])
        if (
            last is not None
            and last.kind == "country"
            and last.entry is not None
            and last.entry.kind in ("country", "capital")
            and last.start - 1 in comp
            and fold(doc[last.start - 1].text) == "of"
        ):
            t.country = t.country or last.country
            comp = [j for j in comp if j < last.start - 1]
        if (
            comp
            and all(
                fold(doc[j].text) in lex.modifiers
                or (
                    doc[j].text[:1].isupper()
                    and fold(doc[j].text) not in lex.org_words
                    and _found_at(tokmap, j) is None
                    and not lex.org_sector(doc[j].text)
                )
                for j in comp
            )
            and len(comp) <= 4
        ):
            return words + comp_of[: len(comp) + 1] if False else words + [comp_of[0] - 1] + comp
        comp_of = comp
    if comp_of:
        comp = [j for j in comp_of]
        head_of = [_found_at(tokmap, j) for j in comp]
        founds = {id(x): x for x in head_of if x is not None}
        text = clean_surface(doc[comp[0] : comp[-1] + 1].text)
        fds = list(founds.values())
        if (
            len(fds) == 1
            and fds[0].kind == "country"
            and fds[0].end - fds[0].start >= len(comp) - 1
            and (fds[0].entry is not None and fds[0].entry.kind in ("country", "capital"))
        ):
            t.country = t.country or fds[0].country  # "Minister of Malaysia"
        elif _is_head(lex, [fold(doc[j].text) for j in comp[:1]]) or all(
            fold(doc[j].text) in lex.modifiers for j in comp
        ):
            words += comp  # "Minister of National Defence": part of the title
            # a trailing "of <country>" inside
            if (
                fds
                and fds[-1].kind == "country"
                and fds[-1].entry is not None
                and fds[-1].entry.kind == "country"
            ):
                t.country = t.country or fds[-1].country
                words = [w for w in words if w < fds[-1].start - 1]
        else:
            t.organization = text
            cs = {x.country for x in fds if x.kind == "country"}
            if len(cs) == 1:
                t.org_country = next(iter(cs))
            elif t.country is None and (where := _office_place(text)) is not None:
                # "governor of Sindh province", "the deputy mayor of the city of Basra": the
                # office is that place's, so the state the place is in is the holder's
                t.country, t.organization = where, None
    return words


def _office_place(text: str) -> str | None:
    """The state of a place an office's 'of' complement names by a settlement noun (names.yaml
    ``settlement_nouns``: "Sindh province", "the Tyumen region", "the city of Basra"), else None.
    A complement without such a noun may be a firm named like a town, so it gives nothing."""
    nouns = wordsets("names").settlement_nouns
    ws = [w for w in text.split() if fold(w) != "the"]
    if len(ws) >= 3 and fold(ws[0]) in nouns and fold(ws[1]) == "of":
        name = ws[2:]  # "the city of Basra"
    elif len(ws) >= 2 and fold(ws[-1]) in nouns:
        name = ws[:-1]  # "Sindh province", "the Tyumen region"
    else:
        return None
    if not name or not all(w[:1].isupper() for w in name):
        return None
    return lookup(" ".join(name)).country


def left_apposition(doc: Doc, i: int, tokmap: dict[int, Found], lex: Lexicon) -> Title | None:
    """'Turkey's ambassador to Malaysia, X': a title phrase, a comma, then the name at ``i``."""
    sent_start = doc[i].sent.start
    while i - 1 > sent_start and doc[i - 1].is_space:
        i -= 1
    if i - 1 <= sent_start or doc[i - 1].text != ",":
        return None
    j = i - 2
    idx: list[int] = []
    while j >= sent_start and len(idx) < 14:
        tok = doc[j]
        if tok.is_space:
            j -= 1
            continue
        f = fold(tok.text)
        if (tokmap.get(j) is not None and tokmap[j].kind == "person") or tok.ent_type_ == "PERSON":
            return None  # "X, Y": a list of people; "editor Andrew Marr, X said": his title, not X's
        if (
            _title_word(lex, tok)
            or (idx and f"{f} {fold(doc[idx[-1]].text)}" in lex.heads)  # "X's crown prince, Y"
            or (not idx and f in wordsets("names").settlement_nouns)  # "governor of the X region, Y"
            or f in wordsets("names").name_connectors
            or f in _POSS
            or _found_at(tokmap, j) is not None
            or (
                tok.text[:1].isupper()
                and tok.pos_ in ("PROPN", "NOUN", "ADJ")
                and tok.text not in wordsets("names").not_name_starts
            )
        ):
            idx.append(j)
            j -= 1
            continue
        break
    if j >= sent_start and fold(doc[j].text) == "as":
        return None  # "his second term as US President, X said": the title is said of someone else
    idx.sort()
    while idx and fold(doc[idx[0]].text) in ("the", "and", "-", "of", "to"):
        idx.pop(0)
    if not idx:
        return None
    t = Title(title="", start=idx[0], end=i)
    words = _phrase_parts(doc, idx, tokmap, lex, t)
    if not words or not _is_head(lex, [fold(doc[w].text) for w in words]):
        return None
    t.title = " ".join(doc[words[0] : words[-1] + 1].text.split())
    return _finish(t, lex)


def right_apposition(doc: Doc, end: int, tokmap: dict[int, Found], lex: Lexicon) -> Title | None:
    """'X, head of the Turkish Defence Industry Agency,': a comma after the name, then a title."""
    n = len(doc)
    if end >= n or doc[end].text not in (",", "—", "–"):
        return None
    sent_end = doc[end].sent.end
    k = end + 1
    while k < sent_end and fold(doc[k].text) in ("the", "a", "an"):
        k += 1
    idx: list[int] = []
    served: str | None = None  # "adviser to US President Y": the state of the one served
    served_at: int | None = None  # and where that person's name starts
    first = doc[k] if k < sent_end else None
    if first is None or not (
        _title_word(lex, first)
        or _found_at(tokmap, k) is not None
        or first.text[:1].isupper()
        or doc[end].text != ","  # a dash opens an apposition whatever its first word ("— son-in-law")
    ):
        return None  # "X, along with Y": not an apposition
    while k < sent_end and len(idx) < 16:
        tok = doc[k]
        if tok.is_space:
            k += 1
            continue
        if tok.ent_type_ == "PERSON" and tok.text[:1].isupper():
            to = next((x for x, j in enumerate(idx) if fold(doc[j].text) == "to"), None)
            if to is None or to == 0:
                return None
            served = next((fd.country for j in idx[to:] if (fd := _found_at(tokmap, j)) and fd.country), None)
            served_at = k
            idx = idx[:to]  # "adviser to outgoing US President Y": the office is "adviser"
            joins = [x for x, j in enumerate(idx) if fold(doc[j].text) in ("and", ",")]
            idx = idx[joins[-1] + 1 :] if joins else idx  # "son-in-law and adviser to": "adviser"
            break
        if tok.text == "(" and idx and (close := _qualifier_end(doc, k, sent_end)):
            k = close  # "Secretary (West) in the Ministry": a bracketed qualifier within the title
            continue
        if tok.is_punct and tok.text not in ("-", "'s", "’s", "&"):
            break
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            break
        if tokmap.get(k) is not None and tokmap[k].kind == "person":
            return None
        if tok.like_num and not idx:
            return None  # "X, 65," (age)
        if tok.ent_type_ in ("DATE", "TIME"):
            break  # "X, home secretary on Wednesday, said": the date is not the title's
        idx.append(k)
        k += 1
    if not idx:
        return None
    head_window = [fold(doc[j].text) for j in (idx if served_at is not None else idx[:5])]
    if not _is_head(lex, head_window):
        return None
    t = Title(title="", start=end + 1, end=k)
    words = _phrase_parts(doc, idx, tokmap, lex, t)
    if not words or not _is_head(lex, [fold(doc[w].text) for w in words]):
        return None
    # a right apposition must start with its title (possessor and demonym already consumed)
    t.title = " ".join(doc[words[0] : words[-1] + 1].text.split())
    if len(t.title.split()) > 8:
        return None
    if served and t.country is None:
        t.country, t.country_src = served, "org"  # serving a state's office holder
    t.served_at = served_at
    return _finish(t, lex)


def _qualifier_end(doc: Doc, k: int, sent_end: int) -> int | None:
    """Past the ')' of a bracketed qualifier of at most three words and no verb opening at ``k``
    ("Secretary (West)", "Joint Secretary (Americas)"); None for anything else in brackets."""
    for j in range(k + 1, min(k + 5, sent_end)):
        if doc[j].text == ")":
            return j + 1 if j > k + 1 else None
        if doc[j].is_punct or doc[j].pos_ in ("VERB", "AUX"):
            return None
    return None


def list_title(doc: Doc, i: int, tokmap: dict[int, Found], lex: Lexicon) -> Title | None:
    """'the two countries' prime ministers, Greece's A and Macedonia's B': each name in a list
    after a plural title holds that title (singular); a possessive state right before the name
    is its state. None when the name is in no such list."""
    sent_start = doc[i].sent.start
    t = Title(title="", start=i, end=i, country=possessor_state(doc, i, tokmap))
    k = i - 1
    while k >= sent_start and i - k <= 24:
        tok = doc[k]
        fd = _found_at(tokmap, k)
        if tok.text == "," and k - 1 >= sent_start and doc[k - 1].tag_ in ("NNS", "NNPS"):
            head = doc[k - 1]
            words = [head.lemma_]
            j = k - 2
            while j >= sent_start and _title_word(lex, doc[j]) and fold(doc[j].text) not in _POSS:
                words.insert(0, doc[j].text)
                j -= 1
            if not _is_head(lex, [fold(w) for w in words]):
                return None
            t.title, t.start = " ".join(words), j + 1
            return _finish(t, lex)
        if not (
            tok.text in (",", "and", *_POSS)
            or fd is not None
            or tok.ent_type_ == "PERSON"
            or (tok.text[:1].isupper() and tok.pos_ == "PROPN")
        ):
            return None
        k -= 1
    return None


def possessor_state(doc: Doc, i: int, tokmap: dict[int, Found]) -> str | None:
    """The state whose possessive stands right before a name starting at ``i`` ("Greece's X")."""
    k = i - 1
    if k - 1 >= doc[i].sent.start and doc[k].text in _POSS:
        fd = _found_at(tokmap, k - 1)
        if fd is not None and fd.kind == "country" and fd.country:
            return fd.country
    return None
