"""Actor linking inside one article: every span that names or refers to an actor, with a key
shared by all mentions of the same actor, and what the article says about each (LocalActor).

Order matters and follows how certain each reading is: names the lexicon knows (states, demonyms,
capitals, IGOs, known institutions) first; then people, recognised by spaCy and by the office
titles around them; then organisations; then groups named by a demonym and a noun ("Israeli
police"); then places; finally short names, pronouns and descriptions that refer back.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..lexicon.plover import plover
from ..lexicon.wordsets import words as wordsets
from ..model import Article, Entity, EntityMention, LocalActor, Mention, Role
from . import coref, evidence, orgs, people
from .gazetteer import Found, match, place_found
from .knowledge import Lexicon, get_lexicon
from .names import accent_score, clean_surface, fold
from .world import load_world

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable

    from spacy.tokens import Doc, Span, Token

_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_DATE = re.compile(rf"\b(?:({_MONTHS})[a-z]*\.?\s+(\d{{1,2}}),?\s+)?((?:19|20)\d\d)\b", re.I)
# a date right after a start marker: " in November 2022", " on May 2, 2019", " since 2019"
_START_DATE = re.compile(
    rf"[\s,]*(?:in|on|since)?\s*(?:({_MONTHS})[a-z]*\.?\s+(?:(\d{{1,2}}),?\s+)?)?((?:19|20)\d\d)\b", re.I
)


# ------------------------------------------------------------------------------------------ helpers


def _text(doc: Doc) -> str:
    """doc.text, computed once per doc (spaCy rebuilds the string on every access)."""
    t = doc.user_data.get("ew_text")
    if t is None:
        t = doc.user_data["ew_text"] = doc.text
    return t


def _tokmap(found: list[Found]) -> dict[int, Found]:
    m: dict[int, Found] = {}
    for f in found:
        for j in range(f.start, f.end):
            m[j] = f
    return m


def _words(doc: Doc, a: int, b: int) -> tuple[list[str], list[int]]:
    """Folded words of doc[a:b] without quote tokens ("Dato ' Seri" -> dato seri), with their indices."""
    out, idx = [], []
    for k in range(max(a, 0), min(b, len(doc))):
        if doc[k].text in ("'", "’"):
            continue
        out.append(fold(doc[k].text).strip(".'’"))
        idx.append(k)
    return out, idx


def _honorific_after(lex: Lexicon, doc: Doc, i: int) -> int:
    """Tokens taken by the honorific starting at ``i`` ("Tan Sri", "Dato' Seri", "Prof.") or 0."""
    words, idx = _words(doc, i, i + 6)
    for n in range(min(4, len(words)), 0, -1):
        if idx and idx[0] == i and tuple(words[:n]) in lex.honorific_phrases:
            end = idx[n - 1] + 1
            while end < len(doc) and doc[end].text in ("'", "’"):
                end += 1
            return end - i
    return 0


def _honorific_before(lex: Lexicon, doc: Doc, i: int) -> int:
    """Tokens taken by an honorific ending just before ``i``, or 0."""
    words, idx = _words(doc, i - 6, i)
    for n in range(min(4, len(words)), 0, -1):
        if idx and idx[-1] >= i - 2 and tuple(words[-n:]) in lex.honorific_phrases:
            return i - idx[-n]
    return 0


def _is_honorific(lex: Lexicon, tok: Token) -> bool:
    return (
        _honorific_after(lex, tok.doc, tok.i) > 0
        or tok.text in ("'", "’")
        and tok.i > 0
        and fold(tok.doc[tok.i - 1].text) in ("dato", "datuk")
    )


def _day_before(d: str | None) -> str | None:
    if not d or len(d) < 10:
        return None
    try:
        return (date.fromisoformat(d[:10]) - timedelta(days=1)).isoformat()
    except ValueError:
        return None


def _sentence_date(sent_text: str) -> str | None:
    """The explicit date of a sentence ('Jan. 10, 2014' -> 2014-01-10, '2014' -> 2014)."""
    m = _DATE.search(sent_text)
    if not m:
        return None
    if m.group(1) and m.group(2):
        mon = [x for x in _MONTHS.split("|") if x != "sept"].index(m.group(1).lower()[:3]) + 1
        return f"{m.group(3)}-{mon:02d}-{int(m.group(2)):02d}"
    return m.group(3)


# ------------------------------------------------------------------------------------------ people


def _glued_name_tail(doc: Doc, t: int, tokmap: dict[int, Found]) -> int:
    """'Yoon Suk-yeol' tagged only as far as 'Yoon Suk': a hyphen glued on both sides and the
    syllable after it belong to the name (Korean given names are written so)."""
    while (
        t + 1 < len(doc)
        and doc[t].text == "-"
        and not doc[t - 1].whitespace_
        and not doc[t].whitespace_
        and doc[t + 1].is_alpha
        and t + 1 not in tokmap
        and fold(doc[t + 1].text) not in wordsets("names").not_name_tails
        and doc[t + 1].tag_ not in ("VBN", "VBD")
        and not (t + 2 < len(doc) and doc[t + 2].text == "-")
    ):
        t += 2
    return t


def _name_word(doc: Doc, j: int, tokmap: dict[int, Found], lex: Lexicon) -> bool:
    """A capitalised proper noun no gazetteer, date or title claims: a word of a name."""
    tok = doc[j]
    f = fold(tok.text)
    return (
        tok.pos_ == "PROPN"
        and tok.is_alpha
        and tok.text[:1].isupper()
        and j not in tokmap
        and tok.ent_type_ in ("", "PERSON", "NORP", "ORG")
        and f not in lex.heads
        and f not in lex.modifiers
        and f not in lex.org_words
        and f not in lex.government_nouns
    )


def _compound_name_tail(doc: Doc, t: int, tokmap: dict[int, Found], lex: Lexicon) -> int:
    """'Phạm Minh Chính' tagged only as far as 'Phạm Minh': the name words after the tagged
    span that its last word modifies (the parser's compound chain of one name)."""
    while (
        t < len(doc)
        and doc[t - 1].dep_ == "compound"
        and doc[t - 1].head.i == t
        and not doc[t - 1].whitespace_ == ""
        and _name_word(doc, t, tokmap, lex)
    ):
        t += 1
    return t


def _titled_names(doc: Doc, tokmap: dict[int, Found], lex: Lexicon, taken: set[int]) -> list[list[int]]:
    """'his South Korean counterpart Han Duck-soo' with 'Han' tagged a nationality: a run of two
    or more name words (or one with a glued syllable) right after a title is a person's name."""
    out: list[list[int]] = []
    i = 1
    while i < len(doc):
        if i in taken or not _name_word(doc, i, tokmap, lex) or doc[i].ent_type_ == "PERSON":
            i += 1
            continue
        e = i
        while (
            e < len(doc)
            and e not in taken
            and _name_word(doc, e, tokmap, lex)
            and doc[e].ent_type_ != "PERSON"
        ):
            e += 1
        end = _glued_name_tail(doc, e, tokmap)
        if (e - i >= 2 or end > e) and e - i <= 3 and people.left_title(doc, i, tokmap, lex):
            out.append([i, end])
            i = end
            continue
        i = e
    return out


def _person_candidates(doc: Doc, tokmap: dict[int, Found], lex: Lexicon) -> list[tuple[int, int, int]]:
    """(surface start, core start, end) for every person name spaCy or a title points at."""
    ents = [e for e in doc.ents if e.label_ == "PERSON"]
    spans: list[list[int]] = []
    for e in ents:
        s, t = e.start, e.end
        while t > s and (doc[t - 1].text in ("'s", "’s", "'", "’") or doc[t - 1].is_punct):
            t -= 1
        if s >= t:
            continue
        t = _glued_name_tail(doc, _compound_name_tail(doc, t, tokmap, lex), tokmap)
        # a given name spaCy left out: "Murilo Rubens Habbema" tagged from "Rubens"
        while True:
            p = s - 1
            while p >= 0 and doc[p].is_space and "\n\n" not in doc[p].text:
                p -= 1
            if not (
                p >= 0
                and doc[p].pos_ == "PROPN"
                and doc[p].text[:1].isupper()
                and doc[p].is_alpha
                and p not in tokmap
                and not doc[p].ent_type_
                and not _is_honorific(lex, doc[p])
                and fold(doc[p].text) not in lex.heads
                and fold(doc[p].text) not in lex.modifiers
                and not doc[p].is_sent_start
            ):
                break
            s = p
        if (
            spans
            and (spans[-1][1] == s or all(_is_honorific(lex, doc[k]) for k in range(spans[-1][1], s)))
            and s - spans[-1][1] <= 3
            and doc[spans[-1][0]].sent.start == doc[s].sent.start
        ):
            spans[-1][1] = t  # "Datuk Seri" + "Mohamed Khaled Nordin", "Mohd Asghar" + "Khan Goriman Khan"
        else:
            spans.append([s, t])
    # names spaCy labelled ORG (or missed) but that a title or apposition marks as a person
    for e in doc.ents:
        if e.label_ not in ("ORG", "NORP", "GPE", "FAC") or any(j in tokmap for j in range(e.start, e.end)):
            continue
        toks = [t for t in e if not t.is_punct]
        if not (2 <= len(toks) <= 4) or not all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in toks):
            continue
        words = [fold(t.text) for t in toks]
        if any(
            w in lex.org_words or lex.org_sector(w) or w in lex.heads or w in lex.modifiers for w in words
        ):
            continue
        if (
            people.left_apposition(doc, e.start, tokmap, lex)
            or people.left_title(doc, e.start, tokmap, lex)
            or _hyphenated_given_name(toks)
            and people.right_apposition(doc, e.end, tokmap, lex)
        ):
            spans.append([e.start, e.end])
    spans += _titled_names(doc, tokmap, lex, {j for s, t in spans for j in range(s, t)})
    out = []
    party = wordsets("names").party_words
    for s, t in spans:
        # a spaced dash ends a name: "John Prescott - were" is John Prescott
        t = next((j for j in range(s + 1, t) if doc[j].text in ("-", "—", "–") and doc[j - 1].whitespace_), t)
        core = s
        while core < t - 1:
            if fold(doc[core].text) in party and any(
                fold(doc[j].text) not in party for j in range(core + 1, t)
            ):
                core += (
                    1  # "Tory Liam Fox", "Liberal Democrat Charles Kennedy": the party is no part of the name
                )
                continue
            h = _honorific_after(lex, doc, core)
            if h and core + h < t:
                core += h
                continue
            f0 = fold(doc[core].text)
            if core + 2 < t and f"{f0} {fold(doc[core + 1].text)}" in lex.heads:
                core += 2  # "Crown Prince X": a two-word title spaCy put inside the name
                continue
            if (
                (f0 in lex.heads and f0 not in lex.name_like_titles)
                or (f0 in lex.modifiers and doc[core].text[:1].isupper())
                or (doc[core].text[:1].isupper() and people.spelt_head(lex, f0))  # "Prime Minsiter X"
            ):
                core += 1
                continue
            break
        surf = core
        while surf - 1 >= 0:
            h = _honorific_before(lex, doc, surf)
            if not h or (surf - h - 1 >= 0 and doc[surf - h - 1].text == "-"):
                break
            surf -= h
        # gazetteer words inside a "person" (spaCy calls "Türkiye" a PERSON now and then)
        if all(j in tokmap or doc[j].is_punct for j in range(core, t)):
            continue
        if any(j in tokmap and tokmap[j].kind != "person" for j in range(core, t)):
            inner = [j for j in range(core, t) if j not in tokmap]
            if not inner:
                continue
            core, t = inner[0], inner[-1] + 1
        if not any(doc[j].is_alpha for j in range(core, t)):
            continue
        out.append((surf, core, t))
    return out


def _hyphenated_given_name(toks: list[Token]) -> bool:
    """'Jean-Claude Paye', 'Hans-Dietrich Genscher': a name that opens with a hyphenated given name
    is a person's, though the parser took it for an organisation's (with the title after it)."""
    a, b = toks[0], toks[1]
    return len(toks) >= 3 and b.i == a.i + 2 and a.nbor(1).text == "-" and not a.whitespace_


def _role(t: people.Title, dct: str | None, sent_text: str, after: str = "") -> dict[str, Any]:
    """An office read from a title: 'former' ends it before the article, 'then-' dates it to the
    sentence, and a current office starts only when the text says so ('took office in 2022');
    the article's date is when it was reported held, never its start."""
    start = end = reported = None
    if t.then:
        d = _sentence_date(sent_text)
        if d:
            start = end = d
        else:
            end = _day_before(dct)
    elif t.past:
        end = _day_before(dct)
    else:
        start = _stated_start(after, dct)
        reported = dct
    return {
        "served_at": t.served_at,
        "title": t.title,
        "organization": t.organization,
        "country": t.country,
        "start": start,
        "end": end,
        "reported": reported,
        "span": (t.start, t.end),
        "past": t.past,
    }


def _stated_start(after: str, dct: str | None) -> str | None:
    """'..., who took office in November 2022,': the date right after a start marker in the words
    that follow the holder's name (a few words on), if it is not after the article."""
    lead = after.lstrip()
    if not (lead.startswith((",", "(")) or lead.lower().startswith("who ")):
        return None  # only an apposition or relative clause about the holder ("X, who took office ...")
    text = after[:120].lower()
    for marker in get_lexicon().start_markers:
        k = text.find(marker)
        if k < 0 or k > 60:
            continue
        m = _START_DATE.match(after, k + len(marker))
        if not m:
            continue
        mon, day, year = m.group(1), m.group(2), m.group(3)
        d = year
        if mon:
            d += f"-{[x for x in _MONTHS.split('|') if x != 'sept'].index(mon.lower()[:3]) + 1:02d}"
            if day:
                d += f"-{int(day):02d}"
        if dct is None or d <= dct:
            return d
    return None


def _neighbour(doc: Doc, i: int, step: int) -> Token | None:
    i += step
    while 0 <= i < len(doc) and doc[i].is_space:
        i += step
    return doc[i] if 0 <= i < len(doc) else None


def _not_a_person(doc: Doc, surf: int, end: int, name: str, lex: Lexicon, others: list[Found]) -> bool:
    """'the daily Al-Qabas', 'Gazeta Mercantil newspaper', 'the port, Santos': not people."""
    nxt, prev = _neighbour(doc, end - 1, 1), _neighbour(doc, surf, -1)
    for tok in (nxt, prev):
        if tok is not None and tok.text[:1].islower() and fold(tok.text) in lex.org_descriptors:
            others.append(
                Found(
                    start=surf,
                    end=end,
                    kind="organization",
                    key=f"o:{fold(name)}",
                    name=name,
                    sector=lex.org_descriptors[fold(tok.text)],
                    source="org",
                    surface=name,
                )
            )
            return True
    if len(name.split()) == 1:
        from .places import city_population, lookup

        if city_population(name) >= 100_000:
            pl = lookup(name)
            others.append(place_found(surf, end, name, pl.country))
            return True
    return False


def _leader_body(doc: Doc, core: int, end: int, name: str, when: str | None) -> Found | None:
    """'the Bush administration', 'the Blair government': a leader's name before a word of
    names.yaml leader_bodies names that leader's government, of the state the knowledge gives
    the leader (on the article's date, else most of the namesakes), or None."""
    if end >= len(doc) or doc[end].lemma_.lower() not in wordsets("names").leader_bodies:
        return None
    state, src = known_country(name, when), "knowledge"
    if not state:
        state, src = namesake_country(name, when), "namesake"
    if not state:
        return None
    body = f"{name} {doc[end].text.lower()}"
    return Found(
        start=core,
        end=end + 1,
        kind="organization",
        key=f"o:{fold(body)}",
        name=body,
        country=state,
        country_src=src,
        sector="GOV",
        source="org",
        surface=body,
    )


def _short_of(name: str, people_: list[Found]) -> bool:
    """Is ``name`` one word of a longer person's name found before it ('Hang said' after 'Pham Thu
    Hang'): then it is that person, not the city of the same name."""
    words = coref.name_tokens(name)
    return len(words) == 1 and any(
        len(toks := coref.name_tokens(p.name)) > 1 and words[0] in toks for p in people_
    )


def _find_people(
    doc: Doc, tokmap: dict[int, Found], lex: Lexicon, dct: str | None
) -> tuple[list[Found], set[int]]:
    found: list[Found] = []
    others: list[Found] = []  # names spaCy took for people that are newspapers or cities
    consumed: set[int] = set()  # tokens of demonyms/orgs that belong to a person's title
    for surf, core, end in _person_candidates(doc, tokmap, lex):
        name = clean_surface(doc[core:end].text)
        if not name or not any(c.isupper() for c in name):
            continue  # "the" left of a party the gazetteer took ("the Lib Dems"): names have capitals
        if len(name.split()) == 1 and (fold(name) in lex.modifiers or fold(name) in lex.heads):
            continue  # "the Federal Secretary Interior": a portfolio or title word, not a name
        body = _leader_body(doc, core, end, name, dct)
        if body is not None:  # "the Bush administration": the leader's government, not the leader
            others.append(body)
            continue
        titles = []
        lt = people.left_title(doc, surf, tokmap, lex) or people.left_apposition(doc, surf, tokmap, lex)
        if lt:
            titles.append(lt)
        if not lt and not _short_of(name, found) and _not_a_person(doc, surf, end, name, lex, others):
            continue
        rt = people.right_apposition(doc, end, tokmap, lex)
        if rt:
            titles.append(rt)
        if not titles:  # "the prime ministers, Greece's A and Macedonia's B"
            titles += [x for x in [people.list_title(doc, surf, tokmap, lex)] if x is not None]
        f = Found(
            start=surf,
            end=end,
            kind="person",
            key=f"p:{fold(name)}",
            name=name,
            source="person",
            surface=clean_surface(doc[surf:end].text),
            core_start=core,
        )
        sent_text = doc[core].sent.text
        for t in titles:
            if t.country and not f.country:
                f.country, f.country_src = t.country, t.country_src
            if t.counterpart:
                # "X met his Malaysian counterpart Y": Y holds X's office in another state
                prev = [p for p in found if p.roles and p.start >= doc[core].sent.start]
                if prev:
                    r = dict(prev[-1].roles[0])
                    r.update(country=t.country, organization=None, span=(t.start, t.end))
                    f.roles.append(r)
                    f.sector = f.sector or prev[-1].sector
                    if t.country:
                        prev[-1].not_countries.add(t.country)  # X's counterpart is of another state
            else:
                f.roles.append(_role(t, dct, sent_text, doc[end:].text[:160] if end < len(doc) else ""))
                f.sector = f.sector or t.sector
            consumed.update(j for j in range(t.start, t.end) if j in tokmap)
        # "King Hassan of Morocco": the state right after the name
        owner = people.possessor_state(doc, surf, tokmap) if not f.country else None
        if owner:  # "Macedonia's Zoran Zaev"
            f.country, f.country_src = owner, "title"
        side = _speaking_for(doc, surf, end, tokmap) if not f.country else None
        if side:  # "X, for the Liberal Democrats, said", "Tory X"
            f.country, f.country_src = side, "org"
        state = _state_after_name(doc, end, tokmap)
        if state:
            if not f.country:
                f.country, f.country_src = state, "title"
            for r in f.roles:
                r["country"] = r["country"] or state
            consumed.update(range(tokmap[end + 1].start, tokmap[end + 1].end))
        if f.sector is None and any(
            fold(doc[j].text).rstrip(".") in lex.military_ranks for j in range(surf, core)
        ):
            f.sector = "MIL"
        found.append(f)
    return found + others, consumed


def _served_states(persons: list[Found], when: str | None) -> None:
    """'X, an adviser to President Y': an office serving a named person is in that person's state
    (evidence 'org', as an office in a named body is), when the text or the knowledge gives Y one."""
    by_tok = {j: p for p in persons for j in range(p.start, p.end)}
    by_key = {p.key: p.country for p in persons if p.country}
    for p in persons:
        if p.country:
            continue
        for r in p.roles:
            boss = by_tok.get(r.get("served_at") if r.get("served_at") is not None else -1)
            if boss is None or boss.key == p.key:
                continue
            state = by_key.get(boss.key) or known_country(boss.name, when)
            if state:
                p.country, p.country_src = state, "org"
                r["country"] = r["country"] or state
                break


def _kin_states(doc: Doc, persons: list[Found], when: str | None) -> None:
    """'Kim Jong Un's sister Kim Yo Jong', 'Y, the president's son,' with the president named: a
    person the text gives no state, named as the kin (names.yaml ``kin_nouns``) of a person with
    one, takes that state (evidence 'org': a tie to someone else, weaker than a title)."""
    kin = wordsets("names").kin_nouns
    by_tok = {j: p for p in persons for j in range(p.start, p.end)}
    by_key = {p.key: p.country for p in persons if p.country}
    for p in persons:
        if p.country:
            continue
        for k in _kin_words(doc, p):
            if fold(doc[k].text) not in kin or k - 2 < 0 or doc[k - 1].text not in ("'s", "’s"):
                continue
            other = by_tok.get(k - 2)
            if other is None or other.key == p.key:
                continue
            state = by_key.get(other.key) or known_country(other.name, when)
            if state:
                p.country, p.country_src = state, "org"
                break


def _kin_words(doc: Doc, p: Found) -> list[int]:
    """Where a kin word about ``p`` may stand: right before the name ("X's sister Y"), or at the
    end of an apposition after it ("Y, X's sister,")."""
    out = [p.start - 1] if p.start >= 1 else []
    if p.end + 3 < len(doc) and doc[p.end].text == ",":
        k = p.end + 1
        while k < len(doc) and k < p.end + 8 and doc[k].text not in (",", "."):
            k += 1
        out.append(k - 1)
    return out


def _inherit_list_country(doc: Doc, persons: list[Found]) -> None:
    """'with Malaysian PM A, Defence Minister B, Armed Forces Chief C': one state for the list."""
    ps = sorted(persons, key=lambda p: p.start)
    groups: list[list[Found]] = []
    for p in ps:
        if groups:
            last = groups[-1][-1]
            between = doc[last.end : p.start]
            if (
                len(between) <= 12
                and all(
                    t.text in (",", "and") or t.text[:1].isupper() or t.lower_ in ("of", "the", "-")
                    for t in between
                )
                and any(t.text in (",", "and") for t in between)
                and doc[last.start].sent.start == doc[p.start].sent.start
            ):
                groups[-1].append(p)
                continue
        groups.append([p])
    for g in groups:
        cs = {p.country for p in g if p.country}
        if len(g) >= 3 and len(cs) == 1:
            for p in g:
                if p.country is None and p.roles:
                    p.country, p.country_src = next(iter(cs)), "list"


# ------------------------------------------------------------------------------------------ groups, places


def _ethnic_groups(doc: Doc, found: list[Found]) -> None:
    """'Bosnian Serbs' are Bosnia's; 'ethnic Albanians in south Serbia' are Serbia's (PLOVER codes an
    ethnic group by the state it lives in, its ethnicity being only an attribute)."""
    by_start = {f.start: f for f in found}
    drop = []
    for f in found:
        if f.kind == "country" and f.entry is not None and f.entry.kind == "adj":
            nxt = by_start.get(f.end)
            if (
                nxt is not None
                and nxt.entry is not None
                and nxt.entry.kind == "people"
                and nxt.country != f.country
            ):
                f.end = nxt.end
                f.kind, f.key, f.sector = "group", f"g:{f.country}:CVL", "CVL"
                f.name = doc[f.start : f.end].text
                f.source += "+group"
                drop.append(nxt)
    for d in drop:
        found.remove(d)
    states_by_sent: dict[int, list[str]] = {}
    for f in found:  # the states a sentence names: places, states, their groups ("Latvian police")
        if f.country and (f.is_place or f.kind in ("country", "group")) and len(f.country) == 3:
            states_by_sent.setdefault(doc[f.start].sent.start, []).append(f.country)
    for f in found:
        home = _home_of_people(doc, f, found)
        if home:  # "the Albanians of southern Serbia", "Kurds in Iraq"
            f.kind, f.country, f.key, f.sector = "group", home, f"g:{home}:CVL", "CVL"
            continue
        if f.kind != "group" or f.start == 0 or doc[f.start - 1].lower_ != "ethnic":
            continue
        named = [c for c in states_by_sent.get(doc[f.start].sent.start, []) if c != f.country]
        ranked = sorted(((named.count(c), c) for c in set(named)), reverse=True)
        if ranked and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
            c = ranked[0][1]  # the one other state, or the one the sentence names most
            f.country = c
            f.key = f"g:{c}:{f.sector}"


def _home_of_people(doc: Doc, f: Found, found: list[Found]) -> str | None:
    """The other state a people noun lives in, named right after it ("Albanians in Macedonia",
    "the Kurds of Iraq", "Albanians of southern Serbia"), or None."""
    if f.kind not in ("country", "group") or f.entry is None or f.entry.kind != "people" or f.end >= len(doc):
        return None
    if doc[f.end].lower_ not in ("in", "of"):
        return None
    for g in found:  # the first state-bearing name within a few words after the preposition
        if f.end < g.start <= f.end + 3 and g.country and (g.is_place or g.kind == "country"):
            if _holder_of_place(doc, g):
                continue  # "Palestinians of the Israeli-occupied West Bank": who holds it, not whose
            return g.country if g.country != f.country and len(g.country) == 3 else None
    return None


def _holder_of_place(doc: Doc, g: Found) -> bool:
    """A state's word joined by a hyphen to a participle on the place after it ('Israeli-occupied',
    'Serb-held'): it says who holds the place, not whose the place is."""
    return g.end + 1 < len(doc) and doc[g.end].text == "-" and doc[g.end + 1].tag_ == "VBN"


def _group_noun_at(doc: Doc, j: int, lex: Lexicon) -> tuple[int, int, str, bool] | None:
    for n in (2, 1):
        if j + n <= len(doc):
            ph = fold(doc[j : j + n].text)
            if ph in lex.group_nouns:
                return j, j + n, lex.group_nouns[ph], False
            if ph in lex.government_nouns:
                return j, j + n, "GOV", True
    return None


def _demonym_groups(doc: Doc, found: list[Found], tokmap: dict[int, Found], lex: Lexicon) -> None:
    """'Israeli police' -> group ISR COP; 'Turkish officials' -> the state (GOV); 'Sudan's government'."""
    relation = wordsets("coref").relation_heads
    stance = wordsets("clauses").stance_prefixes
    for f in found:
        if f.kind != "country" or f.entry is None or f.entry.kind not in ("adj", "country", "capital"):
            continue
        if f.start >= 2 and doc[f.start - 1].text == "-" and doc[f.start - 2].lower_ in stance:
            continue  # "pro-Moscow rebels": a stance towards the state, not its own rebels
        j = f.end
        owned = False
        if f.entry.kind in ("country", "capital"):
            if j < len(doc) and doc[j].text in ("'s", "’s"):
                j += 1
                owned = True
            elif not (j < len(doc) and _group_noun_at(doc, j, lex)):
                continue
        steps = 0
        hit = None
        while j < len(doc) and steps < 4:
            g = _group_noun_at(doc, j, lex)
            if g:
                hit = g
                break
            tok = doc[j]
            if (
                j in tokmap
                and tokmap[j].kind == "country"
                and tokmap[j].entry is not None
                and tokmap[j].entry.kind == "adj"
            ):
                j = tokmap[j].end
                steps += 1
                continue
            if (
                tok.lower_ in ("and", ",", "-")
                or tok.text[:1].islower()
                and tok.pos_ in ("ADJ", "NOUN")
                and j not in tokmap
            ):
                j += 1
                steps += 1
                continue
            break
        if hit is None:
            continue
        nstart, end, sector, gov = hit
        if end < len(doc) and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN" and not gov:
            continue  # "Turkish company Aselsan": the organisation takes it
        if owned and end < len(doc) and doc[end].lemma_.lower() in relation:
            continue  # "Israel's militia ally": the state's partner, not its own militia
        mods = [k for k in range(f.end, nstart) if k not in tokmap and doc[k].lower_ not in ("and", ",", "-")]
        noun = doc[(mods[0] if mods and mods[-1] == nstart - 1 else nstart) : end]
        if any(k in tokmap and tokmap[k].kind in ("person", "organization") for k in range(f.end, end)):
            continue
        # span: demonym through the noun when adjacent or coordinated, else only the demonym
        f.end = end if all(k not in tokmap for k in range(f.end, end)) else f.end
        if gov:
            f.sector = "GOV"
            f.source += "+gov"
        else:
            f.kind = "group"
            f.key = f"g:{f.country}:{sector}"
            adj = f.entry.surface if f.entry.kind == "adj" else lex.country_name(f.country)
            f.name = f"{adj} {noun.text}"
            f.sector = sector
            f.source += "+group"


def _dateline(doc: Doc, f: Found) -> bool:
    start_char = doc[f.start].idx
    line_start = _text(doc).rfind("\n", 0, start_char) + 1
    if _text(doc)[line_start:start_char].strip():
        return False
    rest = _text(doc)[doc[f.end - 1].idx + len(doc[f.end - 1].text) : doc[f.end - 1].idx + 40]
    return bool(
        re.match(
            r"\s*(?:\[[^\]]{1,30}\]|\([^)]{1,30}\)|,\s*[A-Z][\w. ]{1,20})?(?:\s*[:—–\[]|\s+-\s|,\s*\w+\.? \d)",
            rest,
        )
    )


def _mark_places(doc: Doc, found: list[Found], lex: Lexicon) -> None:
    place_list_end = -1  # "idle in the Netherlands, Spain, Venezuela and France": all places
    for f in found:
        if (
            f.kind == "country"
            and f.entry is not None
            and f.entry.kind == "country"
            and f.start <= place_list_end + 4
        ):
            gap = doc[place_list_end + 1 : f.start] if place_list_end >= 0 else None
            if (
                gap is not None
                and all(t.text in (",", "and", "or") or t.is_space for t in gap)
                and len(gap) >= 1
            ):
                f.is_place = True
                f.kind, f.key, f.sector = "place", f"l:{fold(f.entry.surface)}", None
                place_list_end = f.end - 1
                continue
        if f.kind != "country" or f.entry is None or f.source.endswith(("+gov", "+group")):
            continue
        k = f.start - 1
        while (
            k > 0
            and f.start - k <= 2
            and doc[k].text[:1].islower()
            and doc[k].pos_ in ("ADJ", "NOUN", "PROPN", "DET")
        ):
            k -= 1  # "in south Serbia", "in northern Iraq", "in central Baghdad", "in the Netherlands"
        prev = fold(doc[k].text) if k >= 0 else ""
        nxt = doc[f.end].text if f.end < len(doc) else ""
        if f.entry.kind == "capital":
            if prev in wordsets("names").place_preps or _dateline(doc, f) or nxt in ("'s", "’s") and False:
                f.is_place = True
            elif (
                prev in ("of",)
                and f.start > 1
                and fold(doc[f.start - 2].text) in ("city", "capital", "outskirts")
            ):
                f.is_place = True
        elif f.entry.kind == "country":
            owner = nxt in ("'s", "’s")  # "in Israel's raid on Gaza": the owner of what follows
            if (prev in wordsets("names").country_place_preps and not owner) or _dateline(doc, f):
                f.is_place = True
        if f.is_place:
            place_list_end = f.end - 1
            f.kind = "place"
            f.key = f"l:{fold(f.entry.surface)}"
            f.name = f.entry.surface if f.entry.kind == "capital" else f.name
            f.sector = None


def _place_ents(doc: Doc, tokmap: dict[int, Found], consumed: set[int]) -> list[Found]:
    from .places import lookup

    out = []
    org_short = {
        " ".join(orgs.corporate_core(f.name)): f
        for f in tokmap.values()
        if f.kind == "organization" and len(orgs.corporate_core(f.name)) < len(f.name.split())
    }
    for e in doc.ents:
        if e.label_ not in ("GPE", "LOC", "FAC") or any(
            j in tokmap or j in consumed for j in range(e.start, e.end)
        ):
            continue
        name = clean_surface(e.text)
        if not name or not name[:1].isupper():
            continue
        org = org_short.get(fold(name))
        if (
            org is not None
            and fold(doc[e.start - 1].text if e.start else "") not in wordsets("names").place_preps
        ):
            # "San Miguel's stock" after "San Miguel Corp": the company, not a town
            out.append(
                Found(
                    start=e.start,
                    end=e.end,
                    kind="organization",
                    key=org.key,
                    name=org.name,
                    country=org.country,
                    sector=org.sector,
                    source="org",
                    surface=name,
                )
            )
            continue
        pl = lookup(name)
        if pl.country is None and e.label_ != "GPE":
            continue
        if (
            pl.country is None
            and fold(doc[e.start - 1].text if e.start else "") not in wordsets("names").place_preps
        ):
            continue  # an unknown name not used as a place: the organisation finder had its chance
        out.append(place_found(e.start, e.end, name, pl.country))
    return out


# ------------------------------------------------------------------------------------------ link


def _mention(article: Article, doc: Doc, tok_start: int, tok_end: int) -> Mention:
    sent = doc[tok_start].sent
    return Mention(
        article_id=article.id, path=article.path, sentence=sent.text, start=sent.start_char, end=sent.end_char
    )


def _canonical(kind: str, fs: list[Found], lex: Lexicon) -> str:
    if kind == "country":
        return lex.country_name(fs[0].country) or fs[0].name
    if kind == "person":
        # a person only the knowledge's gazetteer found has no name the person finder read
        names = [f.name for f in fs if f.source == "person"] or [f.name for f in fs]
        return max(names, key=lambda n: (len(n.split()), accent_score(n), -names.index(n)))
    if kind == "organization":
        names = [f.name for f in fs if f.source in ("org",) or f.source.startswith("gaz")]
        if not names:
            names = [f.name for f in fs]
        if any(f.entry is not None for f in fs):
            return next(f.entry.name for f in fs if f.entry is not None)
        return max(names, key=lambda n: (not n.isupper(), len(n), -names.index(n)))
    return fs[0].name


def link(doc: Doc, article: Article) -> tuple[list[EntityMention], list[LocalActor]]:
    """Every actor mention in one article and one LocalActor per actor (see module doc)."""
    lex = get_lexicon()
    dct = (article.published or "")[:10] or None
    gaz = match(doc, lex)
    tokmap = _tokmap(gaz)
    persons, consumed = _find_people(doc, tokmap, lex, dct)
    not_people = [p for p in persons if p.kind != "person"]
    persons = [p for p in persons if p.kind == "person"]
    coref.resolve_short_forms(persons)
    _served_states(persons, dct)
    _kin_states(doc, persons, dct)
    _inherit_list_country(doc, persons)
    _party_state_tags(doc, persons)
    found = [f for f in gaz if not any(j in consumed for j in range(f.start, f.end))] + persons + not_people
    # person names the gazetteer also matched ("Jordan" inside a name) give way to the person
    pspans = {j for p in persons for j in range(p.start, p.end)}
    found = [f for f in found if f.kind == "person" or not any(j in pspans for j in range(f.start, f.end))]
    tokmap = _tokmap(found)
    # short forms spaCy did not call PERSON ("Görgün and Güler had ..." tagged ORG or nothing)
    found += _short_forms_elsewhere(doc, persons, tokmap)
    tokmap = _tokmap(found)
    org_found = _not_portfolios(doc, persons, orgs.find(doc, tokmap, lex, exclude=consumed), lex)
    # demonyms that open an organisation's name belong to it
    org_tokens = {j for o in org_found for j in range(o.start, o.end)}
    found = [
        f for f in found if not (f.kind == "country" and any(j in org_tokens for j in range(f.start, f.end)))
    ]
    found += org_found
    _people_that_are_companies(found, [o for o in org_found if o.kind == "organization"])
    _bracketed_other_names(doc, found)
    _person_acronyms(doc, persons, found)
    _countries_from_orgs(persons, org_found + [f for f in gaz if f.kind == "organization"], lex)
    found.sort(key=lambda f: (f.start, -f.end))
    tokmap = _tokmap(found)
    # "the Turkish leader" is a person named earlier, before it can be read as the state acting
    descs = coref.description_mentions(doc, found, tokmap, lex)
    dtoks = {j for d in descs for j in range(d.start, d.end)}
    found = [f for f in found if not any(j in dtoks for j in range(f.start, f.end))]
    tokmap = _tokmap(found)
    _demonym_groups(doc, found, tokmap, lex)
    coref.company_descriptions(doc, found)
    # "Saab president X" is Swedish once "the Swedish defence company Saab" has made Saab Swedish
    _countries_from_orgs(persons, [f for f in found if f.kind == "organization"], lex)
    _mark_places(doc, found, lex)
    found += _place_ents(doc, tokmap, consumed | dtoks)
    tokmap = _tokmap(found)
    _named_members(doc, found)
    _igo_short_forms(found, lex)
    _leaders_at_home(doc, found)
    orgs_ = [doc[f.start : f.end].text for f in found if f.kind == "organization"]
    _home_state_officials(doc, found, headline_state(article.title, lex, orgs_))
    _ethnic_groups(doc, found)
    found += descs
    found += coref.pronoun_mentions(doc, found)
    found.sort(key=lambda f: (f.start, -f.end))
    found = _only_actors(doc, found)
    _states_as_they_were(found, dct, lex)
    return _build(doc, article, found, lex)


_TAG = re.compile(r"\s*\(\s*([A-Za-z])\s*[-–]\s*([A-Za-z][A-Za-z. ]{0,10})\)")


def _party_state_tags(doc: Doc, persons: list[Found]) -> None:
    """'Senator X (D-Tex.)': a party letter and home region in brackets after a name is the
    convention of one state's press for its legislators (names.yaml party_state_tags), as
    strong as a title naming the state."""
    tags = wordsets("names").party_state_tags
    text = _text(doc)
    for p in persons:
        m = _TAG.match(text, doc[p.end - 1].idx + len(doc[p.end - 1].text))
        if m is None:
            continue
        party, region = fold(m.group(1)), fold(m.group(2)).replace(".", "").replace(" ", "")
        state = next((c for c, t in tags.items() if party in t["parties"] and region in t["regions"]), None)
        if state and state not in p.not_countries:
            p.country, p.country_src = state, "title"
            for r in p.roles:
                r["country"] = r["country"] or state


def _not_portfolios(doc: Doc, persons: list[Found], org_found: list[Found], lex: Lexicon) -> list[Found]:
    """'Transportation Secretary X': spaCy's ORG inside a title whose head only governments have
    (names.yaml portfolio_heads) is the portfolio, not an organisation, unless something knows it
    as one (the knowledge, an organisation word, a company suffix); an ORG made only of title
    words ('Crown Prince X') is the title."""
    heads = wordsets("names").portfolio_heads
    spans = [(r["span"], r["title"]) for p in persons for r in p.roles if r.get("span")]
    if not spans:
        return org_found

    def portfolio(o: Found) -> bool:
        if o.entry is not None or o.country or o.source != "org" or o.kind != "organization":
            return False
        ws = fold(o.name).replace("-", " ").split()
        if " ".join(ws) in lex.heads or all(w in lex.heads or w in lex.modifiers for w in ws):
            return any(a <= o.start and o.end <= b for (a, b), _ in spans)  # "Crown Prince" as ORG
        if any(w in lex.org_words or w in orgs.corporate_suffixes() for w in ws):
            return False
        return any(
            a <= o.start and o.end < b and fold(title).replace("-", " ").split()[-1:] in ([h] for h in heads)
            for (a, b), title in spans
        )

    return [o for o in org_found if not portfolio(o)]


def _person_acronyms(doc: Doc, persons: list[Found], found: list[Found]) -> None:
    """'President Andres Manuel Lopez Obrador (AMLO)': the capitals in brackets after a person's
    name are that person's short name, wherever the article uses them."""
    acr: dict[str, Found] = {}
    for p in persons:
        e = p.end
        if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")":
            t = doc[e + 1].text
            if t.isalpha() and t.isupper() and len(t) >= 2:
                acr.setdefault(t, p)
    if not acr:
        return
    for f in found:
        p = acr.get(f.name)
        if p is None or f.key == p.key or f.kind not in ("person", "organization") or f.entry is not None:
            continue
        f.kind, f.key, f.source, f.surface = "person", p.key, "coref-short", f.name
        f.country, f.country_src, f.sector, f.roles = p.country, "coref", p.sector, []


def _people_that_are_companies(found: list[Found], org_found: list[Found]) -> None:
    """'Zentrix said' after 'Zentrix Motor Corp': spaCy's PERSON is the company's short name."""
    by_head: dict[str, Found] = {}
    for o in org_found:
        core = orgs.corporate_core(o.name)
        if core and (len(core) == 1 or fold(o.name).split()[-1].strip(".") in orgs.corporate_suffixes()):
            by_head.setdefault(core[0], o)
    if not by_head:
        return
    for f in found:
        if f.kind != "person" or f.roles or len(f.name.split()) != 1:
            continue
        o = by_head.get(fold(f.name))
        if o is None:
            continue
        f.kind, f.key, f.name, f.country, f.sector, f.source = (
            "organization",
            o.key,
            o.name,
            o.country,
            o.sector,
            "org",
        )
        f.surface = o.surface
        f.entry = None


def _countries_from_orgs(persons: list[Found], org_found: list[Found], lex: Lexicon) -> None:
    """'ASELSAN's CEO' is Turkish when the article makes ASELSAN Turkish."""
    by_name: dict[str, Found] = {}
    by_end: dict[int, Found] = {}
    for o in org_found:
        by_end[o.end] = o
        for n in (o.name, o.surface):
            if n:
                by_name.setdefault(fold(n), o)
    for p in persons:
        for r in p.roles:
            if not r["organization"] and r.get("span") and r["span"][0] in by_end:
                # "UCPB president X", "Hitachi chairman X": the organisation right before the title
                r["organization"] = by_end[r["span"][0]].name
            if not r["organization"]:
                # the title walk took the company's name for portfolio words: "Zentrix Motor Corp president"
                for o in org_found:
                    if o.kind == "organization" and fold(r["title"]).startswith(fold(o.name) + " "):
                        r["organization"] = o.name
                        r["title"] = r["title"][len(o.name) :].strip()
                        break
            if r["organization"] and p.roles and r is p.roles[0]:
                org = by_name.get(fold(r["organization"]))
                p.sector = people.title_sector(lex, r["title"], org.sector if org else None) or p.sector
            o = by_name.get(fold(r["organization"] or ""))
            if o is None:
                continue
            if o.country and len(o.country) == 3 and o.country not in plover().non_state:
                r["country"] = r["country"] or o.country
                if not p.country:
                    p.country, p.country_src = o.country, "org"
            if o.sector and o.sector != "GOV" and p.sector in (None, "GOV"):
                p.sector = o.sector


def _named_members(doc: Doc, found: list[Found]) -> None:
    """'Colombians, including President X, ...', 'Turkish officials, among them X': a person named
    as one of a national group is of that group's state."""
    by_end = {f.end: f for f in found if f.kind in ("country", "group") and f.country and not f.is_place}
    for p in found:
        if p.kind != "person" or p.country:
            continue
        i = p.start
        while i > 0 and _is_title_token(doc[i - 1]):
            i -= 1  # "including President X"
        k = i - 1
        if k >= 0 and fold(doc[k].text) == "them" and k >= 1 and fold(doc[k - 1].text) == "among":
            k -= 1
        elif not (k >= 0 and fold(doc[k].text) in ("including", "notably")):
            continue
        if k < 1 or doc[k - 1].text != ",":
            continue
        g = by_end.get(k - 1)
        if g is None:
            continue
        p.country, p.country_src = g.country, "members"
        for r in p.roles:
            r["country"] = r["country"] or p.country


def _is_title_token(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN") and tok.ent_type_ != "PERSON"


def _in_other_actors_clause(place: Token, verb: Token) -> bool:
    """'President X urged Cuba to send home the rebels in Havana': the place belongs to a clause
    whose doer is someone else (its own subject, or the object of an urging verb), not to X."""
    tok = place
    for _ in range(12):
        if tok.head.i == tok.i or tok.i == verb.i:
            return False
        if tok.dep_ in ("xcomp", "ccomp", "advcl", "relcl", "acl", "conj"):
            head = tok.head
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
            object_control = tok.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children)
            if (own_subject or object_control) and head.i == verb.i:
                return True
        tok = tok.head
    return False


def _leaders_at_home(doc: Doc, found: list[Found]) -> None:
    """'President X extended the curfew in Abidjan': an office holder whose state the text does not
    name, acting where the sentence places him, is that state's (domestic news convention).

    Only places count (not states named as actors), and only when they agree on one state."""
    places_by_sent: dict[int, list[Found]] = {}
    for f in found:
        if f.is_place and f.country:
            places_by_sent.setdefault(doc[f.start].sent.start, []).append(f)
    for p in found:
        if p.kind != "person" or p.country or not p.roles or p.source != "person":
            continue
        if p.sector not in ("GOV", "MIL", "COP", "JUD"):  # public offices only, not "chairman"
            continue  # a legislator abroad is no more of the place than a company chairman
        if any(r.get("organization") for r in p.roles):
            continue  # "committee chairman X": the office is in a named body, whose state is its own
        verb = doc[p.start : p.end].root.head
        cs = {
            f.country
            for f in places_by_sent.get(doc[p.start].sent.start, [])
            if f.country and not _in_other_actors_clause(doc[f.start : f.end].root, verb)
        }
        cs -= p.not_countries
        if len(cs) == 1:
            p.country, p.country_src = next(iter(cs)), "place"


def _bracketed_other_names(doc: Doc, found: list[Found]) -> None:
    """'The Homeland Union (Conservatives)', 'the Umma (Nation) party': a name in brackets right
    after an organisation's name is that organisation's other name (a translation, a nickname), not
    the namesake body the knowledge lists under it (Britain's Conservatives)."""
    by_end = {f.end: f for f in found if f.kind == "organization" and not f.is_place}
    for f in found:
        if f.kind not in ("organization", "group") or f.start < 2 or f.end >= len(doc):
            continue
        if doc[f.start - 1].text != "(" or doc[f.end].text != ")":
            continue
        g = by_end.get(f.start - 1)
        if g is None or g is f or g.key == f.key or any(t.text.isupper() for t in doc[f.start : f.end]):
            continue  # "the Revolutionary United Front (RUF)": an acronym, the linker's own business
        if f.entry is None and f.kind == g.kind:
            # "the Umma (Nation) party": two names found by the parser are one body
            f.key, f.name = g.key, g.name
            continue
        if g.entry is None and g.country is None and f.country:
            f.key, f.name, f.kind, f.country, f.sector, f.entry = g.key, g.name, g.kind, None, g.sector, None


def _igo_short_forms(found: list[Found], lex: Lexicon) -> None:
    """'The European Community ... The Commission said': once an article has named an
    international body, the bare word its press uses for it (igos.yaml ``short``) is that body, not
    a state's commission or council that the story's main state would otherwise be given.

    The nearest body named before the word wins; a word before any such body is left alone."""
    named = [f for f in found if f.entry is not None and f.entry.kind == "igo" and f.key in lex.igo_short]
    if not named:
        return
    for f in found:
        if f.kind != "organization" or f.country or f.entry is not None:
            continue
        words = fold(f.name).split()
        if words[:1] == ["the"]:
            words = words[1:]
        if len(words) != 1:
            continue
        before = [g for g in named if g.start < f.start and words[0] in lex.igo_short[g.key]]
        if not before:
            continue
        g = max(before, key=lambda x: x.start)
        f.key, f.name, f.country, f.sector, f.entry = g.key, g.name, g.country, g.sector, g.entry
        f.country_src = "name"


def _home_state_officials(doc: Doc, found: list[Found], headline: str | None = None) -> None:
    """In a story about one state ('finance minister X said the government ...'), an official
    whose state the text never names is that state's: the convention of domestic news copy.

    Only for stories of several sentences where one state has half the mentions of states
    (people's own states and its known parties included) and twice the next one's, and only for
    holders of public offices; when every state reading of the story is that one state, also for
    people named without any title. It is the weakest evidence: the knowledge, and across the
    corpus any text, outvote it."""
    if sum(1 for _ in doc.sents) < 3:
        _one_state_brief(doc, found)
        return
    counts: dict[str, int] = {}
    for f in found:
        c = f.country
        known_body = (
            f.kind == "organization" and f.entry is not None and f.sector in ("GOV", "LEG", "MIL", "PTY")
        )
        if (
            (f.kind in ("country", "place", "group", "person") or known_body)  # "the White House"
            and c
            and len(c) == 3
            and c not in plover().non_state
        ):
            counts[c] = counts.get(c, 0) + 1
    lede = _lede_state(doc, found) or headline
    if headline:
        counts[headline] = counts.get(headline, 0) + 2  # the headline names what the story is about
    total = sum(counts.values())
    if total < 1:
        return
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    _state_title_holders(found, ranked)
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    # the weakest evidence there is (link/evidence.py "context"): any text or knowledge outvotes it
    if lede and counts.get(lede, 0) >= 0.5 * n:
        top = lede  # "PARIS: France on Friday recalled ...": the story is about the lede's subject
    elif n < 0.5 * total or n < 2 * second:
        return
    # a story whose every state reading is one state ("Labour", "the Tories", Home Office ...)
    unanimous = len(ranked) == 1 and n >= 3
    for p in found:
        if p.kind == "organization" and p.country is None and p.source == "org" and p.sector in _HOME_BODIES:
            # "the Finance Ministry", "the ruling Liberal Democratic Party" of a story about one state
            p.country, p.country_src = _body_state(p, top, ranked), "context"
            continue
        if unanimous and p.kind == "person" and not p.country and not p.roles and p.source == "person":
            if top not in p.not_countries:
                p.country, p.country_src = top, "context"  # "Michael Howard has denied ..."
            continue
        if p.kind != "person" or p.country or not p.roles or p.source != "person":
            continue
        if p.sector not in ("GOV", "LEG", "JUD", "MIL", "COP", "SPY"):
            continue
        if any(r.get("organization") for r in p.roles):
            continue  # the office is in a named body: its state is that body's, not the story's
        if top in p.not_countries:
            continue
        p.country, p.country_src = top, "context"


def _state_title_holders(found: list[Found], ranked: list[tuple[str, int]]) -> None:
    """'Crown Prince X' in a story of Saudi Arabia and Canada, 'Foreign Secretary Y' in one of
    Mexico and the United States: an office only some states have (coref.yaml ``state_titles``)
    is held in the story's most named state that has it, however the story's mentions are shared
    out. So is an office in a body only some states have ('Secretary in the Ministry of External
    Affairs', coref.yaml ``state_bodies``). The weakest evidence ("context"), as any reading from the
    story's states."""
    titles = wordsets("coref").state_titles or {}
    bodies = wordsets("coref").state_bodies or {}
    for p in found:
        if p.kind != "person" or p.country or not p.roles or p.source != "person":
            continue
        orgs_ = [fold(r["organization"]).removeprefix("the ") for r in p.roles if r.get("organization")]
        holders = {c for o in orgs_ for c in bodies.get(o, ())} if orgs_ else _title_holders(p, titles)
        top = _first_holder(ranked, holders, p.not_countries)
        if top:
            p.country, p.country_src = top, "context"


def _title_holders(p: Found, titles: dict[str, list[str]]) -> set[str]:
    """The states that have the office a person's title names ('the Saudi crown prince' has
    its state already; 'Deputy Crown Prince' is still a crown prince's office)."""
    out: set[str] = set()
    for r in p.roles:
        title = fold(r.get("title") or "").replace("-", " ")  # "Governor-General"
        for key, states in titles.items():
            if title == key or title.endswith(" " + key):
                out.update(states)
    return out


def _body_state(p: Found, top: str, ranked: list[tuple[str, int]]) -> str:
    """The state of a body the story names bare: the story's state, unless the body's name is one
    only some states' bodies have (coref.yaml ``state_bodies``) and the story's state is not one of
    them: then the story's most named state that has it ('Congress' in a story of Japan and the
    United States is the USA's)."""
    bodies = wordsets("coref").state_bodies or {}
    holders = bodies.get(fold(p.name).removeprefix("the "))
    if not holders or top in holders:
        return top
    return _first_holder(ranked, set(holders)) or top


def _first_holder(
    ranked: list[tuple[str, int]], holders: set[str], skip: set[str] = frozenset()
) -> str | None:
    """The story's most named state among those that have a body or office (``holders``)."""
    return next((c for c, _n in ranked if c in holders and c not in skip), None)


def _one_state_brief(doc: Doc, found: list[Found]) -> None:
    """A brief of one or two sentences that names one state only ("Judge X opened inquiries into
    Chilean officials", "the Umma party will boycott Algeria's elections"): its office holders and
    its parties, papers and unions the text gives no state are that state's, as in a longer story
    about one state. Other people's states are not counted ("President X welcomed South African
    leader Y" says nothing of X's state), nor, for people, places (officials travel) and states a
    verb addresses ("urged Ethiopia to"), nor places a verb takes as its object ("... visits
    Washington"). The weakest evidence ("context")."""
    bodies = _brief_states(doc, found, with_places=True)
    people_ = _brief_states(doc, found, with_places=False)
    for p in found:
        if p.country is not None:
            continue
        if p.kind == "organization" and p.source == "org" and p.sector in _BRIEF_BODIES:
            if len(bodies) == 1 and not bodies & p.not_countries and not _beyond_one_state(p.name):
                p.country, p.country_src = next(iter(bodies)), "context"
        elif (
            p.kind == "person"
            and p.roles
            and p.source == "person"
            and p.sector in ("GOV", "LEG", "JUD", "MIL", "COP", "SPY", "OPP")
            and not any(r.get("organization") for r in p.roles)
            and len(people_) == 1
            and not people_ & p.not_countries
        ):
            p.country, p.country_src = next(iter(people_)), "context"
        elif _untitled_in_one_state_brief(p, doc, found, people_):
            p.country, p.country_src = next(iter(people_)), "context"  # "approved ... X's coalition"


def _beyond_one_state(name: str) -> bool:
    """A body whose name reaches beyond one state ('the Third World Water Forum', 'the Association
    of African Jurists': clauses.yaml ``foreign_modifiers`` and ``regional_name_words``), which the
    one state of a brief it is named in does not own."""
    w = wordsets("clauses")
    return bool(set(fold(name).split()) & (w.foreign_modifiers | w.regional_name_words))


def _untitled_in_one_state_brief(p: Found, doc: Doc, found: list[Found], states: set[str]) -> bool:
    """A person named without any title in a brief whose every state reading (places and other
    people's states left out) is one state, read at least twice ('the Serbian parliament
    recognised X's wins in Serbian cities'), is of that state, as in a longer unanimous story;
    not the one a verb acts on."""
    if p.kind != "person" or p.roles or p.source != "person" or len(states) != 1 or states & p.not_countries:
        return False
    if doc[p.end - 1].dep_ in ("dobj", "dative"):
        return False  # "Kenya will expel X": one a state acts on is often a foreigner
    readings = [f for f in found if f.kind != "person" and f.country in states and not f.is_place]
    return len({f.start for f in readings}) >= 2 and len(_brief_states(doc, found, with_places=False)) == 1


def _brief_states(doc: Doc, found: list[Found], with_places: bool) -> set[str]:
    out: set[str] = set()
    for f in found:
        if f.kind == "person" or not f.country or len(f.country) != 3 or f.country in plover().non_state:
            continue
        if not (f.kind in ("country", "group", "place") or f.entry is not None or f.country_src):
            continue
        placelike = f.is_place or f.source.startswith("gaz-capital")
        if placelike and not with_places:
            continue
        if not with_places and doc[f.end - 1].dep_ in ("dobj", "dative"):
            continue  # "President X urged Ethiopia to ...": the state addressed is not X's
        if placelike and doc[f.end - 1].dep_ in ("dobj", "npadvmod") and doc[f.end - 1].head.pos_ == "VERB":
            continue  # "visits Washington": where someone goes, not where the story is
        out.add(f.country)
    return out


# sectors of named bodies that belong to the state a domestic story is about (its ministries,
# parliament and parties); companies and NGOs may be of anywhere
_HOME_BODIES = frozenset({"GOV", "LEG", "PTY", "OPP"})
# in a brief that names one state, also its papers, unions, civic and religious bodies and bodies
# of no known kind ("the Umma party")
_BRIEF_BODIES = _HOME_BODIES | {None, "JRN", "LAB", "CVL", "REL"}


def _lede_state(doc: Doc, found: list[Found]) -> str | None:
    """The state that is the subject of the story's first sentence with a subject ("France on
    Friday recalled its ambassadors ..."), or None when that subject is not a state."""
    states = {j: f for f in found if _speaks_for_state(f) for j in range(f.start, f.end)}
    for k, sent in enumerate(doc.sents):
        if k >= 3:
            break
        subj = [t for t in _lede_clause(sent).children if t.dep_ in ("nsubj", "nsubjpass")]
        if not subj:
            continue
        if any(c.dep_ == "conj" for c in subj[0].children):
            return None  # "Kenya and Uganda signed": a story about two states
        f = states.get(subj[0].i)
        return f.country if f is not None and f.country and len(f.country) == 3 else None
    return None


def headline_state(title: str | None, lex: Lexicon, firms: Iterable[str] = ()) -> str | None:
    """The state a headline opens with ("JAPAN'S LDP URGES MORE IMPORTS", "Taiwan plans to
    invest in U.S."): the state the story is about, when its first sentence names none. Not a
    state word that opens the name of an organisation the story names (``firms``): "AMERICAN
    CYANAMID TO SET UP PLANT IN DUNKIRK" is about a company, not the United States."""
    if not title:
        return None
    words = re.findall(r"[A-Za-z][A-Za-z.\-]*", re.sub(r"['’][sS]\b", "", title))
    if not words or not words[0][:1].isupper():
        return None
    opens = {tuple(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z.\-]*", f)) for f in firms}
    for n in (3, 2, 1):  # only a headline that opens with the state: its subject, not its topic
        iso = lex.country_of(" ".join(words[:n]))
        if not iso or len(iso) != 3 or iso in plover().non_state:
            continue
        head = tuple(w.lower() for w in words[: n + 1])
        if len(head) > n and any(o[: n + 1] == head for o in opens):
            return None  # the state's word is the first of a firm's name
        return iso
    return None


def _lede_clause(sent: Span) -> Token:
    """The clause that carries a sentence's news: its root, or what a trailing attribution
    reports ("Taiwan's Economic Ministry has approved ..., ministry officials said")."""
    root = sent.root
    if root.lemma_.lower() in wordsets("plover").reporting_verbs:
        first = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i), None)
        if first is not None:
            return first
    return root


def _speaks_for_state(f: Found) -> bool:
    """A mention whose subject role makes the story one about a state: the state itself, or a
    body of its government whose state the text itself gives ("Taiwan's Economic Ministry has
    approved", "Japan's Lower House passed"), not a company or a person known from elsewhere."""
    if f.is_place or not f.country or len(f.country) != 3 or f.country in plover().non_state:
        return False
    if f.kind == "country":
        return True
    return (
        f.kind == "organization"
        and (f.sector is None or f.sector in _HOME_BODIES)
        and evidence.weight(f.country_src) >= evidence.WEIGHTS["title"]
    )


def _short_forms_elsewhere(doc: Doc, persons: list[Found], tokmap: dict[int, Found]) -> list[Found]:
    full = [p for p in persons if len(coref.name_tokens(p.name)) >= 2]
    if not full:
        return []
    parts = {w for p in full for w in coref.name_tokens(p.name)}
    out = []
    for tok in doc:
        if tok.i in tokmap or not tok.text[:1].isupper() or tok.pos_ not in ("PROPN", "NOUN", "ADJ"):
            continue
        w = fold(tok.text)
        if w not in parts or len(w) < 3:
            continue
        if (
            tok.i + 1 < len(doc)
            and doc[tok.i + 1].text[:1].isupper()
            and doc[tok.i + 1].pos_ == "PROPN"
            and tok.i + 1 not in tokmap
        ):
            continue  # part of a longer, different name
        p = coref.match_short([w], full, fuzzy=False)
        if p is None:
            continue
        start = tok.i
        full_words = [fold(x) for x in p.name.replace("-", " ").split()]
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if (
            prev is not None
            and prev.i not in tokmap
            and fold(prev.text) in wordsets("names").name_particles
            and f"{fold(prev.text)} {w}" in " ".join(full_words)
        ):
            start = prev.i  # "Le Drian said": the particle is part of the short form
        short = Found(
            start=start,
            end=tok.i + 1,
            kind="person",
            key=p.key,
            name=doc[start : tok.i + 1].text,
            country=p.country,
            sector=p.sector,
            source="coref-short",
            country_src="coref",
            surface=doc[start : tok.i + 1].text,
        )
        state = _state_after_name(doc, tok.i + 1, tokmap)
        if state:  # "Prime Minister Abiy of Ethiopia": the short form carries its own evidence
            short.country, short.country_src = state, "title"
        out.append(short)
    return out


def _speaking_for(doc: Doc, surf: int, end: int, tokmap: dict[int, Found]) -> str | None:
    """The state of the named body a person speaks for ('X, for the Liberal Democrats, said') or
    whose name stands right before the person's as an attribute ('Tory X'), or None."""
    k = end + 2 if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "for" else -1
    if 0 <= k < len(doc) and doc[k].lower_ == "the":
        k += 1
    body = tokmap.get(k) if k >= 0 else None
    if body is None and surf > 0 and (fd := tokmap.get(surf - 1)) is not None and fd.end == surf:
        body = fd if fd.sector in ("PTY", "OPP") else None  # "Tory X", "Labour's X" is a title's
    if body is None or body.kind not in ("organization", "group") or body.is_place:
        return None
    c = body.country
    return c if c and len(c) == 3 and c not in plover().non_state else None


def _state_after_name(doc: Doc, end: int, tokmap: dict[int, Found]) -> str | None:
    """'King Hassan of Morocco': the state named right after a name ending at ``end``, or None."""
    if end + 1 < len(doc) and doc[end].lower_ == "of" and end + 1 in tokmap:
        st = tokmap[end + 1]
        if st.kind == "country" and st.entry is not None and st.entry.kind == "country":
            return st.country
    return None


_DATELINE = re.compile(
    r"\s*([A-Z][A-Z.'’ -]{1,40}?(?:,\s*[A-Z][A-Za-z.]{1,12}(?: [A-Z][a-z]+)?)?)"  # "WINSTON-SALEM, N.C."
    r"(?:\s*\([^)]{1,30}\))?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\s+-\s|\s*[—–])"  # ", March 2" or " - "
)
_TRAILING = {"of", "on", "for", "in"}


def _only_actors(doc: Doc, found: list[Found]) -> list[Found]:
    """Names that are no actors leave with every mention of their key: amounts, tickers and
    models (a digit in the name), people written in capitals, the capitalised words of a
    dateline ("NEW YORK, March 2 -"), weapons, products, diseases and buildings, and laws.

    Names the lexicon knows (an IGO, "G7", a known institution) are kept whatever they look like."""
    bad: set[str] = set()
    good: set[str] = set()
    party = wordsets("names").party_words
    parties: dict[str, str] = {}
    for f in found:
        if f.kind == "person" and f.source == "person" and all(w in party for w in fold(f.name).split()):
            parties[f.key] = f"o:{fold(f.name)}"  # "Labour", "the Lib Dems": a party, not a person
    for f in found:
        if f.key in parties:
            f.kind, f.key, f.sector, f.roles, f.country_src = "organization", parties[f.key], "PTY", [], ""
            f.source = "org" if f.source == "person" else f.source
    found = [f for f in found if not _names_a_pact(doc, f)]
    for f in found:
        if f.kind not in ("person", "organization") or f.is_place or f.source.startswith("coref"):
            continue
        if f.entry is None and not f.source.startswith("gaz") and _not_an_actor(doc, f):
            bad.add(f.key)
        else:
            good.add(f.key)
    bad -= good
    return [f for f in found if f.key not in bad]


def _names_a_pact(doc: Doc, f: Found) -> bool:
    """'the Louvre accord', 'the Plaza pact': a name the linker does not know, right before an
    accord's noun (names.yaml pact_heads), names the accord; that mention is no actor."""
    if f.kind not in ("person", "organization") or f.entry is not None or f.source.startswith("gaz"):
        return False
    return f.end < len(doc) and fold(doc[f.end].text) in wordsets("names").pact_heads


def _not_an_actor(doc: Doc, f: Found) -> bool:
    names = wordsets("names")
    name = f.name.strip()
    if any(c.isdigit() for c in name):
        return True
    text = _text(doc)
    a, b = doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1].text)
    if text[a - 1 : a] == "<" and text[b : b + 1] == ">":
        return True  # a ticker: "<RJR>"
    letters = [c for c in name if c.isalpha()]
    if f.kind == "person" and letters and all(c.isupper() for c in letters):
        return True
    words = [fold(w) for w in name.replace("-", " ").split()]
    while len(words) > 1 and words[-1] in _TRAILING:
        words.pop()
    if not words:
        return True
    if " ".join(words) in names.thing_names or words[-1] in names.thing_names:
        return True
    if len(words) >= 2 and words[-1] in names.law_heads:
        return True
    return _in_dateline(doc, f)


def _in_dateline(doc: Doc, f: Found) -> bool:
    """Is the mention inside the capitalised place of a dateline at the start of a line?"""
    text = _text(doc)
    start = doc[f.start].idx
    line = text.rfind("\n", 0, start) + 1
    m = _DATELINE.match(text, line)
    return bool(m) and start < m.end(1)


def _best_country(fs: list[Found]) -> tuple[str | None, str | None]:
    """The country the strongest evidence among an actor's mentions gives (the first on ties)."""
    best: tuple[float, str, str] | None = None
    for f in fs:
        if f.country:
            src = f.country_src or ("coref" if f.kind == "person" else "name")
            w = evidence.weight(src)
            if best is None or w > best[0]:
                best = (w, f.country, src)
    return (best[1], best[2]) if best else (None, None)


def known_country(name: str, when: str | None) -> str | None:
    """The state the dated world knowledge gives a person named ``name`` on ``when``.

    Only full names (two words or more) are looked up, and only an answer all namesakes agree
    on counts; off the knowledge's dates, a person whose every known office is of one state
    is still that state's."""
    if len(fold(name).split()) < 2:
        return _known_surname(name, when)
    states: set[str | None] = set()
    world = load_world()
    for p in world.people_named(name) or world.people_spelt_like(name):  # 'Mitterand'
        a = p.affiliation_on(when) if when else None
        if a is not None and a.country and a.kind == "domestic":
            states.add(a.country)
            continue
        states.add(_own_state(p))
    return next(iter(states)) if len(states) == 1 and None not in states else None


FEW_NAMESAKES = 3
"""At most this many knowledge people share a name word that identifies one of them."""


def _known_surname(name: str, when: str | None) -> str | None:
    """'Abe had asked Reagan' in a 1987 story: a surname alone is the one person of that surname
    the knowledge has in government office on the article's date, if there is exactly one. With
    none, the first word of a full name is tried: a family name written first ("President Xi")
    or a given name used alone ("Prime Minister Narendra")."""
    if not when or len(name) < 2 or not name[:1].isupper():
        return None
    world = load_world()
    first = world.people_with_first_word(name)
    if len(first) > FEW_NAMESAKES:
        first = []  # a common given name ("President John") is no evidence of identity
    for people_ in (world.people_with_surname(name) if len(name) >= 4 else [], first):
        holders = {c for p in people_ for c in _office_states(p, when)}
        if holders:
            return next(iter(holders)) if len(holders) == 1 else None
    return None


def known_holder(name: str, when: str | None, titled: bool) -> Any:
    """'President Reagan' in a 1987 story: the one person the knowledge has of this surname in a
    state's government office on the article's date, whose full name the actor then carries (so
    that across the corpus it joins Ronald Reagan, never a namesake spelt alike); None when there
    are none or several. A surname without a title must be a rare one (few namesakes at any date):
    "Smith said" is no office holder's."""
    if not when or len(name) < 4 or not name[:1].isupper() or " " in name.strip():
        return None
    namesakes = load_world().people_with_surname(name)
    if not titled and len(namesakes) > FEW_NAMESAKES:
        return None
    holders = [p for p in namesakes if _office_states(p, when)]
    return holders[0] if len(holders) == 1 else None


def _office_states(p: Any, when: str) -> set[str]:
    """The states in whose government a knowledge person holds office on ``when``."""
    return {
        a.country for a in p.affiliations_on(when) if a.kind == "domestic" and a.sector == "GOV" and a.country
    }


def namesake_country(name: str, when: str | None) -> str | None:
    """A weaker reading than known_country, for names it cannot settle: the state that two in
    three of the knowledge's people of this name hold their offices in, at any date ('President
    Assad' of 2000 is Syrian, whichever Assad; 'Carlos Menem' is 'Carlos Saul Menem'). A full name
    the knowledge lacks counts its people with the same first and last names and a middle name, for
    a surname it has few people of; a surname alone needs the article's date."""
    words = fold(name).split()
    if len(words) >= 2:
        if load_world().people_named(name):
            return None  # namesakes known_country could not settle
        same_surname = load_world().people_with_surname(words[-1])
        if len(same_surname) > FEW_NAMESAKES:
            return None  # a common surname: a middle name is no evidence of identity ("John Smith")
        people_ = [
            p
            for p in same_surname
            if any(
                len(w := fold(n).split()) > len(words) and w[:1] == words[:1] for n in (p.name, *p.aliases)
            )
        ]
    elif when and len(name) >= 4 and name[:1].isupper():
        people_ = load_world().people_with_surname(name)
        # the knowledge's own short form: "Obama" is listed as Barack Obama's, not the other Obamas'
        aliased = {_own_state(p) for p in people_ if fold(name) in {fold(a) for a in p.aliases}}
        if len(aliased) == 1 and None not in aliased:
            return next(iter(aliased))
    else:
        return None
    votes: dict[str, int] = {}
    for p in people_:
        c = _own_state(p)
        if c:
            votes[c] = votes.get(c, 0) + 1
    if not votes:
        return None
    top, n = max(votes.items(), key=lambda kv: kv[1])
    return top if n * 3 >= 2 * len(people_) and (n >= 2 or len(people_) == 1) else None


def _own_state(p: Any) -> str | None:
    """The one state a knowledge person's domestic codes give, or None when they give several."""
    own = {x.country for x in (*p.affiliations, *p.defaults) if x.country and x.kind == "domestic"}
    return next(iter(own)) if len(own) == 1 else None


def _states_as_they_were(found: list[Found], when: str | None, lex: Lexicon) -> None:
    """'Moscow' in a 1987 story is the Soviet Union's: a state code becomes the state that held the
    territory on the article's date (data/world/states.yaml) when that state's seat is now this
    one's (Russia for the Soviet Union) or it dissolved into several (Czechoslovakia), or the
    land broke away later from a state that lives on (South Sudan from Sudan); the
    republics of a federation that lived on keep their own codes, as CAMEO coders gave them."""
    if not when:
        return
    world = load_world()
    for f in found:
        if not f.country or len(f.country) != 3 or f.country in world.states:
            continue  # a state the text names as historic ("the Soviet Union invaded") stays itself
        then = world.state_on(f.country, when)
        was = world.states.get(then)
        seceded = then == world.seceded_from(f.country)  # "Juba" in 2000: Sudan's
        if then == f.country or (not seceded and (was is None or was.successor not in (None, f.country))):
            continue  # a republic of a federation that lived on ("Serbia" in 2000) keeps its code
        old = f.country
        f.country = then
        if f.key == f"c:{old}":
            f.key = f"c:{then}"
            f.name = lex.country_name(then) or f.name
        elif f.key.startswith(f"g:{old}:"):
            f.key = f"g:{then}:" + f.key.split(":", 2)[2]
        for r in f.roles:
            if r.get("country") == old:
                r["country"] = then


def _build(
    doc: Doc, article: Article, found: list[Found], lex: Lexicon
) -> tuple[list[EntityMention], list[LocalActor]]:
    dct = (article.published or "")[:10] or None
    by_key: dict[str, list[Found]] = {}
    for f in found:
        if not f.is_place:
            by_key.setdefault(f.key, []).append(f)
    actors: dict[str, LocalActor] = {}
    current_office: dict[str, str | None] = {}
    for key, fs in by_key.items():
        kind = next(
            (f.kind for f in fs if f.source in ("person", "org") or f.source.startswith("gaz")), fs[0].kind
        )
        name = _canonical(kind, fs, lex)
        country, country_src = _best_country(fs)
        if kind == "person" and (not country or evidence.weight(country_src) < evidence.WEIGHTS["knowledge"]):
            known = known_country(name, dct)
            if known:
                country, country_src = known, "knowledge"
            elif (not country or evidence.weight(country_src) < evidence.WEIGHTS["namesake"]) and (
                " " in name or any(f.roles for f in fs)  # a bare surname needs a title: "President Assad"
            ):
                known = namesake_country(name, dct)
                if known:
                    country, country_src = known, "namesake"
        titled = any(f.roles for f in fs)
        if kind == "person" and (holder := known_holder(name, dct, titled)) is not None:
            state = holder.affiliation_on(dct).country
            if country in (None, state):
                name, country = holder.name, state  # "President Reagan" is Ronald Reagan
                country_src = country_src if country_src and evidence.strong(country_src) else "knowledge"
        if key.startswith("c:"):
            country, country_src = key[2:], "name"
        sector = next((f.sector for f in fs if f.sector and f.source in ("person", "org")), None) or next(
            (f.sector for f in fs if f.sector), None
        )
        if key.startswith("c:"):
            sector = None
        aliases: list[str] = []
        for f in fs:
            if f.source.startswith("coref-") and f.source != "coref-short":
                continue
            for a in (
                f.surface,
                clean_surface(doc[f.start : f.end].text) if f.kind != "person" else None,
                f.name if f.kind == "person" else None,
            ):
                if a and a not in aliases and a != name:
                    aliases.append(a)
        roles: list[Role] = []
        for f in fs:
            for r in f.roles:
                m = _mention(article, doc, r["span"][0], r["span"][1])
                same = next(
                    (
                        x
                        for x in roles
                        if fold(x.title) == fold(r["title"])
                        and x.organization == r["organization"]
                        and (x.end is None) == (r["end"] is None)
                    ),
                    None,
                )
                if same:
                    if m not in same.mentions:
                        same.mentions.append(m)
                    continue
                roles.append(
                    Role(
                        title=r["title"],
                        organization=r["organization"],
                        country=r["country"] or country,
                        start=r["start"],
                        end=r["end"],
                        mentions=[m],
                        reported=r.get("reported"),
                    )
                )
        actors[key] = LocalActor(
            key=key,
            name=name,
            kind=kind,
            country=country,
            sector=sector,
            aliases=aliases,
            roles=roles,
            country_source=country_src if country else None,
        )
        current_office[key] = next((r.title for r in roles if r.end is None), None)
    mentions: list[EntityMention] = []
    for f in found:
        s, e = doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1].text)
        la = actors.get(f.key)
        if la is None:  # a place
            ent = Entity(id=f.key, name=f.name, kind="place", country=f.country)
        else:
            sector = f.sector or la.sector
            ent = Entity(
                id=f.key,
                name=la.name,
                kind=la.kind,
                country=la.country,
                sector=sector,
                office=current_office.get(f.key),
            )
        mentions.append(
            EntityMention(key=f.key, start=s, end=e, text=_text(doc)[s:e], entity=ent, is_place=f.is_place)
        )
    return mentions, list(actors.values())
