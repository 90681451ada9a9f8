"""Exports for other ecosystems: PLOVER JSONL, GDELT-style CAMEO TSV, FollowTheMoney entities.

``--format plover`` (events only): one PLOVER record a line, with the PLOVER data-format field
names. Mapping from the export contract:

    id                      event id
    date / enddate          ISO date at the precision the text supports; ``date_resolution`` day|month|year
    event, mode, context    PLOVER event type, mode, list of contexts
    actor, actor_id         the primary (first) actor's canonical name and global id
    actor_country           ISO 3166-1 alpha-3 (or PLOVER non-state code such as IGO)
    actor_sector            PLOVER sector code (GOV MIL BUS ...)
    actor_office            office the actor held on the event's date
    actors                  PLOVER compound actor: every actor as {name, id, country, sector}
    recipient...            the same six fields for the recipient side
    location                {"name", "country", "lat", "lon"} of the event, or null
    cameo, intensity        CAMEO code; the PLOVER score as the event's intensity
    quad                    PLOVER quad category (verbal/material cooperation/conflict)
    negated, future, hypothetical   qualifiers read from the text
    source_text             the first report's evidence sentence
    sources, mentions       independent sources; every report {article_id, path, sentence, start, end}
    confidence              0..1

``--format cameo`` (events only): tab-separated, one row per event, header row, GDELT 1.0 column
names (a subset; no tone or geocoding columns we cannot fill honestly). Actor1 is the event's
first actor, Actor2 its first recipient; ``ActorNCode`` is country + sector (TURGOV).
``EventCode`` is the event's CAMEO code, else the CAMEO root of its PLOVER type (refined by
mode for CONSULT); ``GoldsteinScale`` carries the PLOVER score. ``SQLDATE`` is YYYYMMDD with
00 for an unknown month or day (20240600 = June 2024). ``SOURCEURL`` is the first report's path
as given to ingest (a URL when ingest was given one).

``--format ftm`` (every kind): FollowTheMoney entities, one JSON object a line, each built and
cleaned by the ``followthemoney`` package so Aleph and OpenSanctions tools read them: actors as
Person / Organization / Company / PublicBody (countries as PublicBody with their ISO country),
events as Event with ``involved`` links, deals as a Contract (buyer as ``authority``) with a
ContractAward to the supplier or contractor carrying the value, articles as Article, figures and
quotes as Note on their actors.
Entities referenced by a record are emitted beside it (once), so every stream is self-contained.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import IO, Any

PLOVER_QUAD = {
    **{t: "verbal cooperation" for t in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE")},
    **{t: "material cooperation" for t in ("COOPERATE", "AID", "RETREAT")},
    **{t: "verbal conflict" for t in ("REQUEST", "ACCUSE", "REJECT", "THREATEN")},
    **{t: "material conflict" for t in ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")},
}
QUAD_CLASS = {
    "verbal cooperation": 1,
    "material cooperation": 2,
    "verbal conflict": 3,
    "material conflict": 4,
}
PLOVER_TO_CAMEO = {
    "AGREE": "030",
    "CONSULT": "040",
    "SUPPORT": "050",
    "COOPERATE": "060",
    "AID": "070",
    "CONCEDE": "080",
    "RETREAT": "087",
    "REQUEST": "020",
    "ACCUSE": "112",
    "REJECT": "120",
    "THREATEN": "130",
    "PROTEST": "140",
    "MOBILIZE": "150",
    "SANCTION": "160",
    "COERCE": "170",
    "ASSAULT": "180",
}
CONSULT_MODES = {
    "phone": "041",
    "visit": "042",
    "host": "043",
    "meet": "044",
    "mediate": "045",
    "negotiate": "046",
}

CAMEO_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "SOURCEURL",
]


def _fail(message: str) -> Exception:
    from .export import ExportError

    return ExportError(message)


def _events_only(records: Iterable[dict[str, Any]], fmt: str) -> Iterator[dict[str, Any]]:
    for rec in records:
        if "event" not in rec or "actor" not in rec:
            raise _fail(f"--format {fmt} writes events: run `eventwire export events --format {fmt}`")
        yield rec


def date_resolution(date: str | None) -> str | None:
    if not date:
        return None
    return {4: "year", 7: "month", 10: "day"}.get(len(date))


# ---------------------------------------------------------------------------------------------- PLOVER


def _side(ents: list[dict[str, Any]], prefix: str) -> dict[str, Any]:
    first = ents[0] if ents else {}
    return {
        prefix: first.get("name"),
        f"{prefix}_id": first.get("id"),
        f"{prefix}_country": first.get("country"),
        f"{prefix}_sector": first.get("sector"),
        f"{prefix}_office": first.get("office"),
        f"{prefix}s": [
            {"name": e.get("name"), "id": e.get("id"), "country": e.get("country"), "sector": e.get("sector")}
            for e in ents
        ],
    }


def plover_record(ev: dict[str, Any]) -> dict[str, Any]:
    """One event in PLOVER data-format field names (see the module docstring for the mapping)."""
    mentions = ev.get("mentions") or []
    loc = ev.get("event_loc")
    out: dict[str, Any] = {
        "id": ev["id"],
        "date": ev.get("date"),
        "enddate": ev.get("enddate"),
        "date_resolution": ev.get("date_precision") or date_resolution(ev.get("date")),
        "event": ev.get("event"),
        "mode": ev.get("mode"),
        "context": list(ev.get("context") or []),
    }
    out.update(_side(ev.get("actor") or [], "actor"))
    out.update(_side(ev.get("recipient") or [], "recipient"))
    out.update(
        {
            "location": (
                {k: loc.get(k) for k in ("name", "country", "lat", "lon")} if isinstance(loc, dict) else None
            ),
            "cameo": ev.get("cameo"),
            "intensity": ev.get("score"),
            "quad": PLOVER_QUAD.get(ev.get("event") or ""),
            "negated": bool(ev.get("negated")),
            "future": bool(ev.get("future")),
            "hypothetical": bool(ev.get("hypothetical")),
            "source_text": (mentions[0].get("sentence") or "").strip() or None if mentions else None,
            "sources": ev.get("sources") or len({m.get("article_id") for m in mentions}),
            "mentions": mentions,
            "confidence": ev.get("confidence"),
        }
    )
    return out


def write_plover(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for ev in _events_only(records, "plover"):
        out.write(json.dumps(plover_record(ev), ensure_ascii=False) + "\n")
        n += 1
    return n


# ---------------------------------------------------------------------------------------------- CAMEO


def cameo_code(ev: dict[str, Any]) -> str:
    code = str(ev.get("cameo") or "").strip()
    if re.fullmatch(r"\d{2,4}", code):
        return code
    t = ev.get("event") or ""
    if t == "CONSULT" and ev.get("mode") in CONSULT_MODES:
        return CONSULT_MODES[ev["mode"]]
    return PLOVER_TO_CAMEO.get(t, "")


def sql_date(date: str | None) -> tuple[str, str, str, str]:
    """(SQLDATE, MonthYear, Year, FractionDate) with 00 for unknown month/day."""
    if not date or not re.match(r"^\d{4}", date):
        return "", "", "", ""
    y = int(date[:4])
    m = int(date[5:7]) if len(date) >= 7 else 0
    d = int(date[8:10]) if len(date) >= 10 else 0
    frac = y + ((max(m, 1) - 1) * 30.4375 + max(d, 1)) / 365.25 if m else y + 0.5
    return f"{y:04d}{m:02d}{d:02d}", f"{y:04d}{m:02d}", f"{y:04d}", f"{frac:.4f}"


def _clean(value: Any) -> str:
    # tabs and newlines would break the row; GDELT files carry neither inside a field
    return "" if value is None else " ".join(str(value).split())


def cameo_row(ev: dict[str, Any]) -> list[str]:
    a = (ev.get("actor") or [{}])[0]
    b = (ev.get("recipient") or [{}])[0]
    code = cameo_code(ev)
    mentions = ev.get("mentions") or []
    loc = ev.get("event_loc") if isinstance(ev.get("event_loc"), dict) else {}
    quad = QUAD_CLASS.get(PLOVER_QUAD.get(ev.get("event") or "", ""), "")
    score = ev.get("score")

    def actor_code(e: dict[str, Any]) -> str:
        return (e.get("country") or "") + (e.get("sector") or "") if e else ""

    row = [
        ev["id"],
        *sql_date(ev.get("date")),
        actor_code(a),
        a.get("name"),
        a.get("country"),
        a.get("sector"),
        actor_code(b),
        b.get("name"),
        b.get("country"),
        b.get("sector"),
        "1",
        code,
        code[:3] if len(code) >= 3 else code,
        code[:2],
        quad,
        "" if score is None else score,
        len(mentions),
        ev.get("sources") or len({m.get("article_id") for m in mentions}),
        len({m.get("article_id") for m in mentions}),
        loc.get("name"),
        loc.get("country"),
        loc.get("lat"),
        loc.get("lon"),
        mentions[0].get("path") if mentions else "",
    ]
    return [_clean(v) for v in row]


def write_cameo(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    w = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    w.writerow(CAMEO_COLUMNS)
    n = 0
    for ev in _events_only(records, "cameo"):
        w.writerow(cameo_row(ev))
        n += 1
    return n


# ---------------------------------------------------------------------------------------------- FtM


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

    def make(self, schema: str, record_id: str) -> Any:
        proxy = self.model.make_entity(schema)
        proxy.id = ftm_id(record_id)
        return proxy

    def emit(self, proxy: Any) -> None:
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

    def sources(self, proxy: Any, rec: dict[str, Any]) -> None:
        for m in rec.get("mentions") or []:
            proxy.add(
                "sourceUrl", m.get("path") if str(m.get("path", "")).startswith("http") else None, quiet=True
            )
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
        proxy.add("sourceUrl", rec.get("url"), quiet=True)
        proxy.add("fileName", rec.get("path"), quiet=True)
        proxy.add("language", iso639_3(rec.get("language")), quiet=True)
        self.emit(proxy)


def _ftm_kind(rec: dict[str, Any]) -> str:
    if "event" in rec and "actor" in rec:
        return "event"
    if "supplier" in rec:
        return "deal"
    if "metric" in rec:
        return "figure"
    if "speaker" in rec:
        return "quote"
    if "aliases" in rec or "roles" in rec:
        return "actor"
    if "text" in rec and "path" in rec:
        return "article"
    raise _fail("--format ftm: a record of unknown shape")


def write_ftm(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Entities written (records plus the entities they refer to)."""
    w = FtmWriter(out)
    for rec in records:
        getattr(w, _ftm_kind(rec))(rec)
    return w.count


def register(formats: dict[str, Any]) -> None:
    """Add these writers to ``eventwire.export.FORMATS`` (text formats: stdout or --out)."""
    formats.setdefault("plover", (write_plover, None))
    formats.setdefault("cameo", (write_cameo, None))
    formats.setdefault("ftm", (write_ftm, None))
