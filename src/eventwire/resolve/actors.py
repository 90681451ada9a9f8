"""Actor linking inside one article (baseline: spaCy entities, countries via pycountry).

The actor work replaces this with the full resolver (aliases, offices, coreference).
"""

from __future__ import annotations

from typing import Any

from ..model import Article, Entity, EntityMention, LocalActor

_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "country"}


def _country(name: str) -> str | None:
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        try:
            return pycountry.countries.search_fuzzy(name)[0].alpha_3
        except LookupError:
            return None


def link(doc: Any, article: Article) -> tuple[list[EntityMention], list[LocalActor]]:
    mentions: list[EntityMention] = []
    actors: dict[str, LocalActor] = {}
    for ent in doc.ents:
        kind = _KINDS.get(ent.label_)
        if not kind:
            continue
        if kind == "country":
            iso = _country(ent.text)
            if not iso:
                continue
            key, name = f"c:{iso}", iso
        else:
            iso, name = None, ent.text
            key = f"{kind[0]}:{ent.text.casefold()}"
        e = Entity(id=key, name=name, kind=kind, country=iso, sector="GOV" if kind == "country" else None)
        mentions.append(
            EntityMention(key=key, start=ent.start_char, end=ent.end_char, text=ent.text, entity=e)
        )
        la = actors.setdefault(key, LocalActor(key=key, name=name, kind=kind, country=iso, sector=e.sector))
        if ent.text not in la.aliases:
            la.aliases.append(ent.text)
    return mentions, list(actors.values())
