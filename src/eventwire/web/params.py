"""Query parameters shared by the JSON API and the pages, validated before any query runs.

Bad input must answer 422 with FastAPI's usual error body, never 500: formats are checked by the
declared patterns, and what a pattern cannot say (a 31st of February) by :func:`invalid`, which
raises the same ``RequestValidationError`` FastAPI raises itself, so every 422 has one shape.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import Query
from fastapi.exceptions import RequestValidationError

from ..store.query import Filters

ISO3 = r"^[A-Za-z]{3}$"
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DYAD = r"^[A-Za-z]{3},[A-Za-z]{3}$"
TYPE = r"^[A-Za-z_]{1,32}$"
PLAIN = r"^[^\x00-\x1f\x7f]*$"  # no control characters (PostgreSQL refuses NUL in text)
MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000_000


def invalid(field: str, message: str, value: Any = None, where: str = "query") -> RequestValidationError:
    """A 422 in FastAPI's own error shape, for checks a pattern cannot express."""
    return RequestValidationError(
        [{"type": "value_error", "loc": (where, field), "msg": message, "input": value}]
    )


def check_date(field: str, value: str | None) -> str | None:
    """ISO date at year, month or day precision that really exists."""
    if not value:
        return None
    if not re.match(DATE, value):
        raise invalid(field, "expected YYYY, YYYY-MM or YYYY-MM-DD", value)
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0] or 1, parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise invalid(field, "not a calendar date", value) from None
    if parts[0] == 0:
        raise invalid(field, "not a calendar date", value)
    return value


def check_iso3(field: str, value: str | None, where: str = "query") -> str | None:
    if not value:
        return None
    if not re.match(ISO3, value):
        raise invalid(field, "expected an ISO 3166-1 alpha-3 code such as TUR", value, where)
    return value.upper()


def normalise_type(kind: str, value: str | None) -> str | None:
    """PLOVER event types are upper case; deal statuses, figure and actor kinds lower case."""
    if not value:
        return None
    return value.upper() if kind == "events" else value.lower()


CountryQ = Annotated[
    str | None,
    Query(
        description="ISO 3166-1 alpha-3 code; matches a record's actor or recipient country.", pattern=ISO3
    ),
]
DyadQ = Annotated[
    str | None, Query(description="Two ISO3 codes, e.g. TUR,MYS: records involving both.", pattern=DYAD)
]
TypeQ = Annotated[
    str | None,
    Query(
        description=(
            "events: PLOVER type (AGREE, CONSULT ...); deals: status; figures: kind; actors: kind; "
            "articles: source format. Quotes have no type."
        ),
        pattern=TYPE,
    ),
]
SinceQ = Annotated[
    str | None,
    Query(description="Records whose date range reaches this date or later (YYYY[-MM[-DD]]).", pattern=DATE),
]
UntilQ = Annotated[
    str | None,
    Query(
        description="Records whose date range starts on or before this date (YYYY[-MM[-DD]]).", pattern=DATE
    ),
]
TextQ = Annotated[
    str | None,
    Query(
        description=(
            "Full text (SQLite FTS5 / PostgreSQL tsvector): articles by title and text; events, deals, "
            "figures and quotes by their evidence sentences; actors by name and aliases. Words are "
            "ANDed; word* is a prefix; accents are ignored on SQLite."
        ),
        max_length=200,
        pattern=PLAIN,
    ),
]
ActorQ = Annotated[
    str | None,
    Query(description="A global actor id: records where it takes part.", max_length=200, pattern=PLAIN),
]
ArticleQ = Annotated[
    str | None, Query(description="An article id: records read from it.", max_length=64, pattern=PLAIN)
]
LimitQ = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (at most {MAX_LIMIT}).")]
OffsetQ = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Records to skip.")]


def make_filters(
    kind: str,
    *,
    country: str | None = None,
    dyad: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    q: str | None = None,
    actor: str | None = None,
    article: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Filters:
    """Validated, normalised filters (raises the 422 error on bad values)."""
    pair: tuple[str, str] | None = None
    if dyad:
        if not re.match(DYAD, dyad):
            raise invalid("dyad", "expected two ISO3 codes separated by a comma, e.g. TUR,MYS", dyad)
        a, b = dyad.upper().split(",")
        pair = (a, b)
    if type and not re.match(TYPE, type):
        raise invalid("type", "letters and underscores only", type)
    for name, val in (("q", q), ("actor", actor), ("article", article)):
        if val and not re.match(PLAIN, val):
            raise invalid(name, "control characters are not allowed", val)
    since, until = check_date("since", since), check_date("until", until)
    if since and until and since > until + "~":
        raise invalid("until", "until is before since", until)
    return Filters(
        country=check_iso3("country", country),
        dyad=pair,
        type=normalise_type(kind, type),
        since=since,
        until=until,
        q=(q or "").strip() or None,
        actor=actor or None,
        article=article or None,
        limit=max(1, min(int(limit), MAX_LIMIT)),
        offset=max(0, min(int(offset), MAX_OFFSET)),
    )
