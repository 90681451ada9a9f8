"""The map: countries shaded by how many events the current filters give, places as points, every
mark a link to the events behind it. Drawn on the server as SVG, like the timeline chart.

The world outline is ``static/world.json``, generated at build time from Natural Earth (public
domain) by ``scripts/build_world_map.py``: one SVG path per country, keyed by ISO 3166-1
alpha-3, already projected (Natural Earth projection, :func:`project`) into a fixed box, plus a
dot for each small country too small to draw at that scale. Nothing is fetched at run time: no
tiles, no CDN, no script. Places are projected here with the same :func:`project`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

ASSET = Path(__file__).parent / "static" / "world.json"
WIDTH = 1000.0  # the asset's box: x 0..WIDTH, y 0..height (in the asset)
LAT_MIN, LAT_MAX = -58.0, 84.0  # Antarctica and the far south are left out: no events there
SHADES = ("#dbe8f5", "#b3cde8", "#7fa9d6", "#4f86c0", "#2b62a0", "#133f73")
LAND = "#d9dee3"


def _natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """The Natural Earth projection (Šavrič, Jenny, Patterson, Jenny 2011), unit sphere."""
    phi = math.radians(lat)
    lam = math.radians(lon)
    p2 = phi * phi
    p4 = p2 * p2
    x = lam * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)))
    y = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))
    return x, y


_X0, _ = _natural_earth(-180.0, 0.0)
_X1, _ = _natural_earth(180.0, 0.0)
_, _Y_TOP = _natural_earth(0.0, LAT_MAX)
_, _Y_BOTTOM = _natural_earth(0.0, LAT_MIN)
SCALE = WIDTH / (_X1 - _X0)
HEIGHT = round((_Y_TOP - _Y_BOTTOM) * SCALE, 1)


def project(lon: float, lat: float) -> tuple[float, float]:
    """(x, y) in the asset's box for a longitude and latitude in degrees."""
    lat = max(LAT_MIN, min(LAT_MAX, lat))
    x, y = _natural_earth(lon, lat)  # a longitude past ±180 lands past the edge (clipped)
    return (x - _X0) * SCALE, (_Y_TOP - y) * SCALE


@lru_cache(maxsize=1)
def world() -> dict[str, Any]:
    """The shipped outline: {"width", "height", "countries": [{"id", "name", "d"}], "dots": [...]}."""
    return json.loads(ASSET.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _former_states() -> dict[str, tuple[str, ...]]:
    """Today's state -> the former states whose territory it was part of or whose seat it holds
    (RUS -> SUN; UKR -> SUN; DEU -> DDR), from the dated knowledge's table of historic states."""
    from ..link.world import read_states

    out: dict[str, list[str]] = {}
    for st in read_states():
        for part in {*st.parts, *([st.successor] if st.successor else [])}:
            out.setdefault(part, []).append(st.code)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def shade(n: int, top: int) -> str:
    """A colour for n events, on a log scale up to the busiest country's count."""
    if n <= 0 or top <= 0:
        return LAND
    step = math.log1p(n) / math.log1p(top)
    return SHADES[min(len(SHADES) - 1, int(step * (len(SHADES) - 1) + 0.5))]


def map_svg(
    counts: dict[str, int],
    places: list[dict[str, Any]],
    names: dict[str, str],
    country_href: Callable[[str], str],
    place_href: Callable[[dict[str, Any]], str],
    highlight: tuple[str, ...] = (),
    css_class: str = "worldmap",
) -> str:
    """The map as one SVG element (markup escaped here; the caller marks it safe)."""
    w = world()
    top = max(counts.values(), default=0)
    out = [
        f'<svg class="{css_class}" viewBox="0 0 {w["width"]} {w["height"]}" role="group" '
        f'aria-label="World map of events by country and place" xmlns="http://www.w3.org/2000/svg">',
        f'<rect class="sea" width="{w["width"]}" height="{w["height"]}" fill="#f8fbfe"/>',
    ]
    former = _former_states()
    for c in w["countries"]:
        cid = c.get("id")
        own = counts.get(cid or "", 0)
        # a state that no longer exists (SUN, YUG, CSK, DDR) is drawn over the outlines of its parts
        then = [(h, counts[h]) for h in former.get(cid or "", ()) if counts.get(h)]
        n = own + sum(k for _h, k in then)
        label = f"{names.get(cid or '', c.get('name') or '')}: {own} event{'s' if own != 1 else ''}"
        label += "".join(f"; {names.get(h, h)}: {k} event{'s' if k != 1 else ''}" for h, k in then)
        title = escape(label)
        stroke = (
            ' stroke="#e8590c" stroke-width="1.6"'
            if cid in highlight or any(h in highlight for h, _ in then)
            else ""
        )
        path = f'<path d="{c["d"]}" fill="{shade(n, top)}"{stroke}><title>{title}</title></path>'
        target = cid if own or not then else max(then, key=lambda hk: hk[1])[0]
        if n and target:
            out.append(
                f'<a class="country" data-country="{escape(target)}" href="{escape(country_href(target))}">{path}</a>'
            )
        else:
            out.append(f'<g class="land">{path}</g>')
    for d in w.get("dots", []):
        n = counts.get(d["id"], 0)
        if not n:
            continue
        title = escape(f"{names.get(d['id'], d.get('name') or d['id'])}: {n} event{'s' if n != 1 else ''}")
        out.append(
            f'<a class="country small" data-country="{escape(d["id"])}" href="{escape(country_href(d["id"]))}">'
            f'<circle cx="{d["x"]}" cy="{d["y"]}" r="3.2" fill="{shade(n, top)}" stroke="#133f73" '
            f'stroke-width=".6"><title>{title}</title></circle></a>'
        )
    most = max((p["events"] for p in places), default=0)
    for p in sorted(places, key=lambda p: -p["events"]):
        x, y = project(float(p["lon"]), float(p["lat"]))
        r = 2.2 + 5.0 * math.sqrt(p["events"] / most) if most else 2.2
        label = escape(
            f"{p['name']}{' (' + p['country'] + ')' if p.get('country') else ''}: {p['events']} event{'s' if p['events'] != 1 else ''}"
        )
        out.append(
            f'<a class="place" data-place="{escape(p["name"])}" href="{escape(place_href(p))}">'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"><title>{label}</title></circle></a>'
        )
    out.append("</svg>")
    return "".join(out)
