"""The one typed data model every stage speaks.

Stages never reach into each other's internals: ingest produces :class:`Article`, language
analysis adds a spaCy ``Doc``, extraction produces :class:`ArticleExtraction` (everything found in
one article, with entity references local to that article), resolution and fusion turn many
extractions into the corpus-wide records (:class:`ActorRecord`, :class:`Event`, :class:`Deal`,
:class:`Figure`, :class:`Quote`) that storage keeps and export writes.

Every record is a plain dataclass with ``to_dict``/``from_dict`` so it can cross process
boundaries (multiprocessing, Ray) and be stored as JSON without a custom serialiser.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from sys import intern
from typing import Any, TypeVar

T = TypeVar("T")

# --------------------------------------------------------------------------------------------
# helpers


def stable_id(prefix: str, *parts: Any) -> str:
    """A short id that depends only on content, so re-runs give the same ids."""
    h = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return f"{prefix}_{h.hexdigest()[:16]}"


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


_SCALARS = (str, int, float, bool, type(None))


def _to_plain(value: Any) -> Any:
    cls = type(value)
    if cls in _SCALARS:
        return value
    names = _FIELD_NAMES.get(cls)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {n: _to_plain(getattr(value, n)) for n in names}
    if isinstance(value, (list, tuple)):
        return [_to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_plain(v) for k, v in value.items()}
    return value


class Record:
    """Mixin: JSON-friendly round trip for dataclasses (nested dataclasses included)."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return _to_plain(self)

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:  # type: ignore[misc]
        kwargs = {}
        for name, decode in _decoders(cls):
            if name in data:
                value = data[name]
                if decode is None:
                    # short values repeat across records (kinds, codes, dates, ids, paths): one
                    # copy of each rather than one per record read back from JSON
                    kwargs[name] = intern(value) if type(value) is str and len(value) <= 48 else value
                else:
                    kwargs[name] = value if value is None else decode(value)
        return cls(**kwargs)  # type: ignore[call-arg]


_NESTED: dict[str, type] = {}
# per class, each field's decoder, worked out once from its type hint (reading the hints for every
# record made loading stored extractions the slowest step of consolidation)
_DECODERS: dict[type, list[tuple[str, Any]]] = {}


def _decoders(cls: type) -> list[tuple[str, Any]]:
    got = _DECODERS.get(cls)
    if got is None:
        got = _DECODERS[cls] = [(f.name, _decoder(f.type)) for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    return got


def _decoder(type_str: Any) -> Any:
    """How to rebuild a field typed ``type_str``: None when the stored value is the value."""
    t = str(type_str)
    for name, klass in _NESTED.items():
        if t.startswith(f"list[{name}]"):
            return lambda value, k=klass: [k.from_dict(v) if isinstance(v, dict) else v for v in value]
        if t == name or t.startswith(f"{name} |") or t.startswith(f"{name}|"):
            return lambda value, k=klass: k.from_dict(value) if isinstance(value, dict) else value
    return None


# --------------------------------------------------------------------------------------------
# shared shapes (EXPORT.md)


@dataclass(slots=True)
class Mention(Record):
    """Evidence: where in an article's clean text a record was read."""

    article_id: str
    path: str
    sentence: str
    start: int  # char offset of the evidence (usually the sentence) in Article.text
    end: int


@dataclass(slots=True)
class Entity(Record):
    """An actor as it appears inside a record (EXPORT.md 'entity')."""

    id: str
    name: str
    kind: str  # person | organization | country | group
    country: str | None = None  # ISO 3166-1 alpha-3 or PLOVER non-state code (IGO, NGO ...)
    sector: str | None = None  # PLOVER sector code (GOV MIL BUS ...)
    office: str | None = None  # office held on the record's date
    code: str | None = None  # an international body's own code (IGOUNO): the party, where country is IGO

    def export(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "office": self.office,
        }
        if self.code:
            out["code"] = self.code
        return out


@dataclass(slots=True)
class Role(Record):
    """An office a person held (or an affiliation), with the dates the text supports."""

    title: str
    organization: str | None = None
    country: str | None = None
    start: str | None = (
        None  # when the office began, as the text or the knowledge says (never a mention's date)
    )
    end: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    reported: str | None = None  # the first date an article reported it as held (not its start)


# --------------------------------------------------------------------------------------------
# ingest


@dataclass(slots=True)
class Article(Record):
    """One cleaned news story, as ingest stores it."""

    id: str
    path: str
    text: str
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date at the precision the source supports, or None
    published_inferred: bool = False  # True when `published` was inferred from the text's dates
    publisher: str | None = None
    language: str | None = None
    duplicate_of: str | None = None
    source_format: str | None = None  # text | html | json | jsonl | rss | atom | warc
    # full dates (ISO days) of photo captions ingest dropped from the text: evidence for the date
    # of an undated story (a byline lost, the photo dated); read once at ingest, never stored
    caption_dates: list[str] = field(default_factory=list)

    def export(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "url": self.url,
            "title": self.title,
            "author": self.author,
            "published": self.published,
            "published_inferred": self.published_inferred,
            "publisher": self.publisher,
            "language": self.language,
            "text": self.text,
            "duplicate_of": self.duplicate_of,
        }


@dataclass(slots=True)
class Rejection(Record):
    """An input that could not be read: named with a one-line reason, never a traceback."""

    path: str
    reason: str


# --------------------------------------------------------------------------------------------
# time


@dataclass(slots=True)
class Timex(Record):
    """A TimeML temporal expression with offsets into the text it was found in."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value, e.g. 2026-01-06, 2025-07, P3Y6M, XXXX (unknown)
    # For ranges ("from Jan. 6 to 8"): the end of the range as a TIMEX3 value.
    end_value: str | None = None
    # How it was anchored: "absolute", "dct" (relative to the document date), "tense", ...
    anchor: str | None = None


# --------------------------------------------------------------------------------------------
# per-article extraction (local entity keys; resolution makes them global)


@dataclass(slots=True)
class EntityMention(Record):
    """A span of the article that names (or refers back to) an actor.

    ``key`` is local to the article: every mention of the same actor in one article shares a key
    (coreference, short forms, pronouns). ``entity`` is what the text says of the actor here;
    cross-article resolution maps keys to global actor ids.
    """

    key: str
    start: int
    end: int
    text: str
    entity: Entity
    # a place named as a place (not as a government): kept so places never become actors
    is_place: bool = False


@dataclass(slots=True)
class LocalActor(Record):
    """Everything one article says about one actor: names used, roles held, evidence."""

    key: str
    name: str  # best canonical form in this article (longest full name, honorifics removed)
    kind: str
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    country_source: str | None = None  # evidence of the country: title, org, knowledge, place, context


@dataclass(slots=True)
class Place(Record):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class Event(Record):
    """A PLOVER event (EXPORT.md 'events'). Per article first, then fused across articles."""

    id: str
    event: str  # one of the 16 PLOVER types
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None  # as specific as the clause: "urged X to free" 0253 (data/cameo.yaml)
    date: str | None = None
    enddate: str | None = None
    date_precision: str | None = None  # day | month | year | decade | ...
    date_source: str | None = None  # the timex text that dated it, or "article" / "inferred"
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    event_loc: Place | None = None
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    score: float | None = None  # the Goldstein weight of `cameo` (-10 conflict .. +10 cooperation)
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 0.5
    # explanation: the pattern that fired and the trigger words
    pattern: str | None = None
    trigger: str | None = None
    trigger_start: int | None = None  # char offsets of the trigger in Article.text (dating, evidence)
    trigger_end: int | None = None
    sources: int = 1  # independent sources (fusion)
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def export(self) -> dict[str, Any]:
        d = self.to_dict()
        d["actor"] = [a.export() for a in self.actor]
        d["recipient"] = [a.export() for a in self.recipient]
        d["event_loc"] = (
            {
                "name": self.event_loc.name,
                "country": self.event_loc.country,
                "lat": self.event_loc.lat,
                "lon": self.event_loc.lon,
            }
            if self.event_loc
            else None
        )
        return d


@dataclass(slots=True)
class Money(Record):
    amount: float
    currency: str


@dataclass(slots=True)
class Deal(Record):
    """An arms, procurement or commercial deal (SIPRI-like)."""

    id: str
    supplier: Entity | None = None
    recipient: Entity | None = None
    contractor: Entity | None = None
    item: str | None = None
    designation: str | None = None
    quantity: int | None = None
    unit: str | None = None  # the measure of a bulk quantity ("tonnes", "barrels"); None counts items
    value: Money | None = None
    status: str | None = None  # planned | mou | agreement | contract | delivered | cancelled
    date: str | None = None
    delivery: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 0.5
    sources: int = 1
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def export(self) -> dict[str, Any]:
        d = self.to_dict()
        for k in ("supplier", "recipient", "contractor"):
            ent = getattr(self, k)
            d[k] = ent.export() if ent else None
        return d


@dataclass(slots=True)
class Figure(Record):
    """A quantity stated as a fact or goal (trade, aid, targets ...)."""

    id: str
    metric: str | None
    amount: float
    unit: str  # ISO currency or a unit word
    kind: str = "actual"  # actual | target | estimate | forecast
    # increase | decrease when the amount is the size of a change ("fell 12 pct"; a fall's amount is
    # negative), None when it is a level ("fell to 3 billion dlrs")
    change: str | None = None
    # the measure a price is per ("5.70 dlrs an ounce" -> "ounce"), None for a plain amount
    per: str | None = None
    actors: list[Entity] = field(default_factory=list)
    period: dict[str, str | None] | None = None  # {"start": date, "end": date}
    date: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 0.5
    sources: int = 1
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def export(self) -> dict[str, Any]:
        d = self.to_dict()
        d["actors"] = [a.export() for a in self.actors]
        return d


@dataclass(slots=True)
class Quote(Record):
    id: str
    speaker: Entity | None
    text: str
    channel: str | None = None
    date: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 0.5

    def export(self) -> dict[str, Any]:
        d = self.to_dict()
        d["speaker"] = self.speaker.export() if self.speaker else None
        return d


@dataclass(slots=True)
class ArticleExtraction(Record):
    """All one article yields. Entity ids inside records are the article-local keys
    (``EntityMention.key``) until resolution rewrites them to global actor ids."""

    article_id: str
    timexes: list[Timex] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    actors: list[LocalActor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    deals: list[Deal] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    # document creation time actually used (article date or inferred), for provenance
    dct: str | None = None


@dataclass(slots=True)
class ActorRecord(Record):
    """A corpus-wide actor (EXPORT.md 'actors')."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)  # evidence: offices, records (capped)
    country_source: str | None = None  # the strongest evidence for the country (link/evidence.py)
    code: str | None = None  # an international body's own code (IGOUNO, IGOEU ...), its identity
    mention_count: int = 0  # times the stored articles name the actor (every mention, uncapped)
    article_count: int = 0  # articles that name it
    event_count: int = 0  # events it takes part in

    def export(self) -> dict[str, Any]:
        return self.to_dict()


for _k in (
    Mention,
    Entity,
    Role,
    Article,
    Timex,
    EntityMention,
    LocalActor,
    Place,
    Event,
    Money,
    Deal,
    Figure,
    Quote,
    ArticleExtraction,
    ActorRecord,
    Rejection,
):
    _NESTED[_k.__name__] = _k
