"""Organisations: companies, agencies, ministries, armed services and media named in an article.

A name is an organisation when spaCy says so or it is an acronym standing as a noun, and no
person reading fits. Country and sector come from the name itself ("Turkish Aerospace
Industries"), from a description before it ("Turkish defence heavyweight ASELSAN", "Malaysia's
national news agency Bernama") or from the list it stands in ("Turkish firms such as A, B and C").
Acronyms next to a full name ("... Corporation MATRADE", "... Industries (TAI)") join its key.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon.wordsets import words as wordsets
from .gazetteer import Found, place_found
from .knowledge import Lexicon
from .names import clean_surface, fold

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

_ACRO = re.compile(r"^[A-Z][A-Z0-9&\-]{1,9}$")


def _currency_codes() -> set[str]:
    try:
        import pycountry

        return {c.alpha_3 for c in pycountry.currencies}
    except Exception:  # pragma: no cover - pycountry is a dependency
        return set()


_CURRENCIES = _currency_codes()


def is_acronym_token(tok: Token) -> bool:
    t = tok.text
    return (
        bool(_ACRO.match(t))
        and sum(c.isalpha() for c in t) >= 2
        and t.upper() not in wordsets("names").not_actors
        and t not in _CURRENCIES
    )


def _upper_sentence(sent: Span) -> bool:
    """True for headlines, bylines and datelines written in capitals (the token's own line)."""
    doc = sent.doc
    text = doc.user_data.get("ew_text")
    if text is None:
        text = doc.user_data["ew_text"] = doc.text
    a = text.rfind("\n", 0, sent.start_char) + 1
    cache = doc.user_data.setdefault("ew_upper_lines", {})
    if a not in cache:
        b = text.find("\n", a)
        line = text[a : b if b >= 0 else len(text)]
        letters = [c for c in line if c.isalpha()]
        cache[a] = bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)
    return cache[a]


def initials(name: str) -> str:
    stop = wordsets("names").initials_stop_words
    return "".join(w[0] for w in re.findall(r"[A-Za-zÀ-ɏ]+", name) if w.lower() not in stop).upper()


def descriptor_before(
    doc: Doc, start: int, tokmap: dict[int, Found], lex: Lexicon, end: int | None = None
) -> tuple[str | None, str | None]:
    """'Turkish defence heavyweight ASELSAN' -> (TUR, BUS): country and sector said just before a name;
    also 'the French X company' (a descriptor after the name) and 'Poland's state-owned X'."""
    j = start - 1
    sector = None
    steps = 0
    sent_start = doc[start].sent.start
    after = fold(doc[end].text) if end is not None and end < len(doc) else ""
    while j >= sent_start and steps < 5:
        tok = doc[j]
        f = fold(tok.text)
        fd = tokmap.get(j)
        if fd is not None and fd.kind == "country" and not fd.is_place:
            if sector or steps:
                return fd.country, sector
            if after in lex.org_descriptors:  # "the French Dassault company"
                return fd.country, lex.org_descriptors[after]
            return None, None
        if fd is None and sector and f in wordsets("names").company_demonyms:
            return wordsets("names").company_demonyms[f], sector  # "the Korean firm X"
        if f == "-" and steps:  # "state-owned"
            j -= 1
            continue
        if f in ("'s", "’s") and j - 1 >= sent_start and tokmap.get(j - 1) is not None:
            j -= 1
            steps += 1  # "Russia's Gazprom": a possessive state owns the name after it
            continue
        hyphened = j - 1 >= sent_start and doc[j - 1].text == "-"  # "state-owned"
        if (
            tok.text[:1].islower()
            and (tok.pos_ in ("NOUN", "ADJ", "PROPN") or hyphened)
            or f in lex.org_descriptors
        ):
            if f in lex.org_descriptors and sector is None:
                sector = lex.org_descriptors[f]
            two = f"{fold(doc[j - 1].text)} {f}" if j - 1 >= sent_start else ""
            if two in lex.org_descriptors:
                sector = lex.org_descriptors[two]
            j -= 1
            steps += 1
            continue
        break
    return None, sector


def list_context(
    doc: Doc, start: int, tokmap: dict[int, Found], lex: Lexicon
) -> tuple[str | None, str | None]:
    """'Turkish defense firms such as A, B, and C': what the list's head noun says of each member."""
    j = start - 1
    sent_start = doc[start].sent.start
    while j >= sent_start:
        tok = doc[j]
        f = fold(tok.text)
        fd = tokmap.get(j)
        if fd is not None and fd.kind == "organization":
            j = fd.start - 1
            continue
        if f in (",", "and", "or"):
            j -= 1
            continue
        break
    if j < sent_start:
        return None, None
    f = fold(doc[j].text)
    if f == "as" and j - 1 >= sent_start and fold(doc[j - 1].text) == "such":
        j -= 2
    elif f in ("including", "like", ":"):
        j -= 1
    else:
        return None, None
    country = sector = None
    k = j
    while k >= max(sent_start, j - 7):
        tok = doc[k]
        f = fold(tok.text)
        if f in lex.group_nouns and sector is None:
            sector = lex.group_nouns[f]
        elif f in lex.org_descriptors and sector is None:
            sector = lex.org_descriptors[f]
        fd = tokmap.get(k)
        if fd is not None and fd.kind == "country":
            country = fd.country
            break
        k -= 1
    return (country, sector) if sector else (None, None)


def known_company_country(name: str) -> str | None:
    """A company's home state from the world knowledge: its own name, else its group's, the first
    word ("Hyundai Rotem" is of the Hyundai group, Korean)."""
    from .knowledge import get_lexicon
    from .world import load_world

    world = load_world()
    words = name.split()
    cands = [name]
    if len(words) > 1 and len(words[0]) >= 4 and fold(words[0]) not in get_lexicon().org_words:
        cands.append(words[0])
    for cand in cands:
        o = world.organization(cand)
        if o is not None and o.kind == "company" and o.country and len(o.country) == 3:
            return o.country
    return None


_TICKER = re.compile(r"^(?:['’]s)?\s*\(?<([A-Z][A-Z0-9&]{0,7})(?:\.([A-Z]{1,2}))?>")


def ticker_country(name: str, after: str) -> str | None:
    """The state a company's wire ticker tells, from the text right after its name ("Isuzu Motors
    Ltd <ISUM.T>" -> Japan, "Ford Motor Co <F>" -> the United States; names.yaml)."""
    t = _TICKER.match(after)
    if t is None:
        return None
    names = wordsets("names")
    if t.group(2):
        return names.ticker_exchanges.get(t.group(2))
    last = fold(name.split()[-1]).rstrip(".") if name.split() else ""
    return names.bare_ticker_state if last in names.bare_ticker_suffixes else None


def org_country(doc: Doc, start: int, end: int, tokmap: dict[int, Found]) -> str | None:
    """The one state named inside an organisation's name, if exactly one."""
    cs = {tokmap[j].country for j in range(start, end) if j in tokmap and tokmap[j].kind == "country"}
    return next(iter(cs)) if len(cs) == 1 else None


def _unknown_place_as_name(doc: Doc, ent: Span) -> bool:
    from .places import lookup

    if ent.start > 0 and fold(doc[ent.start - 1].text) in wordsets("names").unknown_place_preps:
        return False
    return lookup(clean_surface(ent.text)).country is None


def _described_names(doc: Doc, tokmap: dict[int, Found], lex: Lexicon) -> list[tuple[int, int]]:
    """'the French Dassault Aviation company': capitalised words between a demonym and a company
    noun (offices.yaml org_descriptors) name the company even when the tagger missed it."""
    out: list[tuple[int, int]] = []
    for f in {id(f): f for f in tokmap.values()}.values():
        if f.kind != "country" or f.is_place or f.entry is None or f.entry.kind != "adj":
            continue
        k = f.end
        while k < len(doc) and k not in tokmap and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
            k += 1
        if k > f.end and k < len(doc) and fold(doc[k].text) in lex.org_descriptors:
            out.append((f.end, k))
    return out


def _settlement_of(doc: Doc, s: int) -> bool:
    """'the town of Bucha', 'the port city of Odesa': a name after a settlement noun's 'of'."""
    return (
        s >= 2
        and doc[s - 1].lower_ == "of"
        and doc[s - 2].lemma_.lower() in wordsets("names").settlement_nouns
    )


def find(doc: Doc, tokmap: dict[int, Found], lex: Lexicon, exclude: set[int] | None = None) -> list[Found]:
    """Organisation mentions not already known to the gazetteer or taken as people."""
    out: list[Found] = []
    taken: set[int] = set(tokmap) | (exclude or set())
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ == "GPE" and _unknown_place_as_name(doc, ent):
            pass  # "Russia's Gazprom": spaCy's GPE that no gazetteer knows, not after "in"
        elif ent.label_ not in ("ORG", "FAC", "PRODUCT"):
            continue
        # split "Aselsan, Turkish Aerospace Industries" and "X (OIC" at commas/brackets
        cur = ent.start
        for k in range(ent.start, ent.end + 1):
            if k == ent.end or doc[k].text in (",", "(", ")", ";"):
                if k > cur:
                    spans.append((cur, k))
                cur = k + 1
    for tok in doc:
        if tok.i not in taken and is_acronym_token(tok) and not _upper_sentence(doc[tok.i : tok.i + 1]):
            spans.append((tok.i, tok.i + 1))
    spans += _described_names(doc, tokmap, lex)
    spans = sorted(set(spans))
    used: set[int] = set()
    for s, e in spans:
        while s < e and (fold(doc[s].text) in ("the", "a", "an") or doc[s].is_punct):
            s += 1
        while e > s and (doc[e - 1].text in ("'s", "’s", "'", "’") or doc[e - 1].is_punct):
            e -= 1
        if s >= e or any(j in used or j in (exclude or ()) for j in range(s, e)):
            continue
        if any(j in taken for j in range(s, e)):
            # demonym + name: "Turkish Aerospace Industries", "the Malaysian Ministry of Defense"
            rest = [j for j in range(s, e) if j not in taken]
            if not rest or all(
                tokmap.get(j) is not None and tokmap[j].kind != "country" for j in range(s, e) if j in taken
            ):
                continue
            if any(tokmap[j].kind == "person" for j in range(s, e) if j in tokmap):
                continue
            if not any(doc[j].text[:1].isupper() and fold(doc[j].text) not in ("of", "and") for j in rest):
                continue
            if not any(
                doc[j].pos_ == "PROPN" or fold(doc[j].text) in lex.org_words or lex.org_sector(doc[j].text)
                for j in rest
                if doc[j].is_alpha
            ):
                continue  # "U.S. Position", "U.S.-Japan": a state and common words, not a name
            if all(fold(doc[j].text) in lex.government_nouns for j in rest if doc[j].is_alpha):
                continue  # "U.S. Government": the state itself (a demonym group)
        words = [fold(doc[j].text) for j in range(s, e)]
        if all(w in lex.heads or w in lex.modifiers or w in lex.government_nouns for w in words) and not (
            len(words) > 1 and lex.org_sector(words[-1])
        ):
            continue  # "Defence", "Armed Forces": title words, not an organisation ("Defence Ministry" is one)
        if _upper_sentence(doc[s : s + 1]) and (e - s > 1 or not is_acronym_token(doc[s])):
            continue
        if doc[s].text[:1].islower():
            continue
        name = clean_surface(doc[s:e].text)
        if not name or len(name) < 2 or not any(c.isalpha() for c in name):
            continue
        if fold(doc[s:e].root.text) in lex.place_words:
            from .places import lookup

            # "Bagram Airfield", "the Golden Temple in Amritsar": a facility is a place, not an actor
            pl = lookup(name)
            for j in range(s + 1, e - 1):  # "the Golden Temple in Amritsar": the town gives the country
                if pl.country is None and fold(doc[j].text) in wordsets("names").facility_town_preps:
                    pl = lookup(clean_surface(doc[j + 1 : e].text))
            inner = [tokmap[j].country for j in range(s, e) if j in tokmap and tokmap[j].country is not None]
            if e + 1 < len(doc) and fold(doc[e].text) in wordsets("names").facility_place_preps:
                # "the Blue Mosque in Istanbul"
                if e + 1 in tokmap:
                    inner.append(tokmap[e + 1].country)
                nxt = next((x for x in doc.ents if x.start == e + 1 and x.label_ in ("GPE", "LOC")), None)
                if nxt is not None:
                    inner.append(lookup(clean_surface(nxt.text)).country)
            inner = [c for c in inner if c]
            out.append(place_found(s, e, name, pl.country or (inner[0] if inner else None)))
            used.update(range(s, e))
            continue
        if e - s >= 2 and words[-1] in wordsets("names").settlement_nouns:
            from .places import lookup

            pl = lookup(clean_surface(doc[s : e - 1].text))
            if pl.country is not None:  # "Sindh province", "the Tyumen region": a place, not a body
                out.append(place_found(s, e, name, pl.country))
                used.update(range(s, e))
                continue
        if (
            s > 0 and fold(doc[s - 1].text) in wordsets("names").short_place_preps or _settlement_of(doc, s)
        ) and e - s <= 3:
            from .places import lookup

            pl = lookup(name)
            if pl.country is not None:  # "in Khanty-Mansiysk": a town spaCy took for an organisation
                out.append(place_found(s, e, name, pl.country))
                used.update(range(s, e))
                continue
        country = org_country(doc, s, e, tokmap)
        d_country, d_sector = descriptor_before(doc, s, tokmap, lex, end=e)
        l_country, l_sector = (None, None)
        if not d_country:
            l_country, l_sector = list_context(
                doc, s, {**tokmap, **{j: f for f in out for j in range(f.start, f.end)}}, lex
            )
        country = country or d_country or l_country
        src = "title" if country else ""
        if country is None:
            country = known_company_country(name)
            src = "knowledge" if country else ""
        if country is None:
            end_char = doc[e - 1].idx + len(doc[e - 1].text)
            country = ticker_country(name, doc.text[end_char : end_char + 16])
            src = "knowledge" if country else ""  # a listing, as a registry would tell it
        sector = lex.org_sector(name) or d_sector or l_sector
        f = Found(
            start=s,
            end=e,
            kind="organization",
            key=f"o:{fold(name)}",
            name=name,
            country=country,
            sector=sector,
            source="org",
            surface=name,
            country_src=src,
        )
        out.append(f)
        used.update(range(s, e))
    places = [o for o in out if o.kind == "place"]
    out = [o for o in out if o.kind != "place"]
    _link_acronyms(doc, out, lex)
    _link_short_names(out)
    out += places
    return out


def _link_acronyms(doc: Doc, orgs: list[Found], lex: Lexicon) -> None:
    """Give an acronym the key of the full name it abbreviates (next to it, or by initials)."""
    full = [o for o in orgs if not (o.end - o.start == 1 and is_acronym_token(doc[o.start]))]
    acr = [o for o in orgs if o not in full]
    by_initials = {initials(o.name): o for o in full if len(o.name.split()) > 1}
    for a in acr:
        prev = next(
            (
                o
                for o in full
                if 0 <= a.start - o.end <= 3
                and all(doc[k].text in ("(", ",", "<") or doc[k].is_space for k in range(o.end, a.start))
            ),
            None,
        )
        target = prev or by_initials.get(a.name)
        if target is None:
            continue
        a.key = target.key
        a.name = target.name
        a.country = a.country or target.country
        a.sector = a.sector or target.sector
        target.country = target.country or a.country
    # acronyms used again later take the same key
    keys = {o.surface: o for o in acr if o.key != f"o:{fold(o.surface or '')}"}
    for o in acr:
        if o.surface in keys and o.key == f"o:{fold(o.surface or '')}":
            t = keys[o.surface]
            o.key, o.name, o.country, o.sector = t.key, t.name, t.country or o.country, t.sector or o.sector


def corporate_suffixes() -> frozenset[str]:
    """The last words of a company's name that short mentions drop (names.yaml)."""
    return wordsets("names").corporate_suffixes


def corporate_core(name: str) -> tuple[str, ...]:
    """'Chrysler Corp.' -> ('chrysler',): the part of a company name that stays in short mentions."""
    words = [w.strip(".,") for w in fold(name).replace("&", " & ").split()]
    while len(words) > 1 and words[-1] in corporate_suffixes():
        words.pop()
    return tuple(w for w in words if w)


def _link_short_names(orgs: list[Found]) -> None:
    """'Chrysler' after 'Chrysler Corp', 'Ford' after 'Ford Motor Co': one organisation."""
    cores = [(o, corporate_core(o.name)) for o in orgs]
    for o, c in cores:
        if not c:
            continue
        cands = [
            (p, pc)
            for p, pc in cores
            if p is not o
            and p.key != o.key
            and len(pc) >= len(c)
            and pc[: len(c)] == c
            and (
                pc == c
                or (len(pc) - len(c) == 1 and fold(p.name).split()[-1].strip(".") in corporate_suffixes())
            )
            and (pc != c or len(p.name) > len(o.name))
        ]
        if not cands:
            continue
        p = min(cands, key=lambda x: (len(x[1]) != len(c), x[0].start))[0]
        o.key, o.name = p.key, p.name
        o.country = o.country or p.country
        o.sector = o.sector or p.sector
        p.country = p.country or o.country
