"""Deals: who sells what to whom, for how much, and how far the deal has got (SIPRI-like).

A deal is read from one sentence that names an item (``data/deals.yaml``: corvettes, UAVs,
tanks ...) and a transfer: a buying verb ("purchase", "order"), a selling verb ("supply",
"export", "build ... for"), or a deal noun ("a contract for 12 jets"). The dependency parse says
who is the subject of that transfer (climbing through "signed an agreement to supply" to the
signer) and which "to"/"for"/"from" phrase names the other side. Companies become the
contractor and give the supplier state; the nationality on the item ("Turkish corvettes") is the
maker's; states are reported as state entities whatever form named them (the Malaysian Air Force
is a Malaysian recipient).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..lexicon import load
from ..lexicon.files import Deals
from ..model import Deal, Entity, EntityMention, Money, stable_id
from .context import DocContext
from .figures import story_currencies, timex_date
from .money import find_money, is_conversion, parse_number

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable

    from spacy.tokens import Span, Token

_STATUS_ORDER = ("cancelled", "delivered", "contract", "mou", "agreement", "planned")


def _alt(words: list[str], plural: bool = False) -> str:
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        e = re.escape(w).replace(r"\ ", r"[\s-]+")
        parts.append(e + ("(?:e?s)?" if plural else ""))
    return r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])"


@dataclass(frozen=True)
class _Lex:
    items: re.Pattern[str]
    buy: frozenset[str]
    sell: frozenset[str]
    item_words: frozenset[str]
    generic: frozenset[str]
    not_after: frozenset[str]
    status: list[tuple[str, re.Pattern[str]]]
    plan_first: re.Pattern[str]
    future_delivery: re.Pattern[str]
    owner_words: re.Pattern[str]
    party_nouns: frozenset[str]
    deal_nouns: frozenset[str]
    sell_nouns: frozenset[str]
    buy_nouns: frozenset[str]
    batch_words: frozenset[str]
    item_head_nouns: frozenset[str]
    container_nouns: frozenset[str]
    denial_verbs: frozenset[str]
    request_verbs: frozenset[str]
    wish_words: frozenset[str]
    condition_marks: frozenset[str]
    topic_preps: frozenset[str]
    unit_price: re.Pattern[str]
    make: frozenset[str]
    award: frozenset[str]
    policy_nouns: frozenset[str]
    measure_units: frozenset[str]
    min_value: float
    makers: dict[str, tuple[str, str]]  # folded name or alias -> (maker's name, home state)
    products: dict[str, str]  # folded designation -> maker's name


def _fold(s: str) -> str:
    return re.sub(r"[\s-]+", " ", s.casefold()).strip()


@lru_cache(maxsize=1)
def lexicon() -> _Lex:
    raw: Deals = load("deals")
    items = [w for group in raw["items"].values() for w in group]
    return _Lex(
        items=re.compile(_alt(items, plural=True), re.I),
        item_words=frozenset(w.split()[-1].casefold() for w in items),
        generic=frozenset(w.casefold() for w in raw["generic_items"]),
        not_after=frozenset(w.casefold() for w in raw["not_items_before"]),
        # one-word verbs only: "take delivery" must not make every "took" a purchase
        buy=frozenset(w for w in raw["buy_verbs"] if " " not in w),
        sell=frozenset(w for w in raw["sell_verbs"] if " " not in w),
        status=[(k, re.compile(_alt(raw["status"][k]), re.I)) for k in _STATUS_ORDER],
        plan_first=re.compile(_alt(raw["plan_first"]), re.I),
        future_delivery=re.compile(r"(?:" + _alt(raw["future_delivery"]) + r")\s*$", re.I),
        owner_words=re.compile(_alt(raw["owner_words"]), re.I),
        party_nouns=frozenset(w.casefold() for w in raw["party_nouns"]),
        deal_nouns=frozenset(raw["deal_nouns"]),
        sell_nouns=frozenset(raw["sell_nouns"]),
        buy_nouns=frozenset(raw["buy_nouns"]),
        batch_words=frozenset(raw["batch_words"]),
        item_head_nouns=frozenset(raw["item_head_nouns"]),
        container_nouns=frozenset(raw["container_nouns"]),
        denial_verbs=frozenset(raw["denial_verbs"]),
        request_verbs=frozenset(raw["request_verbs"]),
        wish_words=frozenset(raw["wish_words"]),
        condition_marks=frozenset(raw["condition_marks"]),
        topic_preps=frozenset(raw["topic_preps"]),
        make=frozenset(raw["make_verbs"]),
        award=frozenset(raw["award_verbs"]),
        policy_nouns=frozenset(raw["policy_nouns"]),
        unit_price=re.compile(r"^[\s,]*" + _alt(raw["unit_price_words"]), re.I),
        measure_units=frozenset(w.casefold() for w in raw["measure_units"]),
        min_value=float(raw["min_value"]),
        makers={
            _fold(n): (c["name"], c["country"])
            for c in raw["contractors"]
            for n in [c["name"], *c.get("aliases", [])]
        },
        products={_fold(p): c["name"] for c in raw["contractors"] for p in c.get("products", [])},
    )


@lru_cache(maxsize=1)
def _country_words() -> dict[str, str]:
    """State names, aliases and adjectives ("Portugal", "Thai", "U.S.") -> ISO code."""
    out: dict[str, str] = {}
    for iso, c in load("countries").items():
        if c.get("historic"):
            continue
        for w in [c["name"], *c.get("aliases", []), *c.get("adj", [])]:
            out.setdefault(w.casefold(), iso)
    return out


def country_in_name(name: str | None) -> str | None:
    """The state a company's own name carries ("TAP Air Portugal", "Thai Airways International",
    "U.S. Leasing Corp"): a company the linker left stateless still buys for that state."""
    if not name:
        return None
    words = re.findall(r"[\w.'’-]+", name)
    table = _country_words()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            hit = table.get(" ".join(words[i : i + n]).casefold())
            if hit:
                return hit
    return None


def maker_of(name: str | None) -> tuple[str, str] | None:
    """The maker a company name or alias is (with its home state): "Saab AB" -> (Saab, SWE).
    Legal suffixes ("AB", "Co", "Inc") and a leading nationality word do not hide the name."""
    if not name:
        return None
    makers = lexicon().makers
    words = _fold(name).replace(".", "").split()
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            key = " ".join(words[i:j])
            hit = makers.get(key)
            # inside a longer name only a distinctive name ("Avions Marcel Dassault-Breguet Aviation")
            if hit is not None and (i == 0 or j == len(words) or len(key) >= 6):
                return hit
    return None


def ticker_state(ctx: DocContext, e: Entity) -> str | None:
    """The state a company's wire ticker tells, printed after any of its names in the story ("Isuzu
    Motors Ltd <ISUM.T>" -> Japan; ``link.orgs.ticker_country``), for a company with no other state."""
    from ..link.orgs import ticker_country

    text = ctx.article.text
    for m in ctx.entities:
        if m.entity.id == e.id or m.entity.name == e.name:
            iso = ticker_country(m.text, text[m.end : m.end + 16])
            if iso:
                return iso
    return None


def company_state(ctx: DocContext, e: Entity) -> str | None:
    """A stateless company's state from its own name ("Thai Airways"), a known maker's name, or
    its wire ticker: the evidence a company carries itself, read the same way by every record."""
    known = maker_of(e.name)
    return country_in_name(e.name) or (known[1] if known else None) or ticker_state(ctx, e)


def maker_of_designation(designation: str | None) -> str | None:
    """The maker of a model ("Rafale" -> Dassault Aviation; "K2" -> Hyundai Rotem), by the whole
    designation or its first word ("Gripen E/F", "Leopard 2A7")."""
    if not designation:
        return None
    products = lexicon().products
    d = _fold(designation)
    hit = products.get(d) or products.get(re.sub(r"s$", "", d))
    if hit:
        return hit
    for w in d.split():  # "Airbus A320", "Gripen E/F": a word of it may be the model
        if w in products:
            return products[w]
    maker = maker_of(designation)  # "Saab SF340", "Boeing 747": the maker named in the model
    return maker[0] if maker else None


# ------------------------------------------------------------------------------------- entities


def _state(iso: str, ctx: DocContext) -> Entity:
    """The state entity for an ISO code, named as the article names it when it does."""
    key = f"c:{iso}"
    for m in ctx.entities:
        if m.key == key:
            e = m.entity
            return Entity(id=key, name=e.name, kind="country", country=iso, sector=e.sector or "GOV")
    name = iso
    try:
        import pycountry

        c = pycountry.countries.get(alpha_3=iso)
        name = getattr(c, "common_name", None) or c.name if c else iso
    except Exception:  # noqa: BLE001 - a missing name is cosmetic
        pass
    return Entity(id=key, name=name, kind="country", country=iso, sector="GOV")


_BODIES = frozenset({"IGO", "NGO"})  # PLOVER's codes of bodies that are no state


def _side(e: Entity, ctx: DocContext) -> Entity:
    """The party an entity is in a deal: its state, or the international body itself ("the
    European Community sold wheat": the EC, not a state named "IGO")."""
    return _copy(e) if e.country in _BODIES else _state(e.country or "", ctx)


def _copy(e: Entity) -> Entity:
    return Entity(id=e.id, name=e.name, kind=e.kind, country=e.country, sector=e.sector, office=e.office)


def _ents_in_span(ctx: DocContext, tokens: Iterable[Token]) -> list[EntityMention]:
    toks = list(tokens)
    if not toks:
        return []
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    found = ctx.entities_in(start, end)
    if not found:
        m = ctx.entity_at(start, end)
        found = [m] if m else []
    return [m for m in found if m.entity.kind != "country" or not m.is_place or m.entity.country]


def _party(ctx: DocContext, tokens: Iterable[Token]) -> EntityMention | None:
    """The actor a phrase names: an organisation or state first, then a person."""
    ms = _ents_in_span(ctx, tokens)
    rank = {"organization": 0, "country": 1, "group": 2, "person": 3}
    ms = [m for m in ms if not (m.is_place and m.entity.kind != "country") and not _names_a_thing(ctx, m)]
    if not ms:
        return None
    return sorted(ms, key=lambda m: (rank.get(m.entity.kind, 4), m.start))[0]


def _conjoined(ctx: DocContext, m: EntityMention, subj: Token) -> bool:
    """Is the mention a conjunct of the subject ("Rheinmetall and Hungary signed"), not a word
    of an apposition or modifier inside it ("Sesostris, the Spanish subsidiary")?"""
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok, seen_conj = span.root, False
    while tok != subj and tok.head != tok:
        if tok.dep_ not in ("conj", "compound", "flat"):
            return False
        seen_conj = seen_conj or tok.dep_ == "conj"
        tok = tok.head
    return tok == subj and (seen_conj or any(c.dep_ == "conj" for c in subj.children))


def _apposed_state(ctx: DocContext, subj: Token) -> str | None:
    """The state an apposition gives a company subject ("Sesostris, the Spanish subsidiary of
    Dreyfus"): a country word modifying the apposition's head."""
    for ap in (c for c in subj.children if c.dep_ == "appos"):
        for mod in (c for c in ap.children if c.dep_ in ("amod", "compound")):
            m = ctx.entity_at(mod.idx, mod.idx + len(mod.text))
            if m is not None and m.entity.kind == "country" and m.entity.country:
                return m.entity.country
    return None


def _names_a_thing(ctx: DocContext, m: EntityMention) -> bool:
    """A name modifying a common noun names a thing, not an actor ("the Tamar gas fields")."""
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    while root.dep_ == "conj" and root.head.pos_ in ("PROPN", "ADJ") and root.head != root:
        root = root.head  # "U.S. or Soviet registration": the first conjunct's place
    head = root.head.lemma_.casefold()
    lex = lexicon()
    if root.dep_ == "compound":
        return root.head.pos_ == "NOUN" and head not in lex.deal_nouns and head not in lex.item_words
    # "to U.S. registration", "to Panama's flag": a state's word on a noun that stands for no
    # party describes it
    return (
        root.dep_ in ("amod", "nmod", "poss")
        and m.entity.kind == "country"
        and root.head.pos_ == "NOUN"
        and head not in lex.party_nouns
        and head not in lex.deal_nouns
        and head not in lex.item_words
    )


# ------------------------------------------------------------------------------------- parse


def _transfer_verb(head: Token) -> tuple[Token | None, str | None]:
    """The buying or selling verb that governs the item (walking up the parse)."""
    lex = lexicon()
    tok = head
    for _ in range(6):
        lem = tok.lemma_.casefold()
        if (tok.pos_ in ("VERB", "AUX") and lem in lex.buy) or (tok.pos_ == "NOUN" and lem in lex.buy_nouns):
            return tok, "buy"
        if tok.pos_ == "NOUN" and lem == "delivery" and tok.head.lemma_.casefold() in ("take", "accept"):
            return tok.head, "buy"  # "took delivery of": the receiver speaks
        if (tok.pos_ in ("VERB", "AUX") and lem in lex.sell) or (
            tok.pos_ == "NOUN" and lem in lex.sell_nouns
        ):
            return tok, "sell"
        if tok != head and tok.pos_ == "VERB":
            break  # another act governs the item ("to protect forces from attack helicopters")
        if tok.dep_ in ("nsubj", "agent"):
            break  # "tankers supplied crude oil", "supplied by destroyers": the item carries or acts
        if tok != head and not _holds_item(tok):
            break  # "escorts for tankers": the escorts, not the tankers, are what is provided
        if tok.head == tok:
            break
        tok = tok.head
    return None, None


def _holds_item(tok: Token) -> bool:
    """Can a word between an item and its transfer hold the item? Prepositions, numbers and the
    nouns of a batch or a deal can ("a batch of tanks", "a contract for jets"); any other noun
    is the thing that moves or is meant instead ("escorts for tankers", "a wish list of jets")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return True
    lex = lexicon()
    lem = tok.lemma_.casefold()
    return (
        lem in lex.container_nouns
        or lem in lex.deal_nouns
        or lem in lex.sell_nouns
        or lem in lex.buy_nouns
        or lem in lex.batch_words
        or lem in lex.item_words
        or tok.text.casefold() in lex.item_words
    )


def _with_on_chain(tok: Token) -> list[Token]:
    """Objects of "with" on the words governing ``tok`` (the deal, the talks, the signing)."""
    out = []
    cur = tok
    for _ in range(5):
        near = [
            cur,
            *(  # "signed a deal with X", never "used a pipeline link with X"
                c
                for c in cur.children
                if c.dep_ in ("dobj", "attr", "nsubjpass")
                and c.pos_ == "NOUN"
                and c.lemma_.casefold() in lexicon().deal_nouns
            ),
            *(  # "entered into a contract with X for the supply of jets"
                g
                for c in cur.children
                if c.dep_ == "prep"
                for g in c.children
                if g.dep_ == "pobj" and g.lemma_.casefold() in lexicon().deal_nouns
            ),
        ]
        for n in near:
            for c in n.children:
                if c.dep_ == "prep" and c.text.casefold() == "with":
                    out.extend(g for g in c.children if g.dep_ == "pobj")
        if cur.head == cur:
            break
        cur = cur.head
    return out


def _done(verb: Token) -> bool:
    """Is the transfer told as done: past ("bought") or perfect ("has bought")?"""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _awards_a_deal(verb: Token, item: Token) -> bool:
    """Is what the award verb gives a deal ("awarded a contract for 12 frigates", "was awarded
    an order") or the item itself ("awarded the frigates to Kongsberg")?"""
    lex = lexicon()
    given = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    return (
        any(
            g.lemma_.casefold() in lex.deal_nouns
            or g == item
            or item in g.subtree
            and g.lemma_.casefold() in lex.item_words
            for g in given
        )
        or not given
    )


def _topic_of_another(tok: Token) -> bool:
    """Is a transfer noun only what another act is about ("sanctions on imports of microchips",
    "talks about arms sales")? Then it reports no sale, unless a deal noun is what it is about
    ("an agreement on the sale of 12 jets")."""
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj":
        return False
    prep = tok.head
    return prep.lower_ in lexicon().topic_preps and prep.head.lemma_.casefold() not in lexicon().deal_nouns


def _deal_noun(head: Token) -> Token | None:
    """The deal noun the item hangs from ("a contract ... for the first batch of 180 tanks")."""
    tok = head
    for _ in range(6):
        if tok.lemma_.casefold() in lexicon().deal_nouns:
            return tok
        if tok != head and tok.pos_ == "VERB":
            # "a contract Poland signed in 2022 for 180 tanks", "signed a contract for 180 tanks"
            if tok.dep_ == "relcl" and tok.head.lemma_.casefold() in lexicon().deal_nouns:
                return tok.head
            objs = [
                c for c in tok.children if c.dep_ == "dobj" and c.lemma_.casefold() in lexicon().deal_nouns
            ]
            return objs[0] if objs else None
        if tok.head == tok or (tok != head and not _holds_item(tok)):
            break
        if tok.dep_ == "prep" and tok.lower_ in lexicon().topic_preps:
            return None  # "a trade agreement on semiconductors": a policy, not a sale
        tok = tok.head
    return None


def _subject(tok: Token) -> tuple[Token | None, bool]:
    """The actor doing ``tok`` (climbing "signed an agreement to supply"), and whether it is instead
    the one the act is done to ("Malaysia was supplied with ..."). A by-phrase names the doer; a
    passive subject higher up ("Brazil is set to receive") is the doer of the raised verb."""
    cur = tok
    for _ in range(6):
        for c in cur.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c, False
            if c.dep_ == "agent":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0], False
        for c in cur.children:
            if c.dep_ == "nsubjpass":
                return c, cur == tok
        if cur.head == cur:
            break
        cur = cur.head
    return None, False


def _preps(verb: Token, words: tuple[str, ...], after: int) -> list[Token]:
    """Objects of the prepositions ``words`` attached to the verb or its object, after the item."""
    out = []
    scope = list(verb.subtree)
    if verb.pos_ == "NOUN" and verb.head != verb:
        # "approved the sale of jets to Taiwan": the phrase hangs on the verb governing the noun
        scope += [c for c in verb.head.children if c.dep_ in ("prep", "dative")]
    for t in scope:
        if t.i < after or t.dep_ not in ("prep", "dative") or t.text.casefold() not in words:
            continue
        if not _same_clause(t, verb):
            continue  # "to protect forces from attack helicopters": another verb's phrase
        out.extend(c for c in t.children if c.dep_ == "pobj")
    return out


def _same_clause(t: Token, verb: Token) -> bool:
    """No other verb between a phrase and the transfer word it hangs from."""
    cur = t.head
    for _ in range(12):
        if cur == verb or cur == verb.head:
            return True
        if cur.pos_ == "VERB":
            return False
        if cur.head == cur:
            return False
        cur = cur.head
    return False


def _item_phrase(head: Token, ctx: DocContext) -> tuple[str, str | None, int | None, list[EntityMention]]:
    """Item words, designation, quantity, and entity mentions modifying the item."""
    left = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nummod", "nmod", "quantmod")]
    toks = sorted([*(w for t in left for w in t.subtree), head], key=lambda t: t.i)
    nat = [
        m
        for m in _ents_in_span(ctx, [t for t in toks if t != head and t.pos_ in ("ADJ", "PROPN")])
        if m.entity.kind in ("country", "group") and m.entity.country and not m.is_place
    ]
    nat_idx = {
        t.i
        for t in toks
        for m in nat
        if m.start <= t.idx < m.end and (t.pos_ in ("ADJ", "PROPN") or t.ent_type_)
    }
    qty = None
    sent = head.sent
    money = [(sent.start_char + m.start, sent.start_char + m.end) for m in find_money(sent.text)]
    item_words: list[Token] = []
    desig: list[Token] = []
    # "number two corn": the noun a rank number follows names the rank, not the item
    ranks = {t.head.i for t in toks if t.like_num and t.head.i < t.i and t.head != head}
    for t in toks:
        if t.i in ranks or _after_glued_number(t):
            continue  # "number two corn", "34-seater aircraft": a rank or a size, not the item
        glued = (
            t.i > 1
            and t.nbor(-1).text == "-"
            and not t.nbor(-1).whitespace_
            and desig
            and desig[-1].i == t.i - 2
        )
        if (t.like_num or t.dep_ == "nummod") and desig and (desig[-1].i == t.i - 1 or glued) and t != head:
            desig.append(t)  # "Leopard 2", "A-300-600": the number names the model
            continue
        if (t.like_num or t.dep_ == "nummod") and parse_number(t.text) is not None:
            if _scaled(t):
                continue  # "a 40-mln dlr oil purchase": an amount, not a count
            if _glued_modifier(t):
                continue  # "80-passenger airliner", "1985-1986 arms sales": a modifier, not a count
            if t.i > t.head.i or any(
                x.type == "DATE" and x.start <= t.idx < x.end
                for x in ctx.timexes_in(t.idx, t.idx + len(t.text))
            ):
                continue  # "number two corn", "a 1985 arms sale": a rank or a year, not a count
            if t.dep_ == "nummod" or t.head == head:
                v = parse_number(t.text)
                if v is not None and v == int(v) and 0 < v < 100000 and qty is None:
                    qty = int(v)
            continue
        if t.i in nat_idx or t.pos_ in ("DET", "PUNCT") or t.ent_type_ in ("NORP", "MONEY"):
            continue
        if any(a <= t.idx < b for a, b in money):
            continue  # "a 320 mln dlr icebreaker": the value, not the item
        if t == head and t.lemma_.casefold() in lexicon().deal_nouns:
            continue  # "an arms deal": the item is the arms
        prev = {d.i for d in desig}
        after_hyphen = t.i > 0 and t.nbor(-1).text == "-" and t.nbor(-1).i - 1 in prev
        capital = t.text[:1].isupper() and t.i != t.sent.start and t.pos_ in ("PROPN", "NOUN", "ADJ")
        if capital or re.search(r"\d", t.text) or after_hyphen:
            desig.append(t)  # "Rafale", "F-16", "Leopard 2", "Virginia-class"
        elif (t.pos_ in ("NOUN", "ADJ") and t.lemma_.casefold() not in lexicon().batch_words) or t == head:
            item_words.append(t)
    designation = None
    if desig:
        text = head.doc.text
        designation = re.sub(r"\s+", " ", text[desig[0].idx : desig[-1].idx + len(desig[-1].text)]).strip()
        if len(designation) > 40 or head.idx < desig[-1].idx:
            designation = " ".join(d.text for d in desig)
    item = "".join(
        t.text + (t.whitespace_ if i + 1 < len(item_words) and item_words[i + 1].i == t.i + 1 else " ")
        for i, t in enumerate(item_words)
    )
    item = re.sub(r"\s+", " ", item).strip().casefold()
    return item or head.text.casefold(), designation, qty, nat


def _after_glued_number(t: Token) -> bool:
    """Is this word glued by a hyphen after a number ("34-seater", "six-tonne")? With the number
    it describes the item's size; without it, it would garble the item ("seater aircraft")."""
    return (
        t.i > 1
        and t.nbor(-1).text == "-"
        and not t.nbor(-1).whitespace_
        and not t.nbor(-2).whitespace_
        and t.nbor(-2).like_num
        and not t.like_num
        and not any(c.isdigit() for c in t.text)
    )


def _bulk(head: Token) -> tuple[int | None, str | None]:
    """The quantity of bulk goods and its measure ("214,000 tonnes of soybeans" -> 214000,
    "tonnes"; "1.5 mln barrels of crude" -> 1500000, "barrels"), or a count of items told as "N of
    the items" ("up to 50 of its planes" -> 50, None)."""
    from .money import lexicon as money_lexicon

    of = head.head
    if head.dep_ != "pobj" or of.lower_ != "of" or of.head == of:
        holder = _measure_before(head)  # "bought 25,000 tonnes U.S. soybeans": no "of" between
        if holder is None:
            return None, None
    else:
        holder = of.head
    if holder.like_num:
        v = parse_number(holder.text)
        return (int(v), None) if v is not None and v == int(v) and 0 < v < 100000 else (None, None)
    if (
        holder.lemma_.casefold() not in lexicon().measure_units
        and holder.lower_ not in lexicon().measure_units
    ):
        return None, None
    nums = [t for t in holder.lefts if t.like_num or t.dep_ in ("nummod", "quantmod")]
    first = next(
        (t for w in nums for t in w.subtree if t.like_num and parse_number(t.text) is not None), None
    )
    if first is None:
        return None, None
    value = parse_number(first.text) or 0.0
    # the scale before the measure scales the whole range ("between one and two mln tonnes")
    scales = money_lexicon().scales
    scale = next((scales[t.lower_] for t in first.doc[first.i + 1 : holder.i] if t.lower_ in scales), 1.0)
    value *= scale
    return (int(value), holder.text.casefold()) if value > 0 else (None, None)


def _alternatives(tok: Token) -> bool:
    """Is the phrase a choice between parties ("either Boeing or Airbus", "France or Sweden")?"""
    return any(c.dep_ == "preconj" or (c.dep_ == "cc" and c.lower_ == "or") for c in tok.children)


def _measure_before(head: Token) -> Token | None:
    """A counted measure right before the item phrase, with no "of" between ("25,000 tonnes U.S.
    soybeans", which the parse takes as two objects): the measure the item is sold by."""
    left = min(t.i for t in head.subtree)
    if left == 0:
        return None
    prev = head.doc[left - 1]
    units = lexicon().measure_units
    counted = any(c.like_num or c.dep_ in ("nummod", "quantmod") for c in prev.children)
    return prev if counted and (prev.lemma_.casefold() in units or prev.lower_ in units) else None


def _glued_modifier(t: Token) -> bool:
    """Is this number glued by a hyphen to the next word ("80-passenger", "six-tonne",
    "1985-1986")? It then describes the item or dates it; it counts nothing."""
    if not t.whitespace_ and t.i + 1 < len(t.doc) and t.nbor(1).text == "-":
        return True
    # "757-200": the number after a hyphen glued to a number names a model
    return t.i > 1 and t.nbor(-1).text == "-" and not t.nbor(-1).whitespace_ and t.nbor(-2).like_num


def _scaled(t: Token) -> bool:
    """Is this number the head of an amount ("40-mln", "3 billion")? Then it counts no items."""
    from .money import lexicon as money_lexicon

    scales = money_lexicon().scales
    for k in (1, 2):
        if t.i + k < len(t.doc):
            nxt = t.doc[t.i + k]
            if nxt.text == "-":
                continue
            return nxt.text.casefold() in scales and len(nxt.text) > 1
    return False


def _status(text: str) -> str | None:
    """How far the deal has got, by the strongest cue in ``text``; a plan told before the cue of a
    signed or agreed deal ("is set to sign a contract") keeps it planned, and "received a
    contract" is a contract, not a delivery."""
    lex = lexicon()
    for status, rx in lex.status:
        for m in rx.finditer(text):
            if status == "delivered" and (
                lex.future_delivery.search(text[max(0, m.start() - 30) : m.start()])
                or re.match(r"\s+(?:\w+\s+){0,3}?(?:contract|order|deal)s?\b", text[m.end() :], re.I)
            ):
                continue
            if status in ("contract", "mou", "agreement") and lex.plan_first.search(text[: m.start()]):
                return "planned"
            return status
    return None


def _delivery(ctx: DocContext, s0: int, s1: int) -> str | None:
    """Delivery terms: "delivered within three-and-a-half years", "delivery by 2027"."""
    text = ctx.article.text
    m = re.search(r"deliver", text[s0:s1], re.I)
    if not m:
        return None
    for t in ctx.timexes_in(s0 + m.start(), s1):
        prep = re.search(
            r"\b(within|by|in|from|over|starting|until|before)\s+$", text[max(s0, t.start - 12) : t.start]
        )
        if t.type == "DURATION" or prep:
            return ((prep.group(1) + " ") if prep else "") + t.text
    return None


def _date(ctx: DocContext, s0: int, s1: int, verb: Token) -> str | None:
    """The order date: a dated time expression in the sentence (not a delivery date)."""
    text = ctx.article.text
    best = None
    for t in ctx.timexes_in(s0, s1):
        if t.type != "DATE":
            continue
        d = timex_date(t.value)
        if not d:
            continue
        before = text[max(s0, t.start - 40) : t.start]
        if re.search(r"deliver\w*[^.]{0,25}$", before, re.I) or re.search(
            r"\b(by|until|before|no later than)\s+$", before
        ):
            continue
        dist = abs(t.start - (verb.idx if verb is not None else s0))
        if best is None or dist < best[0]:
            best = (dist, d)
    if best:
        return best[1]
    # reported as new: a simple-past signing with no date of its own is the story's news
    if verb is not None and ctx.dct:
        root = verb
        while root.head != root and root.dep_ in (
            "xcomp",
            "advcl",
            "acl",
            "dobj",
            "relcl",
            "ccomp",
            "pobj",
            "prep",
        ):
            root = root.head
        perfect = root.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.text.casefold() in ("has", "have") for c in root.children
        )
        if (root.tag_ == "VBD" or perfect) and not re.search(
            r"\b(earlier|previously|already|ago|once)\b", text[s0:s1], re.I
        ):
            return ctx.dct
    return None


# ------------------------------------------------------------------------------------- extract


def extract(ctx: DocContext) -> list[Deal]:
    """Deals read from one article, one per item mention (merged when the same deal repeats)."""
    lex = lexicon()
    text = ctx.article.text
    deals: list[Deal] = []
    sents = list(ctx.doc.sents)
    for si, sent in enumerate(sents):
        s0, s1 = sent.start_char, sent.end_char
        stext = text[s0:s1]
        seen_heads: set[int] = set()
        for im in lex.items.finditer(stext):
            span = ctx.doc.char_span(s0 + im.start(), s0 + im.end(), alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            inside = ctx.entity_at(span.start_char, span.end_char)
            if (
                inside is not None
                and inside.entity.kind == "organization"
                and inside.start <= span.start_char
            ):
                continue  # "American Aircraft Corp": a name, not an item
            head = span.root
            chain = [head]
            while head.dep_ == "compound" and head.head != head:
                head = head.head
                chain.append(head)
            if any(t.lemma_.casefold() in lex.not_after for t in chain):
                continue  # "arms control agreement", "missile programme"
            if head.i in seen_heads or not _is_item_head(head):
                continue  # "helicopter maker", "missile unit": the item only names something else
            seen_heads.add(head.i)
            deal = _read(ctx, sent, head)
            if deal is None:
                continue
            if deal.delivery is None and si + 1 < len(sents):
                nxt = sents[si + 1]
                if not lex.items.search(nxt.text) or re.search(
                    r"\b(the|these|those)\s+\w+\s+will\b", nxt.text
                ):
                    deal.delivery = _delivery(ctx, nxt.start_char, nxt.end_char)
            deals.append(deal)
    return [d for d in merge_within(_complete_sides(deals)) if _two_sided(d)]


def _two_sided(d: Deal) -> bool:
    """A deal is between a buyer and a seller (a company or its state): "Raytheon was awarded a
    contract", "four destroyers fired" name one side only and are no deal record."""
    return d.recipient is not None and (d.supplier is not None or d.contractor is not None)


def _complete_sides(deals: list[Deal]) -> list[Deal]:
    """A deal that names one side ("a contract Peru signed in 2020 for the first batch of 40
    tanks") takes the other from the story's deal for the same item that names it."""
    for d in deals:
        for other in deals:
            if other is d or not _items_match(d.item, other.item):
                continue
            if d.supplier is None and d.contractor is None and d.recipient is not None:
                if other.recipient is not None and other.recipient.country == d.recipient.country:
                    d.supplier, d.contractor = other.supplier, other.contractor
            elif d.recipient is None and other.recipient is not None:
                same_seller = (
                    d.supplier and other.supplier and d.supplier.country == other.supplier.country
                ) or (d.contractor and other.contractor and d.contractor.name == other.contractor.name)
                if same_seller:
                    d.recipient = other.recipient
    return deals


def _read(ctx: DocContext, sent: Span, head: Token) -> Deal | None:
    text = ctx.article.text
    s0, s1 = sent.start_char, sent.end_char
    verb, role = _transfer_verb(head)
    if verb is not None and _topic_of_another(verb):
        return None
    noun = None
    if verb is None:
        noun = _deal_noun(head)
        if noun is None:
            return None
    own = verb if verb is not None else noun
    if own.pos_ in ("NOUN", "PROPN") and own.dep_ in ("nsubj", "nsubjpass"):
        # "South Korea's purchase of corn ... indicates imports are set for a jump": the deal
        # noun is the subject of another claim, whose words are not the deal's status
        status = _status(_own_words(own))
    else:
        status = _status(_clause_text(verb if verb is not None else noun)) or _status(text[s0:s1])
    if status is None:
        if verb is None or verb.tag_ not in ("VBD", "VBN"):
            return None
        status = "agreement"
    if status == "planned" and verb is not None and _done(verb):
        status = "agreement"  # "bought 95,000 tonnes in a tender and may buy more": done, whatever follows
    anchor = verb if verb is not None else noun
    if _denied(anchor, head):
        return None
    subj, passive = _subject(anchor)
    if verb is None and noun is not None:
        # "a contract Poland signed": the signer of the relative clause is the deal's subject
        for rel in (c for c in noun.children if c.dep_ == "relcl"):
            subj = next((c for c in rel.children if c.dep_ == "nsubj"), subj)
    subj_m = _party(ctx, subj.subtree) if subj is not None else None
    item, designation, qty, nat = _item_phrase(head, ctx)
    unit = None
    if qty is None:
        qty, unit = _bulk(head)

    supplier = recipient = contractor = None

    def as_seller(m: EntityMention | None) -> None:
        nonlocal supplier, contractor
        if m is None:
            return
        e = m.entity
        if (
            e.kind == "organization"
            and contractor is None
            and e.sector in (None, "BUS")
            and e.country not in _BODIES
            and not _is_military_owner(m)
        ):
            contractor = _copy(e)
        if e.country and supplier is None:
            supplier = _side(e, ctx)

    def as_buyer(m: EntityMention | None) -> None:
        nonlocal recipient
        if m is None or recipient is not None:
            return
        iso = m.entity.country
        if not iso and m.entity.kind == "organization":
            # "Thai Airways purchased two DC-10s"; a known company buys for its home state
            known = maker_of(m.entity.name)
            iso = (
                country_in_name(m.entity.name) or (known[1] if known else None) or ticker_state(ctx, m.entity)
            )
        if iso == m.entity.country and iso in _BODIES:
            recipient = _copy(m.entity)  # "the EC bought": the bloc itself, as PLOVER codes it
        elif iso:
            recipient = _state(iso, ctx)

    after = head.i

    def beside(m: EntityMention | None) -> None:
        """ "Rheinmetall and Hungary signed a contract": the state beside the company buys."""
        if m is None or subj is None or m.entity.kind != "organization":
            return
        for other in _ents_in_span(ctx, subj.subtree):
            if not _conjoined(ctx, other, subj):
                continue  # "Sesostris, the Spanish subsidiary of Dreyfus, sold": the seller's own
            if other.entity.kind == "country" and not other.is_place and other.entity.country:
                if supplier is None or other.entity.country != supplier.country:
                    as_buyer(other)

    if role in ("sell", "buy") and anchor.pos_ == "NOUN":
        # "an Israeli shipment of U.S. arms", "the Indian purchase of jets": the state on the deal
        # noun makes the move; the one on the item only made it
        for c in anchor.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and head not in c.subtree:
                for m in _ents_in_span(ctx, c.subtree):
                    if m.entity.kind == "country" and not m.is_place:
                        (as_seller if role == "sell" else as_buyer)(m)
    if role == "sell" and anchor.lemma_.casefold() in lexicon().award:
        if not _awards_a_deal(anchor, head):
            return None  # "awarded export licences for 20,000 tonnes of maize": a permit, no sale
        # "X was awarded a contract", "the Navy awarded X a contract", "awarded the contract to X":
        # the awarder buys, the awardee sells
        if passive:
            as_seller(subj_m)
            for ag in (c for c in anchor.children if c.dep_ == "agent"):
                for pobj in (g for g in ag.children if g.dep_ == "pobj"):
                    as_buyer(_party(ctx, pobj.subtree))
        else:
            as_buyer(subj_m)
            for c in anchor.children:
                if c.dep_ in ("dobj", "dative") and head not in c.subtree:
                    as_seller(_party(ctx, c.subtree))
            for pobj in _preps(anchor, ("to",), after):
                as_seller(_party(ctx, pobj.subtree))
    elif role == "sell":
        if passive:
            as_buyer(subj_m)  # "Malaysia was supplied with three corvettes"
        else:
            as_seller(subj_m)
            if supplier is None and subj is not None and (iso := _apposed_state(ctx, subj)):
                supplier = _state(iso, ctx)
            beside(subj_m)
            for c in anchor.children:  # "Peru was supplied with tanks by Germany"
                if c.dep_ == "nsubjpass" and c != subj:
                    as_buyer(_party(ctx, c.subtree))
        for pobj in _preps(anchor, ("to", "for"), after):
            as_buyer(_party(ctx, pobj.subtree))
        for c in anchor.children:  # "Saab will provide Colombia with 15 jets"
            if c.dep_ in ("dobj", "dative") and head not in c.subtree and not passive:
                as_buyer(_party(ctx, c.subtree))
        if recipient is None and not passive:
            # "Saab entered into a contract with the Colombian government for the supply of jets"
            for pobj in _with_on_chain(anchor):
                m = _party(ctx, pobj.subtree)
                if (
                    m is not None
                    and m.entity.country
                    and (supplier is None or m.entity.country != supplier.country)
                ):
                    as_buyer(m)
    elif role == "buy":
        if not passive:
            as_buyer(subj_m)
        for pobj in _preps(anchor, ("from",), after):
            if not _alternatives(pobj):  # "from either Boeing or Airbus": no seller chosen yet
                as_seller(_party(ctx, pobj.subtree))
        if supplier is None and contractor is None:
            # "signed a deal with France to buy ...", "in talks with China to buy ..."
            for pobj in _with_on_chain(anchor):
                as_seller(_party(ctx, pobj.subtree))
    else:  # a deal noun: a company as subject sells, a state buys; "with X" is the other side
        if (
            subj_m is not None
            and subj_m.entity.kind == "organization"
            and anchor.lemma_.casefold() not in lexicon().buy_nouns
        ):
            as_seller(subj_m)
            beside(subj_m)
        else:
            as_buyer(subj_m)
        for pobj in _preps(anchor.head if anchor.head != anchor else anchor, ("with", "from", "to"), 0):
            m = _party(ctx, pobj.subtree)
            if m is not None and recipient is not None:
                as_seller(m)
            elif m is not None:
                as_buyer(m)
    if contractor is None:
        # "submarines built by Naval Group": the maker named on the item
        for v in head.children:
            if v.dep_ == "acl" and v.tag_ == "VBN":
                for ag in (c for c in v.children if c.dep_ == "agent"):
                    for pobj in (g for g in ag.children if g.dep_ == "pobj"):
                        as_seller(_party(ctx, pobj.subtree))
    # the nationality on the item is its maker's ("Turkish corvettes"), unless it is the buyer's
    for m in nat:
        if (
            m.entity.country
            and supplier is None
            and (recipient is None or m.entity.country != recipient.country)
        ):
            supplier = _state(m.entity.country, ctx)
    contractor, supplier = _maker(ctx, contractor, supplier, designation, recipient)
    if supplier is not None and recipient is not None and supplier.country == recipient.country:
        recipient = None
    if supplier is None and recipient is None and contractor is None:
        return None
    if role == "sell" and verb is not None and verb.lemma_.casefold() in lexicon().make and recipient is None:
        return None  # "approval for Egypt to produce the tank": making with nobody to make it for

    value = _value(ctx, s0, s1, head)
    # generic: the item, or its head noun with no other item word before it ("invaluable bridge",
    # but not "fighter jets")
    words = item.split()
    generic = item in lexicon().generic or (
        item_key(item) in lexicon().generic and not any(w in lexicon().item_words for w in words[:-1])
    )
    if generic and qty is None and value is None and designation is None:
        return None
    if (
        noun is not None
        and (head == noun or (head.dep_ == "compound" and head.head == noun))
        and noun.lemma_.casefold() in lexicon().policy_nouns
        and not (qty or value or designation)
    ):
        return None  # "the semiconductor accord", "the grains agreement": a trade accord, no sale
    parties = (recipient is not None) + (supplier is not None or contractor is not None)
    if recipient is None and not (designation or value):
        return None  # "GM sold 1,500 vehicles": a seller's sales, with nobody buying, is no deal
    if parties < 2 and not (qty or value or designation):
        return None  # one party and nothing concrete: a mention of weapons, not a deal
    date = _date(ctx, s0, s1, anchor)
    delivery = _delivery(ctx, s0, s1)
    filled = sum(x is not None for x in (supplier, recipient, contractor, qty, value, date))
    return Deal(
        id=stable_id("d", ctx.article.id, head.idx, item),
        supplier=supplier,
        recipient=recipient,
        contractor=contractor,
        item=item,
        designation=designation,
        quantity=qty,
        unit=unit,
        value=value,
        status=status,
        date=date,
        delivery=delivery,
        mentions=[ctx.mention(head.idx, head.idx + len(head.text))],
        confidence=round(min(0.4 + 0.08 * filled, 0.85), 2),
    )


_CLAUSE_DEPS = frozenset(
    {
        "xcomp",
        "dobj",
        "pobj",
        "prep",
        "acl",
        "compound",
        "nsubj",
        "nsubjpass",
        "relcl",
        "advcl",
        "amod",
        "conj",
        "appos",
        "attr",
        "agent",
        "dative",
        "npadvmod",
        "oprd",
        "pcomp",
        "nmod",
    }
)


def _own_words(noun: Token) -> str:
    """The words of a noun phrase up to its first aside ("purchase of corn -- close to double")."""
    toks = [t for t in noun.subtree if t.dep_ not in ("appos", "parataxis") and t.text not in ("--", "(")]
    cut = next((t.i for t in noun.subtree if t.i > noun.i and t.text in ("--", "(", ",")), None)
    toks = [t for t in toks if cut is None or t.i < cut]
    return " ".join(t.text for t in toks)


def _clause_text(anchor: Token) -> str:
    """The clause a transfer is told in (up to a reported or complement clause's verb), so its
    status comes from its own words: in "reports claimed a discounted deal; reports said Pakistan
    was set to acquire 40 jets" the acquisition is planned, not agreed."""
    top = anchor
    while top.head != top and top.dep_ in _CLAUSE_DEPS:
        top = top.head
    toks = list(top.subtree)
    return top.doc.text[min(t.idx for t in toks) : max(t.idx + len(t.text) for t in toks)]


def _denied(anchor: Token, item: Token) -> bool:
    """Is the transfer denied, negated, failed or conditional in its own clause ("did not agree
    to buy", "bought no wheat", "whether it will buy", "denied reports that it had signed a deal
    to acquire", "failed to conclude purchases")? A negation further up (a "did not say how many
    it ordered") does not count; a denial anywhere above does."""
    lex = lexicon()
    if any(c.dep_ == "det" and c.lower_ == "no" for c in item.children):
        return True  # "has bought no wheat"
    tok = anchor
    own = True  # still in the transfer's own clause (its verb, or the verb it is the object of)
    for _ in range(8):
        if tok.lemma_.casefold() in lex.denial_verbs:
            return True
        if tok != anchor and tok.lemma_.casefold() in lex.request_verbs:
            return True  # "urged Japan to buy more supercomputers": a wish of another, no deal
        if tok != anchor and _wished(tok):
            return True  # "wanted to sell a supercomputer", "issued a tender to buy wheat": no deal
        if own and any(
            c.dep_ == "neg"
            or (c.lower_ in ("no", "never") and c.dep_ == "det")
            or (c.dep_ == "mark" and c.lower_ in lex.condition_marks)
            for c in tok.children
        ):
            return True
        if tok.dep_ not in ("xcomp", "dobj", "pobj", "prep", "acl", "compound", "nsubj", "nsubjpass"):
            own = False
        if tok.head == tok:
            break
        tok = tok.head
    return False


def _wished(tok: Token) -> bool:
    """Is a word above a transfer a wish, a need or a tender ("wanted to", "is keen to"), or a
    verb whose object is one ("issued a tender to buy", "put out a tender for")?"""
    wish = lexicon().wish_words
    if tok.pos_ in ("VERB", "ADJ", "NOUN") and tok.lemma_.casefold() in wish:
        return True
    return tok.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.casefold() in wish for c in tok.children)


def _maker(
    ctx: DocContext,
    contractor: Entity | None,
    supplier: Entity | None,
    designation: str | None,
    recipient: Entity | None,
) -> tuple[Entity | None, Entity | None]:
    """Contractor and supplier state completed from what makers are known to build: a company
    named without a country takes its home state ("Hyundai Rotem" -> South Korea), a designation
    with no maker named takes its maker ("Rafale" -> Dassault Aviation) unless the seller named
    is another state (a second-hand sale), and the supplier is the contractor's state."""
    if contractor is not None:
        # a maker known by name is known with its home state, whatever a guess from the text said
        hit = maker_of(contractor.name)
        if hit is not None and contractor.country != hit[1]:
            guessed = contractor.country
            contractor = _copy(contractor)
            contractor.country = hit[1]
            if supplier is not None and guessed and supplier.country == guessed:
                supplier = None  # the state came from the wrong guess: the maker's home state replaces it
    if contractor is not None and not contractor.country and (iso := ticker_state(ctx, contractor)):
        contractor = _copy(contractor)
        contractor.country = iso
    if contractor is None and designation:
        name = maker_of_designation(designation)
        hit = maker_of(name) if name else None
        if hit is not None and (supplier is None or supplier.country == hit[1]):
            contractor = Entity(
                id=f"o:{_fold(hit[0])}", name=hit[0], kind="organization", country=hit[1], sector="BUS"
            )
    if (
        supplier is None
        and contractor is not None
        and contractor.country
        and re.fullmatch(r"[A-Z]{3}", contractor.country)
        and contractor.country not in ("IGO", "NGO")
        and (recipient is None or recipient.country != contractor.country)
    ):
        supplier = _state(contractor.country, ctx)
    return contractor, supplier


def _is_item_head(head: Token) -> bool:
    """The noun the item phrase is about must be an item, or a deal noun ("an arms deal")."""
    lex = lexicon()
    w = head.text.casefold()
    lem = head.lemma_.casefold()
    sing = w[:-2] if w.endswith("es") and w[:-2] in lex.item_words else w.rstrip("s")
    return bool({w, lem, sing} & (lex.item_words | lex.deal_nouns | lex.item_head_nouns))


def _is_military_owner(m: EntityMention) -> bool:
    """ "the Malaysian Air Force" names a buyer's service, never a contractor."""
    return bool(lexicon().owner_words.search(m.text))


def _value(ctx: DocContext, s0: int, s1: int, head: Token) -> Money | None:
    """The deal's value: the amount nearest the item, in the currency the story means."""
    stext = ctx.article.text[s0:s1]
    # "at 108 dlrs per tonne": a unit price is no value of the deal
    found = [m for m in find_money(stext) if not lexicon().unit_price.match(stext[m.end :])]
    # "$6bn (£3.12bn)": the amount in brackets right after another is its conversion, not the value
    found = [m for m in found if not is_conversion(stext, m, found) and m.amount >= lexicon().min_value]
    if not found:
        return None
    pos = head.idx - s0
    best = min(found, key=lambda m: abs(m.start - pos))
    cur = story_currencies(ctx).get(s0 + best.start, best.currency)
    return Money(amount=best.amount, currency=cur)


# ------------------------------------------------------------------------------------- merging


def compatible(a: Deal, b: Deal) -> bool:
    """Could two readings be the same deal? Same item family, no clash of parties or numbers."""
    if not _items_match(a.item, b.item):
        return False
    for k in ("supplier", "recipient"):
        x, y = getattr(a, k), getattr(b, k)
        if x is not None and y is not None and x.country != y.country:
            return False
    if a.recipient is None and b.recipient is None and a.supplier is None and b.supplier is None:
        ca, cb = a.contractor, b.contractor
        if ca is None or cb is None or ca.id != cb.id:
            return False
    return True


def item_key(item: str | None) -> str:
    """The item's head noun, singular: 'corvette warships' and 'corvettes' are both naval ships."""
    if not item:
        return ""
    words = item.casefold().split()
    w = words[-1] if words else ""
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def _items_match(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    wa = {item_key(w) for w in a.split()}
    wb = {item_key(w) for w in b.split()}
    return bool(wa & wb)


def merge_into(keep: Deal, other: Deal) -> None:
    """Fold ``other`` into ``keep``: missing fields filled, disagreements kept in conflicts."""
    for k in ("supplier", "recipient", "contractor", "designation", "delivery", "value", "quantity", "date"):
        x, y = getattr(keep, k), getattr(other, k)
        if x is None and y is not None:
            setattr(keep, k, y)
            if k == "quantity":
                keep.unit = other.unit  # a quantity keeps its measure
    if _STATUS_ORDER.index(other.status or "planned") < _STATUS_ORDER.index(keep.status or "planned"):
        keep.status = other.status
    if other.item and keep.item and len(other.item) > len(keep.item):
        keep.item = other.item
    keep.mentions += [m for m in other.mentions if m not in keep.mentions]
    keep.confidence = max(keep.confidence, other.confidence)


def _share_party(a: Deal, b: Deal) -> bool:
    return bool(
        (a.supplier and b.supplier and a.supplier.country == b.supplier.country)
        or (a.recipient and b.recipient and a.recipient.country == b.recipient.country)
        or (a.contractor and b.contractor and a.contractor.id == b.contractor.id)
    )


def _dates_agree(a: str | None, b: str | None) -> bool:
    """Two deal dates can be one deal's: either unknown, or the same year (a contract of 2022 and
    its follow-on of 2025 are two deals, though the same parties buy the same count)."""
    return not a or not b or a[:4] == b[:4]


def merge_within(deals: list[Deal]) -> list[Deal]:
    """One deal per real deal in an article (the same corvettes told twice)."""
    out: list[Deal] = []
    for d in deals:
        for k in out:
            if (
                compatible(k, d)
                and _dates_agree(k.date, d.date)
                and (k.quantity is None or d.quantity is None or k.quantity == d.quantity)
                and (_share_party(k, d) or (k.designation and k.designation == d.designation))
            ):
                merge_into(k, d)
                break
        else:
            out.append(d)
    return out
