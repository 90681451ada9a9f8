"""GDELT-style CAMEO TSV (events only): tab-separated, one row per event, header row, GDELT 1.0 column
names (a subset; no tone or geocoding columns we cannot fill honestly). Actor1 is the event's
first actor, Actor2 its first recipient; ``ActorNCode`` is country + sector (TURGOV).
``EventCode`` is the event's CAMEO code, else that of its PLOVER mode, else that of its type
(plover.yaml); ``QuadClass`` is the type's PLOVER quad (1-4); ``GoldsteinScale`` carries the score. ``SQLDATE`` is YYYYMMDD with
00 for an unknown month or day (20240600 = June 2024). ``SOURCEURL`` is the first report's path
as given to ingest (a URL when ingest was given one).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import IO, Any

from ..lexicon.plover import plover
from .base import events_only

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


def cameo_code(ev: dict[str, Any]) -> str:
    code = str(ev.get("cameo") or "").strip()
    if re.fullmatch(r"\d{2,4}", code):
        return code
    t = ev.get("event") or ""
    table = plover()
    return table.mode_cameo(t, ev.get("mode")) or table.cameo.get(t, "")


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
    quad = plover().quad_code.get(ev.get("event") or "", "")
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
    for ev in events_only(records, "cameo"):
        w.writerow(cameo_row(ev))
        n += 1
    return n
