"""FollowTheMoney entities (every kind), one JSON object a line, each built and
cleaned by the ``followthemoney`` package so Aleph and OpenSanctions tools read them: actors as
Person / Organization / Company / PublicBody (countries as PublicBody with their ISO country),
events as Event with ``involved`` links, deals as a Contract (buyer as ``authority``) with a
ContractAward to the supplier or contractor carrying the value, articles as Article, figures and
quotes as Note on their actors.
Entities referenced by a record are emitted beside it (once), so every stream is self-contained.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import IO, TYPE_CHECKING, Any

from ..store.urls import web_url
from .base import ExportError
from .rows import shape_kind

if TYPE_CHECKING:  # pragma: no cover
    from followthemoney.proxy import EntityProxy


@lru_cache(maxsize=4096)
def iso2(code: str | None) -> str | None:
    """ISO3 -> the alpha-2 FtM expects; non-state PLOVER codes (IGO ...) have none."""
    if not code or len(code) != 3:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_3=code.upper())
    return c.alpha_2.lower() if c else None


@lru_cache(maxsize=256)
def iso639_3(code: str | None) -> str | None:
    if not code:
        return None
    import pycountry

    base = code.split("-")[0].lower()
    lang = pycountry.languages.get(alpha_2=base) if len(base) == 2 else pycountry.languages.get(alpha_3=base)
    return lang.alpha_3 if lang else None


def ftm_id(record_id: str) -> str:
    """Our ids hold ':' and '_', which FtM ids may not; keep them readable and stable."""
    return "ew-" + re.sub(r"[^0-9A-Za-z.-]+", "-", record_id).strip("-")


def _actor_schema(kind: str | None, sector: str | None) -> str:
    if kind == "person":
        return "Person"
    if kind == "country":
        return "PublicBody"
    if sector == "BUS":
        return "Company"
    if sector in ("GOV", "MIL", "LEG", "JUD", "COP", "SPY"):
        return "PublicBody"
    return "Organization"


class FtmWriter:
    """Builds entities with the followthemoney model (values cleaned and checked per property)."""

    def __init__(self, out: IO[str]):
        from followthemoney import model

        self.model = model
        self.out = out
        self.seen: set[str] = set()
        self.count = 0

    def make(self, schema: str, record_id: str) -> EntityProxy:
        proxy = self.model.make_entity(schema)
        proxy.id = ftm_id(record_id)
        return proxy

    def emit(self, proxy: EntityProxy) -> None:
        if proxy.id in self.seen:
            return
        self.seen.add(proxy.id)
        self.out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        self.count += 1

    def entity(self, e: dict[str, Any] | None) -> str | None:
        """Emit a stub for an entity a record refers to; returns its FtM id."""
        if not isinstance(e, dict) or not e.get("id"):
            return None
        proxy = self.make(_actor_schema(e.get("kind"), e.get("sector")), e["id"])
        proxy.add("name", e.get("name"), quiet=True)
        proxy.add("country", iso2(e.get("country")), quiet=True)
        if e.get("office") and proxy.schema.name == "Person":
            proxy.add("position", e["office"], quiet=True)
        self.emit(proxy)
        return proxy.id

    def sources(self, proxy: EntityProxy, rec: dict[str, Any]) -> None:
        for m in rec.get("mentions") or []:
            proxy.add("sourceUrl", web_url(m.get("path")), quiet=True)
            proxy.add("notes", (m.get("sentence") or "").strip() or None, quiet=True)

    # one method per kind ------------------------------------------------------------------
    def actor(self, rec: dict[str, Any]) -> None:
        proxy = self.make(_actor_schema(rec.get("kind"), rec.get("sector")), rec["id"])
        proxy.add("name", rec.get("name"))
        for alias in rec.get("aliases") or []:
            if alias != rec.get("name"):
                proxy.add("alias", alias, quiet=True)
        proxy.add("country", iso2(rec.get("country")), quiet=True)
        if proxy.schema.name == "Person":
            for role in rec.get("roles") or []:
                span = " – ".join(x for x in (role.get("start"), role.get("end")) if x)
                proxy.add("position", role.get("title") + (f" ({span})" if span else ""), quiet=True)
        self.emit(proxy)

    def event(self, rec: dict[str, Any]) -> None:
        involved = [self.entity(e) for e in (rec.get("actor") or []) + (rec.get("recipient") or [])]
        proxy = self.make("Event", rec["id"])
        names = lambda ents: ", ".join(e.get("name") or "?" for e in ents or []) or "?"  # noqa: E731
        proxy.add("name", f"{rec.get('event')}: {names(rec.get('actor'))} → {names(rec.get('recipient'))}")
        proxy.add("date", rec.get("date"), quiet=True)
        proxy.add("startDate", rec.get("date"), quiet=True)
        proxy.add("endDate", rec.get("enddate"), quiet=True)
        proxy.add("involved", [i for i in involved if i], quiet=True)
        proxy.add("keywords", [rec.get("event"), rec.get("mode"), *(rec.get("context") or [])], quiet=True)
        loc = rec.get("event_loc")
        if isinstance(loc, dict):
            proxy.add("location", loc.get("name"), quiet=True)
            proxy.add("country", iso2(loc.get("country")), quiet=True)
        for e in (rec.get("actor") or []) + (rec.get("recipient") or []):
            proxy.add("country", iso2(e.get("country")), quiet=True)
        mentions = rec.get("mentions") or []
        if mentions:
            proxy.add("summary", (mentions[0].get("sentence") or "").strip() or None, quiet=True)
        self.sources(proxy, rec)
        self.emit(proxy)

    def deal(self, rec: dict[str, Any]) -> None:
        supplier = self.entity(rec.get("supplier"))
        buyer = self.entity(rec.get("recipient"))
        contractor = self.entity(rec.get("contractor"))
        contract = self.make("Contract", rec["id"])
        title = " ".join(str(x) for x in (rec.get("quantity"), rec.get("item"), rec.get("designation")) if x)
        contract.add("title", title or "deal")
        contract.add("name", title or "deal")
        contract.add("authority", buyer, quiet=True)
        contract.add("contractDate", rec.get("date"), quiet=True)
        contract.add("status", rec.get("status"), quiet=True)
        value = rec.get("value") or {}
        if value.get("amount") is not None:
            contract.add("amount", value["amount"], quiet=True)
            contract.add("currency", value.get("currency"), quiet=True)
        for e in (rec.get("supplier"), rec.get("recipient")):
            if isinstance(e, dict):
                contract.add("country", iso2(e.get("country")), quiet=True)
        mentions = rec.get("mentions") or []
        if mentions:
            contract.add("summary", (mentions[0].get("sentence") or "").strip() or None, quiet=True)
        self.sources(contract, rec)
        self.emit(contract)
        award = self.make("ContractAward", rec["id"] + "-award")
        award.add("contract", contract.id)
        award.add("supplier", contractor or supplier, quiet=True)
        award.add("date", rec.get("date"), quiet=True)
        award.add("status", rec.get("status"), quiet=True)
        if value.get("amount") is not None:
            award.add("amount", value["amount"], quiet=True)
            award.add("currency", value.get("currency"), quiet=True)
        if contractor and supplier and contractor != supplier:
            award.add("role", "contractor for the supplying state", quiet=True)
        self.emit(award)

    def note(self, rec: dict[str, Any], about: list[dict[str, Any]], name: str, text: str) -> None:
        ids = [self.entity(e) for e in about]
        proxy = self.make("Note", rec["id"])
        proxy.add("name", name)
        proxy.add("description", text, quiet=True)
        proxy.add("entity", [i for i in ids if i], quiet=True)
        self.sources(proxy, rec)
        self.emit(proxy)

    def figure(self, rec: dict[str, Any]) -> None:
        period = rec.get("period") or {}
        span = f" ({period.get('start') or '…'} – {period.get('end') or '…'})" if period else ""
        name = f"{rec.get('metric') or 'figure'}: {rec.get('amount')} {rec.get('unit')} [{rec.get('kind')}]{span}"
        sentence = (rec.get("mentions") or [{}])[0].get("sentence") or name
        self.note(rec, rec.get("actors") or [], name, sentence)

    def quote(self, rec: dict[str, Any]) -> None:
        speaker = rec.get("speaker")
        who = speaker.get("name") if isinstance(speaker, dict) else "unknown speaker"
        channel = f" ({rec['channel']})" if rec.get("channel") else ""
        self.note(rec, [speaker] if speaker else [], f"Quote by {who}{channel}", rec.get("text") or "")

    def article(self, rec: dict[str, Any]) -> None:
        proxy = self.make("Article", rec["id"])
        proxy.add("title", rec.get("title") or rec.get("path"))
        proxy.add("bodyText", rec.get("text"), quiet=True)
        proxy.add("author", rec.get("author"), quiet=True)
        proxy.add("publisher", rec.get("publisher"), quiet=True)
        proxy.add("publishedAt", rec.get("published"), quiet=True)
        proxy.add("sourceUrl", web_url(rec.get("url")), quiet=True)
        proxy.add("fileName", rec.get("path"), quiet=True)
        proxy.add("language", iso639_3(rec.get("language")), quiet=True)
        self.emit(proxy)


def _ftm_kind(rec: dict[str, Any]) -> str:
    kind = shape_kind(rec)
    if kind is None:
        raise ExportError("--format ftm: a record of unknown shape")
    return kind[:-1]  # the writer's method: 'events' -> event


def write_ftm(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Entities written (records plus the entities they refer to)."""
    w = FtmWriter(out)
    for rec in records:
        getattr(w, _ftm_kind(rec))(rec)
    return w.count
