"""Trigger detection: which words of a sentence may report an event, and which rule each fires.

Candidates come from verbs, light verb + noun ("held talks"), predicative adjectives and `must`
demands; references, questions and purposes are not acts. One candidate per predicate survives
(the most specific rule), and frame verbs (agree, threaten, demand, refuse ...) absorb the acts
they govern.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

from ...lexicon.events import Entry, Rule, RuleSet, load_rules
from ...lexicon.wordsets import words
from .participants import OBJ_DEPS, Participants
from .syntax import (
    complements_of,
    match_objects,
    noun_keys,
    objects_of,
    prep_objects,
    stranded_preps,
    subject_of,
    tree_depth,
    word_forms,
)
from .verdict import reporter_of
from .visiting import is_visiting_modifier

ABSORB_DEPS = {"xcomp", "ccomp", "dobj", "prep", "acomp", "oprd", "pcomp", "dative", "attr"}


PREDICATIVE = {"acomp", "ROOT", "ccomp", "xcomp", "conj", "advcl", "oprd", "amod"}


@dataclass
class Cand:
    rule: Rule
    kind: str  # verb | noun | subjnoun | adj | must
    trig: Token  # the trigger word
    head: Token  # the predicate whose subject and objects are the participants
    obj: Token | None = None  # the object that made an object-constrained rule fire
    act_obj: bool = False  # obj names the act ("sanctions", "support"), not a participant
    extra: list[Token] = field(default_factory=list)  # particles of a phrasal trigger
    bonus: int = 0
    reporter: Token | None = None  # for `must` demands: the reporting verb
    absorbed: list[Cand] = field(default_factory=list)
    alone: bool = (
        False  # a noun carried by a light verb that also names its own parties ("talks between A and B")
    )

    @property
    def spec(self) -> int:
        return self.rule.specificity + 2 * bool(self.extra) + (1 if self.kind == "verb" else 0) + self.bonus


def lookup(table: dict[str, list[Entry]], t: Token) -> list[Entry] | None:
    for f in word_forms(t):
        entries = table.get(f)
        if entries:
            return entries
    return None


def _objects(t: Token) -> list[Token]:
    """A verb's objects; a relative clause without its own object has the noun it qualifies as one
    ("the agreement the leaders have signed in Asmara")."""
    objs = objects_of(t)
    if (
        t.dep_ == "acl"
        and t.tag_ in {"VBN", "VBD"}
        and t.head.pos_ in {"NOUN", "PROPN"}
        and t.head.i < t.i
        and subject_of(t) is None
    ):
        objs = [*objs, t.head]  # "the deal, struck at the summit": a reduced passive relative
    if t.dep_ == "relcl" and not any(c.dep_ in {"dobj", "nsubjpass"} for c in t.children):
        if t.head.pos_ in {"NOUN", "PROPN"} and not any(
            c.dep_ == "nsubj" and c.i == t.head.i for c in t.children
        ):
            objs = [*objs, t.head]
    return objs


def _asks_a_question(t: Token, settings: dict) -> bool:
    """A verb of asking (`question_verbs`) whose every complement opens with a question word
    (`question_words`, clauses.yaml): "asked what Japan could do", "asked whether the dollar would fall"."""
    if t.lemma_.lower() not in set(settings.get("question_verbs") or []):
        return False
    comps = complements_of(t, after=True)
    qw = words("clauses").question_words
    return bool(comps) and all(next(iter(c.subtree)).lower_ in qw or _question_mark(c) for c in comps)


def _question_mark(c: Token) -> bool:
    """A quoted complement that ends in a question mark: 'asks: "Have you ever seen trawlers on the road?"'."""
    last = max(c.subtree, key=lambda x: x.i)
    nxt = c.doc[last.i + 1] if last.i + 1 < len(c.doc) else None
    return last.text == "?" or (nxt is not None and nxt.text == "?")


def _particles(t: Token) -> set[str]:
    """The words that can complete a phrasal trigger; a preposition heading a date is a time
    adjunct, not a particle ("called X on Tuesday" is no "call on")."""
    kids = [
        c
        for c in t.children
        if not (
            c.dep_ == "prep" and any(o.ent_type_ in {"DATE", "TIME"} for o in c.children if o.dep_ == "pobj")
        )
    ]
    return {c.lemma_.lower() for c in kids} | {c.lower_ for c in kids}


def _names_object(t: Token, settings: dict) -> bool:
    """A naming verb with an object and its predicate (`naming_verbs`, plover.yaml): "called Putin
    a killer", "called the claims baseless" describe the object; no call or visit took place."""
    if t.lemma_.lower() not in set(settings.get("naming_verbs") or []):
        return False
    # a day the parser took for the predicate ("called Thursday on Arabs to unite") names nothing
    deps = {c.dep_ for c in t.children if c.ent_type_ not in {"DATE", "TIME"}}
    # "a measure called the Producer Subsidy Equivalent": a participle naming the noun it qualifies
    return "oprd" in deps and (bool(deps & {"dobj", "ccomp"}) or t.dep_ in {"acl", "relcl"})


def _verb_cand(t: Token, entries: list[Entry], parts: Participants) -> Cand | None:
    if _names_object(t, load_rules().settings):
        return None
    near = _particles(t)
    objs: list[Token] | None = None
    for e in entries:
        r = e.rule
        if e.extra and not all(x in near for x in e.extra):
            continue
        extra = [c for c in t.children if c.lower_ in e.extra or c.lemma_.lower() in e.extra]
        obj = None
        act_obj = False
        if r.objects:
            objs = objs if objs is not None else _objects(t)
            obj = match_objects(objs, r.objects)
            if obj is None:
                continue
            act_obj = parts.group_sector(obj) is None
        if r.complement:
            hit = None
            for comp in complements_of(t):
                if comp.lemma_.lower() in r.complement:
                    hit = comp
                    break
                hit = match_objects(objects_of(comp), r.complement)
                if hit is not None:
                    break
            if hit is None:
                continue
            obj = hit
        if r.not_objects:
            objs = objs if objs is not None else _objects(t)
            if any(
                noun_keys(o) & r.not_objects
                for o in [*objs, *(c for c in t.children if c.dep_ == "acomp")]  # "pleaded guilty"
                if _direct_object(o, t)
            ):
                continue
        if r.not_complement and any(
            c.lemma_.lower() in r.not_complement
            or any(noun_keys(o) & r.not_complement for o in objects_of(c))
            for c in complements_of(t)
        ):
            continue  # "declined to comment", "declined to make any comment" (the noun says the act)
        if r.not_complement and _talks_about_text(t):
            # "refused to discuss the report": a refusal to comment; it voids the talk it governs
            return Cand(rule=replace(r, void=True, frame=True), kind="verb", trig=t, head=t)
        if r.requires_complement and not complements_of(t, after=True):
            continue
        if r.requires_joint and not _many_actors(t, parts):
            continue  # "X and Y decided to ...": a decision taken together, not one party's plan
        if r.requires_complement and _asks_a_question(t, load_rules().settings):
            continue  # "asked what Japan could do": a question, not a request
        if r.requires_prep and not any(
            c.dep_ in {"prep", "prt", "dative"} and c.lower_ in r.requires_prep and not _of_time(c)
            for c in [*t.children, *(obj.children if obj is not None and r.objects else ())]
        ):
            continue  # "sent a message to X"; "restricted the sale of computers to X" (on the object)
        if r.objects_kind:
            objs = objs if objs is not None else _objects(t)
            direct = [
                o
                for o in objs
                if o.dep_ in OBJ_DEPS
                or o.dep_ == "nsubjpass"
                or (o.head.head == t and o.head.lower_ in words("clauses").object_kind_preps)
            ]
            # "allowed X to participate": the complement's subject is the object
            direct += [s for s in (subject_of(comp) for comp in complements_of(t)) if s is not None]
            if not direct:
                continue
            if "any" not in r.objects_kind:
                # the object itself must name an actor ("received the envoy", "Turkey's efforts"),
                # not merely mention one ("received Chrysler shares")
                named = [
                    o
                    for o in direct
                    if o.i in parts.by_tok
                    or parts.group_sector(o)
                    or any(ch.dep_ == "poss" and ch.i in parts.by_tok for ch in o.children)
                    or o.lemma_.lower() in parts.partitives
                    or parts.listed_members(o)  # "asked four countries, including X and Y"
                ]
                kinds = {e.kind for o in named for e in parts.entities(o, strict=False)}
                if not kinds & r.objects_kind:
                    continue
            obj = obj or direct[0]
        if r.judgement and reporter_of(t) is None:
            continue  # a verdict nobody states is no accusation
        if r.object_actors and not _objects_are_actors(t, parts):
            continue  # "withdrew two posters": a thing taken back, no forces
        if r.visit:
            if is_visiting_modifier(t):
                # "the visiting Russian President": a visit under way; its host is read from the clause
                return Cand(rule=r, kind="verb", trig=t, head=t)
            if t.tag_ == "VBG" and t.dep_ in {"acl", "conj"} and not subject_of(t):
                continue  # "Ahmed, visiting the region, said": a participle naming no visit of its own
            dobj = [c for c in t.children if c.dep_ == "dobj"]
            if dobj and any(e.kind == "person" for e in parts.entities(dobj[0])):
                continue
        return Cand(rule=r, kind="verb", trig=t, head=t, obj=obj, extra=extra, act_obj=act_obj)
    return None


def _of_time(prep: Token) -> bool:
    """'was travelling at the time', 'arrived in the morning': a preposition whose object is a
    time, not the place or party a rule's required preposition must lead to."""
    objs = [p for p in prep.children if p.dep_ == "pobj"]
    return bool(objs) and all(
        o.ent_type_ in {"DATE", "TIME"} or o.lemma_.lower() in words("clauses").time_nouns for o in objs
    )


def _objects_are_actors(t: Token, parts: Participants) -> bool:
    """Whether the direct objects of `t`, if it has any, name actors, groups of people or forces,
    or arms (words of the `military` context): "withdrew its troops", "withdrew missiles from
    Europe", but not "withdrew two posters". A verb with no direct object passes."""
    objs = [o for o in t.children if o.dep_ in {"dobj", "nsubjpass"}]
    if not objs:
        return True
    military = load_rules().context_words.get("military", (frozenset(), ()))[0]
    return any(
        o.i in parts.by_tok
        or parts.group_sector(o)
        or parts.entities(o, strict=False)
        or o.lemma_.lower() in parts.partitives
        or noun_keys(o) & military
        or o.pos_ == "PRON"
        for x in objs
        for o in [x, *x.conjuncts]
    )


def _direct_object(o: Token, t: Token) -> bool:
    """Whether `o` is what verb `t` acts on: its object, passive subject or predicate, the object of
    a preposition on it, or a conjunct of one of these ('attacked Labour's "unfair" and complicated
    taxes', where the parser takes the adjective for the object and the noun for its conjunct)."""
    for _ in range(4):
        if o.dep_ in OBJ_DEPS or o.dep_ in {"nsubjpass", "acomp"} or (o.dep_ == "pobj" and o.head.head == t):
            return True
        if o.dep_ != "conj" or o.head == o:
            return False
        o = o.head
    return False


def _ceremony_of(t: Token) -> bool:
    """'the signing ceremony' as a light verb's object: an act noun compounded on a ceremony noun
    (clauses.yaml ``ceremony_nouns``)."""
    g = t.head
    return (
        t.dep_ == "compound"
        and g.lemma_.lower() in words("clauses").ceremony_nouns
        and g.dep_ in {"dobj", "nsubjpass", "attr"}
        and g.head.pos_ in {"VERB", "AUX"}
    )


def _noun_cand(t: Token, entries: list[Entry], rs: RuleSet, parts: Participants) -> Cand | None:
    mods = {c.lemma_.lower() for c in t.lefts} | {c.lower_ for c in t.lefts}
    gov = t.head
    dep = t.dep_
    state = False
    if dep == "pobj" and gov.lower_ == "of" and gov.head.dep_ in {"dobj", "nsubjpass", "nsubj"}:
        light_gov = gov.head.head  # "launched 10 days of war games", "a patch of troops arrived"
    elif (
        dep == "pobj"
        and gov.dep_ == "prep"
        and gov.lower_ not in words("clauses").setting_preps  # "duties during the talks": a time
        and (
            gov.head.pos_ == "VERB"
            or (gov.head.pos_ == "AUX" and gov.lower_ in words("clauses").state_act_preps)
        )
    ):
        # "launched a wave of attacks", "was in the country for a state visit", "were on strike"
        light_gov = gov.head
        state = gov.head.pos_ == "AUX"  # "be" + for/on + the act carries it whatever the rule's light verbs
    elif dep in {"dobj", "nsubjpass", "attr", "oprd"} and gov.pos_ in {"VERB", "AUX"}:
        light_gov = gov
    elif dep == "conj" and gov.dep_ in {"dobj", "nsubjpass"} and gov.head.pos_ == "VERB":
        light_gov = gov.head
    elif _ceremony_of(t):
        light_gov = gov.head  # "attended the signing ceremony": the ceremony's verb reports the act
    else:
        light_gov = None
    for e in entries:
        r = e.rule
        if e.extra and not all(x in mods for x in e.extra):
            continue
        extra = [c for c in t.lefts if c.lower_ in e.extra or c.lemma_.lower() in e.extra]
        if r.patient_of:
            if _named_patient(t, parts):
                return Cand(rule=r, kind="noun", trig=t, head=t, extra=extra)
            continue
        if r.not_objects and noun_keys(t) & r.not_objects:
            continue  # the noun in another sense: "a trade war", "the battle of words"
        if r.requires_joint and not (
            mods & words("clauses").joint_words or _many_actors(light_gov or t, parts)
        ):
            continue
        if r.objects and not any(
            noun_keys(p) & r.objects for p in prep_objects(t, words("clauses").noun_object_preps)
        ):
            continue
        light = r.light if r.light is not None else rs.light_verbs
        if r.judgement and reporter_of(light_gov if light_gov is not None else t) is None:
            continue  # a verdict nobody states is no accusation
        if light_gov is not None and (state or any(f in light for f in word_forms(light_gov))):
            own = r.light is not None and any(f in r.light for f in word_forms(light_gov))
            alone = (
                dep == "pobj"
                and gov.lower_ in words("clauses").occasion_preps
                and _own_parties(t, r.preps, parts)
            )
            return Cand(
                rule=r, kind="noun", trig=t, head=light_gov, extra=extra, bonus=3 if own else 0, alone=alone
            )
        if r.subject_noun and dep in {"nsubj", "nsubjpass"} and gov.pos_ == "VERB":
            if gov.lemma_.lower() in words("clauses").reaction_verbs:
                # "the attack on X drew protests from Y": what the act stirred is not what it hit
                return Cand(rule=r, kind="noun", trig=t, head=t, extra=extra)
            strong = r.light is not None and any(f in r.light for f in word_forms(gov))
            return Cand(rule=r, kind="subjnoun", trig=t, head=gov, extra=extra, bonus=5 if strong else 0)
        if _own_parties(t, r.preps, parts):
            return Cand(rule=r, kind="noun", trig=t, head=t, extra=extra)
        if (
            r.frame
            # "adhere to an agreement to end dumping", "failed to fulfil its promise to expand": the
            # object of a verb other than a light verb names an existing act, not a new one; a refusal
            # (`negating_nouns`) is made whoever speaks of it ("criticised Iran's refusal to halt ...")
            and (dep not in {"attr", "pobj", "dobj"} or t.lemma_.lower() in words("plover").negating_nouns)
            and not (r.not_complement and _noun_complements(t) & r.not_complement)
            and any(
                c.dep_ in {"acl", "ccomp"} and any(a.tag_ == "TO" or a.lower_ == "that" for a in c.children)
                for c in t.children
            )
        ):  # "threats to take over", "a demand that X withdraw"
            return Cand(rule=r, kind="noun", trig=t, head=t, extra=extra)
    return None


def _noun_complements(t: Token) -> set[str]:
    """Lemmas of the verbs a noun's to-clause holds ("refusal to comment")."""
    return {c.lemma_.lower() for c in t.children if c.dep_ in {"acl", "ccomp"}}


def _named_patient(t: Token, parts: Participants) -> bool:
    """An act noun whose sufferer is named through *of* ("the capture of Kassala", "the killing of
    two Israeli soldiers by ..."): the of-object is an actor or a place, and the act is not itself
    qualified by another act noun's *of* ("a wave of killings" keeps its own head)."""
    return any(p.i in parts.by_tok or parts.entities(p) or parts.is_place(p) for p in prep_objects(t, {"of"}))


def _own_parties(t: Token, preps: frozenset[str] | set[str], parts: Participants) -> bool:
    """Whether an act noun names its parties itself, through one of its rule's prepositions ("a
    meeting between A and B", "a visit to Ankara"), so that it reports an act without a light verb."""
    if not preps:
        return False
    return any(
        c.dep_ == "prep" and c.lower_ in preps and any(p.dep_ == "pobj" for p in c.children)
        for c in t.children
    ) or any(p.i in parts.by_tok or p.ent_type_ in {"GPE", "LOC"} for p in stranded_preps(t, preps))


def _adj_cand(t: Token, entries: list[Entry]) -> Cand | None:
    if t.dep_ not in PREDICATIVE:
        return None
    if t.dep_ == "amod" and t.head.pos_ in {"NOUN", "PROPN"}:
        return None
    for e in entries:
        r = e.rule
        if r.frame and not (
            any(c.dep_ in {"xcomp", "ccomp"} for c in t.children)
            or any(c.dep_ == "prep" and c.lower_ in {"to", "of"} for c in t.children)
        ):
            continue
        if r.not_complement and _adj_complements(t) & r.not_complement:
            continue  # "responsible for buying equipment" (a duty), "prepared to react"
        head = t.head if t.dep_ in {"acomp", "oprd"} else t
        if r.judgement and reporter_of(head) is None:
            continue  # a verdict nobody states is no accusation
        return Cand(rule=r, kind="adj", trig=t, head=head)
    return None


def _adj_complements(t: Token) -> set[str]:
    """The lemmas of what an adjective governs: its to-clause verb, or its preposition's object."""
    out: set[str] = set()
    for c in t.children:
        if c.dep_ in {"xcomp", "ccomp"}:
            out.add(c.lemma_.lower())
        elif c.dep_ == "prep":
            out.update(p.lemma_.lower() for p in c.children if p.dep_ in {"pcomp", "pobj"})
    return out


def _must_cand(t: Token, rs: RuleSet, parts: Participants) -> Cand | None:
    if not rs.must or t.pos_ not in {"VERB", "AUX"}:
        return None
    modals = set(rs.settings.get("demand_modals") or ["must"])
    aux = next((c for c in t.children if c.dep_ == "aux" and c.lower_ in modals), None)
    if aux is None:
        return None
    if t.dep_ == "relcl":
        return None  # "the one who must answer to the people": a duty, not a demand
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.i > aux.i for c in t.children):
        return None  # "they should have had their papers by now": a reproach or a hope gone, no demand
    if t.lemma_.lower() == "be" and not any(
        g.dep_ in {"xcomp", "ccomp"} for c in t.children if c.dep_ in {"acomp", "attr"} for g in c.children
    ):
        return None  # "Japan must be careful" judges a state; "must be ready to mediate" asks an act
    subj = subject_of(t)
    if (
        subj is None
        or aux.i < subj.i  # "should ministers fail to agree": a condition, not an appeal
        or subj.lower_ in words("plover").first_person
        # the subject itself names an actor: "French output should grow" is a forecast of a thing
        or not (
            (subj.pos_ == "PRON" and subj.lower_ not in words("clauses").non_actor_pronouns)
            or parts.entities(subj)
            or parts.group_sector(subj)
        )  # "this should not pose problems": a forecast about a thing
        or (parts.group_sector(subj) or "") in words("plover").business_sectors
    ):
        return None  # "we must try" (one's own duty), "results must be marked" (a rule for things)
    reporters = words("plover").reporting_verbs
    h = t
    for _ in range(3):
        if h.dep_ in {"ccomp", "acl", "relcl", "advcl"} or (h.dep_ == "conj" and h.head != h):
            content = h.dep_ == "ccomp"
            h = h.head
            if h.pos_ in {"NOUN", "PROPN"}:  # "issued a stern reminder that X must"
                h = h.head if h.head.pos_ in {"VERB", "AUX"} else h
            if content and h.pos_ in {"VERB", "AUX"} and set(word_forms(h)) & words("plover").knowing_verbs:
                return None  # "they will realise they should buy now": what is wise, no one's demand
            if h.pos_ in {"VERB", "AUX"} and (h.lemma_.lower() in reporters or subject_of(h)):
                return Cand(rule=rs.must[0], kind="must", trig=t, head=t, reporter=h)
        else:
            break
    return None


def detect(sent, rs: RuleSet, parts: Participants) -> list[Cand]:
    out: list[Cand] = []
    for t in sent:
        c = None
        if t.pos_ == "VERB" or (t.tag_.startswith("VB") and t.pos_ != "AUX"):
            entries = lookup(rs.verbs, t)
            if entries:
                c = _verb_cand(t, entries, parts)
        elif t.pos_ in {"NOUN", "PROPN"}:
            entries = lookup(rs.nouns, t)
            if entries:
                c = _noun_cand(t, entries, rs, parts)
        if c is None and t.pos_ in {"ADJ", "VERB"}:
            entries = lookup(rs.adjectives, t)
            if entries:
                c = _adj_cand(t, entries)
        if c is not None and not _purpose(c) and not _reference(c):
            out.append(c)
        if t.pos_ in {"VERB", "AUX"}:
            m = _must_cand(t, rs, parts)
            if m is not None:
                out.append(m)
    return out


def _talks_about_text(t: Token) -> bool:
    """A complement of talk (`talk_verbs`, clauses.yaml) about a text or a claim (`talk_topics`):
    "refused to discuss the report", "declined to address the allegations"."""
    cw = words("clauses")
    return any(
        c.lemma_.lower() in cw.talk_verbs
        and any(noun_keys(o) & cw.talk_topics for o in [*objects_of(c), *_prep_objects(c)])
        for c in complements_of(t)
    )


def _prep_objects(t: Token) -> list[Token]:
    """Objects of the prepositions a verb governs ("talk about the report", "elaborate on the claims")."""
    return [p for c in t.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]


def _condition(h: Token) -> bool:
    """'if convicted', 'unless elected': a condition with no subject of its own names a possible
    outcome (`condition_marks`, clauses.yaml), not an act done."""
    return subject_of(h) is None and any(
        ch.dep_ == "mark" and ch.lower_ in words("clauses").condition_marks for ch in h.children
    )


def _reference(c: Cand) -> bool:
    """'as pledged in Paris', 'asked whether ...': a reference or a question, not an act."""
    h = c.head
    if c.kind == "verb" and _condition(h):
        return True
    cw = words("clauses")
    if (
        any(ch.dep_ == "mark" and ch.lower_ in cw.reference_marks for ch in h.children)
        and subject_of(h) is None
    ):
        return True  # "as pledged", not "as the minister met ..."
    named = set(load_rules().settings.get("named_by_participle") or ["AGREE"])
    if c.rule.event in named and h.tag_ == "VBN" and h.dep_ in {"acl", "relcl"} and subject_of(h) is None:
        return True  # "the range agreed in Paris", "the embargo imposed on China": a past act named
    if (
        h.dep_ in {"advcl", "ccomp"}
        and h.tag_ == "VBN"
        and h.lower_ in cw.question_verbs
        and subject_of(h) is None
    ):
        return True  # "Asked whether ..., he said": a reporter's question ("X has asked Y ..." is a request)
    if any(
        a.lower_ in cw.question_verbs
        and a.dep_ == "advcl"
        and any(m.lower_ in cw.asked_question_words for m in a.subtree)
        for a in h.ancestors
    ):
        return True
    return c.rule.requires_complement and any(
        m.dep_ in {"mark", "advmod"} and m.lower_ in words("clauses").question_words
        for comp in complements_of(h)
        for m in comp.children
    )


def _purpose(c: Cand) -> bool:
    """'visited Ankara to enhance cooperation', 'agreements aimed at expanding trade': an aim,
    not an event."""
    h = c.head
    for a in (h, h.head if h.dep_ == "xcomp" else None):  # "... to attempt to hammer out an accord"
        if (
            a is not None
            and a.dep_ == "advcl"
            # "the US move to impose sanctions": an infinitive the parser hung on a noun as an
            # adverbial clause is that noun's content (read as `unrealised` reads it), no aim
            and not _nominal(a.head)
            and any(ch.dep_ == "aux" and ch.tag_ == "TO" for ch in a.children)
            and subject_of(a) is None
            and not _after_ordinal(a)
        ):
            return True
    cur = h
    for _ in range(3):
        if cur.dep_ not in {"pcomp", "xcomp", "pobj", "prep", "acl"} or cur.head == cur:
            return False
        cur = cur.head
        if cur.lemma_.lower() in words("clauses").purpose_heads:
            return True
    return False


def _nominal(t: Token) -> bool:
    """A noun, or a word the tagger took for a verb in a noun's place ("condemned the US move to
    impose": 'move' tagged a verb but the object of 'condemned')."""
    return t.pos_ in {"NOUN", "PROPN"} or t.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj", "attr"}


def _after_ordinal(a: Token) -> bool:
    """'became the third Arab state to normalise ties', 'the first leader to visit Kyiv': the
    infinitive follows an ordinal phrase (ordinal number or `ordinal_words`) on its governor's
    attribute, and reports the act done."""
    ordinal = words("clauses").ordinal_words
    return any(
        x.dep_ in {"attr", "nsubj", "dobj"}
        and x.i < a.i
        and any(m.ent_type_ == "ORDINAL" or m.lower_ in ordinal for m in x.lefts)
        for x in a.head.children
    )


def unrealised(c: Cand, rs: RuleSet) -> bool:
    """'a plea for cash to bail the EC out', 'Reagan's ability to veto', 'the need to seek loans':
    an act in the to-clause of a noun of proposal, capacity or need is only that noun's content,
    not an act done (a frame over the noun, "rejected the plan to ...", has absorbed it already)."""
    nouns = words("plover").unrealised_nouns
    h = c.head
    if _conditional_content(c, rs, nouns):
        return True
    if c.kind == "verb" and h.dep_ == "pcomp" and h.head.dep_ == "prep":
        # "which is responsible for buying equipment": a duty, not a purchase
        return h.head.head.lemma_.lower() in words("plover").unrealised_adjectives
    if (
        c.kind not in {"verb", "adj"}
        or h.dep_ not in {"acl", "ccomp", "advcl"}  # advcl: an infinitive hung on the noun by the parser
        or not _nominal(h.head)
    ):
        return False
    if _means_at_hand(h):
        return True  # "had enough votes to block a decision": a capacity, not a veto
    return h.head.lemma_.lower() in nouns and any(
        a.tag_ == "TO" or (a.dep_ == "mark" and a.lower_ == "that") for a in h.children
    )  # "the plan to send aid", "Iraq's demand that Iran withdraw"


def _means_at_hand(h: Token) -> bool:
    """'had enough votes to block a decision': the to-clause of a noun counted as enough
    (`capacity_modifiers`, plover.yaml) says what the means would allow, not what was done."""
    if h.dep_ != "acl" or not any(a.tag_ == "TO" for a in h.children):
        return False
    mods = words("plover").capacity_modifiers
    return any(m.dep_ in {"amod", "advmod"} and m.lower_ in mods for m in h.head.children)


def _conditional_content(c: Cand, rs: RuleSet, nouns: set[str]) -> bool:
    """'a deal under which Egypt would build the tank', 'a plan by which X could buy ships': a
    conditional relative clause on a noun of agreement or proposal is that text's content, not an
    act done."""
    h = c.head
    if c.kind not in {"verb", "adj"} or h.dep_ != "relcl" or h.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    holders = nouns | words("plover").agreement_nouns | words("plover").proposal_nouns
    modal = {"would", *(rs.settings.get("hypothetical_aux") or [])}
    return h.head.lemma_.lower() in holders and any(a.dep_ == "aux" and a.lower_ in modal for a in h.children)


def empty_clause(c: Cand, rs: RuleSet) -> bool:
    """A frame that needs an act in its that-clause (`clause_needs_act`: "warned X that ...") and
    absorbed none, where the clause says nothing to come: "warned the broadcaster that its report
    was wrong" threatens nothing; "warned that police will no longer tolerate rallies" does (an act
    announced, `future_aux` or `threat_modals`, even one no rule codes). Without a that-clause
    ("warned Iran against ...") the frame stands."""
    if not c.rule.clause_needs_act or c.absorbed:
        return False
    ahead = {*(rs.settings.get("future_aux") or []), "would", *words("clauses").threat_modals}
    # a warning of any act to come is a threat; an agreement needs an act coded in its clause:
    # "agreed that if they decide to offer wheat, it could take months" shares a view, promises nothing
    hostile = rs.quad.get(c.rule.event, "").endswith("conf")
    return any(
        ch.dep_ == "ccomp"
        and ch.i > c.head.i
        and not (hostile and any(a.dep_ == "aux" and a.lower_ in ahead for a in ch.children))
        for ch in c.head.children
    )


def _many_actors(head: Token, parts: Participants) -> bool:
    subj = subject_of(head)
    return subj is not None and len(parts.entities(subj)) >= 2


def dedupe(cands: list[Cand]) -> list[Cand]:
    """One candidate per predicate: the most specific rule wins ('impose' + 'sanctions')."""
    best: dict[int, Cand] = {}
    losers: list[Cand] = []
    for c in cands:
        key = c.head.i if c.kind != "must" else -1 - c.trig.i
        old = best.get(key)
        if old is None or c.spec > old.spec:
            best[key] = c
            if old is not None:
                losers.append(old)
        else:
            losers.append(c)
    out = list(best.values())
    # "the agreement was reached in talks between A and B": the talks are an act of their own, not
    # the verb's, when the noun sits under a preposition of it and names its own parties
    for c in losers:
        win = best.get(c.head.i)
        if c.alone and win is not None and win.rule.event != c.rule.event and c.trig.i not in best:
            best[c.trig.i] = replace(c, head=c.trig, alone=False, bonus=0)
            out.append(best[c.trig.i])
    # a noun that is the subject of a verb trigger of the same type is the same event
    verbs = {c.head.i: c for c in out if c.kind == "verb"}
    out = [
        c
        for c in out
        if not (c.kind == "subjnoun" and c.head.i in verbs and verbs[c.head.i].rule.event == c.rule.event)
    ]
    return sorted(out, key=lambda c: c.trig.i)


def merge_objects(cands: list[Cand]) -> list[Cand]:
    """One event per act: 'signed an agreement to buy three ships' is one signing, not a signing and
    an agreement; 'backed the plan to send aid' is one act of support. A noun trigger that is the very
    object a verb trigger's rule matched ("signed" + "agreement") is that verb's event, and the acts
    the object's to-clause carries ("to buy ships", "to send aid") are its content, not acts done."""
    gone: set[int] = set()
    for v in cands:
        if v.kind != "verb" or v.obj is None or not v.rule.objects or id(v) in gone:
            continue
        content = {
            i
            for a in v.obj.children
            if a.dep_ in {"acl", "relcl", "xcomp"} and any(x.tag_ == "TO" for x in a.children)
            # "an offer to escort tankers in the gulf, where Iran has been attacking shipping": a
            # relative clause inside the content is an act of its own
            for i in _subtree_no_relcl(a)
        }
        for c in cands:
            if c is v or id(c) in gone:
                continue
            if (c.trig.i == v.obj.i and c.kind in {"noun", "subjnoun"}) or c.trig.i in content:
                gone.add(id(c))
                v.absorbed.append(c)
    return [c for c in cands if id(c) not in gone]


def absorb(cands: list[Cand], rs: RuleSet) -> list[Cand]:
    """Frame verbs (agree, threaten, demand, refuse, accuse ...) swallow the acts they govern."""
    proposal = words("plover").proposal_nouns
    frames = sorted((c for c in cands if c.rule.frame), key=lambda c: tree_depth(c.head))
    gone: set[int] = set()
    for f in frames:
        if id(f) in gone:
            continue
        region: set[int] = set()
        if f.kind == "must":  # the demanded act itself
            region.update(t.i for t in f.trig.subtree)
        if f.rule.void:  # "denied reports that it signed a deal": nothing under a denial happened
            region.update(t.i for t in f.head.subtree)
        roots = [f.trig] if f.kind == "noun" and f.trig != f.head else []
        roots += [c for c in f.head.children if c.dep_ in ABSORB_DEPS]
        if f.kind == "noun":
            roots += [c for c in f.trig.children]
        for r in roots:
            region.update(_subtree_no_relcl(r))
        if f.kind != "must":
            region.discard(f.trig.i)
        for c in cands:
            if c is f or id(c) in gone or c.trig.i not in region:
                continue
            if c.rule.visit and is_visiting_modifier(c.trig) and not f.rule.void:
                continue  # "met the visiting X": X's visit is under way, not the frame's content
            if c.kind in {"noun", "subjnoun"} and not f.rule.void and not _governed(c.trig, f.head, proposal):
                continue
            gone.add(id(c))
            f.absorbed.append(c)
    gone |= _requested_content(cands, gone, rs)
    return [c for c in cands if id(c) not in gone]


def _requested_content(cands: list[Cand], gone: set[int], rs: RuleSet) -> set[int]:
    """Candidates named inside what a request asks for (`request_content_frames`, plover.yaml) and
    not absorbed by it: "asked parties to submit statements supporting or opposing the merger" has
    nobody opposing anything. A past participle there ("to free prisoners seized by X") reports a
    fact and stays."""
    kinds = words("plover").request_content_frames
    content: set[int] = set()
    for f in cands:
        if f.rule.event in kinds and f.rule.frame and id(f) not in gone:
            for ch in f.head.children:
                if ch.dep_ in {"xcomp", "ccomp"}:
                    content.update(t.i for t in ch.subtree if t != ch and not _in_relcl(t, ch))
    return {
        id(c)
        for c in cands
        if id(c) not in gone and c.trig.i in content and c.trig.tag_ not in {"VBN", "VBD"}
    }


def _in_relcl(t: Token, top: Token) -> bool:
    """Whether `t` sits in a relative or adverbial clause below `top` (an act of its own)."""
    while t != top and t.head != t:
        if t.dep_ in {"relcl", "advcl"}:
            return True
        t = t.head
    return False


def _subtree_no_relcl(root: Token) -> set[int]:
    """A frame's reach: what it governs, but not relative/adverbial clauses (acts of their own)."""
    out: set[int] = set()
    stack = [root]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(
            c
            for c in t.children
            if not (c.dep_ in {"relcl", "advcl"} or (c.dep_ == "acl" and t.pos_ in {"NOUN", "PROPN"}))
        )
    return out


def _governed(tok: Token, top: Token, proposal: set[str]) -> bool:
    """A noun act is unrealised when reached through a complement clause or a proposal noun; a
    proposal noun the frame itself governs ("agreed to the employers' request") is what it answers."""
    if tok.lemma_.lower() in proposal and (
        tok.head == top or (tok.head.dep_ == "prep" and tok.head.head == top)
    ):
        return True
    h = tok
    for _ in range(12):
        if h == top or h.head == h:
            return False
        if h != tok and (h.dep_ in {"xcomp", "ccomp"} or h.lemma_.lower() in proposal):
            return True
        if h.dep_ in {"xcomp", "ccomp"} and h.head == top:
            return True
        if (
            h.dep_ == "acl"
            and h.head == top
            and top.pos_ == "NOUN"
            and any(a.tag_ == "TO" for a in h.children)
        ):
            return True  # "the refusal to order an inquiry": a frame noun's to-clause is its content
        h = h.head
    return False
