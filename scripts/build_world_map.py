"""Build ``src/eventwire/web/static/world.json``, the map's world outline, from Natural Earth.

Natural Earth (public domain) as redistributed by the npm package ``world-atlas`` (TopoJSON,
ISO 3166-1 numeric ids). The outlines come from its 1:110m countries; countries too small to
appear at that scale (Singapore, Bahrain, Malta ...) become dots at the centre of their 1:50m
shape, so every country stays clickable. Ids become ISO alpha-3 through pycountry (Kosovo, which
has no ISO code, gets XKX as in data/countries.yaml). Coordinates are projected with
``eventwire.web.worldmap.project`` (Natural Earth projection) and written as compact relative
SVG paths, so the server only shades and links them.

Run once when updating the outline (the result is committed; nothing is fetched at run time):

    .venv/bin/python scripts/build_world_map.py            # fetches world-atlas@2.0.2 with npm pack
    .venv/bin/python scripts/build_world_map.py DIR        # a folder holding countries-*.json
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pycountry

from eventwire.web.worldmap import ASSET, HEIGHT, LAT_MIN, WIDTH, project

PACKAGE = "world-atlas@2.0.2"
BY_NAME = {"Kosovo": "XKX"}  # Natural Earth features without an ISO numeric id
SKIP = {"010"}  # Antarctica: below the map's southern edge


def fetch(folder: Path) -> Path:
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=folder, check=True, stdout=subprocess.DEVNULL)
    tgz = next(folder.glob("world-atlas-*.tgz"))
    subprocess.run(["tar", "xzf", tgz.name], cwd=folder, check=True)
    return folder / "package"


def arcs_of(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Decode the quantized, delta-encoded arcs to longitude/latitude points."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(arc if not pts else arc[1:])
    return pts


def polygons(geom: dict[str, Any]) -> list[list[list[int]]]:
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return geom["arcs"]
    return []


def unwrap(r: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring across the antimeridian (Chukotka, Fiji) made continuous: longitudes past ±180 go on
    past the map's edge, where the SVG's box clips them, instead of a line across the world."""
    out = [r[0]]
    for lon, lat in r[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while prev - lon > 180:
            lon += 360
        out.append((lon, lat))
    return out


def path(rings: list[list[tuple[float, float]]]) -> str:
    """Relative SVG path of projected rings, one decimal, repeated points dropped."""
    parts = []
    for r in rings:
        pts = [project(lon, lat) for lon, lat in unwrap(r)]
        if all(lat < LAT_MIN for _, lat in r):
            continue
        xs = [(round(x * 10), round(y * 10)) for x, y in pts]
        kept = [xs[0]] + [p for prev, p in zip(xs, xs[1:], strict=False) if p != prev]
        if len(kept) < 3:
            continue
        (x0, y0), rest = kept[0], kept[1:]
        seg = [f"M{x0 / 10:g} {y0 / 10:g}l"]
        px, py = x0, y0
        for x, y in rest:
            seg.append(f"{(x - px) / 10:g} {(y - py) / 10:g} ".replace(" -", "-"))
            px, py = x, y
        parts.append("".join(seg).rstrip() + "z")
    return "".join(parts).replace("l ", "l")


def alpha3(geom: dict[str, Any]) -> str | None:
    num = geom.get("id")
    if num is None:
        return BY_NAME.get(geom.get("properties", {}).get("name", ""))
    c = pycountry.countries.get(numeric=str(num).zfill(3))
    return c.alpha_3 if c else None


def centre(rings: list[list[tuple[float, float]]]) -> tuple[float, float]:
    """Mean of the largest ring's points: good enough to place a dot on a small country."""
    big = max(rings, key=len)
    return sum(p[0] for p in big) / len(big), sum(p[1] for p in big) / len(big)


def build(folder: Path) -> dict[str, Any]:
    small = json.loads((folder / "countries-110m.json").read_text())
    fine = json.loads((folder / "countries-50m.json").read_text())
    arcs = arcs_of(small)
    countries = []
    drawn: set[str] = set()
    for g in small["objects"]["countries"]["geometries"]:
        if str(g.get("id")) in SKIP:
            continue
        rings = [ring(r, arcs) for poly in polygons(g) for r in poly]
        code = alpha3(g)
        countries.append({"id": code, "name": g["properties"]["name"], "d": path(rings)})
        if code:
            drawn.add(code)
    fine_arcs = arcs_of(fine)
    dots = []
    for g in fine["objects"]["countries"]["geometries"]:
        code = alpha3(g)
        if not code or code in drawn or str(g.get("id")) in SKIP:
            continue
        rings = [ring(poly[0], fine_arcs) for poly in polygons(g)]
        if not rings:
            continue
        x, y = project(*centre(rings))
        dots.append({"id": code, "name": g["properties"]["name"], "x": round(x, 1), "y": round(y, 1)})
        drawn.add(code)
    return {
        "source": f"Natural Earth 1:110m and 1:50m countries (public domain), via npm {PACKAGE}",
        "projection": "Natural Earth",
        "width": WIDTH,
        "height": HEIGHT,
        "countries": sorted(countries, key=lambda c: c["id"] or "~" + c["name"]),
        "dots": sorted(dots, key=lambda d: d["id"]),
    }


def main() -> None:
    if len(sys.argv) > 1:
        data = build(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            data = build(fetch(Path(tmp)))
    ASSET.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"{ASSET}: {len(data['countries'])} outlines, {len(data['dots'])} dots, {ASSET.stat().st_size:,} bytes"
    )


if __name__ == "__main__":
    main()
