"""Who did what to whom, and where: event participants read off the dependency parse.

The actor linker (resolve/actors.py) says *which* spans are actors; this module says *which role*
each plays in one event: the subject side is the actor, the object and prepositional side the
recipient, passive voice swaps them, places become the event location and never actors. When the
linker has nothing for a group named by a common noun ("Israeli soldiers", "the rebels") a group
entity is built from the noun and its national modifier so the dyad is not lost.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...lexicon import load
from ...lexicon.cache import per_data_folder
from ...lexicon.wordsets import words
from ...link.coref import References
from ...link.knowledge import get_lexicon
from ...model import Entity, EntityMention, Event, Place

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    from spacy.tokens import Span, Token

    from ...lexicon.events import RuleSet
    from ..context import DocContext

SUBJ_DEPS = {"nsubj", "csubj"}
OBJ_DEPS = {"dobj", "dative", "attr", "oprd"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# dependents that start a different clause or predication: their actors are not this phrase's
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "punct"}
PERSONAL = {"person", "organization"}
_CAP = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
_BRACKET = r"(?: ?[\[(][^\])]{1,40}[\])])?"
_DATE = r"(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})?"
DATELINE = re.compile(
    rf"(?m)^[ \t]*{_CAP}{_BRACKET}(?:, {_CAP}{_BRACKET})?{_DATE}{_BRACKET}\s*(?::|--?|–|—)\s+(?=[A-Z\"“])"
    # "MOSCOW (UrduPoint News / Sputnik - 12th January, 2023) UK Prime Minister ...": an all-caps
    # city and a bracketed source, with no dash after it
    rf"|^[ \t]*[A-Z]{{3,}}(?: [A-Z]{{3,}}){{0,2}},? ?\([^()\n]{{3,80}}\)[ \t]+(?=[A-Z\"“])"
)


class Participants:
    """Maps tokens to the actor linker's mentions for one document (built once per article)."""

    def __init__(self, ctx: DocContext, rules: RuleSet) -> None:
        self.ctx = ctx
        self.rules = rules
        self.doc = ctx.doc
        self.by_tok: dict[int, EntityMention] = {}
        for m in ctx.entities:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                old = self.by_tok.get(t.i)
                if old is None or (m.end - m.start) > (old.end - old.start):
                    self.by_tok[t.i] = m
        self._lookup = _place_lookup()
        # pronouns and descriptions ("it", "they", "the two countries") read back in the article
        self.refs = References(self.doc, self.by_tok, lambda t: self.entities(t), self.in_dateline)
        # the article's events so far, with their sentence's index: the discourse a clause that
        # leaves a party implicit reads back into ("Israel rejected the charge")
        self.history: list[tuple[int, Event]] = []
        self.owned_groups: set[str] = set()  # groups named by a possessive pronoun ("its envoy")
        self.many_state_groups: set[str] = set()  # "ministers from major industrial nations"
        self.partitives = words("plover").partitive_nouns
        self._dl_spans: list[tuple[int, int]] | None = None

    def remember(self, ev: Event, tok: Token) -> None:
        self.history.append((self.refs.sentence_index(tok), ev))

    def recent(self, tok: Token, n: int) -> list[Event]:
        """Events of the last ``n`` sentences before ``tok``'s and of its own, latest first."""
        k = self.refs.sentence_index(tok)
        return [ev for j, ev in reversed(self.history) if k - n <= j <= k]

    # ------------------------------------------------------------------ phrases -> entities
    def phrase_tokens(self, head: Token, skip: set[int] | None = None) -> list[Token]:
        """The tokens of the noun phrase headed by ``head``: no clauses, no non-'of' PPs."""
        out: list[Token] = []
        stack = [head]
        while stack:
            t = stack.pop()
            if skip and t.i in skip:
                continue
            out.append(t)
            for c in t.children:
                if c.dep_ in CLAUSE_DEPS or c.dep_ == "conj" or c.dep_ == "cc":
                    continue
                if c.dep_ == "prep" and c.lower_ not in {"of"}:
                    continue
                stack.append(c)
        return sorted(out, key=lambda x: x.i)

    def entities(self, head: Token, *, allow_places: bool = False, strict: bool = True) -> list[Entity]:
        """Actors named by the phrase headed by ``head`` and by its coordinated conjuncts.

        ``strict`` (subject side): a national adjective on a noun that names no actor ("Tokyo
        stocks rallied") gives nothing; on the object side ("killed Russian advisers") it does.
        """
        if head.tag_ in {"WDT", "WP"} and head.head.dep_ == "relcl" and head.head.head != head:
            # "China, which recalled its envoy": the relative pronoun is the head it modifies
            return self.entities(head.head.head, allow_places=allow_places, strict=strict)
        out: list[Entity] = []
        for conj in [head, *head.conjuncts]:
            if conj.i < head.i and conj != head:
                continue
            conj = self._partitive(conj)
            got = self._conjunct_entities(conj, allow_places, strict)
            if conj == head and not got and strict and head.dep_ in SUBJ_DEPS and self._thing(head):
                # "the borders of the two countries, as well as Albania, meet": the list is of
                # things, so its other members are not actors either
                return []
            for e in got:
                if all(e.id != o.id for o in out):
                    out.append(e)
        return out or self.listed_members(head)

    def listed_members(self, head: Token) -> list[Entity]:
        """'four countries, including the United States, Britain and China': a common noun that
        names no actor stands for the actors its `example_preps` list (clauses.yaml)."""
        if head.pos_ != "NOUN" or head.i in self.by_tok:
            return []
        preps = words("clauses").example_preps
        for ch in head.children:
            if ch.dep_ == "prep" and ch.lower_ in preps:
                return self.list_after(ch)
        return []

    def _thing(self, head: Token) -> bool:
        """A common noun that names no actor, no group of people and no reference."""
        cw = words("coref")
        lem = head.lemma_.lower()
        return (
            head.pos_ == "NOUN"
            and head.i not in self.by_tok
            and self.group_sector(head) is None
            and lem not in cw.state_heads | cw.org_heads | cw.pair_heads
            and not self.refs.get(head)
        )

    def _partitive(self, head: Token) -> Token:
        """'thousands of students', 'members of the party': the group after 'of'."""
        members = words("plover").member_heads
        for _ in range(3):
            lem = head.lemma_.lower()
            if lem not in self.partitives and head.pos_ != "NUM" and lem not in members:
                return head
            if head.i in self.by_tok:
                return head
            nxt = None
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    nxt = next((p for p in c.children if p.dep_ == "pobj"), None)
            if nxt is None:
                return head
            if lem in members and not self._definite_group(nxt):
                return head  # "heads of government", "officials of the countries visited"
            head = nxt
        return head

    def _definite_group(self, tok: Token) -> bool:
        """'the opposition', 'Hamas', 'Israel's militia ally': a named actor, or a group noun with
        a determiner or a possessor (a member head's 'of' phrase then names the group it is of)."""
        if tok.i in self.by_tok:
            return True
        return self.group_sector(tok) is not None and any(ch.dep_ in {"det", "poss"} for ch in tok.children)

    def _conjunct_entities(self, head: Token, allow_places: bool, strict: bool = True) -> list[Entity]:
        if strict and head.i not in self.by_tok and head.lemma_.lower() in words("clauses").owned_things:
            return []  # "the U.N. programme calls for investment": a thing, not its namer, as subject
        if self.force_of_nature(head):
            return []  # "Hurricane Mitch killed thousands": no actor, whatever its name
        toks = self.phrase_tokens(head)
        mentions: list[EntityMention] = []
        for t in toks:
            m = self.by_tok.get(t.i)
            if m is None or m in mentions:
                continue
            if m.is_place and not allow_places:
                continue
            if t.i != head.i and self.in_dateline(t):
                continue  # "MOSCOW (Agency - date) X and Y signed": the parse hung the dateline on X
            mentions.append(m)
        if head.lemma_.lower() in words("coref").counterpart_heads:
            # "his counterpart": the possessor is the other side, not the counterpart
            mentions = [m for m in mentions if not self._is_poss(m, head)]
        # "a patrol of Israel's militia ally": the possessor of an ally is the other side
        mentions = [m for m in mentions if not any(self._is_poss(m, t) for t in toks if self.relational(t))]
        # "an anti-Syria journalist": a stance towards a state, not the group's state
        mentions = [m for m in mentions if not self._stance(m)]
        if not mentions or (head.i not in self.by_tok and all(self._is_poss(m, head) for m in mentions)):
            ref = self._reference(head, toks)
            if ref:
                return ref
        people = [m for m in mentions if m.entity.kind in PERSONAL or m.entity.kind == "group"]
        countries = [m for m in mentions if m.entity.kind == "country" and m not in people]
        persons = [m for m in people if m.entity.kind == "person"]
        if persons and len(people) > len(persons):
            # "Reserve Bank governor X": the body in a person's title is where X holds office
            people = [m for m in people if m in persons or not self._title_body(m, persons)]
        if len(people) > 1:
            # "Netanyahu's security adviser, Meir Ben Shabbat": the adviser, not his principal
            named = [m for m in people if not self._is_poss_anywhere(m)]
            if named and len(named) < len(people):
                people = named
        head_state = self.by_tok.get(head.i)
        if (
            people
            and head_state is not None
            and head_state.entity.kind == "country"
            and not any(self._is_poss(m, head) for m in people)
        ):
            # "NATO-member Norway", "OPEC member Nigeria": a body named in a description of the state
            # the phrase names is no party of its own
            people = []
        leaders = [e for e in self._leaders(head) if e.kind == "person"]
        if leaders and not people and not countries:
            # "the visiting delegation, led by X": X is who acts
            return leaders
        if people:
            out = self._people(people, countries)
            if any(e.country is None and e.kind != "person" for e in out):
                # "the country's foreign ministry", "its ambassador": the state the owner refers to
                owner = self._owner_state(head)
                for e in out:
                    if e.country is None and owner is not None and e.kind != "person":
                        e.country = owner
            return out
        head_m = self.by_tok.get(head.i)
        # "US-Israeli delegation", "US-led war": states joined to the phrase by a hyphen
        hyph = [m for m in countries if m is not head_m and self._hyphen_after(m)]
        led = [m for m in hyph if self._hyphen_after(m).lower_ in words("clauses").owner_participles]
        if head_m is not None and head_m in countries:
            return [_copy(m.entity) for m in [head_m, *(m for m in hyph if m not in led)]]
        owners = [m for m in countries if self._is_poss(m, head)] + led
        if owners:  # "Turkey's efforts", "Iraq's interim government"
            return [_copy(m.entity) for m in owners]
        sector = self.group_sector(head)
        if sector is None:
            # "Tokyo stocks", "Turkish exports": a national modifier on a non-actor noun is no actor
            if countries and (head.pos_ == "PROPN" or (not strict and head.tag_ in {"NN", "NNP"})):
                # "import Venezuelan fuel", "a deal on UK tourism": a mass noun is no group of people
                return [_copy(m.entity) for m in countries]
            if strict or not countries or head.pos_ not in {"NOUN", "PROPN"}:
                return []
            sector = None
        if not countries:
            # "its forces": the owner's own, never what the owner acts on; the owner wins over where
            # they are ("GATT said its negotiators in Geneva")
            nat = self._owner_state(head)
            if nat is not None:
                g = self._group(head, nat, sector)
                self.owned_groups.add(g.id)
                return [g]
            nat = self._prep_country(head)
            if nat is None:
                if head.pos_ == "PRON":
                    return []
                g = self._group(head, None, sector)
                if self._from_many_states(head):
                    self.many_state_groups.add(g.id)
                return [g]
            return [self._group(head, nat, sector)]
        return [self._group(head, m.entity.country, sector, m) for m in countries]

    @staticmethod
    def force_of_nature(head: Token) -> bool:
        """'the earthquake', 'Hurricane Mitch', 'Typhoon Haiyan': a storm or quake, by its head or
        by the hazard word before its name (not 'hurricane victims', whose head is people)."""
        hazards = words("clauses").natural_hazards
        if head.lemma_.lower() in hazards:
            return True
        return head.pos_ == "PROPN" and any(
            ch.dep_ == "compound" and ch.lemma_.lower() in hazards for ch in head.lefts
        )

    def _reference(self, head: Token, toks: list[Token]) -> list[Entity]:
        """What a pronoun or description heading (or inside) the phrase refers to."""
        got = self.refs.get(head)
        if got:
            return got
        if head.pos_ == "NOUN" and self.group_sector(head) is None:
            # "the borders of the two countries" are no party; "the leaders of ..." are
            toks = [t for t in toks if t.dep_ == "poss"]
        for t in toks:  # "the leaders of the two countries", "the two countries' ministers"
            if t.i != head.i and t.dep_ in {"pobj", "poss"} and t.pos_ in {"NOUN", "PROPN"}:
                got = self.refs.get(t)
                if got and len(got) > 1:
                    return got
        return []

    def _title_body(self, m: EntityMention, persons: list[EntityMention]) -> bool:
        """Whether the body ``m`` is a compound in the title before one of ``persons`` ('Reserve
        Bank governor X', 'Bundesbank President X')."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or m.entity.kind == "person":
            return False
        if m.entity.country and any(p.entity.country not in (None, m.entity.country) for p in persons):
            return False  # "U.N. mediator X" of another state: the body is the party he acts for
        inside = {
            t.i for p in persons for t in (self.doc.char_span(p.start, p.end, alignment_mode="expand") or [])
        }
        t = span.root
        for _ in range(6):
            if t.dep_ != "compound" or t.head == t:
                return False
            t = t.head
            if t.i in inside:
                return True
        return False

    def _stance(self, m: EntityMention) -> bool:
        """A state's name a stance prefix joins to the phrase ('anti-Syria', 'pro-Moscow'; clauses.yaml
        ``stance_prefixes``): it says what the group is for or against, not whose it is."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or m.entity.kind != "country":
            return False
        k = span.start
        prefixes = words("clauses").stance_prefixes
        if k >= 1 and self.doc[k - 1].lower_ in prefixes:
            return True  # "anti-Syria" read as one token pair without the hyphen
        return k >= 2 and self.doc[k - 1].text == "-" and self.doc[k - 2].lower_ in prefixes

    @staticmethod
    def relational(head: Token) -> bool:
        """'ally', 'creditor banks', 'trading partners': a party named by its relation to another
        (coref.yaml ``relation_heads``), whose possessor is that other side, not its owner."""
        rel = words("coref").relation_heads
        return head.lemma_.lower() in rel or any(
            ch.dep_ in {"compound", "amod"} and ch.lemma_.lower() in rel for ch in head.lefts
        )

    def _owner_state(self, head: Token) -> str | None:
        """'its forces', 'their troops', 'the country's ministry': the state the possessive pronoun
        or description refers to ('its allies' are not its own)."""
        if self.relational(head):
            return None
        for c in head.children:
            if c.dep_ == "poss" and c.pos_ in {"PRON", "NOUN"} and c.i not in self.by_tok:
                got = self.refs.get(c) or []
                states = {e.country for e in got if e.country}
                if len(states) == 1:
                    return next(iter(states))
        return None

    def _hyphen_after(self, m: EntityMention) -> Token | None:
        """The word a hyphen joins this mention to ("US-led": 'led'), or None."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.end + 1 >= len(self.doc):
            return None
        nxt = self.doc[span.end]
        if nxt.text != "-" or nxt.whitespace_ or span[-1].whitespace_:
            return None
        return self.doc[span.end + 1]

    def _leaders(self, head: Token) -> list[Entity]:
        """'a delegation led by X', 'the team headed by X': the people at its head."""
        leading = words("clauses").leading_verbs
        for c in head.children:
            if c.dep_ == "acl" and c.lemma_.lower() in leading:
                agents = [p for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
                out: list[Entity] = []
                for a in agents:
                    for e in self.entities(a):
                        if all(e.id != o.id for o in out):
                            out.append(e)
                if out:
                    return out
        return []

    def _is_poss_anywhere(self, m: EntityMention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.dep_ == "poss"

    def _is_poss(self, m: EntityMention, head: Token) -> bool:
        for t in self.doc.char_span(m.start, m.end, alignment_mode="expand") or []:
            if t.dep_ == "poss" and t.head == head:
                return True
        return False

    def _people(self, people: list[EntityMention], countries: list[EntityMention]) -> list[Entity]:
        """People with the nationality written next to them ("Malaysian PM X", "X of Turkey")."""
        # each national word belongs to the first person after it ("Turkish President X and
        # Malaysian PM Y"); a person may also take one after it through "of" ("X of Turkey")
        owner: dict[int, EntityMention] = {}
        for c in countries:
            nxt = min(
                (m for m in people if m.start >= c.end and m.start - c.end < 60),
                key=lambda m: m.start,
                default=None,
            )
            if nxt is not None and id(nxt) not in owner:
                owner[id(nxt)] = c
        out = []
        for m in people:
            e = _copy(m.entity)
            if e.country is None:
                c = owner.get(id(m))
                if c is None:
                    text = self.doc.text
                    c = next(
                        (
                            x
                            for x in countries
                            if 0 <= x.start - m.end < 40
                            and id(x) not in {id(v) for v in owner.values()}
                            and (
                                " of " in f" {text[m.end : x.start]} "
                                or text[m.end : x.start].lstrip().startswith(",")
                            )
                        ),
                        None,
                    )
                if c is not None:
                    e.country = c.entity.country
            out.append(e)
        return out

    def list_after(self, prep: Token) -> list[Entity]:
        """The parties of 'between A, B and C', read along the text: the parse of long lists with
        appositions ("A, represented by X, B, represented by Y, and C") is unreliable. Each item is
        a stretch between commas or 'and' that starts with an actor's name; the list ends after
        the item 'and' opens, at a clause or at the sentence end."""
        syntactic = [e for p in prep.children if p.dep_ == "pobj" for e in self.entities(p)]
        items: list[Entity] = []
        seg: list[Token] = []
        last = False

        def close() -> bool:
            toks = [t for t in seg if t.dep_ != "det" and t.pos_ not in {"DET", "CCONJ", "PUNCT"}]
            if not toks or toks[0].i not in self.by_tok or self.by_tok[toks[0].i].is_place:
                return False
            upto = []
            for t in toks:  # "Hamas in Cairo": the item ends at its own preposition
                if t.pos_ == "ADP" and t.lower_ != "of":
                    break
                upto.append(t)
            for e in self.span_entities(upto)[:1]:
                if all(e.id != o.id for o in items):
                    items.append(e)
                return True
            return False

        for t in prep.doc[prep.i + 1 : prep.sent.end]:
            if t.tag_ in {"VBD", "VBZ", "VBP"} or (t.is_punct and t.text in {".", ";", ":", "(", ")"}):
                break
            if t.text == "," or t.lower_ in {"and", "&"}:
                added = close()
                seg = []
                if last and added:
                    break  # the item after 'and' ends the list ('and' inside a title does not)
                last = t.lower_ in {"and", "&"}
                continue
            seg.append(t)
        close()
        return items if len(items) > len(syntactic) else syntactic

    def span_entities(self, toks: list[Token]) -> list[Entity]:
        """Actors named in a stretch of text, read linearly when the parse is unusable."""
        mentions: list[EntityMention] = []
        for t in toks:
            m = self.by_tok.get(t.i)
            if m is not None and m not in mentions and not m.is_place:
                mentions.append(m)
        people = [m for m in mentions if m.entity.kind in PERSONAL or m.entity.kind == "group"]
        countries = [m for m in mentions if m.entity.kind == "country"]
        if people:
            return self._people(people, countries)
        return [_copy(m.entity) for m in countries]

    def dateline(self, sent: Span) -> int | None:
        """End offset of a wire dateline opening this sentence ("ANKARA, Jan 8 (X) -", "Ankara [T], January 8:")."""
        if self._dl_spans is None:
            # on the whole text: the sentence splitter may cut a dateline in two
            self._dl_spans = [(m.start(), m.end()) for m in DATELINE.finditer(self.doc.text)]
        for start, end in self._dl_spans:
            if start < sent.end_char and sent.start_char < end <= sent.end_char:
                return end
        return None

    def in_dateline(self, tok: Token) -> bool:
        """Whether ``tok`` is part of a wire dateline ("DALLAS, March 2 -")."""
        dl = self.dateline(tok.sent)
        return dl is not None and tok.idx < dl and tok.sent.start_char <= tok.idx

    def dateline_place(self) -> Place | None:
        """The place a dateline names: where 'here' is in the story."""
        if self._dl_spans is None:
            self.dateline(next(iter(self.doc.sents)))
        for start, end in self._dl_spans or []:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            for t in span or []:
                m = self.by_tok.get(t.i)
                if t.ent_type_ in PLACE_LABELS or (m is not None and m.entity.kind == "country"):
                    return self.place_of(t) or (Place(name=m.text, country=m.entity.country) if m else None)
            return None
        return None

    def group_sector(self, head: Token) -> str | None:
        """The sector of a group noun; for a member head ('union leaders', 'party members') the
        sector of the group noun before it (plover.yaml ``member_heads``)."""
        if head.pos_ not in {"NOUN", "PROPN"}:
            return None
        lem = head.lemma_.lower()
        if lem in words("plover").member_heads or lem in words("coref").relation_heads:
            for ch in head.lefts:
                if ch.dep_ == "compound" and ch.i not in self.by_tok and ch.pos_ == "NOUN":
                    got = self._noun_sector(ch)
                    if got is not None:
                        return got
        got = self._noun_sector(head)
        if (
            got is None
            and head.ent_type_ == "NORP"
            and head.tag_ in {"NNPS", "NNS"}
            and head.i not in self.by_tok
        ):
            # "West Africans", "Kurds": a people the linker did not know is a group of civilians
            return str(words("plover").people_sector)
        return got

    def _noun_sector(self, tok: Token) -> str | None:
        got = self.rules.group_nouns.get(tok.lemma_.lower()) or self.rules.group_nouns.get(tok.lower_)
        return got or self._holder_sector(tok)

    @staticmethod
    def _holder_sector(tok: Token) -> str | None:
        """'the mayor', 'the Saudi prince', 'its envoy': an office title with a determiner, possessor
        or modifier names the one who holds it, so an event with a named side and a title-only side
        keeps its titled party (with the office's sector, offices.yaml `heads`); a bare noun
        ("demanded justice") and the heads that are also common nouns name no holder."""
        heads = _holder_sectors()
        lem = tok.lemma_.lower()
        sector = heads.get(lem) or heads.get(tok.lower_)
        if sector is None:
            return None
        if not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in tok.lefts):
            return None
        return str(sector)

    @staticmethod
    def _from_many_states(head: Token) -> bool:
        """'finance ministers from major industrial nations', 'officials of several countries': a
        group drawn from many states (a plural of coref.yaml ``state_heads``), no one state's."""
        heads = words("coref").state_heads
        return any(
            p.tag_ in {"NNS", "NNPS"} and p.lemma_.lower() in heads
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in {"from", "of", "among"}
            for p in c.children
            if p.dep_ == "pobj"
        )

    def _prep_country(self, head: Token) -> str | None:
        """'rebels in the Ivory Coast', 'students from Iraq': the place of a group as its country;
        one step deeper only for places ('refugees fleeing the war in Liberia', 'parties to the
        conflict in Iraq', 'West Africans ordered out of Nigeria')."""
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in words("clauses").group_place_preps:
                for p in c.children:
                    m = self.by_tok.get(p.i)
                    if m is not None and m.entity.country:
                        return m.entity.country
        affil = words("clauses").affiliation_words
        owners = [head]
        if (
            head.dep_ == "pobj"
            and head.head.lower_ == "of"
            and head.head.head.lemma_.lower() in self.partitives
        ):
            owners.append(head.head.head)  # "hundreds of workers affiliated with ..."
        for c in (
            c for o in owners for c in o.children
        ):  # "workers affiliated with X", "militias loyal to X"
            if c.dep_ in {"acl", "amod"} and c.lower_ in affil:
                for p in (
                    p for pr in c.children if pr.dep_ == "prep" for p in pr.children if p.dep_ == "pobj"
                ):
                    for e in self.entities(p):
                        if e.country and e.kind in {"country", "organization", "group"}:
                            return e.country
        for c in head.children:
            if c.dep_ not in {"prep", "acl"}:
                continue
            for q in _phrase_subtree(c):
                prep = q.head
                if prep.lower_ == "of" and prep.i > 0 and self.doc[prep.i - 1].lower_ == "out":
                    pass  # "West Africans ordered out of Nigeria"
                elif q.i == c.i or prep.lower_ not in words("clauses").group_place_preps:
                    continue
                m = self.by_tok.get(q.i)
                if m is not None and (m.is_place or m.entity.kind == "country") and m.entity.country:
                    return m.entity.country
                pl = self.place_of(q) if self.is_place(q) else None
                if pl is not None and pl.country:
                    return pl.country
        return None

    def _group(
        self, head: Token, country: str | None, sector: str | None, mod: EntityMention | None = None
    ) -> Entity:
        left = [t for t in head.lefts if t.dep_ in {"amod", "compound", "nmod", "poss"}]
        words = [
            t.text
            for t in left
            if not (mod and t.idx >= mod.start and t.idx < mod.end)
            and not (t.dep_ == "poss" and t.pos_ == "PRON")
        ]
        name = " ".join([*(([mod.text]) if mod else []), *words, head.text]).strip()
        return Entity(
            id=f"g:{name.casefold()}",
            name=name,
            kind="group",
            country=country,
            sector=sector,
        )

    # ------------------------------------------------------------------ places
    def place_of(self, tok: Token) -> Place | None:
        """A place named at ``tok`` (a GPE/LOC token or a mention flagged as a place)."""
        m = self.by_tok.get(tok.i)
        if m is None and tok.ent_type_ not in PLACE_LABELS:
            return None
        if m is not None and not m.is_place and tok.ent_type_ not in PLACE_LABELS:
            return None
        if m is not None:
            name = m.text
            country = m.entity.country
        else:
            ent = next((e for e in self.doc.ents if e.start <= tok.i < e.end), None)
            name = ent.text if ent is not None else tok.text
            inner = [self.by_tok[t.i] for t in (ent or []) if t.i in self.by_tok]
            inner += [self.by_tok[c.i] for c in tok.lefts if c.dep_ == "compound" and c.i in self.by_tok]
            country = next(
                (x.entity.country for x in inner if x.entity.country), None
            )  # "Montenegro province"
        looked = self._lookup(name) if self._lookup else None
        if looked is not None and (country is None or looked.country in (None, country)):
            if looked.country is None:
                looked.country = self._part_country(name) or self._possessor_state(tok)
            return looked
        if country is None and looked is None:
            country = self._part_country(name)  # "Montenegro province", "the Tyumen region"
        if country is None:
            country = self._possessor_state(tok)  # "Iran's Sirri Island"
        # the linker read this mention in context: its country wins over a bare gazetteer hit
        return Place(name=name, country=country if country is not None else getattr(looked, "country", None))

    def _named_place_of(self, noun: Token) -> Place | None:
        """'near the town of Samarra': the name a common noun introduces with 'of' is a place when
        the gazetteer or the world knowledge knows it as one, whatever label the tagger gave it (it
        takes unfamiliar town names for nationalities). A state's or people's word is not one."""
        if noun.pos_ != "NOUN" or self._lookup is None:
            return None
        for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            for q in (c for c in of.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
                if q.i in self.by_tok or get_lexicon().country_of(q.text):
                    continue  # an actor the linker read, or a state's own name or adjective
                names = [q, *(c for c in q.lefts if c.dep_ == "compound" and c.pos_ == "PROPN")]
                name = " ".join(t.text for t in sorted(names, key=lambda t: t.i))
                got = self._lookup(name)
                if got is not None and got.country:
                    return got
        return None

    def _possessor_state(self, tok: Token) -> str | None:
        """'Iran's Sirri Island', 'Israel's Dimona reactor': a place the gazetteer does not know,
        owned in the text by a state, is in that state."""
        head = tok
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        for c in head.children:
            if c.dep_ != "poss":
                continue
            m = self.by_tok.get(c.i)
            if m is not None and m.entity.kind == "country" and m.entity.country:
                return m.entity.country
        return None

    def _part_country(self, name: str) -> str | None:
        """The state of a place named after a part of it ("Montenegro province")."""
        if self._lookup is None:
            return None
        words = name.split()
        if len(words) < 2:
            return None
        caps = [w for w in words if w[:1].isupper()]
        for w in caps:  # a state's name first: "Montenegro" is the state, not a town in Brazil
            iso = get_lexicon().country_of(w)
            if iso:
                return iso
        for w in caps:
            got = self._lookup(w)
            if got is not None and got.country:
                return got.country
        return None

    def is_place(self, tok: Token) -> bool:
        m = self.by_tok.get(tok.i)
        if m is not None:
            return m.is_place
        return tok.ent_type_ in PLACE_LABELS

    def locative(self, head: Token, depth: int = 2) -> Place | None:
        """'in Istanbul'; 'during the fair in Istanbul'; 'on the second day of his visit to Kuala
        Lumpur': the first place under a locative preposition, looking through time phrases."""
        w = words("clauses")
        later: list[Token] = []
        # "a conference held in Addis Ababa": a noun's reduced relative tells where it was
        held = [c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN" and head.pos_ == "NOUN"]
        for c in [*head.children, *(g for h in held for g in h.children)]:
            if c.dep_ != "prep":
                continue
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if not objs and c.lower_ in w.place_preps:  # "outside of the city of Basra"
                objs = [p for o in c.children if o.dep_ == "prep" and o.lower_ == "of" for p in o.children]
            for p in objs:
                if p.dep_ != "pobj":
                    continue
                if c.lower_ in w.place_preps:
                    place = self.place_of(p)
                    if place is not None:
                        return place
                    for q in _phrase_subtree(p):  # "in the town of Cizre in southeastern Turkey"
                        if q.ent_type_ in PLACE_LABELS or (q.i in self.by_tok and self.by_tok[q.i].is_place):
                            place = self.place_of(q)
                            if place is not None:
                                return place
                    place = self._named_place_of(p)
                    if place is not None:
                        return place
                elif c.lower_ in w.through_preps:
                    later.append(p)
        if depth > 0:
            for p in later:
                if p.lemma_.lower() in w.visit_nouns:
                    for q in p.children:
                        if q.dep_ == "prep" and q.lower_ == "to":
                            for r in q.children:
                                place = self.place_of(r) if r.dep_ == "pobj" else None
                                if place is not None:
                                    return place
                place = self.locative(p, depth - 1)
                if place is not None:
                    return place
                for q in p.children:  # "the second day of his visit to ..."
                    if q.dep_ == "prep" and q.lower_ == "of":
                        for r in q.children:
                            if r.dep_ == "pobj":
                                place = self.locative(r, depth - 1)
                                if place is None and r.lemma_.lower() in w.visit_nouns:
                                    place = next(
                                        (
                                            self.place_of(x)
                                            for y in r.children
                                            if y.dep_ == "prep" and y.lower_ == "to"
                                            for x in y.children
                                            if x.dep_ == "pobj" and self.place_of(x) is not None
                                        ),
                                        None,
                                    )
                                if place is not None:
                                    return place
        return None


def _phrase_subtree(head: Token) -> list[Token]:
    """A phrase's tokens without the clauses inside it ('a show of solidarity that came as X
    hosted Y in Moscow' ends before 'that'), in text order."""
    out: list[Token] = []
    stack = [head]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS or c.dep_ == "punct")
    return sorted(out, key=lambda x: x.i)


@per_data_folder
def _holder_sectors() -> dict[str, str]:
    """Office heads that name their holder, with the holder's sector (offices.yaml `heads`)."""
    skip = words("plover").title_heads_not_holders
    return {k.lower(): str(v) for k, v in load("offices")["heads"].items() if k.lower() not in skip}


def _copy(e: Entity) -> Entity:
    return Entity(id=e.id, name=e.name, kind=e.kind, country=e.country, sector=e.sector, office=e.office)


def _place_lookup() -> Callable[[str], Place | None] | None:
    """`resolve.places.lookup(name)` when the actor work provides it; its result becomes a Place."""
    try:
        from ...link import places
    except Exception:  # noqa: BLE001 - optional module owned by another stage
        return None
    fn = getattr(places, "lookup", None)
    if fn is None:
        return None

    def lookup(name: str) -> Place | None:
        try:
            r = fn(name)
        except Exception:  # noqa: BLE001
            return None
        if r is None:
            return None
        if isinstance(r, Place):
            return Place(name=name, country=r.country, lat=r.lat, lon=r.lon)
        if isinstance(r, str):
            return Place(name=name, country=r)
        if isinstance(r, dict):
            return Place(name=name, country=r.get("country"), lat=r.get("lat"), lon=r.get("lon"))
        country = getattr(r, "country", None)
        if country is not None or hasattr(r, "lat"):
            return Place(name=name, country=country, lat=getattr(r, "lat", None), lon=getattr(r, "lon", None))
        if isinstance(r, tuple) and r:
            return Place(name=name, country=r[0] if isinstance(r[0], str) else None)
        return None

    return lookup
