"""PLOVER, read once: the types with their quad category, CAMEO code, score and modes, the sector
and non-state actor codes (the ``quads``, ``types``, ``sectors`` and ``non_state`` of plover.yaml).

Every part of eventwire that needs a fact about a PLOVER type asks this table: the event coder
(type rewrites by quad, default CAMEO codes, fallback scores), the PLOVER and CAMEO exports (quad
names and numbers, CAMEO codes), the store's cooperation-conflict index and the web pages. Before,
these facts were written in four places, which disagreed.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import load, per_data_folder


@dataclass(frozen=True)
class PloverTable:
    types: tuple[str, ...]  # the event types, in the manual's order
    quad: dict[str, str]  # type -> quad key (verbal_coop ...)
    quad_label: dict[str, str]  # type -> "verbal cooperation" ...
    quad_code: dict[str, int]  # type -> 1 .. 4
    cooperative: frozenset[str]  # types whose quad is cooperation
    conflictual: frozenset[str]  # types whose quad is conflict
    cameo: dict[str, str]  # type -> its CAMEO code
    score: dict[str, float]  # type -> its PLOVER score
    modes: dict[str, dict[str, str | None]]  # type -> mode -> CAMEO code (or None)
    sectors: dict[str, str]  # sector code -> what it covers
    non_state: dict[str, str]  # non-state actor code -> what it covers

    def mode_cameo(self, event: str, mode: str | None) -> str | None:
        """The CAMEO code of a type's mode, when CAMEO has one."""
        return (self.modes.get(event) or {}).get(mode or "")


@per_data_folder
def plover() -> PloverTable:
    """The table of the data folder in use (built once per folder)."""
    raw = load("plover")
    quads = raw["quads"]
    types = raw["types"]
    return PloverTable(
        types=tuple(types),
        quad={t: s["quad"] for t, s in types.items()},
        quad_label={t: quads[s["quad"]]["label"] for t, s in types.items()},
        quad_code={t: quads[s["quad"]]["code"] for t, s in types.items()},
        cooperative=frozenset(t for t, s in types.items() if quads[s["quad"]]["cooperative"]),
        conflictual=frozenset(t for t, s in types.items() if not quads[s["quad"]]["cooperative"]),
        cameo={t: s["cameo"] for t, s in types.items()},
        score={t: float(s["score"]) for t, s in types.items()},
        modes={t: dict(s["modes"]) for t, s in types.items()},
        sectors=dict(raw["sectors"]),
        non_state=dict(raw["non_state"]),
    )
