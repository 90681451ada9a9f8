"""The dyad timeline as inline SVG, drawn on the server (no JavaScript, no chart library, no CDN).

Stacked bars count events per period by PLOVER type (cooperative types in greens and blues,
conflictual ones in oranges, reds and purples); a line on the right-hand axis draws the
cooperation–conflict balance in [−1, 1]. Each bar links to the dyad's events of that period and
carries a ``<title>`` tooltip, so the chart is also a navigation aid.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

TYPE_COLOURS = {
    "AGREE": "#2f9e44",
    "CONSULT": "#4dabf7",
    "SUPPORT": "#1971c2",
    "CONCEDE": "#82c91e",
    "COOPERATE": "#0c8599",
    "AID": "#38d9a9",
    "RETREAT": "#a9e34b",
    "REQUEST": "#fcc419",
    "ACCUSE": "#f59f00",
    "REJECT": "#f76707",
    "THREATEN": "#e8590c",
    "PROTEST": "#d6336c",
    "SANCTION": "#ae3ec9",
    "MOBILIZE": "#7048e8",
    "COERCE": "#e03131",
    "ASSAULT": "#862e2e",
}
OTHER = "#868e96"


def colour(event_type: str | None) -> str:
    return TYPE_COLOURS.get(event_type or "", OTHER)


def collapse_gaps(periods: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Long runs of empty periods become one narrow "gap" slot, so one old event (a treaty in
    1964) does not squeeze sixty years of later bars into a corner; short runs stay, since a
    quiet spell of a few months is itself information."""
    threshold = max(6, len(periods) // 5)
    slots: list[dict[str, Any]] = []
    run: list[dict[str, Any]] = []
    for p in [*periods, None]:
        if p is not None and p["total"] == 0:
            run.append(p)
            continue
        if len(run) > threshold:
            slots.append({"gap": run})
        else:
            slots.extend(run)
        run = []
        if p is not None:
            slots.append(p)
    return slots


def timeline_svg(
    timeline: dict[str, Any],
    href: Callable[[dict[str, Any]], str] | None = None,
    selected: Callable[[dict[str, Any]], bool] | None = None,
    width: int = 960,
    height: int = 280,
) -> Markup:
    """Stacked bars + balance line; an empty timeline draws a labelled empty frame.

    ``selected`` (when given) says which periods the page's date filter covers: the others are
    drawn faded, so the filtered span stands out while the whole history stays in view.
    """
    periods = timeline.get("periods") or []
    slots = collapse_gaps(periods)
    types = [t for t in TYPE_COLOURS if t in set(timeline.get("types") or [])]
    types += [t for t in timeline.get("types") or [] if t not in TYPE_COLOURS]
    left, right, top, bottom = 44, 52, 16, 64
    pw, ph = width - left - right, height - top - bottom
    n = max(len(slots), 1)
    peak = max([p["total"] for p in periods] + [1])
    step = pw / n
    bar = max(min(step * 0.78, 48), 1.5)
    a, b = (timeline.get("dyad") or ["", ""])[:2]
    label = f"Events between {a} and {b} per {timeline.get('interval', 'period')}, by PLOVER type"
    out: list[str] = [
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(label)}" width="100%" preserveAspectRatio="xMidYMid meet">',
        f"<title>{escape(label)}</title>",
        f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="#fbfcfd" stroke="#dee2e6"/>',
    ]

    # left axis: counts
    ticks = sorted({0, peak, math.ceil(peak / 2)}) if peak > 1 else [0, 1]
    for t in ticks:
        y = top + ph - ph * t / peak
        out.append(f'<line x1="{left}" x2="{left + pw}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e9ecef"/>')
        out.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#495057">{t}</text>'
        )
    out.append(
        f'<text x="12" y="{top + ph / 2:.0f}" font-size="11" fill="#495057" text-anchor="middle" '
        f'transform="rotate(-90 12 {top + ph / 2:.0f})">events</text>'
    )
    # right axis: balance -1..1
    for v in (-1, 0, 1):
        y = top + ph * (1 - (v + 1) / 2)
        out.append(
            f'<text x="{left + pw + 6}" y="{y + 4:.1f}" font-size="11" fill="#7b2cbf">{v:+d}</text>'
            if v
            else f'<text x="{left + pw + 6}" y="{y + 4:.1f}" font-size="11" fill="#7b2cbf">0</text>'
        )
    zero = top + ph / 2
    out.append(
        f'<line x1="{left}" x2="{left + pw}" y1="{zero}" y2="{zero}" stroke="#7b2cbf" '
        'stroke-dasharray="3 4" stroke-opacity="0.35"/>'
    )
    out.append(
        f'<text x="{width - 10}" y="{top + ph / 2:.0f}" font-size="11" fill="#7b2cbf" text-anchor="middle" '
        f'transform="rotate(90 {width - 10} {top + ph / 2:.0f})">balance</text>'
    )

    # bars
    label_every = max(1, math.ceil(len(slots) / 14))
    line_pts: list[tuple[float, float] | None] = []
    for i, p in enumerate(slots):
        cx = left + step * i + step / 2
        if "gap" in p:
            first, last = p["gap"][0]["period"], p["gap"][-1]["period"]
            out.append(
                f'<g class="gap"><title>{escape(first)} – {escape(last)}: no events '
                f"({len(p['gap'])} {escape(timeline.get('interval', 'period'))}s left out)</title>"
                f'<rect x="{cx - step / 2:.1f}" y="{top}" width="{step:.1f}" height="{ph}" fill="#f1f3f5"/>'
                f'<text x="{cx:.1f}" y="{top + ph - 6}" text-anchor="middle" font-size="13" fill="#868e96">⋯</text></g>'
            )
            line_pts.append(None)
            continue
        x = cx - bar / 2
        y = top + ph
        parts = []
        for t in types:
            c = p["counts"].get(t, 0)
            if not c:
                continue
            h = ph * c / peak
            y -= h
            parts.append(
                f'<rect class="seg" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{colour(t)}"/>'
            )
        bal = p.get("balance")
        tip = f"{p['period']}: {p['total']} event{'s' if p['total'] != 1 else ''}"
        if p["counts"]:
            tip += " (" + ", ".join(f"{k} {v}" for k, v in p["counts"].items()) + ")"
        if bal is not None:
            tip += f"; balance {bal:+.2f}"
        if p.get("mean_score") is not None:
            tip += f"; mean score {p['mean_score']:+.1f}"
        faded = selected is not None and not selected(p)
        cls = "bar faded" if faded else "bar"
        fade = ' opacity="0.3"' if faded else ""
        group = f'<g class="{cls}" data-period="{escape(p["period"])}"{fade}>'
        group += f"<title>{escape(tip)}</title>"
        # a transparent full-height target so empty or thin bars are still hoverable
        group += (
            f'<rect x="{cx - step / 2:.1f}" y="{top}" width="{step:.1f}" height="{ph}" fill="transparent"/>'
        )
        group += "".join(parts) + "</g>"
        if href and p["total"]:
            group = f'<a href="{escape(href(p))}">{group}</a>'
        out.append(group)
        line_pts.append((cx, top + ph * (1 - (bal + 1) / 2)) if bal is not None else None)
        if i % label_every == 0:
            ly = top + ph + 14
            out.append(
                f'<text x="{cx:.1f}" y="{ly}" font-size="11" fill="#495057" text-anchor="end" '
                f'transform="rotate(-40 {cx:.1f} {ly})">{escape(p["period"])}</text>'
            )

    # balance line, broken where a period has no events
    seg: list[tuple[float, float]] = []
    for pt in [*line_pts, None]:
        if pt is not None:
            seg.append(pt)
            continue
        if len(seg) > 1:
            pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in seg)
            out.append(f'<polyline points="{pts}" fill="none" stroke="#7b2cbf" stroke-width="2"/>')
        for x, y in seg:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#7b2cbf"/>')
        seg = []
    if not periods:
        out.append(
            f'<text x="{left + pw / 2}" y="{top + ph / 2}" text-anchor="middle" font-size="14" '
            'fill="#868e96">no dated events</text>'
        )
    out.append("</svg>")
    return Markup("".join(out))
