"""Event patterns as data: loads `data/events/*.yaml`, `data/plover.yaml` and `data/cameo.yaml`.

The lexicons live in YAML so an analyst can add a trigger without reading Python; this module
turns them into lookup tables once per process (the coder runs per sentence, so every match must
be a dictionary probe, never a scan over all rules). The format is documented in docs/patterns.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
        judgement=bool(raw.get("judgement")),
        object_actors=bool(raw.get("object_actors")),
        not_objects=frozenset(_norm(w) for w in _words(raw.get("not_objects"))),
        not_complement=frozenset(_norm(w) for w in _words(raw.get("not_complement"))),
        order=order,
    )


def _index(table: dict[str, list[Entry]], words: list[str], rule: Rule, head_last: bool) -> None:
    for w in words:
        parts = _norm(w).split()
        if not parts:
            continue
        # verbs: head first ("call off"); nouns: head last ("hunger strike")
        head, extra = (parts[-1], tuple(parts[:-1])) if head_last else (parts[0], tuple(parts[1:]))
        table.setdefault(head, []).append(Entry(rule=rule, extra=extra))


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
    for _path, data in event_files():
        event = data["event"]
        defaults = {"cameo": table.cameo[event], "context": data.get("context")}
        for raw in data["rules"]:
            order += 1
            r = _rule(raw, event, defaults, order)
            _index(rs.verbs, _words(raw.get("verbs")), r, head_last=False)
            _index(rs.nouns, _words(raw.get("nouns")), r, head_last=True)
            _index(rs.adjectives, _words(raw.get("adjectives")), r, head_last=False)
            if r.must:
                rs.must.append(r)
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


def cameo_score(rs: RuleSet, code: str | None, event: str) -> float | None:
    """Goldstein-like score of a CAMEO code, falling back to its parents, then to the type."""
    c = code or ""
    while c:
        spec = rs.cameo.get(c)
        if spec and spec.get("score") is not None:
            return float(spec["score"])
        c = c[:-1]
    return rs.type_score.get(event)
