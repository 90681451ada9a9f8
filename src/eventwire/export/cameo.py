"""GDELT 1.0 event table (events only), as GDELT's codebook lays it out: the 58 tab-separated
columns of a daily GDELT file (2013 on, ``SOURCEURL`` last), under a header row of their names.

How eventwire's events fill them:

- one row per dyad: an event with two actors and one recipient is two rows, Actor1 each actor,
  Actor2 each recipient (an event with no recipient: one row per actor, Actor2 empty);
- ``GLOBALEVENTID`` is numeric, as GDELT's: a stable 48-bit number from the event's id and the
  dyad's two actor ids, so the same row keeps its id across exports;
- ``SQLDATE`` is a full day, as GDELT writes every date: the event's day, or for a date known only
  to the month or year its first day (June 2024 -> 20240601, 1987 -> 19870101); an undated event
  takes the publication day of its first report, as GDELT dates an event by its article unless the
  text says otherwise. The text's own precision is in the CSV/Parquet/PLOVER exports;
- ``ActorNCode`` is country + sector (TURGOV), ``ActorNType1Code`` the PLOVER sector;
- ``EventCode`` is the event's CAMEO code, else that of its PLOVER mode, else that of its type
  (plover.yaml); ``QuadClass`` the type's PLOVER quad (1-4); ``GoldsteinScale`` the PLOVER score;
- ``IsRootEvent`` is 1 when a report states the event in its opening (first 400 characters);
- ``ActionGeo_*`` is the event's place (type 4, a city, with coordinates; type 1 for a country);
  ``ActionGeo_CountryCode`` is left empty: GDELT writes FIPS 10-4 codes there, which eventwire
  does not keep (the place's ISO code is in the other exports);
- ``DATEADDED`` is the day the first report was ingested, ``SOURCEURL`` its web address (only an
  http(s) URL; empty for a story read from a local file). Tone and the actors' own geography,
  which eventwire does not read, stay empty.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable
from typing import IO, Any

from ..lexicon.plover import plover
from .base import events_only
from .rows import Refs, Sources, with_refs

_ACTOR = [
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID"]
CAMEO_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
]
ROOT_CHARS = 400  # a report's opening, where GDELT's "root" (lead paragraph) events are


def cameo_code(ev: dict[str, Any]) -> str:
    code = str(ev.get("cameo") or "").strip()
    if re.fullmatch(r"\d{2,4}", code):
        return code
    t = ev.get("event") or ""
    table = plover()
    return table.mode_cameo(t, ev.get("mode")) or table.cameo.get(t, "")


def sql_date(date: str | None) -> tuple[str, str, str, str]:
    """(SQLDATE, MonthYear, Year, FractionDate) as GDELT writes them: always a whole day, the
    first day of a month or year known no finer."""
    if not date or not re.match(r"^\d{4}", date):
        return "", "", "", ""
    y = int(date[:4])
    m = int(date[5:7]) if len(date) >= 7 else 1
    d = int(date[8:10]) if len(date) >= 10 else 1
    frac = y + ((m - 1) * 30.4375 + d) / 365.25
    return f"{y:04d}{m:02d}{d:02d}", f"{y:04d}{m:02d}", f"{y:04d}", f"{frac:.4f}"


def event_number(*parts: str | None) -> int:
    """A stable positive 48-bit id (fits GDELT's integer column and a JavaScript number)."""
    digest = hashlib.sha256("\x1f".join(p or "" for p in parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:6], "big")


def _clean(value: Any) -> str:
    # tabs and newlines would break the row; GDELT files carry neither inside a field
    return "" if value is None else " ".join(str(value).split())


def _actor(e: dict[str, Any]) -> list[Any]:
    if not e:
        return [""] * len(_ACTOR)
    code = (e.get("country") or "") + (e.get("sector") or "")
    return [code, e.get("name"), e.get("country"), "", "", "", "", e.get("sector"), "", ""]


def _dyads(ev: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    actors = [a for a in ev.get("actor") or [] if isinstance(a, dict)] or [{}]
    recipients = [b for b in ev.get("recipient") or [] if isinstance(b, dict)] or [{}]
    return [(a, b) for a in actors for b in recipients if a or b] or [({}, {})]


def cameo_rows(ev: dict[str, Any], refs: Refs | None = None) -> list[list[str]]:
    """The GDELT rows of one event: one per (actor, recipient) pair."""
    refs = refs or {}
    code = cameo_code(ev)
    mentions = [m for m in ev.get("mentions") or [] if isinstance(m, dict)]
    first = refs.get(mentions[0].get("article_id"), {}) if mentions else {}
    articles = {m.get("article_id") for m in mentions}
    loc = ev.get("event_loc") if isinstance(ev.get("event_loc"), dict) else {}
    geo_type = 4 if loc.get("lat") is not None else 1 if loc.get("country") else ""
    geo = [geo_type if loc else "", loc.get("name"), "", "", loc.get("lat"), loc.get("lon"), ""]
    score = ev.get("score")
    date = ev.get("date") or first.get("published")
    root = any(isinstance(m.get("start"), int) and m["start"] < ROOT_CHARS for m in mentions)
    out = []
    for a, b in _dyads(ev):
        row = [
            event_number(ev.get("id"), a.get("id"), b.get("id")),
            *sql_date(date),
            *_actor(a),
            *_actor(b),
            "1" if root else "0",
            code,
            code[:3] if len(code) >= 3 else code,
            code[:2],
            plover().quad_code.get(ev.get("event") or "", ""),
            "" if score is None else score,
            len(mentions),
            ev.get("sources") or len(articles),
            len(articles),
            "",
            *([""] * len(_GEO)),
            *([""] * len(_GEO)),
            *geo,
            first.get("added"),
            first.get("url"),
        ]
        out.append([_clean(v) for v in row])
    return out


def write_cameo(records: Iterable[dict[str, Any]], out: IO[str], sources: Sources | None = None) -> int:
    """Rows written (one per dyad of each event)."""
    w = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    w.writerow(CAMEO_COLUMNS)
    n = 0
    for batch, refs in with_refs(events_only(records, "cameo"), sources):
        for ev in batch:
            for row in cameo_rows(ev, refs):
                w.writerow(row)
                n += 1
    return n
