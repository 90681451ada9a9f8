"""One-line labels of records and the number and text shortening pages and feeds share."""

from __future__ import annotations

from typing import Any


def human_amount(value: Any) -> str:
    """5000000000 -> '5 bn': analysts read magnitudes, the JSON keeps the exact number."""
    if not isinstance(value, (int, float)):
        return "" if value is None else str(value)
    for div, suffix in ((1e12, " tn"), (1e9, " bn"), (1e6, " m")):
        if abs(value) >= div:
            return f"{value / div:,.2f}".rstrip("0").rstrip(".") + suffix
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def cameo_label(code: Any) -> str:
    """What a CAMEO code means ('0211' -> 'Appeal for economic cooperation'), from the codebook the
    coder uses (data/cameo.yaml), so an analyst reads the act, not only its number."""
    from ..lexicon import load

    return str((load("cameo").get(str(code or "")) or {}).get("label") or "")


def shorten(text: Any, n: int = 160) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= n else s[: n - 1].rsplit(" ", 1)[0] + "…"


def names(ents: Any) -> str:
    if isinstance(ents, dict):
        ents = [ents]
    return ", ".join(e.get("name") or e.get("id") or "?" for e in ents or [] if isinstance(e, dict))


def record_label(kind: str, rec: dict[str, Any]) -> str:
    """One line saying what a record is, for titles, tooltips and the article margin."""
    if kind == "events":
        return f"{rec.get('event')}: {names(rec.get('actor')) or '?'} → {names(rec.get('recipient')) or '?'}"
    if kind == "deals":
        what = rec.get("designation") or rec.get("item") or "deal"
        return f"{what}: {names(rec.get('supplier')) or '?'} → {names(rec.get('recipient')) or '?'}"
    if kind == "figures":
        return f"{rec.get('metric') or 'figure'}: {human_amount(rec.get('amount'))} {rec.get('unit') or ''}".strip()
    if kind == "quotes":
        return f"{names(rec.get('speaker')) or '?'}: “{shorten(rec.get('text'), 80)}”"
    return str(rec.get("name") or rec.get("id"))
