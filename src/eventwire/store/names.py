"""Names to identities: a country or an actor as an analyst types it, to the codes the store keys on.

``country=Turkey``, ``Türkiye``, ``TUR`` and ``tur`` all mean TUR: the country table of the
language data (``countries.yaml``: names and aliases) and PLOVER's non-state codes (IGO, NGO ...)
say so, and so do the names and aliases of the store's country actors. An actor is found by its
id, or by any name or alias through ``actor_names.folded`` (accents, case and dots folded away).
"""

from __future__ import annotations

from ..lexicon import load, per_data_folder
from ..lexicon.plover import plover
from ..link.world import fold


@per_data_folder
def _country_table() -> tuple[dict[str, str], dict[str, str]]:
    """(code -> canonical name, folded name or alias -> code) of the language data."""
    names: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for code, rec in load("countries").items():
        names[code] = rec.get("name") or code
        for n in [rec.get("name"), *(rec.get("aliases") or [])]:
            if isinstance(n, str) and fold(n):
                by_name.setdefault(fold(n), code)
    for code, what in plover().non_state.items():
        names.setdefault(code, what[:1].upper() + what[1:])
    for igo in load("igos"):  # international bodies by their own codes (IGOUNO) as well
        from ..link.knowledge import get_lexicon

        code = get_lexicon().igo_code(igo["name"])
        if code:
            names.setdefault(code, igo["name"])
    return names, by_name


def country_names() -> dict[str, str]:
    """Every code a country filter accepts, with the name pages show for it."""
    return _country_table()[0]


def country_code(value: str) -> str | None:
    """The code ``value`` names (a code in any case, a name or an alias), or None."""
    v = value.strip()
    names, by_name = _country_table()
    if 3 <= len(v) <= 16 and v.isalpha() and v.upper() in names:
        return v.upper()
    return by_name.get(fold(v))
