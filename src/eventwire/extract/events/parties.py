"""Both sides of an event: the actor from the subject (or agent, or the governing clause), the
recipient from objects, prepositions and demanded clauses, and the targets of visits and protests.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Entity, Place

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    from spacy.tokens import Token

    from ..context import DocContext

from ...lexicon.events import RuleSet
from ...lexicon.plover import plover
from ...lexicon.wordsets import words
from ...link.actors import headline_state
from ...link.coref import stranded_subject
from ...link.knowledge import get_lexicon
from ...link.names import fold
from .detect import Cand
from .participants import Participants
from .syntax import (
    complements_of,
    is_passive,
    is_stative,
    noun_keys,
    objects_of,
    passive_agents,
    prep_objects,
    stranded_preps,
    subject_of,
)


def actor_side(h: Token, parts: Participants, rs: RuleSet) -> list[Entity]:
    """Subject side of a predicate, climbing to the governing clause when the subject is implicit."""
    control = words("plover").object_control
    reporters = words("plover").reporting_verbs
    cur = h
    gerund = raised = adjunct = False
    for _ in range(5):
        if is_passive(cur):
            subj = next((ch for ch in cur.children if ch.dep_ == "nsubjpass"), None)
            if (gerund or raised) and subj is not None:
                # "X is expected to arrive", "X was asked to leave": X does the infinitive's act
                # "GM was hit by a strike before signing the agreement": the one signing is the
                # subject of the clause the gerund hangs on, whatever its voice
                return parts.entities(subj)
            if adjunct and subj is not None and (got := parts.entities(subj)):
                # "during a visit to X, Y was asked by Z": the visitor is Y, not the one asking
                return got
            ags = passive_agents(cur)
            if ags:
                return entities_of(ags, parts)
            if subj is not None:
                return []  # "the accord was reached": no agent named, not the reporter
            if cur.dep_ == "conj" and not gerund and not raised:
                return []  # "X, sacked last week, has been detained": the shared subject is acted on
        else:
            s = subject_of(cur)
            dl = parts.dateline(cur.sent) if s is not None else None
            if dl is not None and s.idx < dl:
                # the parser took the dateline for the subject: read the words before the verb
                ents = parts.span_entities([t for t in cur.sent if dl <= t.idx and t.i < cur.i])
                if ents:
                    return ents
            if s is None:
                # the parser gave the verb no subject but names stand right before it
                ents = parts.span_entities(stranded_subject(cur, parts.by_tok))
                if ents:
                    return ents
            if s is not None:
                ents = parts.entities(s)
                if ents:
                    return ents
                if s.pos_ != "PRON":
                    return []
                # "they said they would": a pronoun under a reporting verb is the reporter
                if not (cur.dep_ == "ccomp" and cur.head.lemma_.lower() in reporters):
                    return []
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in control:
            objs = [c for c in cur.head.children if c.dep_ == "dobj"]
            if objs:
                return parts.entities(objs[0])
        if cur.dep_ == "acl" and cur.tag_ == "VBN" and cur == h:
            return []  # "the Britons freed from US custody": the noun is the one acted on
        if cur.dep_ in {"relcl", "acl"} and cur.head.pos_ in {"NOUN", "PROPN"}:
            ents = parts.entities(cur.head)
            if ents or cur.head.dep_ not in {"dobj", "pobj", "attr"}:
                return ents
            cur = cur.head  # "issued a declaration demanding ...": the issuer
            continue
        if cur.dep_ == "pcomp" and cur.tag_ == "VBG" and cur.head.lower_ in {"for", "of"}:
            # "condemned him for hugging X", "accused Iran of arming Y": the gerund's doer is the
            # governing verb's object
            objs = [c for c in cur.head.head.children if c.dep_ == "dobj"]
            if objs:
                return parts.entities(objs[0])
        if cur.dep_ in {"xcomp", "advcl", "conj", "ccomp", "pcomp", "acomp"} and cur.head != cur:
            gerund = cur.tag_ == "VBG" and cur.dep_ in {"advcl", "pcomp"}
            raised = cur.dep_ == "xcomp" and cur.tag_ == "VB"
            cur = cur.head
            if cur.dep_ == "prep":
                cur = cur.head
            continue
        if cur.dep_ in {"pobj", "dobj"} and cur.pos_ in {"NOUN", "PROPN"}:
            nxt = cur.head.head if cur.dep_ == "pobj" else cur.head
            if nxt == cur or nxt.pos_ not in {"VERB", "AUX", "NOUN"}:
                return []
            adjunct = cur.dep_ == "pobj" and cur.head.dep_ == "prep" and nxt.pos_ in {"VERB", "AUX"}
            cur = nxt
            continue
        return []
    return []


def is_topic(trig: Token) -> bool:
    """Whether an act noun is what something else is about ('talks on the pace of free trade talks',
    'a debate over the sanctions'): inside a topic phrase of a communication noun or verb."""
    cw = words("clauses")
    t = trig
    if t.dep_ == "dobj" and t.head.pos_ == "VERB" and t.head.lemma_.lower() in cw.topic_heads:
        return True  # "to discuss the talks with Iran"
    for _ in range(4):
        if t.dep_ == "pobj" and t.head.lower_ in cw.topic_preps:
            gov = t.head.head  # "discussions on ...", "held discussions ... on ..."
            heads = [gov, *(ch for ch in gov.children if ch.dep_ == "dobj")]
            return any(h.pos_ in {"NOUN", "VERB"} and h.lemma_.lower() in cw.topic_heads for h in heads)
        if t.dep_ not in {"pobj", "compound", "amod"} or (t.dep_ == "pobj" and t.head.lower_ != "of"):
            return False
        t = t.head if t.dep_ != "pobj" else t.head.head
    return False


def noun_owners(trig: Token, parts: Participants, visit: bool = False) -> list[Entity]:
    """Who does the act a noun names: 'Iran's attack', 'attacks by Iran', 'the US-led war',
    'Israeli air strikes' (a national adjective on the act noun itself), 'a U.S. attack on X' (a
    state's name before an act noun that names its target), 'a Taliban attack' (an armed group's
    name before it, clauses.yaml ``owner_group_sectors``), 'the visit of X to Y'."""
    poss = [ch for ch in trig.children if ch.dep_ == "poss"] + prep_objects(trig, {"by"}) + _stray_agent(trig)
    if trig.lemma_.lower() in words("clauses").from_owner_nouns:
        poss += prep_objects(trig, {"from"})  # "calls from Germany for sanctions"
    if visit:
        poss += prep_objects(trig, {"of"})
    got = entities_of(poss, parts)
    if got:
        return got
    owners = words("clauses").owner_participles
    armed = words("clauses").owner_group_sectors
    out: list[Entity] = []
    for ch in trig.children:
        if ch.dep_ not in {"amod", "compound", "nmod"}:
            continue
        group = False
        if ch.lower_ in owners:  # "the US-led war": the state before the hyphen
            toks = [g for g in ch.children if g.i < ch.i]
        elif ch.pos_ == "ADJ" or ch.ent_type_ == "NORP":
            toks = [ch]
        elif ch.i in parts.by_tok and prep_objects(trig, words("clauses").owner_target_preps):
            toks = [ch]  # "a U.S. attack on two oil platforms": the state named before the act
        elif ch.dep_ == "compound" and ch.i not in parts.by_tok:
            # "US Predator attacks", "Israeli F-16 raids": the state before the weapon
            toks = [g for g in ch.lefts if g.dep_ in {"compound", "amod", "nmod"}]
        elif ch.dep_ == "compound" and not parts.is_place(ch):
            # "a Taliban attack", "an IRA bombing", "a UN appeal": an armed group or an international
            # body names its act. Not a state's name, which is as often where or on whom the act
            # was ("the Paris agreement", "the Kuwait invasion")
            toks, group = [ch], True
        else:
            continue
        for e in parts.span_entities(toks):
            if group:
                mine = e.kind not in {"place", "country"} and (e.sector in armed or e.country == "IGO")
            else:
                mine = e.kind == "country"
            if mine and all(e.id != o.id for o in out):
                out.append(e)
    return out


def _stray_agent(trig: Token) -> list[Token]:
    """'followed a visit to Aden by a delegation': a 'by' phrase right after an act noun that the
    parser hung on the active verb governing the noun (an active verb has no agent phrase) names
    the noun's doer, not a means ('by raising rates' is a gerund, left alone)."""
    v = trig.head
    if trig.dep_ != "dobj" or v.pos_ != "VERB" or is_passive(v):
        return []
    return [
        p
        for p in prep_objects(v, {"by"})
        if p.head.i == trig.right_edge.i + 1 and p.pos_ in {"NOUN", "PROPN"} and p.tag_ != "VBG"
    ]


def patients_of(trig: Token, parts: Participants) -> list[Entity]:
    """Who suffers the act a noun names: its of-object ("the killing of two soldiers"), or the
    state of a place captured ("the capture of Kassala")."""
    objs = prep_objects(trig, {"of"})
    got = entities_of([p for p in objs if not parts.is_place(p)], parts)
    for p in objs:
        pl = parts.place_of(p) if parts.is_place(p) else None
        if pl is not None and pl.country:
            got.append(country_entity(parts.ctx, pl.country))
    return got


def nonactor_subject(h: Token, parts: Participants) -> bool:
    """Whether the clause, or the clause it shares its subject with, has a subject that names no
    actor: 'It will allow ... and opens ...', 'The accord will reduce ...'."""
    cur = h
    for _ in range(4):
        if is_passive(cur):
            return False
        s = subject_of(cur)
        if s is not None:
            if s.pos_ == "PRON" or s.tag_ in {"WDT", "DT"}:
                # "this could encourage", "which shut down": these pronouns never name an actor
                return s.lower_ in words("clauses").non_actor_pronouns and not parts.entities(s)
            return not parts.entities(s)
        if cur.dep_ in {"conj", "xcomp"} and cur.head != cur:
            cur = cur.head
            continue
        return False
    return False


def entities_of(toks: list[Token], parts: Participants, strict: bool = True) -> list[Entity]:
    out: list[Entity] = []
    for t in toks:
        for e in parts.entities(t, strict=strict):
            if all(e.id != o.id for o in out):
                out.append(e)
    return out


def recipient_side(c: Cand, parts: Participants, rs: RuleSet) -> tuple[list[Entity], list[Entity]]:
    """(recipients, extra actors): objects, prepositional objects, the demanded clause's subject."""
    h = c.head
    actor_keys: set[str] | None = None

    def owner_is_actor(owners: list[Entity]) -> bool:
        nonlocal actor_keys
        if actor_keys is None:
            acts = actor_side(h, parts, rs) if c.kind != "must" else []
            actor_keys = {a.id for a in acts} | {a.country for a in acts if a.country}
        return any(o.id in actor_keys or (o.country and o.country in actor_keys) for o in owners)

    def owner_is_actor_id(e: Entity) -> bool:
        owner_is_actor([])  # fills actor_keys
        return actor_keys is not None and e.id in actor_keys

    toks, between = _object_tokens(c)
    ents = _token_recipients(c, parts, toks, owner_is_actor, owner_is_actor_id)
    if ents and c.rule.event == "ACCUSE":
        ents = _accused_not_addressee(c, parts, toks, ents, owner_is_actor_id)
    ents = _clause_recipients(c, parts, rs, toks, ents, owner_is_actor_id)
    if not ents and c.kind == "verb":
        ents = _purpose_recipients(c, parts)
    if not ents:
        # "is willing to send material to help defend X", "agreed to send troops to protect X":
        # the one the act it frames is meant for
        frames = [*(a.head for a in c.absorbed), *(x for x in complements_of(h) if x.dep_ == "xcomp")]
        frames += [x for x in c.trig.children if x.dep_ == "xcomp"] if c.trig != h else []
        for v in frames:
            ents = [e for e in _purpose_entities(v, parts) if not owner_is_actor_id(e)]
            if ents:
                break
    if not ents:
        ents = _counted_recipients(c, parts)
    return ents, _between_parties(between, parts)


def _counted_recipients(c: Cand, parts: Participants) -> list[Entity]:
    """'opened fire to disperse demonstrators, killing one and arresting 12': a bare number as the
    object counts the group the governing clause acts on (its object or its purpose's object)."""
    h = c.head
    if not any(ch.dep_ == "dobj" and ch.pos_ == "NUM" and not list(ch.children) for ch in h.children):
        return []
    cur = h
    for _ in range(3):  # "..., killing one and arresting 12": up through the joined participles
        if cur.dep_ not in {"advcl", "conj"} or cur.head == cur:
            return []
        cur = cur.head
        for t in objects_of(cur):
            got = [e for e in parts.entities(t, strict=False) if e.kind == "group"]
            if got:
                return got
        got = [e for e in _purpose_entities(cur, parts) if e.kind == "group"]
        if got:
            return got
    return []


def _purpose_entities(v: Token, parts: Participants) -> list[Entity]:
    """The first party named as an object inside the purpose clause ('to help defend X') of ``v``."""
    for ch in v.children:
        if ch.dep_ != "advcl" or not any(a.tag_ == "TO" for a in ch.children):
            continue
        for t in ch.subtree:
            if t.dep_ in {"dobj", "pobj", "dative"} and not parts.is_place(t):
                got = parts.entities(t, strict=False)
                if got:
                    return got
    return []


def _object_tokens(c: Cand) -> tuple[list[Token], list[Token]]:
    """The tokens that may name an act's recipient (objects, passive subjects, prepositional
    objects of the act and of its matched object) and the 'between' prepositions of mediation."""
    h = c.head
    toks: list[Token] = []
    between: list[Token] = []
    for ch in h.children:
        if ch.dep_ in {"dobj", "dative"} or (ch.dep_ == "nsubjpass" and not is_stative(h)):
            if ch.pos_ == "ADP":  # "supply warships to/dative Malaysia"
                toks.extend(p for p in ch.children if p.dep_ == "pobj")
            else:
                toks.append(ch)
    if c.kind == "subjnoun" and c.trig in toks:
        toks.remove(c.trig)
    # "denounced as a crime Serbia's suppression of ...": what is named is the apposition
    toks += [a for p in prep_objects(h, {"as"}) for a in p.children if a.dep_ == "appos"]
    reduced = h.dep_ == "acl" and h.tag_ == "VBN" and not is_stative(h)
    if (is_passive(h) or reduced) and not any(ch.dep_ == "nsubjpass" for ch in h.children):
        # reduced passive: "Supported by the US, China argued" / "a camp attacked by militias"
        if h.dep_ == "acl" and h.head.pos_ in {"NOUN", "PROPN"}:
            toks.append(h.head)
        elif h.dep_ == "advcl":
            s = subject_of(h.head)
            if s is not None:
                toks.append(s)
    holders = {t.i: t for t in [h, c.trig, *(t for t in toks if t == c.obj or t == c.trig)]}
    for p in prep_objects(h, {"as"}):  # "provide $400 million as a loan for Bangladesh's reforms"
        holders.setdefault(p.i, p)
    for holder in holders.values():
        for p in prep_objects(holder, words("clauses").recipient_preps - {"between"}):
            if p.head.lower_ == "of" and holder == h:
                continue
            toks.append(p)
        between.extend(c_ for c_ in holder.children if c_.dep_ == "prep" and c_.lower_ == "between")
    for t in objects_of(h):  # "mediated talks between A and B"
        if t.dep_ == "dobj":
            between.extend(c_ for c_ in t.children if c_.dep_ == "prep" and c_.lower_ == "between")
    if c.obj is not None and c.obj not in toks and c.obj.head != h:
        toks.append(c.obj)
    return toks, between


def _token_recipients(
    c: Cand,
    parts: Participants,
    toks: list[Token],
    owner_is_actor: Callable[[list[Entity]], bool],
    owner_is_actor_id: Callable[[Entity], bool],
) -> list[Entity]:
    """The parties the object tokens name: places standing for their states after directed
    acts, owners of an act object, prepositional fallbacks, host states, appositions, holders."""
    h = c.head
    ents: list[Entity] = []
    grounds: list[Entity] = []
    cw = words("clauses")
    directed = cw.directed_place_preps
    for t in toks:
        if (
            t.dep_ == "pobj"
            and t.head.lower_ in cw.through_preps | cw.place_preps
            and t.lemma_.lower() in cw.occasion_nouns
            and not ((m := parts.by_tok.get(t.i)) is not None and m.entity.kind == "group")
        ):
            continue  # "met on the sidelines of the G20 summit": the setting, not a party (but
            # "blamed the blasts on the African National Congress" names one)
        if parts.is_place(t):
            # "recalled its ambassador from Beijing", "moved troops into Ukraine": a place a
            # directed act comes from or goes to stands for its state
            if t.dep_ == "pobj" and t.head.lower_ in directed and not c.rule.visit:
                pl = parts.place_of(t)
                if pl is not None and pl.country and all(e.id != f"c:{pl.country}" for e in ents):
                    ents.append(country_entity(parts.ctx, pl.country))
            elif t.dep_ == "pobj" and t.head.lower_ in cw.capital_metonymy_preps:
                # "cancelled a deal with Paris", "sanctions against Moscow": a capital after
                # these stands for its government
                pl = parts.place_of(t)
                if (
                    pl is not None
                    and pl.country
                    and get_lexicon().capital_of.get(fold(pl.name)) == pl.country
                ):
                    if all(e.id != f"c:{pl.country}" for e in ents):
                        ents.append(country_entity(parts.ctx, pl.country))
            continue
        if c.act_obj and t == c.obj and t.i not in parts.by_tok:
            # the matched object ("support", "sanctions") is the act, not its target: its owner is
            # the recipient only when it is not the actor's own ("supported Turkey's efforts" vs
            # "reaffirmed Malaysia's support"); else look at what it is for/on/against
            got = entities_of([ch for ch in t.children if ch.dep_ == "poss"], parts)
            if not got:  # "a UN Security Council resolution", "the EU proposal": the named owner
                mods = [ch for ch in t.lefts if ch.dep_ in {"compound", "nmod"}]
                got = [
                    e
                    for e in parts.span_entities([x for m in mods for x in m.subtree])
                    if e.kind in {"organization", "country"}
                ]
            if len(got) > 1:  # "the Australia-US-Britain alliance": each member but the actor
                got = [o for o in got if not owner_is_actor([o])]
            elif got and owner_is_actor(got):
                got = []
        else:
            # "reneged on his commitment to X": the actor's own thing names no recipient
            got = [e for e in parts.entities(t, strict=False) if not owner_is_actor_id(e)]
        got = named_only(got)  # unnamed groups are no recipients
        topic = t.dep_ == "pobj" and t.head.lower_ in cw.topic_preps and c.rule.event in cw.topic_events
        if not got and not topic:  # "called for sanctions against Nigeria" (not "talks on trade with X")
            got = entities_of(
                [
                    p
                    for p in prep_objects(t, words("clauses").fallback_recipient_preps)
                    if not parts.is_place(p)
                ],
                parts,
                strict=False,
            )
            got = named_only(got)  # "the release of activists ...": unnamed groups are no one
        if not got and t.lemma_.lower() in cw.host_nouns and t.dep_ in {"dobj", "pobj"}:
            # "opened an embassy in Tehran", "sought refuge in Germany": the host state
            pl = parts.locative(t) or parts.locative(h)
            if pl is not None and pl.country:
                got = [country_entity(parts.ctx, pl.country)]
        if not got:  # "denounced as a crime Serbia's suppression of ...": the apposition
            got = entities_of([a for a in t.children if a.dep_ == "appos"], parts, strict=False)
        if not got and not topic:  # "demanded the release of activists held by Saudi Arabia"
            got = entities_of(holders_of(t), parts, strict=False)
        if (
            t.dep_ == "pobj"
            and t.head.lower_ in cw.grounds_preps
            and t.head.head == h
            and t.i in parts.by_tok
        ):
            # a party named bare ("over Iraq"), not the owner of an act ("over Israeli air raids")
            grounds += [e for e in got if all(e.id != o.id for o in grounds)]
            continue
        for e in got:
            if all(e.id != o.id for o in ents):
                ents.append(e)
    # "attacked the government over Iraq", "sanctioned Russia over Ukraine": with a party named as
    # the object, the 'over' phrase is the grounds of the act, not a second party
    return ents or grounds


def _clause_recipients(
    c: Cand,
    parts: Participants,
    rs: RuleSet,
    toks: list[Token],
    ents: list[Entity],
    owner_is_actor_id: Callable[[Entity], bool],
) -> list[Entity]:
    """Recipients read from clauses: the subject of what must be done ('X must withdraw'), of
    what is charged, of what is demanded or threatened, of an absorbed act, or its objects."""
    if c.kind == "must":
        s = subject_of(c.trig)
        ents = parts.entities(s, strict=False) if s is not None else []
        if not ents and c.reporter is not None:
            ents = entities_of(
                [ch for ch in c.reporter.children if ch.dep_ == "dative"] + prep_objects(c.reporter, {"to"}),
                parts,
                strict=False,
            )
            for ch in c.reporter.children:
                if ch.dep_ == "dative":
                    ents += entities_of([p for p in ch.children if p.dep_ == "pobj"], parts, strict=False)
    elif not ents and c.rule.event == "ACCUSE" and c.rule.requires_complement:
        for comp in complements_of(c.head, after=True):  # "charged that X has breached ...": X
            subj = subject_of(comp)
            if subj is not None and comp.dep_ == "ccomp":
                ents = [e for e in parts.entities(subj, strict=False) if not owner_is_actor_id(e)]
                if ents:
                    break
    elif not ents and c.rule.frame:
        comps = complements_of(c.head) + ([*c.trig.children] if c.kind == "noun" else [])
        if c.kind == "adj" and c.trig != c.head:  # "is ready to contribute troops to X"
            comps += complements_of(c.trig)
        for t in toks:  # "insisted on its demands that X grant ..."
            comps += [ch for ch in t.children if ch.dep_ in {"ccomp", "acl"}]
        for comp in [x for x in comps if x.dep_ == "xcomp"]:  # "refused to allow X to land": X
            comps += [ch for ch in comp.children if ch.dep_ == "ccomp"]
        if c.rule.event == "THREATEN" or c.absorbed:
            # "threatened to strike unless Israel rescinded ...": the one who must comply
            for t in [c.head, *comps]:
                for ch in t.children:
                    if ch.dep_ == "advcl" and any(m.lower_ in {"unless", "if"} for m in ch.children):
                        s = subject_of(ch)
                        if s is not None and not ents:
                            ents = parts.entities(s, strict=False)
                if ents:
                    break
        for comp in comps if not ents else []:  # "demanded that X withdraw": X
            s = subject_of(comp)
            if s is not None and comp.dep_ != "xcomp":
                ents = parts.entities(s, strict=False)
                if c.rule.event == "THREATEN":
                    # "warned that police will not tolerate rallies by X": the threatener's own
                    # unnamed forces carry the threat out; the target is what they act on
                    ents = [e for e in ents if not _stateless_groups([e], _OFFICIAL_SECTORS)]
                if ents:
                    break
        for a in c.absorbed if not ents else []:  # "threatened to impose sanctions on X": X
            if a.kind == "noun" and a.trig.dep_ == "pobj" and a.trig.head.head.pos_ == "NOUN":
                # "refused any assistance to the US-led war against Iraq": what is refused is
                # help to the act, so its owner is the one turned down
                ents = noun_owners(a.trig, parts)
                if ents:
                    break
            ents, pair = recipient_side(a, parts, rs)  # "ready to host talks between A and B"
            ents = [*ents, *(e for e in pair if all(e.id != o.id for o in ents))]
            # "refused to allow UN planes to evacuate its observers": its own are no target
            ents = [e for e in ents if e.id not in parts.owned_groups]
            if ents:
                break
        if not ents:
            for comp in comps:
                objs = [o for o in objects_of(comp) if not parts.is_place(o)]
                ents = entities_of(objs, parts, strict=False)
                if not ents:  # "refused to respond to a demand from the US President": its author
                    ents = named_only(entities_of(_owners_of(objs, parts), parts, strict=False))
                if ents:
                    break
    return ents


def _purpose_recipients(c: Cand, parts: Participants) -> list[Entity]:
    """'signed an MOU to purchase Turkish corvettes', 'systems worth $100 million to X': a party
    named inside the object or the purpose clause of a verb."""
    h = c.head
    ents: list[Entity] = []
    # "signed an MOU to purchase Turkish corvettes", "systems worth $100 million to X"
    purpose = [
        t
        for ch in h.children
        if ch.dep_ == "advcl" and any(a.tag_ == "TO" for a in ch.children)
        for t in ch.subtree
    ]
    for t in [*(c.obj.subtree if c.obj is not None else []), *purpose]:
        if t != c.obj and t.dep_ in {"dobj", "pobj", "dative"} and not parts.is_place(t):
            ents = parts.entities(t, strict=False)
            if ents:
                break
    return ents


def _between_parties(between: list[Token], parts: Participants) -> list[Entity]:
    """The parties listed after 'between' ('mediated talks between A and B'): extra actors."""
    extra: list[Entity] = []
    for b in {t.i: t for t in between}.values():
        for e in parts.list_after(b):
            if all(e.id != o.id for o in extra):
                extra.append(e)
    return extra


def conjoined_partner(c: Cand, parts: Participants, actors: list[Entity]) -> list[Entity]:
    """'X met with Y and discussed the rates': talks joined to a meeting by 'and' are with the
    one the first verb names (its object, or its 'with' object), when they name no one of their own."""
    h = c.head
    if h.dep_ != "conj" or h.head.pos_ != "VERB":
        return []
    first = h.head
    toks = [t for t in first.children if t.dep_ == "dobj"] + prep_objects(first, {"with"})
    mine = {a.id for a in actors}
    return [e for e in named_only(entities_of(toks, parts, strict=False)) if e.id not in mine]


def predicate_object(c: Cand, parts: Participants, actors: list[Entity]) -> list[Entity]:
    """'Biden called Egyptian President Sisi on Tuesday': the parser reads the called person as a
    predicate (oprd) of the verb, which the object reader skips; when a rule asked for an actor as
    its object and that token matched, the actor it names is the recipient."""
    if not c.rule.objects_kind or c.obj is None or c.obj.dep_ != "oprd" or c.obj.head != c.head:
        return []
    mine = {a.id for a in actors}
    return [e for e in parts.entities(c.obj) if e.id not in mine]


def _accused_not_addressee(
    c: Cand, parts: Participants, toks: list[Token], ents: list[Entity], is_actor: Callable[[Entity], bool]
) -> list[Entity]:
    """'Syria complained to the UN that Israeli authorities were blocking ...': an accusation's
    target is the subject of what is alleged, not the body it is addressed to ('to X'); the
    addressee stays the recipient when the clause names no one else."""
    told = entities_of([t for t in toks if t.dep_ == "pobj" and t.head.lower_ == "to"], parts, strict=False)
    if not told or any(all(e.id != o.id for o in told) for e in ents):
        return ents
    for comp in complements_of(c.head, after=True):
        subj = subject_of(comp)
        if subj is not None and comp.dep_ == "ccomp":
            accused = [e for e in parts.entities(subj, strict=False) if not is_actor(e)]
            if accused:
                return accused
    return ents


def _owners_of(objs: list[Token], parts: Participants) -> list[Token]:
    """The named owners of unnamed objects ("a demand from X", "the call by X"): the objects of
    their prepositions of clauses.yaml fallback_recipient_preps that are not places."""
    preps = words("clauses").fallback_recipient_preps
    return [
        p for o in objs if o.i not in parts.by_tok for p in prep_objects(o, preps) if not parts.is_place(p)
    ]


def named_only(ents: list[Entity]) -> list[Entity]:
    """Drop unnamed groups with no state ("activists", "the protesters"): they are no recipients."""
    return [e for e in ents if e.kind != "group" or e.country]


def unplaced_crowd(c: Cand, parts: Participants) -> list[Entity]:
    """'arrested journalists', 'dispersed demonstrators': the unnamed crowd an act is done to, with
    no state of its own. It is no recipient until the act's place, or a state's police, courts or
    arrests, give it one (``domestic_crowd``); then it is the one the act was done to."""
    located = words("clauses").located_group_sectors
    toks, _ = _object_tokens(c)
    out: list[Entity] = []
    for t in toks:
        if t.dep_ not in {"dobj", "nsubjpass"} or parts.is_place(t):
            continue  # "killed journalists", "a journalist was killed"
        for e in parts.entities(t, strict=False):
            if (
                e.kind == "group"
                and e.country is None
                and e.sector in located
                and all(e.id != o.id for o in out)
            ):
                out.append(e)
    return out


def holders_of(t: Token) -> list[Token]:
    """The agents of a participle on the object or on its 'of' phrase ("the release of activists
    held by Saudi Arabia", "the return of land seized by X"): who holds what the act is about."""
    nouns = [t, *(p for p in prep_objects(t, {"of"}))]
    return [
        a
        for n in nouns
        for ch in n.children
        if ch.dep_ == "acl" and ch.tag_ == "VBN"
        for a in passive_agents(ch)
    ]


def country_entity(ctx: DocContext, iso: str) -> Entity:
    key = f"c:{iso}"
    for m in ctx.entities:
        if m.key == key:
            e = m.entity
            return Entity(id=e.id, name=e.name, kind=e.kind, country=e.country, sector=e.sector)
    return Entity(
        id=key, name=get_lexicon().country_name(iso) or iso, kind="country", country=iso, sector="GOV"
    )


def protest_target(c: Cand, parts: Participants) -> list[Entity]:
    """'to protest X', 'to demand reforms by X', 'in protest of X', 'in defiance of X': X."""
    w = words("clauses")
    for hd in {c.head.i: c.head, c.trig.i: c.trig}.values():
        for ch in hd.children:
            if ch.dep_ in {"advcl", "xcomp", "conj"} and ch.lemma_.lower() in w.protest_aims:
                toks = [o for o in objects_of(ch) if not parts.is_place(o)]
                for o in toks:
                    got = parts.entities(o, strict=False) or entities_of(
                        prep_objects(o, w.protest_aim_preps), parts, strict=False
                    )
                    if got:
                        return got
            if ch.dep_ == "prep":
                for p in ch.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in w.protest_nouns:
                        targets = prep_objects(p, w.protest_noun_preps)
                        got = entities_of(targets, parts, strict=False)
                        for t in targets if not got else []:  # "against violations by the army"
                            got = noun_owners(t, parts)
                            if got:
                                break
                        if got:
                            return got
    return []


def _settlement_named(tok: Token) -> Token:
    """'toured the town of Bucha': the place a settlement noun's 'of' names, else the noun."""
    if tok.lemma_.lower() not in words("names").settlement_nouns:
        return tok
    for ch in tok.children:
        if ch.dep_ == "prep" and ch.lower_ == "of":
            obj = next((p for p in ch.children if p.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return tok


def _occasion_place(c: Cand, parts: Participants) -> Place | None:
    """'the forum's meeting' after 'the India-Russia Trade Forum in New Delhi': a part of an
    occasion named before (its possessor, an occasion noun with 'the') is where that occasion was."""
    nouns = words("clauses").occasion_nouns
    owner = next(
        (
            ch
            for ch in c.trig.children
            if ch.dep_ == "poss"
            and ch.lemma_.lower() in nouns
            and any(d.lower_ == "the" for d in ch.children)
        ),
        None,
    )
    if owner is None:
        return None
    lemma = owner.lemma_.lower()
    for t in reversed(owner.doc[: owner.i]):
        if owner.idx - t.idx > OCCASION_REACH:
            break
        if t.lemma_.lower() == lemma:
            place = parts.locative(t, 0)
            if place is not None:
                return place
    return None


OCCASION_REACH = 2000
"""How far back (characters) 'the forum' looks for the forum a story named with its place."""


def visit_target(c: Cand, ctx: DocContext, parts: Participants) -> tuple[list[Entity], Place | None]:
    """The state visited and where: the visit's object ("visits Washington", which the parser may
    attach as a bare noun modifier), else the place after a visit preposition."""
    cands = [ch for ch in c.head.children if ch.dep_ == "dobj"]
    cands += [
        ch
        for ch in c.head.children
        if ch.dep_ == "npadvmod"
        and (parts.is_place(ch) or (m := parts.by_tok.get(ch.i)) is not None and m.entity.kind == "country")
    ]
    holders = [c.head, c.trig]
    for hd in holders:
        cands += prep_objects(hd, words("clauses").visit_preps)
    if not cands and c.trig.pos_ == "NOUN":
        cands += stranded_preps(c.trig, words("clauses").visit_preps)
    for tok in cands:
        tok = _settlement_named(tok)
        place = parts.place_of(tok)
        m = parts.by_tok.get(tok.i)
        if place is not None:
            iso = place.country or (m.entity.country if m is not None else None)
            if iso:
                return [country_entity(ctx, iso)], place
            return [], place
        ents = [e for e in parts.entities(tok) if e.kind == "country"]
        if ents:
            return ents, None
    return [], None


def read_parties(
    c: Cand, ctx: DocContext, rs: RuleSet, parts: Participants
) -> tuple[list[Entity], list[Entity], Place | None]:
    """(actors, recipients, place) of a candidate event, read from its clause and the article."""
    r = c.rule
    if c.kind == "noun" and c.head == c.trig and is_topic(c.trig):
        return [], [], None  # "discussions on the pace of free trade talks with X": a topic, not an act
    if c.kind == "must":
        actors = actor_side(c.reporter, parts, rs) if c.reporter is not None else []
    elif c.kind == "noun" and r.patient_of:
        # "Chad's capture of X", "the killing of X by Y" (by read on X or on the act), never the clause's
        actors = noun_owners(c.trig, parts) or entities_of(
            [b for p in prep_objects(c.trig, {"of"}) for b in prep_objects(p, {"by"})], parts
        )
    elif c.kind == "noun" and c.head == c.trig and r.frame and c.trig.dep_ in {"dobj", "pobj"}:
        # "Y rejected / prompted calls for sanctions", "welcomed the offer of aid": a demand, offer or
        # threat another verb acts on is its owner's, never that verb's subject's
        actors = noun_owners(c.trig, parts)
    elif c.kind == "noun" and c.head == c.trig:
        actors = noun_owners(c.trig, parts, visit=r.visit) or actor_side(c.trig, parts, rs)
    elif c.kind == "subjnoun":
        actors = [e for e in parts.entities(c.trig)] or noun_owners(c.trig, parts)
    else:
        actors = actor_side(c.head, parts, rs)
        if not actors and c.kind == "noun":
            # "killed in a Taliban attack", "wounded in Israel's raid": the act's own doer
            actors = noun_owners(c.trig, parts)
    recipients, between = recipient_side(c, parts, rs)
    if not actors:
        held, place = custody_holder(c, parts)
        if held:  # "were released from Chinese custody": the state that held them did it
            actors = held
            gone = {e.id for e in [*held, *place]}
            recipients = [e for e in recipients if e.id not in gone]
    if c.kind == "noun" and c.head != c.trig and c.head.lemma_.lower() in words("clauses").victim_verbs:
        # "Maduro survived an attack on his life": who survives it is its target, not its doer
        recipients, actors = actors or recipients, noun_owners(c.trig, parts)
    if r.patient_of:
        recipients = [*patients_of(c.trig, parts), *recipients]
    if not actors and not recipients:
        recipients = shared_patient(c, parts)
    if between:
        if not actors or (c.kind == "noun" and c.head == c.trig):
            # "talks between A and B" (whoever hosted or mediated them): A and B are the parties
            actors, recipients = between[:1], [*between[1:], *recipients]
        else:
            recipients = [*recipients, *between]
    place: Place | None = None
    if r.visit:
        rec, place = visit_target(c, ctx, parts)
        if rec:
            recipients = rec
    if place is None:
        # the clause, the act's noun and object, then "protesters in Cairo", "talks ... took place in X"
        spots = [c.head, c.trig, c.obj, subject_of(c.head)]
        # "met with X in Kyiv": a place on the one met or on the object
        spots += [t for t in objects_of(c.head) if t.dep_ in {"dobj", "pobj"} and not parts.is_place(t)]
        if c.kind == "noun" and c.head == c.trig and c.trig.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
            # "talks took place in X", "follow a discussion with Y during the fair in X"
            spots.append(c.trig.head if c.trig.dep_ != "pobj" else c.trig.head.head)
        # last, the act's purpose clause: "unveiled aid to assist X during a conference held in Y"
        spots += [
            ch for ch in c.head.children if ch.dep_ == "advcl" and any(a.tag_ == "TO" for a in ch.children)
        ]
        seen_i: set[int] = set()
        for hd in spots:
            if hd is None or hd.i in seen_i:
                continue
            seen_i.add(hd.i)
            place = parts.locative(hd)
            if place is not None:
                break
    if place is None:
        place = _occasion_place(c, parts)
    if place is None and c.head.dep_ == "relcl" and any(ch.lower_ == "where" for ch in c.head.children):
        place = parts.place_of(c.head.head)  # "talks in Ankara, where A and B addressed ..."
    if place is None and any(ch.lower_ == "here" and ch.dep_ == "advmod" for ch in c.head.children):
        place = parts.dateline_place()  # "attended here" in a story datelined Ankara
    if place is not None and not place.country:
        place.country = sentence_state(c, ctx)  # "in West Darfur State" in a story about Sudan
    crowd = [] if recipients else unplaced_crowd(c, parts)
    if place is not None and place.country:
        # "protesters blocked streets in Hong Kong": a crowd of civilians is where it acts; armed
        # men, officials and organisations are not (their state comes from the text about them)
        located = words("clauses").located_group_sectors
        for e in [*actors, *recipients, *crowd]:
            if e.kind == "group" and e.country is None and e.sector in located and not _abroad(e):
                e.country = place.country  # not "foreign journalists in Cairo"
    domestic_crowd(actors, [*recipients, *crowd], c.rule.mode in words("clauses").domestic_modes)
    recipients += [e for e in crowd if e.country]
    brief_groups(ctx, actors)
    home_government(actors, recipients)
    home_government(recipients, actors)
    for e in [*actors, *recipients]:  # what the article says elsewhere about this actor
        la = ctx.actors.get(e.id) if e.country is None else None
        if la is not None and la.country:
            e.country = la.country
    ids = {e.id for e in actors}
    # one party once: "between ECOWAS and the Kingdom of Morocco" read as object and as list item
    kept: list[Entity] = []
    for e in recipients:
        if e.id not in ids and all(e.id != k.id for k in kept):
            kept.append(e)
    recipients = kept
    # "recalled its envoy", "India will send troops": a state's own officials and forces are not
    # what it acts on
    own = {e.country for e in actors if e.country}
    recipients = [e for e in recipients if not (e.id in parts.owned_groups and e.country in own)]
    if not actors and not recipients and c.kind == "subjnoun" and place is not None and place.country:
        recipients = [country_entity(ctx, place.country)]
    story_government(ctx, actors, recipients)
    recipients = named_only(recipients)
    if not recipients:
        recipients = predicate_object(c, parts, actors)
    if not recipients and r.event == "CONSULT":
        recipients = conjoined_partner(c, parts, actors)
    if not recipients and r.event == "PROTEST":
        recipients = protest_target(c, parts)
    if not actors and recipients and r.event == "CONSULT" and c.kind in {"noun", "subjnoun"}:
        actors = reporter_party(c, parts, rs, recipients)
    if not recipients:
        recipients = author_of_object(c, parts, actors)
    if not recipients:
        recipients = message_addressee(c, parts, actors)
    if not actors and recipients:
        actors = discourse_actor(c, parts, recipients)
    if not recipients:
        recipients = default_recipient(c, ctx, rs, parts, place, actors)
    if not recipients:
        recipients = dyad_partner(c, parts, actors)
    if not recipients:
        recipients = relation_partner(c, parts, actors)
    if not recipients and place is None:
        recipients = home_measure(c, parts, actors)
    if not recipients and c.rule.event != "CONSULT":
        recipients = talks_partner(c, parts, actors)
    if not recipients:
        recipients = occasion_host(c, parts, actors)
    if not recipients and r.event == "REJECT":
        recipients = pressed_by(c, parts, actors)
    if not recipients:
        recipients = unnamed_addressees(c, parts, actors)
    if not actors and not recipients:
        actors, recipients = reached_between(c, parts)
    actors, recipients = joint_body(parts, actors, recipients)
    if not actors and place is not None and place.country:
        actors = unattributed(c, place.country, recipients)
    actors = state_speaker(c, parts, actors)
    story_officials(ctx, actors, recipients)
    story_addressees(ctx, actors, recipients)
    story_government(ctx, actors, recipients)  # "urged the government to ...", found only above
    for e in [*actors, *recipients]:  # "finance ministers from major industrial nations": no one state's
        if e.id in parts.many_state_groups:
            e.country = None
    return actors, recipients, place


def state_speaker(c: Cand, parts: Participants, actors: list[Entity]) -> list[Entity]:
    """'Treasury Secretary X said Washington was disappointed': a state named as the actor of a
    clause its own official reports speaks through that official, who is then the actor (of the
    same state), as in the official's own 'we were disappointed'."""
    if len(actors) != 1 or actors[0].kind != "country" or not actors[0].country:
        return actors
    subj = reporting_subject(c.head)
    if subj is None:
        return actors
    people = [e for e in parts.entities(subj) if e.kind == "person"]
    return people if people and all(e.country == actors[0].country for e in people) else actors


def reporting_subject(head: Token) -> Token | None:
    """The subject of the reporting verb ("X said ...") whose complement holds ``head``, within
    three clauses up; None when no reporting verb governs it or it has no subject."""
    reporters = words("plover").reporting_verbs
    cur = head
    for _ in range(3):
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in reporters:
            return subject_of(cur.head)
        if cur.head == cur:
            break
        cur = cur.head
    return None


def custody_holder(c: Cand, parts: Participants) -> tuple[list[Entity], list[Entity]]:
    """'two Canadians were released from Chinese custody', 'fishermen freed from Indian jails': an
    act with no agent that takes its patient out of a place of holding (clauses.yaml
    ``holding_nouns``) is done by the state or body whose holding it was (the noun's owner).
    (holders, what the place phrase itself was read as: no recipient then)."""
    h = c.head
    if any(ch.dep_ in {"nsubj", "agent"} for ch in h.children):
        return [], []
    out: list[Entity] = []
    place: list[Entity] = []
    for p in prep_objects(h, {"from"}):
        if p.lemma_.lower() not in words("clauses").holding_nouns:
            continue
        owners = [ch for ch in p.children if ch.dep_ in {"poss", "amod", "compound", "nmod"}]
        for e in entities_of(owners, parts, strict=False):
            if e.kind in {"country", "organization", "group"} and all(e.id != o.id for o in out):
                out.append(e)
        place += entities_of([p], parts, strict=False)
    return out, place


def unnamed_addressees(c: Cand, parts: Participants, actors: list[Entity]) -> list[Entity]:
    """'asked chipmakers to cut output', 'met union leaders', 'agreed with creditor banks': when
    nothing else names the other side, an unnamed group the act is done to or with (its object or
    prepositional object, a group noun of plover.yaml ``group_nouns``) is the recipient, with its
    sector and whatever state the text gives it. A state's own officials and forces ('recalled its
    envoy') stay out; its own firms and people ('asked its automakers') do not."""
    ids = {e.id for e in actors}
    own = {e.country for e in actors if e.country}
    # a state body's act on firms alone is administration (sense.py): firms only beside a state
    firms_ok = any(e.kind == "country" for e in actors)
    toks, _ = _object_tokens(c)
    out: list[Entity] = []
    cw = words("clauses")
    for t in toks:
        if t.dep_ not in {"dobj", "dative", "pobj", "nsubjpass"}:
            continue  # "warned that police will ...": the subject of a clause is no addressee
        if parts.is_place(t) or (t.dep_ == "pobj" and t.head.lower_ in cw.topic_preps):
            continue
        if t.dep_ == "pobj" and t.head.lower_ not in cw.addressee_preps:
            continue  # "responsible for the technical side": no one the act is done to or with
        if t.dep_ == "pobj" and t.head.lower_ == "with" and c.rule.event in cw.companion_events:
            continue  # "unrest is spreading, with banks and universities on strike": companions
        nxt = parts.by_tok.get(t.i + 1) if t.i + 1 < len(t.doc) else None
        if nxt is not None and nxt.entity.kind == "person":
            continue  # "what spokeswoman Phyllis Oakley called": a title, not a group
        for e in parts.entities(t, strict=False):
            if e.kind != "group" or e.sector is None or e.id in ids:
                continue
            if e.sector in words("plover").business_sectors and not firms_ok:
                continue
            if e.id in parts.owned_groups and e.country in own and e.sector in _OFFICIAL_SECTORS:
                continue  # "recalled its envoy" (but "asked its automakers", "its citizens")
            if all(e.id != o.id for o in out):
                out.append(e)
    return out


def story_addressees(ctx: DocContext, actors: list[Entity], recipients: list[Entity]) -> None:
    """'Japan's trade ministry asked chipmakers to cut output' in a story about Japan: an unnamed
    civil group (clauses.yaml ``story_group_sectors``: firms, unions, parties, people) that a body
    of the story's own state acts on is that state's, the weak context evidence ``story_officials``
    gives unnamed officials. Never a group whose relation to someone names it ('creditor banks')."""
    civil = words("clauses").story_group_sectors
    groups = [e for e in _stateless_groups(recipients, civil) if not _relational(e) and not _abroad(e)]
    if not groups:
        return
    iso = story_state(ctx)
    if iso is None or iso not in {e.country for e in actors}:
        return
    for e in groups:
        e.country = iso


def _plural(e: Entity) -> bool:
    """A group named by a plural of a state's word ('industrialized states', 'governments'; coref.yaml
    ``state_heads``): many states, not the story's own."""
    last = (fold(e.name).split() or [""])[-1]
    return last.endswith("s") and last.removesuffix("s") in words("coref").state_heads


def _abroad(e: Entity) -> bool:
    """A group a word places beyond any one state ('international agencies', 'foreign banks',
    'world leaders': clauses.yaml ``foreign_modifiers``)."""
    return bool(set(fold(e.name).split()) & words("clauses").foreign_modifiers)


def _relational(e: Entity) -> bool:
    """A group named by its relation to another party ('creditor banks', 'its allies'): coref.yaml
    ``relation_heads`` among its words (singular or plural)."""
    rel = words("coref").relation_heads
    return any(w in rel or w.removesuffix("s") in rel for w in fold(e.name).split())


def unattributed(c: Cand, iso: str, recipients: list[Entity]) -> list[Entity]:
    """'A roadside bomb near Samarra killed two US soldiers': an attack whose doer the text does
    not name is done by unidentified armed forces of the state where it happened (CAMEO UAF)."""
    w = words("clauses")
    if c.rule.event not in w.unattributed_events or not any(e.kind != "country" for e in recipients):
        return []  # the victims must be named, not only the state the place is in
    subj = subject_of(c.head)
    if subj is not None and (Participants.force_of_nature(subj) or subj.pos_ == "PROPN"):
        # "Hurricane Mitch killed thousands": the doer is named, and it is no one; "Smith shot
        # ...": a name the linker did not know is no unidentified attacker either
        return []
    name = str(w.unattributed_name)
    return [Entity(id=f"g:{name}:{iso}", name=name, kind="group", country=iso, sector="UAF")]


def joint_body(
    parts: Participants, actors: list[Entity], recipients: list[Entity]
) -> tuple[list[Entity], list[Entity]]:
    """'the Joint Permanent Commission met', 'the bilateral committee agreed': a joint body with no
    state of its own, in a story about two states, acts for both: they are its two sides."""
    joint = words("clauses").joint_words
    bodies = [
        e
        for e in actors
        if e.kind == "organization" and not e.country and (fold(e.name).split() or [""])[0] in joint
    ]
    dyad = parts.refs.dominant_dyad() if bodies and not recipients else []
    if not dyad:
        return actors, recipients
    return [*actors, country_entity(parts.ctx, dyad[0])], [country_entity(parts.ctx, dyad[1])]


_PARTNER_PREPS = frozenset({"with", "between", "to"})


def _partnerless_relation(c: Cand) -> bool:
    """'restored ties', 'reestablished relations': the act's object is a relation noun (coref.yaml
    ``partner_nouns``) that names no partner of its own (no 'with', 'between' or possessor)."""
    nouns = words("coref").partner_nouns
    for o in objects_of(c.head):
        if o.lemma_.lower() not in nouns:
            continue
        return not any(
            ch.dep_ == "poss" or (ch.dep_ == "prep" and ch.lower_ in _PARTNER_PREPS)
            for ch in [*o.children, *c.head.children]
        )
    return False


def relation_partner(c: Cand, parts: Participants, actors: list[Entity]) -> list[Entity]:
    """'Bolivia cut ties with Israel in 2009. ... In 2020, the new government restored ties.': a
    relation named without its partner is the one the story named last with a partner (a
    relation noun with 'with X' in this sentence or the few before) by the same state."""
    own = {e.country for e in actors if e.country}
    if not own or not _partnerless_relation(c):
        return []
    nouns = words("coref").partner_nouns
    sents = parts.refs.recent_sentences(c.trig, int(words("coref").max_sentences_back))
    for sent in reversed(sents):
        for t in reversed(list(sent)):
            if t.i >= c.trig.i or t.lemma_.lower() not in nouns:
                continue
            subj = subject_of(t.head)
            if subj is None or not own & {e.country for e in parts.entities(subj)}:
                continue  # another state's relation ("Peru restored ties with Chile")
            for p in [*prep_objects(t, {"with"}), *prep_objects(t.head, {"with"})]:
                got = [e for e in parts.entities(p) if e.country and e.country not in own]
                if got:
                    return got
    return []


def dyad_partner(c: Cand, parts: Participants, actors: list[Entity]) -> list[Entity]:
    """The other state of an article about two states, for a directed act whose clause names no
    target ("Riyadh slammed it as interference", "Ottawa said it was concerned"): coref.yaml
    ``dyad_events``, when the actors are all of one side of the article's dominant dyad."""
    if c.rule.event not in words("coref").dyad_events or not actors:
        return []
    if any((e.sector or "") in words("plover").business_sectors for e in actors):
        return []  # "FECSA called for renegotiating its debt": a firm's act is not between states
    dyad = parts.refs.dominant_dyad()
    sides = {e.country for e in actors}
    if not dyad or len(sides) != 1 or not sides <= set(dyad):
        return []
    # the clause names its target as people the linker could not place ("warned Asian states"):
    # that target is not the other state
    heads = [c.head, *complements_of(c.head)]
    named = [t for hd in heads for t in [*objects_of(hd), subject_of(hd)] if t is not None and t != c.trig]
    # "appealed for an effort from developed countries": the one the object is asked of
    named += [p for t in list(named) for p in prep_objects(t, {"from", "by"})]
    states = words("coref").state_heads
    if any(
        (parts.group_sector(t) is not None or (t.lemma_.lower() in states and t.tag_ == "NNS"))
        and t.i not in parts.by_tok
        for t in named
        if t.i != c.head.i
    ):
        return []
    other = next(s for s in dyad if s not in sides)
    # and the other state is in view: named in this sentence or the last three
    sents = parts.refs.recent_sentences(c.trig, int(words("coref").max_sentences_back))
    if not any(m.entity.country == other for sent in sents for t in sent if (m := parts.by_tok.get(t.i))):
        return []
    return [country_entity(parts.ctx, other)]


def pressed_by(c: Cand, parts: Participants, actors: list[Entity]) -> list[Entity]:
    """'declined to resign despite growing pressure by the anti-corruption commission': a refusal
    is aimed at whoever pressed for the act (clauses.yaml ``pressure_nouns``)."""
    w = words("clauses")
    ids = {e.id for e in actors}
    heads = [c.head, *complements_of(c.head)]
    for p in [p for hd in heads for p in prep_objects(hd, w.pressure_preps)]:
        if p.lemma_.lower() not in w.pressure_nouns:
            continue
        got = entities_of(prep_objects(p, {"by", "from", "of"}), parts, strict=False) or noun_owners(p, parts)
        got = [e for e in named_only(got) if e.id not in ids]
        if got:
            return got
    return []


def occasion_host(c: Cand, parts: Participants, actors: list[Entity]) -> list[Entity]:
    """'will not attend the Summit of the Americas taking place in Los Angeles': turning down an
    occasion (clauses.yaml ``boycott_events``, or a negated act whose direct object it is) is
    aimed at the state that hosts it. A meeting held at an occasion is not (its place is a venue)."""
    w = words("clauses")
    refused = any(ch.dep_ == "neg" for ch in c.head.children)  # "will not attend the summit"
    if c.rule.event not in w.boycott_events and not refused:
        return []
    own = {e.country for e in actors}
    heads = [c.head, *complements_of(c.head), *(a.head for a in c.absorbed)]  # "refused to attend"
    objs = [c.obj, *(ch for hd in heads for ch in hd.children if ch.dep_ == "dobj")]
    for o in [t for t in objs if t is not None]:
        if o.lemma_.lower() not in w.occasion_nouns:
            continue
        spots = [o, *(ch for ch in o.children if ch.dep_ in {"acl", "relcl"})]
        for spot in spots:
            pl = parts.locative(spot)
            if pl is not None and pl.country and pl.country not in own:
                return [country_entity(parts.ctx, pl.country)]
    return []


def talks_partner(c: Cand, parts: Participants, actors: list[Entity]) -> list[Entity]:
    """'called off the strike after deliberations with the government': the one the act's
    talks were with (clauses.yaml ``talk_nouns`` under a time preposition)."""
    w = words("clauses")
    ids = {e.id for e in actors}
    for p in prep_objects(c.head, w.through_preps):
        if p.lemma_.lower() in w.talk_nouns:
            got = [
                e
                for e in entities_of(prep_objects(p, {"with"}), parts, strict=False)
                if e.id not in ids and (e.kind != "group" or e.country)
            ]
            if got:
                return got
    return []


def home_measure(c: Cand, parts: Participants, actors: list[Entity]) -> list[Entity]:
    """'Iraq's government is prepared to impose martial law': a measure a state takes at home
    (clauses.yaml ``domestic_measures``), with no place or target named, is imposed on itself."""
    states = {e.country for e in actors}
    if len(states) != 1 or None in states:
        return []
    measures = words("clauses").domestic_measures
    for cand in [c, *c.absorbed]:
        if any(noun_keys(t) & measures for t in [cand.obj, *objects_of(cand.head)] if t is not None):
            return [country_entity(parts.ctx, next(iter(states)))]
    return []


def home_government(side: list[Entity], other: list[Entity]) -> None:
    """'Campaigners in Britain threatened to take the government to court': an unnamed government,
    police or court facing a people's group of one state is that state's own."""
    w = words("clauses")
    states = {e.country for e in other}
    if not other or len(states) != 1 or None in states or any(e.kind != "group" for e in other):
        return
    if any(e.sector in w.domestic_sectors | {"GOV"} for e in other):
        return  # officials on the other side: "the government" may be anyone's
    for e in side:
        if e.kind == "group" and e.country is None and e.sector in w.domestic_sectors | {"GOV"}:
            e.country = next(iter(states))


def domestic_crowd(actors: list[Entity], recipients: list[Entity], domestic_act: bool = False) -> None:
    """'Egyptian police dispersed demonstrators', 'the court jailed activists', 'Iran arrested
    journalists': an unnamed crowd acted on by a state's police, courts or parliament, or by a
    state in an act within its jurisdiction (``domestic_act``), is of that state."""
    w = words("clauses")
    states = {e.country for e in actors}
    if len(states) != 1 or None in states:
        return
    if not (domestic_act or all(e.sector in w.domestic_sectors for e in actors)):
        return
    for e in recipients:
        if e.kind == "group" and e.country is None and e.sector in w.located_group_sectors:
            e.country = next(iter(states))


def brief_groups(ctx: DocContext, ents: list[Entity]) -> None:
    """'Ibo elders demanded that the Nigerian Interior Ministry ...': in a brief of one or two
    sentences that names one state (its places, bodies and the titles of its people), a group
    acting that the text gives no state is that state's, as link/actors.py gives its office
    holders and parties. Only actors: a stateless group acted on is no party at all."""
    if not any(e.kind == "group" and e.country is None for e in ents):
        return
    if len(ctx.doc) > 120 or sum(1 for _ in ctx.doc.sents) > 2:
        return
    states = {
        m.entity.country
        for m in ctx.entities
        if m.entity.country and len(m.entity.country) == 3 and m.entity.country not in plover().non_state
    }
    if len(states) != 1:
        return
    for e in ents:
        if e.kind == "group" and e.country is None:
            e.country = next(iter(states))


# sectors of the unnamed officials ("officials", "ministers", "the spokesman") a story's state has
_OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY"})


def story_officials(ctx: DocContext, actors: list[Entity], recipients: list[Entity]) -> None:
    """'Officials said', 'ministers agreed' in a story about one state: unnamed officials acting
    with no state of their own are that state's, as link/actors.py gives named office holders of
    a story about one state its state (the same convention, the same weak evidence). Never when
    that state is what they act on ("ministers from Europe and Asia called on the US")."""
    officials = _stateless_groups(actors, _OFFICIAL_SECTORS)
    if not officials:
        return
    iso = story_state(ctx)
    if iso is None or iso in {e.country for e in recipients}:
        return
    for e in officials:
        e.country = iso


def _stateless_groups(side: list[Entity], sectors: frozenset[str] | set[str]) -> list[Entity]:
    """The unnamed groups of these sectors on one side that nothing has given a state."""
    return [e for e in side if e.kind == "group" and e.country is None and e.sector in sectors]


def shared_patient(c: Cand, parts: Participants) -> list[Entity]:
    """'X, sacked last week, has been detained', 'X resigned and was arrested': a passive verb
    conjoined to a clause, with no subject of its own, acts on that clause's subject."""
    h = c.head
    if h.dep_ != "conj" or not is_passive(h) or any(ch.dep_ in {"nsubj", "nsubjpass"} for ch in h.children):
        return []
    subj = subject_of(h.head)
    return parts.entities(subj) if subj is not None else []


def message_addressee(c: Cand, parts: Participants, actors: list[Entity]) -> list[Entity]:
    """'X sent Y a letter demanding ...', 'sent a letter to Y urging ...': the act a participle on
    the thing sent (or on the sending) names is addressed to the one it was sent to."""
    h = c.head
    if h.dep_ == "acl" and h.head.dep_ == "dobj" and h.head.head.pos_ == "VERB":
        verb, thing = h.head.head, h.head
    elif h.dep_ == "advcl" and h.tag_ == "VBG" and any(ch.dep_ == "dobj" for ch in h.head.children):
        verb = h.head
        thing = next(ch for ch in verb.children if ch.dep_ == "dobj")
    else:
        return []
    preps = set(words("clauses").message_preps or [])
    toks: list[Token] = []
    for ch in verb.children:
        if ch.dep_ == "dative" and ch.pos_ in {"PROPN", "NOUN"}:
            toks.append(ch)  # "sent Y a letter"
        elif ch.dep_ == "dative" and ch.lower_ in preps:
            toks += [g for g in ch.children if g.dep_ == "pobj"]  # "sent a letter to Y"
    toks += prep_objects(verb, preps) + prep_objects(thing, preps)
    ids = {e.id for e in actors}
    return [e for e in entities_of(toks, parts) if e.id not in ids]


def story_government(ctx: DocContext, actors: list[Entity], recipients: list[Entity]) -> None:
    """'Unions want the government to withdraw the rules' in a story about one state: the
    government addressed is that state's, unless the state itself is the one acting."""
    # "the government", not "the industrialized states" or "foreign governments"
    governments = [e for e in _stateless_groups(recipients, {"GOV"}) if not _plural(e) and not _abroad(e)]
    if not governments:
        return
    iso = story_state(ctx)
    if iso is None or any(e.kind == "country" and e.country == iso for e in actors):
        return
    for e in governments:
        e.country = iso


def story_state(ctx: DocContext) -> str | None:
    """The state a story is about: the one its headline opens with, if the story names it often
    enough, else one with half the story's mentions of states and twice the next one's."""
    if "story_state" in ctx.memo:
        got = ctx.memo["story_state"]
        return got if isinstance(got, str) else None
    counts: dict[str, int] = {}
    for m in ctx.entities:
        c, k = m.entity.country, m.entity.kind
        if not c or len(c) != 3 or c in plover().non_state:
            continue
        if (
            k in ("country", "group", "person")
            or m.is_place
            or (k == "organization" and m.entity.sector in {"GOV", "LEG", "MIL"})
        ):
            counts[c] = counts.get(c, 0) + 1
    firms = [m.text for m in ctx.entities if m.entity.kind == "organization"]
    headline = headline_state(ctx.article.title, get_lexicon(), firms)
    if headline:
        counts[headline] = counts.get(headline, 0) + 2
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    iso: str | None = None
    if ranked:
        top, n = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0
        if headline and counts[headline] >= 0.5 * n:
            iso = headline
        elif n >= 0.5 * sum(counts.values()) and n >= 2 * second:
            iso = top
    ctx.memo["story_state"] = iso
    return iso


def default_recipient(
    c: Cand, ctx: DocContext, rs: RuleSet, parts: Participants, place: Place | None, actors: list[Entity]
) -> list[Entity]:
    """The state an act is done in when the text names no one it is done to (plover.yaml
    ``default_recipient``): "evacuated settlements in Gaza", "threatened to impose a curfew in
    Algiers" (the act a frame governs decides), "held talks in Ankara" (the host)."""
    table = rs.settings.get("default_recipient") or {}
    default = next(
        (table[e] for e in [*(a.rule.event for a in c.absorbed), c.rule.event] if e in table), None
    )
    if default is None:
        return []
    if default == "people_in_place":
        return _people_in_place(c, ctx, parts, actors)
    spot = place
    if default != "host_of_place":
        for a in c.absorbed:  # "threatened to impose a curfew in Algiers"
            spot = spot or next(
                (p for p in (parts.locative(x) for x in (a.head, a.trig, a.obj) if x is not None) if p), None
            )
        if spot is None or not spot.country:
            # "evacuate the settlements in Gaza", "troops to a force in Liberia": the act's object
            spot = object_place(c, parts) or spot
    iso = spot.country if spot is not None else None
    if default == "host_of_place" and not _hosts(spot, actors):
        iso = None
    if iso is None and default == "government_of_place" and not any(e.kind == "country" for e in actors):
        iso = next((e.country for e in actors if e.country), None)  # never the state against itself
    return [country_entity(ctx, iso)] if iso else []


def _people_in_place(c: Cand, ctx: DocContext, parts: Participants, actors: list[Entity]) -> list[Entity]:
    """'demanded the armed groups in Somalia let convoys through', 'the parties to the conflict in
    Iraq': those the act is aimed at, named by a noun with no state of its own and placed by a
    locative on it or on its own prepositional phrase, are that place's state's (not the actor's
    own state: a state is not its own addressee). A place named any other way in the object ('along
    the lines of the Venice pact') is not where they are."""
    own = {e.country for e in actors}
    for t in [x for x in [c.obj, *objects_of(c.head)] if x is not None]:
        if t.i in parts.by_tok or t.pos_ != "NOUN":
            continue
        inner = [p for ch in t.children if ch.dep_ == "prep" for p in ch.children if p.dep_ == "pobj"]
        for spot in (parts.locative(x) for x in [t, *inner]):
            if spot is not None and spot.country and spot.country not in own:
                return [country_entity(ctx, spot.country)]
    return []


def _hosts(spot: Place | None, actors: list[Entity]) -> bool:
    """Whether talks held at ``spot`` make its state the host: one visiting side meeting in a
    state's capital or the state itself ("held talks in Ankara"). Two sides meeting somewhere, or a
    city that is no capital ("talks in Geneva", "in New York"), is a venue, not a party."""
    if spot is None or not spot.country or len({e.country or e.id for e in actors}) != 1:
        return False
    if any(e.country and (len(e.country) != 3 or e.country in plover().non_state) for e in actors):
        return False  # an international body meeting in a city: a venue ("EC ministers met in Luxembourg")
    if spot.country in {e.country for e in actors}:
        return False
    lex = get_lexicon()
    name = fold(spot.name)
    return (
        lex.capital_of.get(name) == spot.country
        or lex.country_of(spot.name) == spot.country
        and (lex.country_name(spot.country) or "").lower() == spot.name.lower()
    )


def object_place(c: Cand, parts: Participants) -> Place | None:
    """The first place with a state named inside the act's object phrases (not in clauses of
    their own): "all settlements in the Gaza Strip", "prisoners in Iraq"."""
    heads: list[Token] = []
    for cand in [c, *c.absorbed]:
        heads += [t for t in [cand.obj, *objects_of(cand.head)] if t is not None]
        for comp in complements_of(cand.head):
            heads += objects_of(comp)
    seen: set[int] = set()
    stateless: Place | None = None
    for h in heads:
        stack = [h]
        while stack:
            t = stack.pop()
            if t.i in seen:
                continue
            seen.add(t.i)
            if parts.is_place(t):
                pl = parts.place_of(t)
                if pl is not None and pl.country:
                    return pl
                stateless = stateless or pl
            stack.extend(ch for ch in t.children if ch.dep_ not in {"relcl", "advcl", "ccomp", "parataxis"})
    if stateless is not None:
        stateless.country = sentence_state(c, parts.ctx)
        return stateless if stateless.country else None
    return None


def sentence_state(c: Cand, ctx: DocContext) -> str | None:
    """The one state a sentence names, for a place the gazetteer does not know ("West Darfur
    State" in a sentence about Sudan's government). Only places take it, never actors."""
    sent = c.trig.sent
    named = {
        m.entity.country
        for m in ctx.entities_in(sent.start_char, sent.end_char)
        if m.entity.country and (m.entity.kind == "country" or m.is_place) and len(m.entity.country) == 3
    }
    return next(iter(named)) if len(named) == 1 else None


def _states(ents: list[Entity]) -> set[str]:
    return {e.country for e in ents if e.country} | {e.id for e in ents}


def author_of_object(c: Cand, parts: Participants, actors: list[Entity]) -> list[Entity]:
    """'Israel rejected the charge', 'rebuffed the accusations': the one who made the charge, as
    the article reported it, aimed at the one now answering it."""
    if c.obj is None and not objects_of(c.head):
        return []
    authored = words("coref").authored_acts
    objs = [t for t in [c.obj, *objects_of(c.head)] if t is not None]
    types: set[str] = set()
    for o in objs:
        if o.i not in parts.by_tok and not any(ch.dep_ == "poss" for ch in o.children):
            types |= set(authored.get(o.lemma_.lower()) or [])
    if not types:
        return []
    me = _states(actors)
    n = int(words("coref").discourse_sentences)
    for ev in parts.recent(c.trig, n):
        if ev.event in types and ev.actor and (not me or _states(ev.recipient) & me):
            return [
                Entity(id=e.id, name=e.name, kind=e.kind, country=e.country, sector=e.sector)
                for e in ev.actor
            ]
    return []


def reporter_party(c: Cand, parts: Participants, rs: RuleSet, recipients: list[Entity]) -> list[Entity]:
    """'Stelco said negotiations with the union concluded': whoever reports its own talks with
    someone is the other side of them."""
    subj = reporting_subject(c.head)
    if subj is None:
        return []
    them = _states(recipients)
    return [e for e in parts.entities(subj) if e.kind != "person" and not _states([e]) & them]


def discourse_actor(c: Cand, parts: Participants, recipients: list[Entity]) -> list[Entity]:
    """'Bristow, speaking after being summoned': an act with no agent in its clause is done by
    whoever the last sentences show acting on the same side ('Russia will expel British
    diplomats')."""
    h = c.head
    agentless = is_passive(h) and not passive_agents(h)
    if not agentless or c.kind not in {"verb", "noun"}:
        return []
    them = _states(recipients)
    n = int(words("coref").discourse_sentences)
    for ev in parts.recent(c.trig, n):
        if ev.actor and _states(ev.recipient) & them and not _states(ev.actor) & them:
            return [
                Entity(id=e.id, name=e.name, kind=e.kind, country=e.country, sector=e.sector)
                for e in ev.actor
            ]
    return []


def reached_between(c: Cand, parts: Participants) -> tuple[list[Entity], list[Entity]]:
    """'a compromise has been reached', 'agreement was reached on Monday': an agreement in an
    agentless passive that names no party is between the sides of the talks or agreement the
    last sentences (or its own, before it) report (#16: such a sentence is the talks' outcome)."""
    h = c.head
    if c.rule.event != "AGREE" or c.kind != "verb" or not is_passive(h) or passive_agents(h):
        return [], []
    if not _stated_outcome(h):
        return [], []  # "it is important that agreement is reached": a wish, no outcome of any talks
    n = int(words("coref").discourse_sentences)
    for ev in parts.recent(c.trig, n):
        sides = list({e.id: e for e in [*ev.actor, *ev.recipient]}.values())
        if ev.event in {"CONSULT", "AGREE"} and len(sides) > 1:  # "A and B held talks": both sides
            copy = [
                Entity(id=e.id, name=e.name, kind=e.kind, country=e.country, sector=e.sector) for e in sides
            ]
            return copy[:1], copy[1:]
    return [], []


def _stated_outcome(h: Token) -> bool:
    """Whether clause ``h`` states its act as done: a main clause (or one joined to it), or the
    clause a reporting verb states ("officials said a deal had been reached")."""
    for _ in range(3):
        if h.dep_ == "ROOT":
            return True
        if h.dep_ == "ccomp" and h.head.lemma_.lower() in words("plover").reporting_verbs:
            return True
        if h.dep_ != "conj":
            return False
        h = h.head
    return False
