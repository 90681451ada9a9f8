"""A DocContext for extractor tests: a real parse, with entity mentions laid down from a table
(surface -> (key, kind, country)) as the actor linker would, so each test pins what it reads."""

from __future__ import annotations

import re
from collections.abc import Iterable

from eventwire.extract.context import DocContext
from eventwire.model import Article, Entity, EntityMention, Timex


def entity_mentions(text: str, table: dict[str, tuple[str, str, str]]) -> list[EntityMention]:
    """Every occurrence of a table surface, longest surfaces first, never overlapping."""
    mentions, taken = [], []
    for surface in sorted(table, key=len, reverse=True):
        key, kind, country = table[surface]
        for m in re.finditer(rf"\b{re.escape(surface)}\b", text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            ent = Entity(id=key, name=surface, kind=kind, country=country)
            mentions.append(EntityMention(key=key, start=m.start(), end=m.end(), text=surface, entity=ent))
    return mentions


def timexes_at(text: str, specs: Iterable[tuple]) -> list[Timex]:
    """(surface, type, value[, end_value]) -> Timex at the surface's first occurrence."""
    out = []
    for surface, typ, value, *rest in specs:
        i = text.index(surface)
        out.append(
            Timex(
                start=i,
                end=i + len(surface),
                text=surface,
                type=typ,
                value=value,
                end_value=rest[0] if rest else None,
            )
        )
    return out


def fake_context(
    text: str, table: dict[str, tuple[str, str, str]], *, dct: str, timexes: Iterable[tuple] = ()
) -> DocContext:
    from eventwire.analyse.nlp import get_nlp

    art = Article(id="art1", path="art1.txt", text=text, published=dct)
    return DocContext(
        article=art,
        doc=get_nlp()(text),
        dct=dct,
        timexes=timexes_at(text, timexes),
        entities=entity_mentions(text, table),
    )
