"""The dyad timeline as inline SVG, drawn on the server (no JavaScript, no chart library, no CDN).

Stacked bars count events per period by PLOVER type (cooperative types in greens and blues,
conflictual ones in oranges, reds and purples); a line on the right-hand axis draws the
cooperation–conflict balance in [−1, 1]. Each bar links to the dyad's events of that period and
carries a ``<title>`` tooltip, so the chart is also a navigation aid.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class _Frame:
    """The plot area inside the SVG: the bars and the balance line are drawn within it."""

    left: float
    top: float
    width: float
    height: float
    peak: int

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def count_y(self, count: float) -> float:
        return self.bottom - self.height * count / self.peak

    def balance_y(self, balance: float) -> float:
        return self.top + self.height * (1 - (balance + 1) / 2)


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
    f = _Frame(
        left, top, width - left - right, height - top - bottom, max([p["total"] for p in periods] + [1])
    )
    a, b = (timeline.get("dyad") or ["", ""])[:2]
    interval = timeline.get("interval", "period")
    label = f"Events between {a} and {b} per {interval}, by PLOVER type"
    out: list[str] = [
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(label)}" width="100%" preserveAspectRatio="xMidYMid meet">',
        f"<title>{escape(label)}</title>",
        f'<rect x="{left}" y="{top}" width="{f.width}" height="{f.height}" fill="#fbfcfd" stroke="#dee2e6"/>',
    ]
    out += _count_axis(f)
    out += _balance_axis(f, width)
    step = f.width / max(len(slots), 1)
    bar = max(min(step * 0.78, 48), 1.5)
    label_every = max(1, math.ceil(len(slots) / 14))
    line_pts: list[tuple[float, float] | None] = []
    for i, p in enumerate(slots):
        cx = left + step * i + step / 2
        if "gap" in p:
            out.append(_gap(f, p["gap"], cx, step, interval))
            line_pts.append(None)
            continue
        out.append(_bar(f, p, types, cx, step, bar, href, selected))
        bal = p.get("balance")
        line_pts.append((cx, f.balance_y(bal)) if bal is not None else None)
        if i % label_every == 0:
            ly = f.bottom + 14
            out.append(
                f'<text x="{cx:.1f}" y="{ly}" font-size="11" fill="#495057" text-anchor="end" '
                f'transform="rotate(-40 {cx:.1f} {ly})">{escape(p["period"])}</text>'
            )
    out += _balance_line(line_pts)
    if not periods:
        out.append(
            f'<text x="{left + f.width / 2}" y="{top + f.height / 2}" text-anchor="middle" font-size="14" '
            'fill="#868e96">no dated events</text>'
        )
    out.append("</svg>")
    return Markup("".join(out))


def _count_axis(f: _Frame) -> list[str]:
    """The left axis: event counts, with grid lines at 0, half the peak and the peak."""
    out = []
    ticks = sorted({0, f.peak, math.ceil(f.peak / 2)}) if f.peak > 1 else [0, 1]
    for t in ticks:
        y = f.count_y(t)
        out.append(
            f'<line x1="{f.left}" x2="{f.left + f.width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e9ecef"/>'
        )
        out.append(
            f'<text x="{f.left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#495057">{t}</text>'
        )
    mid = f.top + f.height / 2
    out.append(
        f'<text x="12" y="{mid:.0f}" font-size="11" fill="#495057" text-anchor="middle" '
        f'transform="rotate(-90 12 {mid:.0f})">events</text>'
    )
    return out


def _balance_axis(f: _Frame, width: int) -> list[str]:
    """The right axis: the cooperation-conflict balance from -1 to +1, with a dashed zero line."""
    out = []
    x = f.left + f.width + 6
    for v in (-1, 0, 1):
        text = f"{v:+d}" if v else "0"
        out.append(f'<text x="{x}" y="{f.balance_y(v) + 4:.1f}" font-size="11" fill="#7b2cbf">{text}</text>')
    zero = f.top + f.height / 2
    out.append(
        f'<line x1="{f.left}" x2="{f.left + f.width}" y1="{zero}" y2="{zero}" stroke="#7b2cbf" '
        'stroke-dasharray="3 4" stroke-opacity="0.35"/>'
    )
    out.append(
        f'<text x="{width - 10}" y="{zero:.0f}" font-size="11" fill="#7b2cbf" text-anchor="middle" '
        f'transform="rotate(90 {width - 10} {zero:.0f})">balance</text>'
    )
    return out


def _gap(f: _Frame, gap: list[dict[str, Any]], cx: float, step: float, interval: str) -> str:
    """A run of empty periods drawn as one narrow slot, named in its tooltip."""
    first, last = gap[0]["period"], gap[-1]["period"]
    return (
        f'<g class="gap"><title>{escape(first)} – {escape(last)}: no events '
        f"({len(gap)} {escape(interval)}s left out)</title>"
        f'<rect x="{cx - step / 2:.1f}" y="{f.top}" width="{step:.1f}" height="{f.height}" fill="#f1f3f5"/>'
        f'<text x="{cx:.1f}" y="{f.bottom - 6}" text-anchor="middle" font-size="13" fill="#868e96">⋯</text></g>'
    )


def _tooltip(p: dict[str, Any]) -> str:
    tip = f"{p['period']}: {p['total']} event{'s' if p['total'] != 1 else ''}"
    if p["counts"]:
        tip += " (" + ", ".join(f"{k} {v}" for k, v in p["counts"].items()) + ")"
    if p.get("balance") is not None:
        tip += f"; balance {p['balance']:+.2f}"
    if p.get("mean_score") is not None:
        tip += f"; mean score {p['mean_score']:+.1f}"
    return tip


def _bar(
    f: _Frame,
    p: dict[str, Any],
    types: list[str],
    cx: float,
    step: float,
    bar: float,
    href: Callable[[dict[str, Any]], str] | None,
    selected: Callable[[dict[str, Any]], bool] | None,
) -> str:
    """One period's stacked bar with its tooltip, faded outside the selection, linked when it has events."""
    x, y = cx - bar / 2, f.bottom
    parts = []
    for t in types:
        c = p["counts"].get(t, 0)
        if not c:
            continue
        h = f.height * c / f.peak
        y -= h
        parts.append(
            f'<rect class="seg" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{colour(t)}"/>'
        )
    faded = selected is not None and not selected(p)
    cls = "bar faded" if faded else "bar"
    fade = ' opacity="0.3"' if faded else ""
    group = f'<g class="{cls}" data-period="{escape(p["period"])}"{fade}>'
    group += f"<title>{escape(_tooltip(p))}</title>"
    # a transparent full-height target so empty or thin bars are still hoverable
    group += f'<rect x="{cx - step / 2:.1f}" y="{f.top}" width="{step:.1f}" height="{f.height}" fill="transparent"/>'
    group += "".join(parts) + "</g>"
    if href and p["total"]:
        group = f'<a href="{escape(href(p))}">{group}</a>'
    return group


def _balance_line(points: list[tuple[float, float] | None]) -> list[str]:
    """The balance line with its points, broken where a period has no events."""
    out: list[str] = []
    seg: list[tuple[float, float]] = []
    for pt in [*points, None]:
        if pt is not None:
            seg.append(pt)
            continue
        if len(seg) > 1:
            pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in seg)
            out.append(f'<polyline points="{pts}" fill="none" stroke="#7b2cbf" stroke-width="2"/>')
        for x, y in seg:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#7b2cbf"/>')
        seg = []
    return out
