"""Everything the resolver knows before reading an article, loaded from readable data files.

Sources (all under ``eventwire/data``): ``countries.yaml`` (generated state table), ``igos.yaml``,
``offices.yaml``, ``honorifics.yaml`` and the user-extensible ``knowledge.yaml``; more knowledge
files come from ``EVENTWIRE_KNOWLEDGE`` (paths joined by ``os.pathsep``). Loaded once per process
and cached, because every article consults it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..lexicon import data_path, knowledge_file, load
from ..settings import get_settings
from .names import fold


@dataclass(frozen=True)
class Entry:
    """One name the gazetteer can match, and what it denotes."""

    kind: str  # country | adj | people | capital | igo | organization | group | person
    key: str  # article-local actor key (c:TUR, o:nato ...)
    name: str  # canonical name of the denoted actor
    country: str | None
    sector: str | None = None
    surface: str = ""  # the listed spelling
    exact_case: bool = False  # acronyms and short foreign names must match case exactly


@dataclass
class KnownPerson:
    name: str
    aliases: list[str]
    country: str | None
    sector: str | None
    offices: list[dict[str, Any]]


@dataclass
class Lexicon:
    countries: dict[str, dict[str, Any]]
    phrases: dict[str, list[Entry]] = field(default_factory=dict)  # folded phrase -> entries
    max_words: int = 1
    heads: dict[str, str] = field(default_factory=dict)
    name_like_titles: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)
    modifiers: set[str] = field(default_factory=set)
    past_markers: set[str] = field(default_factory=set)
    then_markers: set[str] = field(default_factory=set)
    start_markers: list[str] = field(default_factory=list)  # longest first
    abbreviations: dict[str, str] = field(default_factory=dict)
    government_nouns: set[str] = field(default_factory=set)
    group_nouns: dict[str, str] = field(default_factory=dict)
    org_sectors: list[tuple[str, str]] = field(default_factory=list)
    org_words: set[str] = field(default_factory=set)
    place_words: set[str] = field(default_factory=set)
    org_descriptors: dict[str, str] = field(default_factory=dict)
    honorifics: set[str] = field(default_factory=set)  # one-word honorifics
    honorific_phrases: set[tuple[str, ...]] = field(default_factory=set)
    military_ranks: set[str] = field(default_factory=set)
    religious: set[str] = field(default_factory=set)
    people: list[KnownPerson] = field(default_factory=list)
    capital_of: dict[str, str] = field(default_factory=dict)  # folded capital -> ISO3
    igo_codes: dict[str, str] = field(default_factory=dict)  # folded IGO name/alias -> own code
    igo_short: dict[str, set[str]] = field(default_factory=dict)  # IGO key -> its folded bare short words

    def igo_code(self, *names: str) -> str | None:
        """The own code (IGOUNO, IGOEUREEC ...) of the international body called by one of ``names``."""
        return next((self.igo_codes[fold(n)] for n in names if fold(n) in self.igo_codes), None)

    def lookup(self, phrase: str) -> list[Entry]:
        return self.phrases.get(fold(phrase), [])

    def country_name(self, iso: str | None) -> str | None:
        rec = self.countries.get(iso or "")
        return rec["name"] if rec else None

    def country_of(self, name: str) -> str | None:
        """ISO3 for a country name, alias, demonym or capital (None when not a state)."""
        for e in self.lookup(name):
            if e.kind in ("country", "adj", "people", "capital"):
                return e.country
        return None

    def office_sector(self, title: str) -> str | None:
        """The sector a title gives its holder: its last head word decides."""
        words = fold(title).replace("-", " - ").split()
        best = None
        for i in range(len(words)):
            for j in range(min(len(words), i + 4), i, -1):
                ph = " ".join(words[i:j]).replace(" - ", "-")
                if ph in self.heads:
                    best = self.heads[ph]
                    break
        return best

    def org_sector(self, name: str) -> str | None:
        f = f" {fold(name)} "
        for word, sector in self.org_sectors:
            if f" {word} " in f:
                return sector
        return None


def _is_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(s.replace(".", "")) <= 6


def knowledge_paths() -> list[Path]:
    paths = [data_path("knowledge.yaml")]
    return paths + list(get_settings().knowledge)


def build_lexicon(knowledge_files: list[Path] | None = None) -> Lexicon:
    """Read the data files into lookup tables (no caching: tests build their own)."""
    countries: dict[str, dict[str, Any]] = load("countries")
    lex = Lexicon(countries=countries)

    def add(phrase: str, entry: Entry) -> None:
        f = fold(phrase)
        if not f:
            return
        bucket = lex.phrases.setdefault(f, [])
        if entry not in bucket:
            bucket.append(entry)
        lex.max_words = max(lex.max_words, len(f.replace("-", " - ").split()) + 2)

    def ent(
        kind: str,
        key: str,
        name: str,
        country: str | None,
        sector: str | None,
        surface: str,
        exact: bool = False,
    ) -> Entry:
        return Entry(kind, key, name, country, sector, surface, exact or _is_acronym(surface))

    for iso, rec in countries.items():
        key = f"c:{iso}"
        name = rec["name"]
        add(name, ent("country", key, name, iso, None, name))
        for a in rec.get("aliases") or []:
            add(a, ent("country", key, name, iso, None, a))
        for a in rec.get("foreign") or []:
            add(a, ent("country", key, name, iso, None, a, exact=True))
        for a in rec.get("adj") or []:
            add(a, ent("adj", key, name, iso, None, a))
        for a in rec.get("people") or []:
            add(a, ent("people", key, name, iso, None, a))
        for a in rec.get("capitals") or []:
            add(a, ent("capital", key, name, iso, "GOV", a))
            lex.capital_of.setdefault(fold(a), iso)

    used: set[str] = set()
    for igo in load("igos"):
        key = f"o:{fold(igo['name'])}"
        ident = igo_identity(igo)
        if ident in used:  # the knowledge's codes are families (UNESCO and UNDP are both IGOUNODEV)
            ident += _acronym(igo)
        used.add(ident)
        for a in [igo["name"], *(igo.get("aliases") or [])]:
            add(a, ent("igo", key, igo["name"], igo.get("code", "IGO"), igo.get("sector"), a))
            lex.igo_codes.setdefault(fold(a), ident)
        if igo.get("short"):
            lex.igo_short.setdefault(key, set()).update(fold(w) for w in igo["short"])

    off = load("offices")
    lex.heads = {fold(k): v for k, v in (off.get("heads") or {}).items()}
    lex.name_like_titles = {fold(w) for w in off.get("name_like_titles") or []}
    lex.modifiers = {fold(str(w)) for w in off.get("modifiers") or []}
    lex.past_markers = {fold(w) for w in off.get("past_markers") or []}
    lex.then_markers = {fold(w) for w in off.get("then_markers") or []}
    lex.start_markers = sorted({fold(w) for w in off.get("start_markers") or []}, key=len, reverse=True)
    lex.abbreviations = {fold(k): v for k, v in (off.get("abbreviations") or {}).items()}
    lex.government_nouns = {fold(w) for w in off.get("government_nouns") or []}
    lex.group_nouns = {fold(k): v for k, v in (off.get("group_nouns") or {}).items()}
    lex.org_sectors = [(fold(w), s) for w, s in off.get("org_sectors") or []]
    lex.org_words = {fold(w) for w in off.get("org_words") or []}
    lex.place_words = {fold(w) for w in off.get("place_words") or []}
    lex.org_descriptors = {fold(k): v for k, v in (off.get("org_descriptors") or {}).items()}

    hon = load("honorifics")
    for h in hon.get("honorifics") or []:
        words = tuple(fold(w).strip(".'’") for w in str(h).replace("'", " ").replace("’", " ").split())
        lex.honorific_phrases.add(words)
        if len(words) == 1:
            lex.honorifics.add(words[0])
    lex.military_ranks = {fold(w).rstrip(".") for w in hon.get("military_ranks") or []}
    lex.religious = {fold(w).rstrip(".") for w in hon.get("religious") or []}

    for path in knowledge_files if knowledge_files is not None else knowledge_paths():
        if not Path(path).exists():
            continue
        kn = knowledge_file(path)
        for kind, prefix in (("organizations", "o"), ("groups", "g")):
            for o in kn.get(kind) or []:
                key = f"{prefix}:{fold(o['name'])}"
                k = "organization" if prefix == "o" else "group"
                for a in [o["name"], *(o.get("aliases") or [])]:
                    add(a, ent(k, key, o["name"], o.get("country"), o.get("sector"), a))
        for p in kn.get("people") or []:
            kp = KnownPerson(
                name=p["name"],
                aliases=list(p.get("aliases") or []),
                country=p.get("country"),
                sector=p.get("sector"),
                offices=list(p.get("offices") or []),
            )
            lex.people.append(kp)
            key = f"p:{fold(kp.name)}"
            for a in [kp.name, *kp.aliases]:
                add(a, ent("person", key, kp.name, kp.country, kp.sector, a))
        lex.regions |= {fold(r) for r in kn.get("regions") or []}
        for iso, names in (kn.get("country_aliases") or {}).items():
            rec = countries.get(iso)
            if rec is None:
                continue
            for a in names or []:
                add(a, ent("country", f"c:{iso}", rec["name"], iso, None, a))
    return lex


def igo_identity(igo: dict[str, Any]) -> str:
    """An international body's own code, so that the UN and the EU stay two parties: the data
    file's ``actor_code``, else the world knowledge's code for its name or an alias (IGOUNO),
    else its non-state code followed by its acronym (IGO + BRICS)."""
    if igo.get("actor_code"):
        return str(igo["actor_code"])
    base = str(igo.get("code", "IGO"))
    names = [igo["name"], *(igo.get("aliases") or [])]
    from .world import load_world

    world = load_world()
    for n in names:
        for o in world.organizations_named(n):
            if o.kind == base.lower() and o.code.startswith(base) and len(o.code) > len(base):
                return o.code
    return base + _acronym(igo)


def _acronym(igo: dict[str, Any]) -> str:
    """The body's shortest all-capitals alias (OSCE), else the initials of its name (UN peacekeepers: UNP)."""
    names = [igo["name"], *(igo.get("aliases") or [])]
    acronyms = sorted((a for a in names if a.isupper() and a.isalpha() and len(a) >= 2), key=len)
    if acronyms:
        return acronyms[0]
    words = [w for w in igo["name"].replace("-", " ").split() if w[:1].isalpha()]
    return "".join(w if w.isupper() else w[0] for w in words).upper()


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The process-wide lexicon (data files read once)."""
    return build_lexicon()
