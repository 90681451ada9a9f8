"""The CAMEO code of an event: as specific as its clause allows, so its score is the act's own.

CAMEO codes appeals (02), intentions (03), demands (10), refusals (12) and threats (13) by what is
asked for, promised, refused or threatened, in parallel with the codes of those acts themselves
("urged X to release" is 0253, "refused to release" 1243). So a frame's code is read from the act it
governs: an act the frame absorbed, the rule's own act when the clause rewrote its type ("will
meet" is AGREE 036), or an act a noun names ("rejected calls for a ceasefire", "asked for aid").
The tables are data: `frame_codes` and `modal_codes` in plover.yaml, `context` in cameo.yaml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicon.events import RuleSet
from ...lexicon.plover import plover
from ...lexicon.wordsets import words
from .syntax import noun_keys, prep_objects

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .detect import Cand


def frame_code(rs: RuleSet, frame: str | None, act: str | None) -> str | None:
    """The finer code of a frame from the code of the act it governs: the longest prefix of the
    act's code that `frame_codes` lists under the frame's code ("020" + "0841" -> "0253")."""
    table = (rs.settings.get("frame_codes") or {}).get(frame or "")
    if not table or not act:
        return None
    for n in range(len(act), 1, -1):
        if act[:n] in table:
            return table[act[:n]]
    return None


def _noun_act(t: Token, rs: RuleSet) -> str | None:
    """The code of the act a noun names: by the noun rules, the longest trigger whose words stand
    before it ("hunger strike" 142, "talks" 040); else as a cooperative material act's verb made a
    noun ("release" 0841, "withdrawal" is a noun trigger); else as the thing a giving act gives ("aid" 070, "arms" 062)
    (`RuleSet.deed_acts`, `RuleSet.object_acts`)."""
    lemma = t.lemma_.lower()
    mods = {m.lemma_.lower() for m in t.lefts} | {m.lower_ for m in t.lefts}
    for e in rs.nouns.get(lemma, []):
        if not e.rule.void and set(e.extra) <= mods:
            return e.rule.cameo
    for form in (lemma, lemma[:-3] if lemma.endswith("ing") else ""):
        code = rs.deed_acts.get(form)
        if code and rs.quad.get(rs.cameo[code]["plover"]) == "material_coop":  # "force", "call": other senses
            return code
    keys = sorted(noun_keys(t), key=lambda k: -len(k.split()))
    named = rs.settings.get("act_nouns") or {}
    return next((rs.object_acts.get(k) or named[k] for k in keys if k in rs.object_acts or k in named), None)


def named_acts(c: Cand, rs: RuleSet) -> list[str]:
    """Codes of the acts a frame asks for, refuses or promises by a noun: its object ("sought aid"),
    its for-object ("asked X for aid"), and what a proposal it answers is for or of ("rejected calls
    for a ceasefire", "demanded the release of the crew"): the proposal noun is the frame's own."""
    if c.kind not in {"verb", "noun"}:
        return []
    heads = [c.head] + ([c.trig] if c.kind == "noun" else [])
    toks: list[Token] = [ch for ch in c.head.children if ch.dep_ == "dobj" and ch.pos_ == "NOUN"]
    if c.obj is not None and c.obj.pos_ == "NOUN" and c.obj not in toks:
        toks.insert(0, c.obj)
    for h in heads:
        toks += prep_objects(h, {"for"})
    # "urged X to exercise restraint", "threatened to use force": the object of the act asked for
    toks += [
        o
        for v in c.head.children
        if v.dep_ in {"xcomp", "ccomp"}
        for o in v.children
        if o.dep_ == "dobj" and o.pos_ == "NOUN"
    ]
    codes: list[str] = []
    for t in [t for t in toks if not _setting(t)]:
        if t.lemma_.lower() in words("plover").proposal_nouns:
            inner = prep_objects(t, {"for", "of"})
            codes += [code for x in inner if (code := _noun_act(x, rs))]
            # "rejected demands to release the crew": the act the proposal's to-clause names
            verbs = [
                v
                for v in t.children
                if v.dep_ in {"acl", "relcl"} and any(a.tag_ == "TO" for a in v.children)
            ]
            codes += [rs.deed_acts[v.lemma_.lower()] for v in verbs if v.lemma_.lower() in rs.deed_acts]
        elif code := _noun_act(t, rs):
            codes.append(code)
        else:
            codes += [code for x in prep_objects(t, {"of"}) if (code := _noun_act(x, rs))]
    return codes


def modal_code(c: Cand, rs: RuleSet) -> str | None:
    """A reported 'must' frame by its modal: "Y must withdraw" demands, "Y should withdraw" appeals
    (`modal_codes`, plover.yaml)."""
    if c.kind != "must":
        return None
    table = rs.settings.get("modal_codes") or {}
    for ch in c.trig.children:
        if ch.dep_ == "aux" and ch.lower_ in table:
            return table[ch.lower_]
    return None


def by_context(rs: RuleSet, code: str | None, contexts: list[str]) -> str | None:
    """A code made finer by the event's PLOVER context where its sub-codes differ only by it, as
    PLOVER's conversion table gives them (`context` in cameo.yaml): aid pledged in a story of
    refugees and relief is humanitarian aid (0333), not aid (033). Only when one sub-code fits."""
    while code:
        general = len(code) == 3 and code.endswith("0")
        subs = [
            k
            for k, spec in rs.cameo.items()
            if spec.get("context") in contexts
            and (
                (general and len(k) == 3 and k[:2] == code[:2] and k != code)
                or (len(k) == len(code) + 1 and k.startswith(code))
            )
        ]
        if len(subs) != 1:
            return code
        code = subs[0]
    return code


def _setting(t: Token) -> bool:
    """A noun that is only a frame's setting, not its content: "pledged at G-7 meetings to boost
    demand" promises no meeting (a place or time phrase; "agreed on a ceasefire" is content)."""
    cw = words("clauses")
    return t.dep_ == "pobj" and t.head.lower_ in (cw.place_preps | cw.through_preps) - {"on", "upon"}


def _act_code(a: Cand, rs: RuleSet, depth: int = 0) -> str | None:
    """The code of an absorbed act, itself made finer by what it governs: "rejected demands to
    release the crew" refuses a demand for release (1053), so it is a refusal to release (1243)."""
    own = a.rule.cameo
    if depth > 2 or own not in (rs.settings.get("frame_codes") or {}):
        return own
    inner = [code for b in a.absorbed if not _setting(b.trig) and (code := _act_code(b, rs, depth + 1))]
    inner = inner or named_acts(a, rs)
    return next((f for act in inner if (f := frame_code(rs, own, act))), own)


def code_mode(rs: RuleSet, code: str | None) -> str | None:
    """The PLOVER mode PLOVER's conversion table gives a CAMEO code (`mode` in cameo.yaml): the
    event's mode when neither its rule nor its clause gave one (1053 demand release: yield)."""
    return (rs.cameo.get(code or "") or {}).get("mode")


def event_code(c: Cand, rs: RuleSet, event: str, mode: str | None, cameo: str | None) -> str | None:
    """The CAMEO code of the act as coded. A frame's general code made finer by the act it governs
    (absorbed, its own rewritten act, or named by a noun); else the rule's own code, or, for a rule
    that gave none or a rewritten type, the code of the mode the clause gave it."""
    r = c.rule
    cameo = modal_code(c, rs) or cameo
    acts = [code for a in c.absorbed if not _setting(a.trig) and (code := _act_code(a, rs))]
    if event != r.event and r.cameo:
        acts.append(r.cameo)
    if not acts and event == r.event and cameo in (rs.settings.get("frame_codes") or {}):
        acts = named_acts(c, rs)
    for act in acts:
        finer = frame_code(rs, cameo, act)
        if finer:
            return finer
    if mode and cameo == rs.type_cameo.get(event) and not (event == r.event and r.cameo_given):
        return plover().mode_cameo(event, mode) or cameo
    return cameo
