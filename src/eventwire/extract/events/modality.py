"""Whether an event happened: negation, future and hypothetical flags read from the trigger's clause."""

from __future__ import annotations

from ...lexicon.events import RuleSet
from ...lexicon.plover import plover
from ...lexicon.wordsets import words
from ...model import Entity, Place
from .codes import event_code
from .detect import Cand
from .syntax import noun_keys, word_forms

# codes in an entity's country slot that name no state, besides PLOVER's non-state codes
# (plover.yaml): unknown (UNK), unidentified state actor (UIS), a sector standing in (REB, BUS)
UNKNOWN_STATES = frozenset({"UNK", "UIS", "REB", "BUS"})


def _rewrite(rw: dict, name: str, event: str, quad: str) -> str | None:
    """The type a rewrite of plover.yaml gives: keyed by the event's type, else by its quad."""
    table = rw.get(name) or {}
    return table.get(event) or table.get(quad)


def _mode_from_prep(c: Cand, rs: RuleSet) -> str | None:
    """A meeting's mode named by a phrase on its verb: "met ... on the first such visit" (visit),
    "discussed ... during a phone call" (phone); `consult_mode_nouns` in plover.yaml."""
    table = rs.settings.get("consult_mode_nouns") or {}
    for tok in {c.head, c.trig}:
        for p in tok.children:
            if p.dep_ != "prep":
                continue
            for o in p.children:
                if o.dep_ != "pobj":
                    continue
                keys = noun_keys(o)
                for mode, nouns in table.items():
                    if keys & set(nouns):
                        return mode
    return None


def _alternative(h, rs: RuleSet) -> bool:
    """Whether a clause is the alternative not taken: it follows "rather than" or "instead of"
    (`alternative_markers`, plover.yaml)."""
    first = min(t.i for t in h.subtree if t.i <= h.i)
    prev = " ".join(t.lower_ for t in h.doc[max(0, first - 2) : first])
    return any(prev.endswith(m) for m in rs.settings.get("alternative_markers") or [])


def _inverted_condition(h) -> bool:
    """'should ministers fail to agree', 'had they signed': an auxiliary before the subject opens a
    condition, not a statement (`inverted_condition_aux`, clauses.yaml)."""
    subj = next((c for c in h.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subj is not None and any(
        c.dep_ in {"aux", "auxpass"} and c.i < subj.i and c.lower_ in words("clauses").inverted_condition_aux
        for c in h.children
    )


def _shares_negation(h, first) -> bool:
    """'did not attack or bomb', 'is not being promoted by Brazil or even defended by Peru': a
    conjunct joined by or/nor with no subject of its own shares the first verb's negation; so does a
    bare verb with no subject or auxiliary of its own after a negated auxiliary ("Britain would not
    intervene and press the banks": "press" hangs on "would not" too)."""
    if any(ch.dep_ in {"nsubj", "nsubjpass"} for ch in h.children):
        return False
    if not any(ch.dep_ == "neg" for ch in first.children):
        return False
    joined = {ch.lower_ for ch in first.children if ch.dep_ == "cc"}
    if joined & {"or", "nor"}:
        return True
    bare = h.tag_ == "VB" and not any(ch.dep_ in {"aux", "auxpass"} for ch in h.children)
    return bare and any(ch.dep_ == "aux" and ch.tag_ in {"MD", "VBD", "VBZ", "VBP"} for ch in first.children)


def _future_aux(v, fut_aux: frozenset[str], *, lemma: bool = False, would: bool = True) -> bool:
    """Whether a verb has an auxiliary of the future (will, shall, going to), read by its form, or
    also by its lemma (``lemma``); with ``would`` also "would", future in reported speech."""
    return any(
        ch.dep_ == "aux"
        and (
            ch.lower_ in fut_aux
            or (lemma and ch.lemma_.lower() in fut_aux)
            or (would and ch.lower_ == "would")
        )
        for ch in v.children
    )


def _counterfactual(h) -> bool:
    """'would have forced', 'could have freed': a modal with a perfect is what did not happen."""
    auxes = {ch.lower_ for ch in h.children if ch.dep_ == "aux"}
    return "have" in auxes and bool(auxes & {"would", "could", "might", "should"})


def _aim_of(h, intents: set[str]) -> bool:
    """Whether a clause is the aim a noun of intent names ("the hope of freeing", "an effort to
    agree"; `intent_nouns`, plover.yaml): an act sought, not one done."""
    if h.dep_ in {"acl", "xcomp"} and h.head.pos_ == "NOUN":
        return h.head.lemma_.lower() in intents
    if h.dep_ == "pcomp" and h.head.dep_ == "prep":
        return h.head.head.pos_ == "NOUN" and h.head.head.lemma_.lower() in intents
    return False


def _no_aim(h) -> bool:
    """Whether the noun of intent whose aim clause `h` is carries "no" ("no intention of resigning",
    "no plan to meet")."""
    noun = h.head if h.dep_ in {"acl", "xcomp"} else h.head.head
    return any(ch.dep_ == "det" and ch.lower_ == "no" for ch in noun.children)


def _inside_condition(h, marks: frozenset[str]) -> bool:
    """Whether a clause sits, through complements only, inside a condition or a question: "would
    change if it became clear that X had taken the lead in renouncing the treaty" (the act is what
    the condition supposes). A relative or adverbial clause on the way up is an act of its own ("if
    the treaty they signed is broken": the signing happened), so the climb stops there."""
    passable = {"ccomp", "xcomp", "pcomp", "prep", "pobj", "acomp", "conj", "dobj"}
    t = h
    for _ in range(8):
        if t.dep_ not in passable or t.head == t:
            return False
        t = t.head
        if any(ch.dep_ == "mark" and ch.lower_ in marks for ch in t.children):
            return True
    return False


def _pending(h) -> bool:
    """'has not yet agreed on a schedule': a negation with an adverb of pending (`pending_adverbs`,
    clauses.yaml) says the act is still to come, not that it failed or was refused."""
    return any(ch.dep_ == "advmod" and ch.lower_ in words("clauses").pending_adverbs for ch in h.children)


def _host_verb(c: Cand):
    """The verb a noun act's phrase hangs on ("will demand ... during a visit"): the act happens in
    the time of that clause."""
    t = c.trig
    if c.kind != "noun" or c.head != t or t.dep_ != "pobj" or t.head.dep_ != "prep":
        return None
    v = t.head.head
    return v if v.pos_ in {"VERB", "AUX"} else None


def modality(c: Cand, rs: RuleSet) -> tuple[bool, bool, bool]:
    s = rs.settings
    fut_aux = words("plover").future_aux
    hyp_aux = words("plover").hypothetical_aux
    marks = words("plover").hypothetical_marks
    frames = words("plover").future_frames
    future_mods = words("clauses").future_noun_mods
    # "we must support the Majlis": an act owed, not done; in a reported demand ("Y should resign,
    # X insisted") the modal is what makes it a REQUEST, made when X spoke: no sign of a hypothesis
    demand = words("plover").demand_modals
    owed = demand if c.kind != "must" else set()
    not_hypothetical = demand if c.kind == "must" else set()
    negated = future = hypothetical = doubted = False
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
                elif (low in hyp_aux or low in owed) and low not in not_hypothetical:
                    hypothetical = True
            elif ch.dep_ == "mark" and low in marks:
                hypothetical = True
            elif ch.dep_ == "amod" and low in future_mods and h == c.trig:
                future = True
    subj = next((ch for ch in c.head.children if ch.dep_ in {"nsubj", "nsubjpass"}), None)
    if (
        c.head == c.trig
        and subj is not None
        and any(d.dep_ == "det" and d.lower_ == "no" for d in subj.children)
    ):
        negated = True  # "no governmental authority has ever alleged it": no one did
    t = c.trig
    if c.kind == "noun" and t.dep_ in {"nsubj", "nsubjpass"} and _future_aux(t.head, fut_aux, lemma=True):
        future = True  # "my visit to the United States will be the most important": the visit is to come
    host = _host_verb(c)
    if host is not None and _future_aux(host, fut_aux, lemma=True, would=False):
        future = True  # "during a visit to Japan later this month, he will demand ...": the visit is to come
    gov = (
        c.head if c.head != c.trig else (c.trig.head if c.kind == "noun" and c.trig.dep_ == "dobj" else None)
    )
    if gov is not None and (gov.lemma_.lower() in frames or gov.lower_ in frames):
        future = True  # "plans a July trip", "is scheduled to hold talks": a noun act under an intent verb
    if gov is not None and gov != c.head and _future_aux(gov, fut_aux, lemma=True):
        future = (
            True  # "will extend his tour", "will begin talks": the noun act is the object of a verb to come
        )
    h = c.head
    if (
        h.dep_ in {"acl", "xcomp"}
        and h.head.pos_ == "NOUN"
        and any(ch.dep_ == "det" and ch.lower_ == "no" for ch in h.head.children)
        and any(ch.tag_ == "TO" for ch in h.children)
    ):
        negated = True  # "has no plans to start talks" (not "has no doubt that X was detained")
    if h.dep_ in {"acl", "xcomp"} and h.head.lemma_.lower() in set(s.get("negating_nouns") or ["failure"]):
        negated = True  # "the failure to agree", "its refusal to sign"
    if h.dep_ == "xcomp" and h.head.lemma_.lower() in {"able", "unable", "fail"}:
        gov = h.head.head if h.head.dep_ == "acomp" else h.head
        if h.head.lemma_.lower() != "able" or any(
            ch.dep_ == "neg" for ch in [*gov.children, *h.head.children]
        ):
            negated = True  # "were not able to agree", "unable to agree", "failed to agree"
    if _alternative(c.head, rs):
        negated = True  # "fled abroad rather than pay the damages": the act not done
    neg_adj = words("plover").negating_adjectives
    doubt_adj = words("plover").doubting_adjectives
    doubt_verbs = words("plover").doubting_verbs
    wishes = words("plover").wish_verbs
    intents = words("plover").intent_nouns
    beliefs = words("plover").belief_verbs
    owes = words("plover").obligation_frames
    preventing = words("plover").preventing_verbs
    privative = words("clauses").privative_preps
    if _inverted_condition(h) or (h.dep_ == "xcomp" and _inverted_condition(h.head)):
        hypothetical = True
    counterfactual = _counterfactual(h) or (h.dep_ in {"xcomp", "ccomp"} and _counterfactual(h.head))
    for _ in range(4):
        gov = h.head
        govs = {gov.lemma_.lower()} | {ch.lemma_.lower() for ch in gov.children if ch.dep_ == "acomp"}
        if h.dep_ in {"xcomp", "ccomp", "advcl", "csubj"} and govs & neg_adj:
            # "it was impossible for ministers to agree": not done, and no refusal either
            negated = hypothetical = True
        forms = set(word_forms(gov))  # the small model reads "hoped" as "hop"
        if (h.dep_ in {"xcomp", "ccomp", "advcl"} and govs & doubt_adj) or (
            h.dep_ == "ccomp" and forms & doubt_verbs
        ):
            doubted = True  # "it is unlikely that they will meet", "unlikely the tariffs would be lifted"
        if h.dep_ == "ccomp" and forms & beliefs and _future_aux(h, fut_aux):
            doubted = True  # "it believes Brazil will reach agreement with its banks": a forecast
        if h.dep_ in {"xcomp", "ccomp"} and forms & wishes and (h.dep_ == "ccomp" or not forms & frames):
            doubted = True  # "hoped Baker would help forge a partnership", "preferred to negotiate"
        if h.dep_ == "xcomp" and gov.lemma_.lower() in owes and gov.tag_ in {"VB", "VBP", "VBZ"}:
            doubted = True  # "we have to agree to dismantle them": owed, not done
        if _aim_of(h, intents):
            doubted = True  # "in the hope of freeing the hostages", "in an effort to reach a deal"
            negated = negated or _no_aim(h)  # "had no intention of resigning": not done, nor meant
        if h.dep_ == "conj" and _shares_negation(h, gov):
            negated = True  # "is not being promoted by Brazil or even defended by Peru"
        if h.dep_ == "pcomp" and gov.lower_ == "from" and set(word_forms(gov.head)) & preventing:
            negated = True  # "kept him from probing the scandal": prevented, not done
        if h.dep_ == "pcomp" and gov.lower_ in privative:
            negated = True  # "strengthen ties without violating its agreements": no violation
        if (
            h.dep_ == "xcomp"
            and gov.lemma_.lower() == "be"
            and any(a.tag_ == "TO" for a in h.children)
            and not any(ch.dep_ in {"acomp", "attr"} for ch in gov.children)
        ):
            future = True  # "is to hold talks" (not "it was difficult to defend": a judgement)
        if h.dep_ == "xcomp" and forms & frames:  # "hopes" read as "hop" by the small model
            future = True  # "plans to", "is expected to", "would be happy to"
            if any(ch.dep_ == "neg" for ch in gov.children):
                negated = True
        means = h.dep_ == "pcomp" and gov.dep_ == "prep" and gov.lower_ in {"by", "through"}
        if means:  # "may try to remove worries by financing ...": the means shares the act's mood
            h = gov
            continue
        if h.dep_ in {"xcomp", "conj", "acomp"} or (h.dep_ == "prep" and h.lower_ in {"by", "through"}):
            future = future or _future_aux(gov, fut_aux)
            for ch in gov.children:
                if ch.dep_ == "aux" and ch.lower_ in hyp_aux:
                    hypothetical = True
                if ch.dep_ == "mark" and ch.lower_ in marks and h.dep_ != "conj":
                    hypothetical = True  # "if the government were not to accept the ruling"
                if h.dep_ == "acomp" and ch.dep_ == "neg":
                    negated = True  # "would not be happy to meet"
            h = gov
            continue
        break
    if (
        hypothetical
        and future
        and any(ch.dep_ == "aux" and ch.lower_ == "would" for ch in c.head.children)
        and not any(ch.dep_ == "mark" for ch in c.head.children)
    ):
        hypothetical = False  # "said it would meet": a future told in the past, not a condition
    if _inside_condition(c.head, marks):
        hypothetical = True  # "if it became clear that X had renounced the treaty": supposed, not done
    if counterfactual:  # "would have attacked", "would have forced Reagan to impose quotas": not done
        return negated, False, True
    return negated, future, hypothetical or doubted


def contexts(sent, rs: RuleSet) -> list[str]:
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


def recode(
    c: Cand, rs: RuleSet, actors: list[Entity], recipients: list[Entity], place: Place | None
) -> tuple[str, str | None, str | None, bool, bool, bool]:
    """(event, cameo, mode, negated, future, hypothetical): the rule's type rewritten by the clause's
    modality (future cooperation = AGREE, future hostility = THREATEN, failed agreement = REJECT ...)."""
    r = c.rule
    mode = r.mode
    negated, future, hypothetical = modality(c, rs)
    event = r.event
    cameo = r.cameo
    rw = rs.settings.get("rewrites") or {}
    keep = set(rw.get("keep") or [])
    quad = rs.quad.get(event, "")
    modal = hypothetical and any(
        ch.dep_ == "aux" and ch.lower_ in words("clauses").threat_modals for ch in c.head.children
    )
    intent = False  # the type was rewritten from an intention (future, modal): its mode follows the act
    ioh = rw.get("intent_of_hostile") or {}
    if event in (ioh.get("frames") or []) and any(
        rs.quad.get(a.rule.event) in (ioh.get("quads") or []) for a in c.absorbed
    ):
        event, cameo, mode = (
            ioh.get("to", "THREATEN"),
            rs.type_cameo.get(ioh.get("to", "THREATEN"), cameo),
            None,
        )
    elif event not in keep and modal and _rewrite(rw, "modal", event, quad):
        target = _rewrite(rw, "modal", event, quad)
        event, cameo, mode = target, rs.type_cameo.get(target, cameo), None
        intent = True
    elif negated and not actors:
        pass  # "the zones will not be discussed": no one refuses; the coder keeps no record
    elif negated and not hypothetical and (rw.get("negated") or {}).get(event) and not _pending(c.head):
        event, cameo, mode, negated = (
            rw["negated"][event],
            rs.type_cameo.get(rw["negated"][event], cameo),
            None,
            False,
        )
    elif event not in keep and future:
        target = None
        if negated:  # "will not accept refugees" -> REJECT; "would not discuss" stays, negated
            target = _rewrite(rw, "negated_future", event, quad)
        else:
            target = _rewrite(rw, "future", event, quad)
        if target and target != event:
            intent = True
            if target == "REJECT":
                negated = future = False  # the refusal is said now ("will not attend")
            event, cameo, mode = target, rs.type_cameo.get(target, cameo), None
    fm = rs.settings.get("frame_modes") or {}
    if c.absorbed and event in fm:
        table = fm[event]
        for a in c.absorbed:
            if a.rule.event in table:
                mode = table[a.rule.event]
                break
    elif event != r.event and mode is None and intent:
        mode = (fm.get(event) or {}).get(r.event)  # "will impose sanctions": THREATEN/restrict
    cameo = event_code(c, rs, event, mode, cameo)
    if event == "CONSULT" and mode is None:
        mode = _mode_from_prep(c, rs)  # "met Assad in Damascus on the first such visit"
        if mode:
            cameo = plover().mode_cameo(event, mode) or cameo
    if event == "CONSULT" and mode is None:
        countries = {e.country for e in [*actors, *recipients] if e.country}
        states = countries - UNKNOWN_STATES - plover().non_state.keys()
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

    return event, cameo, mode, negated, future, hypothetical
