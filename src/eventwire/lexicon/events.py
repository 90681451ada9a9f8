"""Event patterns as data: loads `data/events/*.yaml`, `data/plover.yaml` and `data/cameo.yaml`.

The lexicons live in YAML so an analyst can add a trigger without reading Python; this module
turns them into lookup tables once per process (the coder runs per sentence, so every match must
be a dictionary probe, never a scan over all rules). The format is documented in docs/patterns.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from . import LexiconError, event_files, load
from .plover import plover

# a malformed pattern file is a LexiconError (file, rule, key), raised by lexicon.load
PatternError = LexiconError


@dataclass(frozen=True)
class Rule:
    name: str
    event: str
    cameo: str | None = None
    cameo_given: bool = False  # the rule names its own code (else it has its type's)
    mode: str | None = None
    context: tuple[str, ...] = ()
    objects: frozenset[str] = frozenset()
    objects_kind: frozenset[str] = frozenset()
    requires_prep: frozenset[str] = frozenset()
    requires_complement: bool = False
    complement: frozenset[str] = frozenset()
    light: frozenset[str] | None = None
    preps: frozenset[str] = frozenset()
    subject_noun: bool = False
    requires_joint: bool = False
    frame: bool = False
    visit: bool = False
    must: bool = False
    void: bool = False
    clause_needs_act: bool = False
    experiencer: bool = False
    patient_of: bool = False
    judgement: bool = False
    object_actors: bool = False
    not_objects: frozenset[str] = frozenset()
    not_complement: frozenset[str] = frozenset()
    order: int = 0

    @property
    def specificity(self) -> int:
        """More constrained rules win over bare lexical ones for the same trigger word."""
        return 3 * bool(self.objects or self.complement) + bool(self.objects_kind) + bool(self.requires_prep)


@dataclass(frozen=True)
class Entry:
    """One trigger word of a rule: a head lemma plus the extra words of a phrasal/multiword form."""

    rule: Rule
    extra: tuple[str, ...] = ()  # phrasal verb particles or noun modifiers ("call off", "hunger strike")


@dataclass
class RuleSet:
    verbs: dict[str, list[Entry]] = field(default_factory=dict)
    nouns: dict[str, list[Entry]] = field(default_factory=dict)
    adjectives: dict[str, list[Entry]] = field(default_factory=dict)
    must: list[Rule] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    cameo: dict[str, dict[str, Any]] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    context_words: dict[str, tuple[frozenset[str], tuple[str, ...]]] = field(default_factory=dict)
    group_nouns: dict[str, str] = field(default_factory=dict)
    quad: dict[str, str] = field(default_factory=dict)  # type -> quad key (plover.yaml, through plover())
    type_score: dict[str, float] = field(default_factory=dict)
    type_cameo: dict[str, str] = field(default_factory=dict)
    # what an appeal, a demand, a promise or a refusal is about, named by a noun, when all the rules
    # that name it code the same act: the thing a giving act gives ("asked for aid" 070, "for arms"
    # 062: `giving_types` in plover.yaml); a verb that names its act with no object ("release" 0841,
    # "mediate" 045), for a proposal's to-clause ("rejected demands to release") or, for cooperative
    # material acts, as a noun ("demanded the release of")
    object_acts: dict[str, str] = field(default_factory=dict)
    deed_acts: dict[str, str] = field(default_factory=dict)


def _words(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _norm(word: str) -> str:
    return " ".join(word.lower().replace("-", " - ").split()).replace(" - ", "-")


def _rule(raw: dict[str, Any], event: str, defaults: dict[str, Any], order: int) -> Rule:
    """One checked rule (``files.Rule``) as the coder's frozen record; ``defaults`` holds the file's
    context and the type's CAMEO code (plover.yaml)."""
    light = raw.get("light")
    return Rule(
        name=str(raw["name"]),
        event=event,
        cameo=str(raw.get("cameo") or defaults.get("cameo") or "") or None,
        cameo_given=bool(raw.get("cameo")),
        mode=raw.get("mode"),
        context=tuple(_words(raw.get("context")) or _words(defaults.get("context"))),
        objects=frozenset(_norm(w) for w in _words(raw.get("objects"))),
        objects_kind=frozenset(_words(raw.get("objects_kind"))),
        requires_prep=frozenset(_words(raw.get("requires_prep"))),
        requires_complement=bool(raw.get("requires_complement")),
        complement=frozenset(_norm(w) for w in _words(raw.get("complement"))),
        light=frozenset(_words(light)) if light is not None else None,
        preps=frozenset(_words(raw.get("preps"))),
        subject_noun=bool(raw.get("subject_noun")),
        requires_joint=bool(raw.get("requires_joint")),
        frame=bool(raw.get("frame")),
        visit=bool(raw.get("visit")),
        must=bool(raw.get("must")),
        void=bool(raw.get("void")),
        clause_needs_act=bool(raw.get("clause_needs_act")),
        experiencer=bool(raw.get("experiencer")),
        patient_of=bool(raw.get("patient_of")),
        judgement=bool(raw.get("judgement")),
        object_actors=bool(raw.get("object_actors")),
        not_objects=frozenset(_norm(w) for w in _words(raw.get("not_objects"))),
        not_complement=frozenset(_norm(w) for w in _words(raw.get("not_complement"))),
        order=order,
    )


def _word_rules(rule: Rule, raw: dict[str, Any]) -> dict[str, Rule]:
    """The rule as each trigger with a code of its own (`word_codes`) gives it: the same rule, with
    that word's CAMEO code and mode ("torture" 1822/torture where the rule says 190)."""
    out: dict[str, Rule] = {}
    for word, spec in (raw.get("word_codes") or {}).items():
        out[_norm(word)] = replace(
            rule, cameo=str(spec["cameo"]), cameo_given=True, mode=spec.get("mode", rule.mode)
        )
    return out


def _index(
    table: dict[str, list[Entry]],
    words: list[str],
    rule: Rule,
    head_last: bool,
    variants: dict[str, Rule] | None = None,
) -> None:
    for w in words:
        parts = _norm(w).split()
        if not parts:
            continue
        # verbs: head first ("call off"); nouns: head last ("hunger strike")
        head, extra = (parts[-1], tuple(parts[:-1])) if head_last else (parts[0], tuple(parts[1:]))
        r = (variants or {}).get(" ".join(parts), rule)
        table.setdefault(head, []).append(Entry(rule=r, extra=extra))


@lru_cache(maxsize=1)
def load_rules() -> RuleSet:
    """Compile every pattern file once per process."""
    settings = load("plover")
    table = plover()
    rs = RuleSet(settings=settings, cameo=load("cameo"))
    rs.quad = dict(table.quad)
    rs.type_score = dict(table.score)
    rs.type_cameo = dict(table.cameo)
    order = 0
    named: dict[str, set[str]] = {}  # object noun -> codes of the acts that give it
    deeds: dict[str, set[str]] = {}  # verb -> codes of the acts it names with no object required
    giving = set(settings.get("giving_types") or [])
    for _path, data in event_files():
        event = data["event"]
        defaults = {"cameo": table.cameo[event], "context": data.get("context")}
        for raw in data["rules"]:
            order += 1
            r = _rule(raw, event, defaults, order)
            variants = _word_rules(r, raw)
            _index(rs.verbs, _words(raw.get("verbs")), r, head_last=False, variants=variants)
            _index(rs.nouns, _words(raw.get("nouns")), r, head_last=True, variants=variants)
            _index(rs.adjectives, _words(raw.get("adjectives")), r, head_last=False, variants=variants)
            if r.must:
                rs.must.append(r)
            if not r.frame and raw.get("verbs") and _framed(r.cameo, settings):
                if event in giving:
                    for obj in r.objects:
                        named.setdefault(obj, set()).add(r.cameo or "")
                if not r.objects:
                    for verb in _words(raw.get("verbs")):
                        if " " not in _norm(verb):  # "set free", "step down": the noun is another word
                            deeds.setdefault(_norm(verb), set()).add(r.cameo or "")
    # a noun names an act only when every act done with it is the same ("prisoner": release), not
    # when verbs tell them apart ("ceasefire": declared or violated; "troop": deployed or withdrawn)
    rs.object_acts = {obj: next(iter(codes)) for obj, codes in named.items() if len(codes) == 1}
    rs.deed_acts = {verb: next(iter(codes)) for verb, codes in deeds.items() if len(codes) == 1}
    for table in (rs.verbs, rs.nouns, rs.adjectives):
        for entries in table.values():
            # longest phrase, then the most constrained rule, then file order
            entries.sort(key=lambda e: (-len(e.extra), -e.rule.specificity, e.rule.order))
    rs.light_verbs = frozenset(_words(settings.get("light_verbs")))
    for ctx_name, words in (settings.get("contexts") or {}).items():
        ws = [_norm(w) for w in _words(words)]
        rs.context_words[ctx_name] = (
            frozenset(w for w in ws if " " not in w),
            tuple(w for w in ws if " " in w),
        )
    for sector, words in (settings.get("group_nouns") or {}).items():
        for w in _words(words):
            rs.group_nouns.setdefault(_norm(w), sector)
    return rs


def _framed(code: str | None, settings: dict[str, Any]) -> bool:
    """Whether some frame (appeal, intent, demand, refusal, threat) codes an act of this code by it:
    only such acts are worth naming by their objects (`frame_codes`, plover.yaml)."""
    acts = {a for table in (settings.get("frame_codes") or {}).values() for a in table}
    return bool(code) and any(code[:n] in acts for n in range(2, len(code or "") + 1))


def cameo_score(rs: RuleSet, code: str | None, event: str) -> float | None:
    """Goldstein-like score of a CAMEO code, falling back to its parents, then to the type."""
    c = code or ""
    while c:
        spec = rs.cameo.get(c)
        if spec and spec.get("score") is not None:
            return float(spec["score"])
        c = c[:-1]
    return rs.type_score.get(event)
