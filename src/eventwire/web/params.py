"""Query parameters shared by the JSON API and the pages, validated before any query runs.

Bad input must answer 422 with FastAPI's usual error body, never 500, and never an empty result
that looks like "nothing happened": an unknown type or country is a 422 whose message lists what
is allowed, in words. Checks live here rather than in ``pattern=`` declarations, so ``/docs``
describes parameters in words instead of showing regular expressions, and so a check can consult
the store: ``country=`` and ``dyad=`` take a code, a name or an alias (Turkey, Türkiye, TUR),
``actor=`` an id, a name or an alias, and the words of ``q=`` also match the actors they name.
:func:`invalid` raises the same ``RequestValidationError`` FastAPI raises itself, so every 422
has one shape.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Query
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel

from ..lexicon.plover import plover
from ..store.names import country_code
from ..store.query import FACETS, SORTS, Filters, QueryError, Reader

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
PLAIN = r"^[^\x00-\x1f\x7f]*$"  # no control characters (PostgreSQL refuses NUL in text)
MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000_000

DEAL_STATUSES = ("planned", "mou", "agreement", "contract", "delivered", "cancelled")
FIGURE_KINDS = ("actual", "target", "estimate", "forecast")
ACTOR_KINDS = ("person", "organization", "country", "group")
SOURCE_FORMATS = ("text", "markdown", "html", "json", "jsonl", "rss", "atom", "warc", "sgml", "timeml")
TYPE_OPTIONS: dict[str, tuple[str, ...]] = {
    "deals": DEAL_STATUSES,
    "figures": FIGURE_KINDS,
    "actors": ACTOR_KINDS,
    "articles": SOURCE_FORMATS,
}
TYPE_WORDS = {
    "events": "a PLOVER event type",
    "deals": "a deal status",
    "figures": "a figure kind",
    "actors": "an actor kind",
    "articles": "a source format",
}
SORT_WORDS = {
    "-date": "newest first",
    "date": "oldest first",
    "sources": "most independent sources first",
    "score": "most cooperative PLOVER score first",
    "activity": "most events first",
    "mentions": "most often named first",
    "name": "A to Z",
}
COUNTRY_HELP = "give an ISO 3166-1 alpha-3 code (TUR), a country's name (Turkey) or an alias (Türkiye)"


def invalid(field: str, message: str, value: Any = None, where: str = "query") -> RequestValidationError:
    """A 422 in FastAPI's own error shape, for checks a declaration cannot express."""
    return RequestValidationError(
        [{"type": "value_error", "loc": (where, field), "msg": message, "input": value}]
    )


def type_options(kind: str) -> tuple[str, ...]:
    """The values of a kind's ``type`` filter; for events, the PLOVER types of plover.yaml."""
    return plover().types if kind == "events" else TYPE_OPTIONS.get(kind, ())


def check_date(field: str, value: str | None) -> str | None:
    """ISO date at year, month or day precision that really exists."""
    if not value:
        return None
    if not re.match(DATE, value):
        raise invalid(field, "expected a date as YYYY, YYYY-MM or YYYY-MM-DD", value)
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0] or 1, parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise invalid(field, "not a calendar date", value) from None
    if parts[0] == 0:
        raise invalid(field, "not a calendar date", value)
    return value


def check_country(
    field: str, value: str | None, reader: Reader | None = None, where: str = "query"
) -> str | None:
    """The country code a code, name or alias stands for (422 in words when none)."""
    if not value or not value.strip():
        return None
    if not re.match(PLAIN, value) or len(value) > 100:
        raise invalid(field, f"{value!r} is not a country: {COUNTRY_HELP}", value, where)
    code = country_code(value) or (reader.country_of_name(value) if reader else None)
    if code is None:
        raise invalid(field, f"eventwire knows no country {value!r}: {COUNTRY_HELP}", value, where)
    return code


# kept for callers that still say "iso3": a country filter takes names too now
check_iso3 = check_country


def check_type(kind: str, value: str | None) -> str | None:
    """A kind's type filter, normalised (PLOVER types upper case, the rest lower case)."""
    if not value:
        return None
    options = type_options(kind)
    if not options:
        raise invalid("type", f"{kind} have no type to filter on", value)
    norm = value.strip().upper() if kind == "events" else value.strip().lower()
    if norm not in options:
        what = TYPE_WORDS.get(kind, "a type")
        raise invalid("type", f"{value!r} is not {what}: use one of {', '.join(options)}", value)
    return norm


def check_sort(kind: str, value: str | None) -> str | None:
    if not value:
        return None
    if value not in SORTS[kind]:
        words = "; ".join(f"{s} ({SORT_WORDS[s]})" for s in SORTS[kind])
        raise invalid("sort", f"{kind} cannot be sorted by {value!r}: use one of {words}", value)
    return value


def check_facets(kind: str, values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        for name in (x.strip() for x in v.split(",")):
            if not name:
                continue
            if name not in FACETS[kind]:
                raise invalid("facet", f"{kind} have no facet {name!r}: use {', '.join(FACETS[kind])}", v)
            if name not in out:
                out.append(name)
    return out


def check_actor(value: str | None, reader: Reader | None) -> tuple[str, ...] | str | None:
    """The actor ids an id, name or alias stands for (422 when it names no one)."""
    if not value:
        return None
    if not re.match(PLAIN, value):
        raise invalid("actor", "control characters are not allowed", value)
    if reader is None:
        return value
    ids = reader.actor_ids(value.strip())
    if not ids:
        raise invalid(
            "actor",
            f"no actor has the id, name or alias {value!r}: find one with /actors?q=… or /search",
            value,
        )
    return tuple(ids)


CountryQ = Annotated[
    str | None,
    Query(
        description=(
            "A country as an ISO 3166-1 alpha-3 code (TUR), a name (Turkey) or an alias (Türkiye): "
            "records where an actor or recipient is of that country. An unknown country is a 422."
        ),
        max_length=100,
    ),
]
DyadQ = Annotated[
    str | None,
    Query(
        description="Two countries separated by a comma (TUR,MYS or Turkey,Malaysia): records involving both.",
        max_length=200,
    ),
]
TypeQ = Annotated[
    str | None,
    Query(
        description=(
            "events: a PLOVER type (AGREE, CONSULT ...); deals: a status; figures: a kind; actors: a "
            "kind; articles: a source format. Quotes have no type. An unknown value is a 422 listing "
            "the allowed ones."
        ),
        max_length=40,
    ),
]
SinceQ = Annotated[
    str | None,
    Query(
        description="Records whose date range reaches this date or later (YYYY, YYYY-MM or YYYY-MM-DD).",
        max_length=10,
    ),
]
UntilQ = Annotated[
    str | None,
    Query(
        description="Records whose date range starts on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).",
        max_length=10,
    ),
]
TextQ = Annotated[
    str | None,
    Query(
        description=(
            "Full text (SQLite FTS5 / PostgreSQL tsvector): articles by title and text; events, deals, "
            "figures and quotes by their evidence sentences, or by taking part through an actor or "
            "country the words name (q=Türkiye finds Turkey's events); actors by name and aliases. "
            "Words are ANDed; word* is a prefix; accents are ignored on SQLite."
        ),
        max_length=200,
    ),
]
ActorQ = Annotated[
    str | None,
    Query(
        description=(
            "An actor by global id, name or alias (Anwar Ibrahim): records where it takes part. A name "
            "no actor has is a 422."
        ),
        max_length=200,
    ),
]
ArticleQ = Annotated[str | None, Query(description="An article id: records read from it.", max_length=64)]
PlaceQ = Annotated[
    str | None,
    Query(
        description="Events: the name of the place where it happened (as the map shows it).", max_length=200
    ),
]
SortQ = Annotated[
    str | None,
    Query(
        description=(
            "Order: -date (newest first, the default of dated records), date (oldest first), sources "
            "(most independent sources first), score (most cooperative first, events); actors: "
            "activity (most events first, the default), mentions (most often named), name (A to Z)."
        ),
        max_length=20,
    ),
]
FacetQ = Annotated[
    list[str] | None,
    Query(
        description=(
            "Count the matching records by type, country, actor, year or place (events); repeat "
            "(facet=type&facet=country) or separate with commas. The answer gains `facets`."
        ),
    ),
]
LimitQ = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (at most {MAX_LIMIT}).")]
OffsetQ = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Records to skip.")]


def make_filters(
    kind: str,
    *,
    reader: Reader | None = None,
    country: str | None = None,
    dyad: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    q: str | None = None,
    actor: str | None = None,
    article: str | None = None,
    place: str | None = None,
    sort: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Filters:
    """Validated, normalised filters, names resolved through ``reader`` (raises the 422 error)."""
    pair: tuple[str, str] | None = None
    if dyad:
        parts = [x for x in dyad.split(",")]
        if len(parts) != 2 or not all(p.strip() for p in parts):
            raise invalid("dyad", "expected two countries separated by a comma, e.g. TUR,MYS", dyad)
        a, b = (check_country("dyad", p, reader) for p in parts)
        assert a and b
        pair = (a, b)
    for name, val in (("q", q), ("article", article), ("place", place)):
        if val and not re.match(PLAIN, val):
            raise invalid(name, "control characters are not allowed", val)
    since, until = check_date("since", since), check_date("until", until)
    if since and until and since > until + "~":
        raise invalid("until", "until is before since", until)
    text = (q or "").strip() or None
    q_actors: tuple[str, ...] = ()
    q_countries: tuple[str, ...] = ()
    if text and reader is not None and kind != "articles":
        q_actors = tuple(reader.actor_ids(text))
        code = country_code(text) if len(text) > 3 or text.isupper() else None
        q_countries = (code,) if code and kind != "actors" else ()
    return Filters(
        country=check_country("country", country, reader),
        dyad=pair,
        type=check_type(kind, type),
        since=since,
        until=until,
        q=text,
        actor=check_actor(actor, reader),
        article=article or None,
        place=(place or "").strip() or None,
        sort=check_sort(kind, sort),
        q_actors=q_actors,
        q_countries=q_countries,
        limit=max(1, min(int(limit), MAX_LIMIT)),
        offset=max(0, min(int(offset), MAX_OFFSET)),
    )


class FilterArgs(BaseModel):
    """The filters of a listing as the request gave them (names not yet resolved)."""

    country: str | None = None
    dyad: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    actor: str | None = None
    article: str | None = None
    place: str | None = None
    sort: str | None = None

    def key(self) -> tuple[Any, ...]:
        return tuple(self.model_dump().values())

    def filters(self, kind: str, reader: Reader, limit: int = 50, offset: int = 0) -> Filters:
        return make_filters(kind, reader=reader, limit=limit, offset=offset, **self.model_dump())


def filter_args(
    country: CountryQ = None,
    dyad: DyadQ = None,
    type: TypeQ = None,
    since: SinceQ = None,
    until: UntilQ = None,
    q: TextQ = None,
    actor: ActorQ = None,
    article: ArticleQ = None,
    place: PlaceQ = None,
    sort: SortQ = None,
) -> FilterArgs:
    return FilterArgs(
        country=country,
        dyad=dyad,
        type=type,
        since=since,
        until=until,
        q=q,
        actor=actor,
        article=article,
        place=place,
        sort=sort,
    )


FilterDep = Annotated[FilterArgs, Depends(filter_args)]


def checked(run: Callable[[], Any]) -> Any:
    """``run()``, with a filter the kind has not (since on actors ...) answered as a 422."""
    try:
        return run()
    except QueryError as exc:
        raise invalid(exc.field, str(exc)) from None
