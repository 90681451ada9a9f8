"""PLOVER event coding: triggers from data/events/*.yaml matched on the spaCy dependency parse.

Why a parse and not keyword spotting: the same verb is a different event with a different object
("lifted the curfew" CONCEDE, "lifted sanctions" RETREAT, "imposed sanctions" SANCTION), actors
and recipients are syntactic roles (subject vs object, passive swaps them), and intent words
change the type ("agreed to send aid" is one AGREE, "will impose sanctions" a THREATEN). One pass
over the tokens with dictionary look-ups keeps coding a small fraction of the parse time.

Steps per document: detect candidate triggers (verbs, light-verb + noun, predicative adjectives,
`must` demands) -> let frame verbs absorb the acts they govern -> read participants, place and
flags from the clause -> apply the PLOVER rewrites (future cooperation = AGREE, future hostility
= THREATEN) -> one Event per surviving candidate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...model import Entity, Event, Place, stable_id
from .participants import OBJ_DEPS, RECIPIENT_PREPS, SUBJ_DEPS, Participants
from .rules import Entry, Rule, RuleSet, cameo_score, load_rules

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from ..context import DocContext

ABSORB_DEPS = {"xcomp", "ccomp", "dobj", "prep", "acomp", "oprd", "pcomp", "dative", "attr"}
PREDICATIVE = {"acomp", "ROOT", "ccomp", "xcomp", "conj", "advcl", "oprd", "amod"}
JOINT_WORDS = {"joint", "combined", "bilateral", "trilateral", "multilateral", "multinational"}
FUTURE_NOUN_MODS = {"planned", "upcoming", "proposed", "scheduled", "forthcoming", "prospective"}
INTENT_CODES = {"AGREE": "030", "THREATEN": "130", "REJECT": "120"}
NON_STATES = {"IGO", "NGO", "IMG", "MNC", "UNK", "UIS", "REB", "BUS"}


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

    @property
    def spec(self) -> int:
        return self.rule.specificity + 2 * bool(self.extra) + (1 if self.kind == "verb" else 0) + self.bonus


# ---------------------------------------------------------------------------------------------- API


def extract(ctx: DocContext) -> list[Event]:
    """PLOVER events of one article, each with the sentence it was read from."""
    rs = load_rules()
    parts = Participants(ctx, rs)
    events: list[Event] = []
    sents = list(ctx.doc.sents)
    for k, sent in enumerate(sents):
        cands = _detect(sent, rs, parts)
        if not cands:
            continue
        cands = _absorb(_dedupe(cands), rs)
        ctx_words = _contexts(sent, rs)
        seen: set[tuple] = set()
        for c in cands:
            ev = _build(c, ctx, rs, parts, ctx_words)
            if ev is None:
                continue
            key = (
                ev.event,
                tuple(e.id for e in ev.actor),
                tuple(e.id for e in ev.recipient),
                ev.trigger_start,
            )
            if key in seen:
                continue
            seen.add(key)
            if ev.event == "CONSULT" and k + 1 < len(sents):
                _delegation(ev, sents[k + 1], parts)
            events.append(ev)
    return events


def _delegation(ev: Event, nxt, parts: Participants) -> None:
    """'... met a delegation of X. Leading the delegation were its CEO, Y, and ...': Y took part."""
    lemmas = {t.lemma_.lower() for t in nxt}
    if "delegation" not in lemmas or not lemmas & {"lead", "head", "include", "comprise"}:
        return
    people = [
        e
        for e in parts.span_entities(list(nxt))
        if e.kind == "person" and e.id not in {a.id for a in ev.actor}
    ]
    side = ev.recipient if ev.recipient else ev.actor
    for p in people:
        if all(p.id != x.id for x in side):
            side.append(p)


# ---------------------------------------------------------------------------------------------- detection


def _forms(t: Token) -> tuple[str, ...]:
    """The lemma and naive de-inflections: the small model mislemmatises rare verbs ('staged' -> 'stag')."""
    low = t.lower_
    out = [t.lemma_.lower(), low]
    if t.tag_ in {"VBD", "VBN"} and low.endswith("ed"):
        out += [low[:-1], low[:-2]]
        if len(low) > 4 and low[-3] == low[-4]:
            out.append(low[:-3])  # "shelled" -> "shell", "stopped" -> "stop"
        if low.endswith("ied"):
            out.append(low[:-3] + "y")
    elif t.tag_ == "VBG" and low.endswith("ing"):
        out += [low[:-3], low[:-3] + "e"]
    elif t.tag_ == "VBZ" and low.endswith("s"):
        out += [low[:-1], low[:-2]]
    return tuple(dict.fromkeys(out))


def _lookup(table: dict[str, list[Entry]], t: Token) -> list[Entry] | None:
    for f in _forms(t):
        entries = table.get(f)
        if entries:
            return entries
    return None


def _keys(tok: Token) -> set[str]:
    """Names a noun answers to: 'sanction', 'economic sanction', 'state of emergency' ..."""
    lem = tok.lemma_.lower()
    keys = {lem, tok.lower_}
    mods = [c for c in tok.lefts if c.dep_ in {"compound", "amod", "nmod"}]
    for m in mods:
        keys.add(f"{m.lemma_.lower()} {lem}")
        keys.add(f"{m.lower_} {lem}")
        for mm in m.lefts:
            if mm.dep_ in {"compound", "amod"}:
                keys.add(f"{mm.lemma_.lower()} {m.lemma_.lower()} {lem}")
    if len(mods) > 1:
        keys.add(" ".join([*(m.lemma_.lower() for m in mods), lem]))
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    keys.add(f"{lem} of {p.lemma_.lower()}")
    return keys


def _objects(v: Token) -> list[Token]:
    """Object-like dependents of a predicate (passive subjects and prepositional objects included)."""
    out: list[Token] = []
    for c in v.children:
        if c.dep_ in OBJ_DEPS or c.dep_ == "nsubjpass":
            out.append(c)
        elif c.dep_ in {"prep", "agent"} or (c.dep_ == "prt" and c.pos_ == "ADP"):
            out.extend(p for p in c.children if p.dep_ in {"pobj", "pcomp"})
    for o in list(out):
        out.extend(o.conjuncts)
    for o in list(out):  # "700 kg of medicine", "part of a military aid program"
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def _complements(v: Token, after: bool = False) -> list[Token]:
    out = [c for c in v.children if c.dep_ == "xcomp" or (c.dep_ == "ccomp" and (not after or c.i > v.i))]
    for c in v.children:  # "committed to opening", "accused X of violating"
        if c.dep_ == "prep":
            out.extend(p for p in c.children if p.dep_ == "pcomp")
    return out


def _match_objects(objs: list[Token], wanted: frozenset[str]) -> Token | None:
    for o in objs:
        if _keys(o) & wanted:
            return o
    return None


def _verb_cand(t: Token, entries: list[Entry], parts: Participants) -> Cand | None:
    near = {c.lemma_.lower() for c in t.children} | {c.lower_ for c in t.children}
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
            obj = _match_objects(objs, r.objects)
            if obj is None:
                continue
            act_obj = parts.group_sector(obj) is None
        if r.complement:
            hit = None
            for comp in _complements(t):
                if comp.lemma_.lower() in r.complement:
                    hit = comp
                    break
                hit = _match_objects(_objects(comp), r.complement)
                if hit is not None:
                    break
            if hit is None:
                continue
            obj = hit
        if r.not_objects:
            objs = objs if objs is not None else _objects(t)
            if any(_keys(o) & r.not_objects for o in objs if o.dep_ in OBJ_DEPS or o.dep_ == "nsubjpass"):
                continue
        if r.not_complement and any(c.lemma_.lower() in r.not_complement for c in _complements(t)):
            continue  # "declined to comment"
        if r.requires_complement and not _complements(t, after=True):
            continue
        if r.requires_prep and not any(
            c.dep_ in {"prep", "prt"} and c.lower_ in r.requires_prep for c in t.children
        ):
            continue
        if r.objects_kind:
            objs = objs if objs is not None else _objects(t)
            direct = [
                o
                for o in objs
                if o.dep_ in OBJ_DEPS
                or o.dep_ == "nsubjpass"
                or (o.head.head == t and o.head.lower_ in {"with", "against", "on", "at", "to"})
            ]
            # "allowed X to participate": the complement's subject is the object
            direct += [s for s in (_subject(comp) for comp in _complements(t)) if s is not None]
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
                ]
                kinds = {e.kind for o in named for e in parts.entities(o, strict=False)}
                if not kinds & r.objects_kind:
                    continue
            obj = obj or direct[0]
        if r.visit:
            if t.tag_ == "VBG" and t.dep_ in {"amod", "acl", "conj", "compound"} and not _subject(t):
                continue  # "visiting Malaysian Prime Minister X" names the visitor, not a visit
            dobj = [c for c in t.children if c.dep_ == "dobj"]
            if dobj and any(e.kind == "person" for e in parts.entities(dobj[0])):
                continue
        return Cand(rule=r, kind="verb", trig=t, head=t, obj=obj, extra=extra, act_obj=act_obj)
    return None


def _noun_cand(t: Token, entries: list[Entry], rs: RuleSet, parts: Participants) -> Cand | None:
    mods = {c.lemma_.lower() for c in t.lefts} | {c.lower_ for c in t.lefts}
    gov = t.head
    dep = t.dep_
    if dep == "pobj" and gov.lower_ == "of" and gov.head.dep_ in {"dobj", "nsubjpass", "nsubj"}:
        light_gov = gov.head.head  # "launched 10 days of war games", "a patch of troops arrived"
    elif dep == "pobj" and gov.dep_ == "prep" and gov.head.pos_ == "VERB":
        light_gov = gov.head
    elif dep in {"dobj", "nsubjpass", "attr", "oprd"} and gov.pos_ in {"VERB", "AUX"}:
        light_gov = gov
    elif dep == "conj" and gov.dep_ in {"dobj", "nsubjpass"} and gov.head.pos_ == "VERB":
        light_gov = gov.head
    else:
        light_gov = None
    for e in entries:
        r = e.rule
        if e.extra and not all(x in mods for x in e.extra):
            continue
        extra = [c for c in t.lefts if c.lower_ in e.extra or c.lemma_.lower() in e.extra]
        if r.requires_joint and not (mods & JOINT_WORDS or _many_actors(light_gov or t, parts)):
            continue
        if r.objects and not any(_keys(p) & r.objects for p in _prep_objects(t, {"of", "on", "with", "to"})):
            continue
        light = r.light if r.light is not None else rs.light_verbs
        if light_gov is not None and any(f in light for f in _forms(light_gov)):
            own = r.light is not None and any(f in r.light for f in _forms(light_gov))
            return Cand(rule=r, kind="noun", trig=t, head=light_gov, extra=extra, bonus=3 if own else 0)
        if r.subject_noun and dep in {"nsubj", "nsubjpass"} and gov.pos_ == "VERB":
            strong = r.light is not None and any(f in r.light for f in _forms(gov))
            return Cand(rule=r, kind="subjnoun", trig=t, head=gov, extra=extra, bonus=5 if strong else 0)
        if r.preps and any(
            c.dep_ == "prep" and c.lower_ in r.preps and any(p.dep_ == "pobj" for p in c.children)
            for c in t.children
        ):
            return Cand(rule=r, kind="noun", trig=t, head=t, extra=extra)
        if (
            r.frame
            and dep != "attr"
            and any(
                c.dep_ in {"acl", "ccomp"} and any(a.tag_ == "TO" or a.lower_ == "that" for a in c.children)
                for c in t.children
            )
        ):  # "threats to take over", "a demand that X withdraw"
            return Cand(rule=r, kind="noun", trig=t, head=t, extra=extra)
    return None


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
        head = t.head if t.dep_ in {"acomp", "oprd"} else t
        return Cand(rule=r, kind="adj", trig=t, head=head)
    return None


def _must_cand(t: Token, rs: RuleSet) -> Cand | None:
    if not rs.must or t.pos_ not in {"VERB", "AUX"}:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "must" for c in t.children):
        return None
    reporters = set(rs.settings.get("reporting_verbs") or [])
    h = t
    for _ in range(3):
        if h.dep_ in {"ccomp", "acl", "relcl", "advcl"} or (h.dep_ == "conj" and h.head != h):
            h = h.head
            if h.pos_ in {"NOUN", "PROPN"}:  # "issued a stern reminder that X must"
                h = h.head if h.head.pos_ in {"VERB", "AUX"} else h
            if h.pos_ in {"VERB", "AUX"} and (h.lemma_.lower() in reporters or _subject(h)):
                return Cand(rule=rs.must[0], kind="must", trig=t, head=t, reporter=h)
        else:
            break
    return None


def _detect(sent, rs: RuleSet, parts: Participants) -> list[Cand]:
    out: list[Cand] = []
    for t in sent:
        c = None
        if t.pos_ == "VERB" or (t.tag_.startswith("VB") and t.pos_ != "AUX"):
            entries = _lookup(rs.verbs, t)
            if entries:
                c = _verb_cand(t, entries, parts)
        elif t.pos_ in {"NOUN", "PROPN"}:
            entries = _lookup(rs.nouns, t)
            if entries:
                c = _noun_cand(t, entries, rs, parts)
        if c is None and t.pos_ in {"ADJ", "VERB"}:
            entries = _lookup(rs.adjectives, t)
            if entries:
                c = _adj_cand(t, entries)
        if c is not None and not _purpose(c) and not _reference(c):
            out.append(c)
        if t.pos_ in {"VERB", "AUX"}:
            m = _must_cand(t, rs)
            if m is not None:
                out.append(m)
    return out


PURPOSE_HEADS = {"aim", "design", "intend", "mean", "effort", "bid", "push", "drive", "order", "purpose"}


def _reference(c: Cand) -> bool:
    """'as pledged in Paris', 'asked whether ...': a reference or a question, not an act."""
    h = c.head
    if any(ch.dep_ == "mark" and ch.lower_ == "as" for ch in h.children) and _subject(h) is None:
        return True  # "as pledged", not "as the minister met ..."
    if c.rule.event == "AGREE" and h.tag_ == "VBN" and h.dep_ in {"acl", "relcl"} and _subject(h) is None:
        return True  # "the range agreed in Paris": a past agreement named, not reported
    if h.dep_ in {"advcl", "ccomp"} and h.tag_ == "VBN" and h.lower_ == "asked":
        return True  # "Asked whether ..., he said": a reporter's question
    if any(
        a.lower_ == "asked" and a.dep_ == "advcl" and any(m.lower_ in {"whether", "if"} for m in a.subtree)
        for a in h.ancestors
    ):
        return True
    return c.rule.requires_complement and any(
        m.dep_ in {"mark", "advmod"} and m.lower_ in {"whether", "if", "how", "what", "why", "when"}
        for comp in _complements(h)
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
            and any(ch.dep_ == "aux" and ch.tag_ == "TO" for ch in a.children)
            and _subject(a) is None
        ):
            return True
    cur = h
    for _ in range(3):
        if cur.dep_ not in {"pcomp", "xcomp", "pobj", "prep", "acl"} or cur.head == cur:
            return False
        cur = cur.head
        if cur.lemma_.lower() in PURPOSE_HEADS:
            return True
    return False


def _many_actors(head: Token, parts: Participants) -> bool:
    subj = _subject(head)
    return subj is not None and len(parts.entities(subj)) >= 2


# ---------------------------------------------------------------------------------------------- absorption


def _dedupe(cands: list[Cand]) -> list[Cand]:
    """One candidate per predicate: the most specific rule wins ('impose' + 'sanctions')."""
    best: dict[int, Cand] = {}
    for c in cands:
        key = c.head.i if c.kind != "must" else -1 - c.trig.i
        old = best.get(key)
        if old is None or c.spec > old.spec:
            best[key] = c
    out = list(best.values())
    # a noun that is the subject of a verb trigger of the same type is the same event
    verbs = {c.head.i: c for c in out if c.kind == "verb"}
    out = [
        c
        for c in out
        if not (c.kind == "subjnoun" and c.head.i in verbs and verbs[c.head.i].rule.event == c.rule.event)
    ]
    return sorted(out, key=lambda c: c.trig.i)


def _absorb(cands: list[Cand], rs: RuleSet) -> list[Cand]:
    """Frame verbs (agree, threaten, demand, refuse, accuse ...) swallow the acts they govern."""
    proposal = set(rs.settings.get("proposal_nouns") or [])
    frames = sorted((c for c in cands if c.rule.frame), key=lambda c: _depth(c.head))
    gone: set[int] = set()
    for f in frames:
        if id(f) in gone:
            continue
        region: set[int] = set()
        if f.kind == "must":  # the demanded act itself
            region.update(t.i for t in f.trig.subtree)
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
            if c.kind in {"noun", "subjnoun"} and not _governed(c.trig, f.head, proposal):
                continue
            gone.add(id(c))
            f.absorbed.append(c)
    return [c for c in cands if id(c) not in gone]


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
    """A noun act is unrealised when reached through a complement clause or a proposal noun."""
    h = tok
    for _ in range(12):
        if h == top or h.head == h:
            return False
        if h != tok and (h.dep_ in {"xcomp", "ccomp"} or h.lemma_.lower() in proposal):
            return True
        if h.dep_ in {"xcomp", "ccomp"} and h.head == top:
            return True
        h = h.head
    return False


def _depth(t: Token) -> int:
    d = 0
    while t.head != t and d < 50:
        t = t.head
        d += 1
    return d


# ---------------------------------------------------------------------------------------------- roles


# "X is opposed to", "X was engaged in": adjectival passives whose subject is the actor
STATIVE = {"oppose", "commit", "prepare", "determine", "engage", "dedicate", "resolve", "involve", "poise"}


def _stative(h: Token) -> bool:
    return h.lemma_.lower() in STATIVE and not any(c.dep_ == "agent" for c in h.children)


def _subject(h: Token) -> Token | None:
    for c in h.children:
        if c.dep_ in SUBJ_DEPS or (c.dep_ == "nsubjpass" and _stative(h)):
            return c
    return None


def _is_passive(h: Token) -> bool:
    """'was attacked by', and reduced 'Supported by the US, China argued ...'."""
    if _stative(h):
        return False
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in h.children) or (
        h.tag_ == "VBN" and any(c.dep_ == "agent" for c in h.children)
    )


def _agents(h: Token) -> list[Token]:
    return [p for c in h.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def _actor_side(h: Token, parts: Participants, rs: RuleSet) -> list[Entity]:
    """Subject side of a predicate, climbing to the governing clause when the subject is implicit."""
    control = set(rs.settings.get("object_control") or [])
    reporters = set(rs.settings.get("reporting_verbs") or [])
    cur = h
    for _ in range(5):
        if _is_passive(cur):
            ags = _agents(cur)
            if ags:
                return _ents(ags, parts)
            if any(ch.dep_ == "nsubjpass" for ch in cur.children):
                return []  # "the accord was reached": no agent named, not the reporter
        else:
            s = _subject(cur)
            dl = parts.dateline(cur.sent) if s is not None else None
            if dl is not None and s.idx < dl:
                # the parser took the dateline for the subject: read the words before the verb
                ents = parts.span_entities([t for t in cur.sent if dl <= t.idx and t.i < cur.i])
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
        if cur.dep_ in {"relcl", "acl"} and cur.head.pos_ in {"NOUN", "PROPN"}:
            ents = parts.entities(cur.head)
            if ents or cur.head.dep_ not in {"dobj", "pobj", "attr"}:
                return ents
            cur = cur.head  # "issued a declaration demanding ...": the issuer
            continue
        if cur.dep_ in {"xcomp", "advcl", "conj", "ccomp", "pcomp", "acomp"} and cur.head != cur:
            cur = cur.head
            if cur.dep_ == "prep":
                cur = cur.head
            continue
        if cur.dep_ in {"pobj", "dobj"} and cur.pos_ in {"NOUN", "PROPN"}:
            nxt = cur.head.head if cur.dep_ == "pobj" else cur.head
            if nxt == cur or nxt.pos_ not in {"VERB", "AUX", "NOUN"}:
                return []
            cur = nxt
            continue
        return []
    return []


def _nonactor_subject(h: Token, parts: Participants) -> bool:
    """Whether the clause, or the clause it shares its subject with, has a subject that names no
    actor: 'It will allow ... and opens ...', 'The accord will reduce ...'."""
    cur = h
    for _ in range(4):
        if _is_passive(cur):
            return False
        s = _subject(cur)
        if s is not None:
            if s.pos_ == "PRON" or s.tag_ in {"WDT", "DT"}:
                # "this could encourage", "which shut down": these pronouns never name an actor
                return s.lower_ in {
                    "it",
                    "this",
                    "that",
                    "which",
                    "what",
                    "these",
                    "those",
                } and not parts.entities(s)
            return not parts.entities(s)
        if cur.dep_ in {"conj", "xcomp"} and cur.head != cur:
            cur = cur.head
            continue
        return False
    return False


def _ents(toks: list[Token], parts: Participants, strict: bool = True) -> list[Entity]:
    out: list[Entity] = []
    for t in toks:
        for e in parts.entities(t, strict=strict):
            if all(e.id != o.id for o in out):
                out.append(e)
    return out


def _prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in preps:
            continue
        objs = [p for p in c.children if p.dep_ == "pobj"]
        if not objs and not list(c.children):
            # the parser left the preposition empty and made its object the subject of the next
            # clause ("granted asylum to five officers holed up in ..."): take that noun back
            for t in c.doc[c.i + 1 : min(c.i + 7, len(c.doc))]:
                if t.dep_ in {"nsubj", "nsubjpass"} and t.head.i > t.i and t.pos_ in {"NOUN", "PROPN"}:
                    objs = [t]
                    break
        out.extend(objs)
    return out


def _recipient_side(c: Cand, parts: Participants, rs: RuleSet) -> tuple[list[Entity], list[Entity]]:
    """(recipients, extra actors): objects, prepositional objects, the demanded clause's subject."""
    h = c.head
    actor_keys: set[str] | None = None

    def owner_is_actor(owners: list[Entity]) -> bool:
        nonlocal actor_keys
        if actor_keys is None:
            acts = _actor_side(h, parts, rs) if c.kind != "must" else []
            actor_keys = {a.id for a in acts} | {a.country for a in acts if a.country}
        return any(o.id in actor_keys or (o.country and o.country in actor_keys) for o in owners)

    toks: list[Token] = []
    between: list[Token] = []
    for ch in h.children:
        if ch.dep_ in {"dobj", "dative"} or (ch.dep_ == "nsubjpass" and not _stative(h)):
            if ch.pos_ == "ADP":  # "supply warships to/dative Malaysia"
                toks.extend(p for p in ch.children if p.dep_ == "pobj")
            else:
                toks.append(ch)
    if c.kind == "subjnoun" and c.trig in toks:
        toks.remove(c.trig)
    if _is_passive(h) and not any(ch.dep_ == "nsubjpass" for ch in h.children):
        # reduced passive: "Supported by the US, China argued" / "a camp attacked by militias"
        if h.dep_ == "acl" and h.head.pos_ in {"NOUN", "PROPN"}:
            toks.append(h.head)
        elif h.dep_ == "advcl":
            s = _subject(h.head)
            if s is not None:
                toks.append(s)
    holders = {t.i: t for t in [h, c.trig, *(t for t in toks if t == c.obj or t == c.trig)]}
    for holder in holders.values():
        for p in _prep_objects(holder, RECIPIENT_PREPS - {"between"}):
            if p.head.lower_ == "of" and holder == h:
                continue
            toks.append(p)
        between.extend(_prep_objects(holder, {"between"}))
    if c.obj is not None and c.obj not in toks and c.obj.head != h:
        toks.append(c.obj)
    ents: list[Entity] = []
    for t in toks:
        if parts.is_place(t):
            continue
        if c.act_obj and t == c.obj and t.i not in parts.by_tok:
            # the matched object ("support", "sanctions") is the act, not its target: its owner is
            # the recipient only when it is not the actor's own ("supported Turkey's efforts" vs
            # "reaffirmed Malaysia's support"); else look at what it is for/on/against
            got = _ents([ch for ch in t.children if ch.dep_ == "poss"], parts)
            if got and owner_is_actor(got):
                got = []
        else:
            got = parts.entities(t, strict=False)
        if not got:  # "called for sanctions against Nigeria"
            got = _ents(
                [
                    p
                    for p in _prep_objects(t, {"against", "on", "to", "with", "for", "of", "by", "from"})
                    if not parts.is_place(p)
                ],
                parts,
                strict=False,
            )
        for e in got:
            if all(e.id != o.id for o in ents):
                ents.append(e)
    if c.kind == "must":
        s = _subject(c.trig)
        ents = parts.entities(s, strict=False) if s is not None else []
        if not ents and c.reporter is not None:
            ents = _ents(
                [ch for ch in c.reporter.children if ch.dep_ == "dative"] + _prep_objects(c.reporter, {"to"}),
                parts,
                strict=False,
            )
            for ch in c.reporter.children:
                if ch.dep_ == "dative":
                    ents += _ents([p for p in ch.children if p.dep_ == "pobj"], parts, strict=False)
    elif not ents and c.rule.frame:
        comps = _complements(c.head) + ([*c.trig.children] if c.kind == "noun" else [])
        for t in toks:  # "insisted on its demands that X grant ..."
            comps += [ch for ch in t.children if ch.dep_ in {"ccomp", "acl"}]
        if c.rule.event == "THREATEN" or c.absorbed:
            # "threatened to strike unless Israel rescinded ...": the one who must comply
            for t in [c.head, *comps]:
                for ch in t.children:
                    if ch.dep_ == "advcl" and any(m.lower_ in {"unless", "if"} for m in ch.children):
                        s = _subject(ch)
                        if s is not None and not ents:
                            ents = parts.entities(s, strict=False)
                if ents:
                    break
        for comp in comps if not ents else []:  # "demanded that X withdraw": X
            s = _subject(comp)
            if s is not None and comp.dep_ != "xcomp":
                ents = parts.entities(s, strict=False)
                if ents:
                    break
        for a in c.absorbed if not ents else []:  # "threatened to impose sanctions on X": X
            ents, _ = _recipient_side(a, parts, rs)
            if ents:
                break
        if not ents:
            for comp in comps:
                ents = _ents([o for o in _objects(comp) if not parts.is_place(o)], parts, strict=False)
                if ents:
                    break
    if not ents and c.obj is not None and c.kind == "verb":
        # "signed an MOU to purchase Turkish corvettes", "systems worth $100 million to X"
        purpose = [
            t
            for ch in h.children
            if ch.dep_ == "advcl" and any(a.tag_ == "TO" for a in ch.children)
            for t in ch.subtree
        ]
        for t in [*c.obj.subtree, *purpose]:
            if t != c.obj and t.dep_ in {"dobj", "pobj", "dative"} and not parts.is_place(t):
                ents = parts.entities(t, strict=False)
                if ents:
                    break
    extra = _ents(between, parts)
    return ents, extra


# ---------------------------------------------------------------------------------------------- flags


def _flags(c: Cand, rs: RuleSet) -> tuple[bool, bool, bool]:
    s = rs.settings
    fut_aux = set(s.get("future_aux") or [])
    hyp_aux = set(s.get("hypothetical_aux") or [])
    marks = set(s.get("hypothetical_marks") or [])
    frames = set(s.get("future_frames") or []) | {"set", "due", "scheduled", "poised", "likely"}
    negated = future = hypothetical = False
    heads = [c.head] if c.head == c.trig else [c.head, c.trig]
    for h in heads:
        for ch in h.children:
            low = ch.lower_
            if ch.dep_ == "neg" or (ch.dep_ == "det" and low == "no" and h == c.trig):
                negated = True
            elif ch.dep_ in {"aux", "auxpass"}:
                if low in fut_aux or ch.lemma_.lower() in fut_aux:
                    future = True
                elif low == "would":
                    future = True
                elif low in hyp_aux:
                    hypothetical = True
            elif ch.dep_ == "mark" and low in marks:
                hypothetical = True
            elif ch.dep_ == "amod" and low in FUTURE_NOUN_MODS and h == c.trig:
                future = True
    h = c.head
    if (
        h.dep_ in {"acl", "xcomp"}
        and h.head.pos_ == "NOUN"
        and any(ch.dep_ == "det" and ch.lower_ == "no" for ch in h.head.children)
    ):
        negated = True  # "has no plans to start talks"
    if h.dep_ in {"acl", "xcomp"} and h.head.lemma_.lower() in set(s.get("negating_nouns") or ["failure"]):
        negated = True  # "the failure to agree", "its refusal to sign"
    if h.dep_ == "xcomp" and h.head.lemma_.lower() in {"able", "unable", "fail"}:
        gov = h.head.head if h.head.dep_ == "acomp" else h.head
        if h.head.lemma_.lower() != "able" or any(
            ch.dep_ == "neg" for ch in [*gov.children, *h.head.children]
        ):
            negated = True  # "were not able to agree", "unable to agree", "failed to agree"
    for _ in range(3):
        if h.dep_ == "xcomp" and (h.head.lemma_.lower() in frames or h.head.lower_ in frames):
            future = True
            if any(ch.dep_ == "neg" for ch in h.head.children):
                negated = True
        if h.dep_ in {"xcomp", "conj"}:
            for ch in h.head.children:
                if ch.dep_ == "aux" and (ch.lower_ in fut_aux or ch.lower_ == "would"):
                    future = True
                if ch.dep_ == "aux" and ch.lower_ in hyp_aux:
                    hypothetical = True
            h = h.head
            continue
        break
    if (
        hypothetical
        and future
        and any(ch.dep_ == "aux" and ch.lower_ == "would" for ch in c.head.children)
        and not any(ch.dep_ == "mark" for ch in c.head.children)
    ):
        hypothetical = False
    return negated, future, hypothetical


def _contexts(sent, rs: RuleSet) -> list[str]:
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    low = None
    out = []
    for name, (single, multi) in rs.context_words.items():
        if single & lemmas:
            out.append(name)
            continue
        if multi:
            low = low if low is not None else " ".join(sent.text.lower().split())
            if any(m in low for m in multi):
                out.append(name)
    return out


# ---------------------------------------------------------------------------------------------- build


def _country_entity(ctx: DocContext, iso: str) -> Entity:
    key = f"c:{iso}"
    for m in ctx.entities:
        if m.key == key:
            e = m.entity
            return Entity(id=e.id, name=e.name, kind=e.kind, country=e.country, sector=e.sector)
    return Entity(id=key, name=iso, kind="country", country=iso, sector="GOV")


PROTEST_AIMS = {"protest", "demand", "denounce", "oppose", "condemn", "call", "press", "show", "demonstrate"}
PROTEST_PREPS = {"protest", "response", "retaliation", "defiance", "opposition", "solidarity"}


def _protest_target(c: Cand, parts: Participants) -> list[Entity]:
    """'to protest X', 'to demand reforms by X', 'in protest of X', 'in defiance of X': X."""
    for hd in {c.head.i: c.head, c.trig.i: c.trig}.values():
        for ch in hd.children:
            if ch.dep_ in {"advcl", "xcomp", "conj"} and ch.lemma_.lower() in PROTEST_AIMS:
                toks = [o for o in _objects(ch) if not parts.is_place(o)]
                for o in toks:
                    got = parts.entities(o, strict=False) or _ents(
                        _prep_objects(o, {"by", "of", "against", "from", "for"}), parts, strict=False
                    )
                    if got:
                        return got
            if ch.dep_ == "prep":
                for p in ch.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in PROTEST_PREPS:
                        got = _ents(
                            _prep_objects(p, {"of", "against", "at", "to", "with"}), parts, strict=False
                        )
                        if got:
                            return got
    return []


def _visit_target(c: Cand, ctx: DocContext, parts: Participants) -> tuple[list[Entity], Place | None]:
    cands = [ch for ch in c.head.children if ch.dep_ == "dobj"]
    holders = [c.head, c.trig]
    for hd in holders:
        cands += _prep_objects(hd, {"to", "in", "at"})
    for tok in cands:
        place = parts.place_of(tok)
        m = parts.by_tok.get(tok.i)
        if place is not None:
            iso = place.country or (m.entity.country if m is not None else None)
            if iso:
                return [_country_entity(ctx, iso)], place
            return [], place
        ents = [e for e in parts.entities(tok) if e.kind == "country"]
        if ents:
            return ents, None
    return [], None


def _build(c: Cand, ctx: DocContext, rs: RuleSet, parts: Participants, ctx_words: list[str]) -> Event | None:
    r = c.rule
    if c.kind == "must":
        actors = _actor_side(c.reporter, parts, rs) if c.reporter is not None else []
    elif c.kind == "noun" and c.head == c.trig:
        poss = [ch for ch in c.trig.children if ch.dep_ == "poss"] + _prep_objects(c.trig, {"by"})
        actors = _ents(poss, parts) or _actor_side(c.trig, parts, rs)
    elif c.kind == "subjnoun":
        actors = [e for e in parts.entities(c.trig)]
    else:
        actors = _actor_side(c.head, parts, rs)
        if not actors and c.kind == "noun":
            actors = _ents([ch for ch in c.trig.children if ch.dep_ == "poss"], parts)
    recipients, between = _recipient_side(c, parts, rs)
    if between:
        if not actors:
            actors, recipients = between[:1], [*between[1:], *recipients]
        else:
            recipients = [*recipients, *between]
    place: Place | None = None
    mode = r.mode
    if r.visit:
        rec, place = _visit_target(c, ctx, parts)
        if rec:
            recipients = rec
    if place is None:
        # the clause, the act's noun and object, then "protesters in Cairo", "talks ... took place in X"
        spots = [c.head, c.trig, c.obj, _subject(c.head)]
        if c.kind == "noun" and c.head == c.trig and c.trig.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
            # "talks took place in X", "follow a discussion with Y during the fair in X"
            spots.append(c.trig.head if c.trig.dep_ != "pobj" else c.trig.head.head)
        seen_i: set[int] = set()
        for hd in spots:
            if hd is None or hd.i in seen_i:
                continue
            seen_i.add(hd.i)
            place = parts.locative(hd)
            if place is not None:
                break
    if place is None and c.head.dep_ == "relcl" and any(ch.lower_ == "where" for ch in c.head.children):
        place = parts.place_of(c.head.head)  # "talks in Ankara, where A and B addressed ..."
    if place is None and any(ch.lower_ == "here" and ch.dep_ == "advmod" for ch in c.head.children):
        place = parts.dateline_place()  # "attended here" in a story datelined Ankara
    if place is not None and place.country:
        for e in [*actors, *recipients]:  # "people blocked streets in Hong Kong"
            if e.kind == "group" and e.country is None:
                e.country = place.country
    for e in [*actors, *recipients]:  # what the article says elsewhere about this actor
        la = ctx.actors.get(e.id) if e.country is None else None
        if la is not None and la.country:
            e.country = la.country
    if r.event in set(rs.settings.get("single_country_default") or []):
        # domestic default: in a sentence that names one country, its unplaced actors belong to it
        sent = c.trig.sent
        named = {
            m.entity.country for m in ctx.entities_in(sent.start_char, sent.end_char) if m.entity.country
        }
        if len(named) == 1:
            iso = next(iter(named))
            for e in [*actors, *recipients]:
                if e.country is None and e.kind in {"person", "group", "organization"}:
                    e.country = iso
    ids = {e.id for e in actors}
    recipients = [e for e in recipients if e.id not in ids]
    if not actors and not recipients and c.kind == "subjnoun" and place is not None and place.country:
        recipients = [_country_entity(ctx, place.country)]
    recipients = [e for e in recipients if e.kind != "group" or e.country]
    if not recipients and r.event == "PROTEST":
        recipients = _protest_target(c, parts)
    if not recipients and c.absorbed:  # "threatened to impose a curfew in Algiers"
        for a in c.absorbed:
            pa = next(
                (p for p in (parts.locative(x) for x in (a.head, a.trig, a.obj) if x is not None) if p), None
            )
            if pa is not None and pa.country:
                recipients = [_country_entity(ctx, pa.country)]
                break
    default = (rs.settings.get("default_recipient") or {}).get(r.event)
    if not recipients and default in {"government_of_place", "country_of_place", "host_of_place"}:
        iso = place.country if place is not None else None
        if default == "host_of_place" and iso in {e.country for e in actors}:
            iso = None
        if iso is None and default == "government_of_place":
            iso = next((e.country for e in actors if e.country), None)
        if iso:
            recipients = [_country_entity(ctx, iso)]
    if rs.settings.get("require_participant", True) and not actors and not recipients:
        return None
    if (
        r.event in {"THREATEN", "REQUEST"}
        and c.kind == "verb"
        and _is_passive(c.head)
        and not _agents(c.head)
    ):
        # "when its interests are threatened", "stimulus is not called for": no threat, no demand
        if not (r.event == "REQUEST" and c.head.lemma_.lower() in {"ask", "urge", "order", "request"}):
            return None
    if (
        r.event in set(rs.settings.get("present_passive_is_state") or [])
        and c.kind == "verb"
        and not _agents(c.head)
        and any(
            ch.dep_ == "auxpass" and ch.lower_ in {"is", "are", "'re", "remain", "remains"}
            for ch in c.head.children
        )
    ):
        return None  # "some 14,000 troops are stationed in the country": a standing fact, not an act
    if (
        not actors
        and rs.settings.get("require_actor_when_subject", True)
        and c.kind in {"verb", "adj", "noun"}
    ):
        if _nonactor_subject(c.head, parts):
            return None

    negated, future, hypothetical = _flags(c, rs)
    event = r.event
    cameo = r.cameo
    rw = rs.settings.get("rewrites") or {}
    keep = set(rw.get("keep") or [])
    quad = rs.quad.get(event, "")
    modal = hypothetical and any(
        ch.dep_ == "aux" and ch.lower_ in {"may", "might", "could"} for ch in c.head.children
    )
    ioh = rw.get("intent_of_hostile") or {}
    if event in (ioh.get("frames") or []) and any(
        rs.quad.get(a.rule.event) in (ioh.get("quads") or []) for a in c.absorbed
    ):
        event, cameo, mode = (
            ioh.get("to", "THREATEN"),
            INTENT_CODES.get(ioh.get("to", "THREATEN"), cameo),
            None,
        )
    elif event not in keep and modal and (rw.get("modal") or {}).get(quad):
        target = rw["modal"][quad]
        event, cameo, mode = target, INTENT_CODES.get(target, cameo), None
    elif negated and (rw.get("negated") or {}).get(event):
        event, cameo, mode, negated = (
            rw["negated"][event],
            INTENT_CODES.get(rw["negated"][event], cameo),
            None,
            False,
        )
    elif event not in keep and future:
        target = None
        if negated:  # "will not accept refugees" -> REJECT; "would not discuss" stays, negated
            target = (rw.get("negated_future") or {}).get(quad)
        else:
            target = (rw.get("future") or {}).get(quad)
        if target and target != event:
            if target == "REJECT":
                negated = False
            event, cameo, mode = target, INTENT_CODES.get(target, cameo), None
    if c.absorbed and event in (rs.settings.get("frame_modes") or {}):
        table = rs.settings["frame_modes"][event]
        for a in c.absorbed:
            if a.rule.event in table:
                mode = table[a.rule.event]
                break
    if event == "CONSULT" and mode is None:
        countries = {e.country for e in [*actors, *recipients] if e.country}
        states = countries - NON_STATES
        if len(states) >= 3:
            mode = "multilateral"
        elif (
            place is not None
            and place.country
            and {e.country for e in actors if e.country}
            and {e.country for e in recipients if e.country}
            and place.country not in countries
        ):
            mode = "third-party"

    contexts = list(dict.fromkeys([*r.context, *ctx_words]))
    toks = sorted([c.trig, *(t for t in c.extra if abs(t.i - c.trig.i) <= 3)], key=lambda t: t.i)
    start = toks[0].idx
    end = toks[-1].idx + len(toks[-1].text)
    conf = 0.45
    conf += 0.15 if c.spec >= 3 else 0.0
    conf += 0.1 if c.kind in {"verb", "adj"} else 0.0
    conf += 0.15 if actors else 0.0
    conf += 0.1 if recipients else 0.0
    conf -= 0.1 if hypothetical else 0.0
    return Event(
        id=stable_id("e", ctx.article.id, start, event),
        event=event,
        mode=mode,
        context=contexts,
        cameo=cameo,
        actor=actors,
        recipient=recipients,
        event_loc=place,
        negated=negated,
        future=future,
        hypothetical=hypothetical,
        score=cameo_score(rs, cameo, event),
        mentions=[ctx.mention(start, end)],
        confidence=round(max(0.1, min(0.95, conf)), 2),
        pattern=r.name,
        trigger=ctx.article.text[start:end],
        trigger_start=start,
        trigger_end=end,
    )
