"""Which stored articles a reprocess run re-extracts: dates, column filters and stale stamps.

Filters come from the command line, so none of them is ever SQL: ``--where`` names a column from
a fixed list and compares it with a bound value, exactly (``field=value``) or as a
case-insensitive substring (``field~text``). Dates overlap the way the API's ``since``/``until``
do, so "2024-03" is inside ``--since 2024-03-15``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, and_, func, or_

from ..lexicon.digest import Stamp
from . import tables as T
from .query import _overlaps

# article columns --where may name (text matches the clean text: slow on a large store, but one scan)
WHERE_FIELDS = ("id", "path", "url", "title", "author", "publisher", "language", "source_format", "text")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class SelectionError(ValueError):
    """A filter the command line cannot use; the message says what it accepts."""


@dataclass(frozen=True)
class Where:
    """One ``--where`` condition: a column, ``=`` (equals) or ``~`` (contains, any case), a value."""

    field: str
    op: str
    value: str

    @classmethod
    def parse(cls, raw: str) -> Where:
        m = re.match(r"^\s*([a-z_]+)\s*([=~])(.*)$", raw)
        if not m:
            raise SelectionError(f"--where {raw!r}: expected FIELD=VALUE or FIELD~TEXT")
        name, op, value = m.group(1), m.group(2), m.group(3)
        if name not in WHERE_FIELDS:
            raise SelectionError(f"--where {raw!r}: {name!r} is not one of {', '.join(WHERE_FIELDS)}")
        if not value:
            raise SelectionError(f"--where {raw!r}: no value after {op!r}")
        return cls(name, op, value)

    def condition(self) -> ColumnElement[bool]:
        col = T.articles.c[self.field]
        if self.op == "=":
            return col == self.value
        return func.lower(col).contains(self.value.lower(), autoescape=True)


@dataclass(frozen=True)
class Selection:
    """The stored originals to re-extract (near-duplicates have no extraction of their own).

    ``stale_against``: only articles whose extraction is not stamped with this stamp (unstamped
    rows, from before stamps existed, always are).
    """

    since: str | None = None
    until: str | None = None
    where: tuple[Where, ...] = field(default_factory=tuple)
    stale_against: Stamp | None = None

    def __post_init__(self) -> None:
        for name, value in (("--since", self.since), ("--until", self.until)):
            if value is not None and not _DATE.match(value):
                raise SelectionError(f"{name} {value!r}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD")

    def conditions(self, dialect: str) -> list[ColumnElement[bool]]:
        a, x = T.articles.c, T.extractions.c
        conds: list[ColumnElement[bool]] = [a.duplicate_of.is_(None)]
        if self.since or self.until:
            # byte order on PostgreSQL, whose locale collation would compare "2024~" as "2024"
            collate = "C" if dialect == "postgresql" else None
            conds.append(a.published.is_not(None))
            conds += _overlaps(a.published, a.published, self.since, self.until, collate)
        conds += [w.condition() for w in self.where]
        if self.stale_against is not None:
            code, digest = self.stale_against
            current = and_(x.code_version == code, x.knowledge_digest == digest)
            conds.append(or_(x.code_version.is_(None), x.knowledge_digest.is_(None), ~current))
        return conds
