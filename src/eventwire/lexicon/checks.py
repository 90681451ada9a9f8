"""Checks a schema cannot express: what one value implies for another, within a file or across.

An event file's type must be a PLOVER type of plover.yaml, its rules' CAMEO codes must be listed
in cameo.yaml, a rule's mode must be one of its type's modes; the type rewrites, frame modes and
defaults of plover.yaml must name types, quads and modes that exist. Each check gets the file's
checked data and ``fail(where, key, problem)``, which makes the file's ``LexiconError``.
"""

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

Fail = Callable[[Sequence[str], str | None, str], Exception]


def _one_of(value: str, known: Iterable[str], what: str) -> str | None:
    known = list(known)
    if value in known:
        return None
    return f"{value!r} is not {what} (one of {', '.join(known)})"


def _need(fail: Fail, where: Sequence[str], key: str | None, problem: str | None) -> None:
    if problem is not None:
        raise fail(where, key, problem)


def plover(data: Any, fail: Fail) -> None:
    """plover.yaml refers to its own types, quads and modes."""
    types = data["types"]

    def is_type(where: Sequence[str], key: str | None, value: str) -> None:
        _need(fail, where, key, _one_of(value, types, "a PLOVER type"))

    rw = data["rewrites"]
    for name in ("future", "negated_future", "modal"):
        for src, target in (rw.get(name) or {}).items():
            known = [*data["quads"], *types]
            _need(fail, ("rewrites", name), src, _one_of(src, known, "a PLOVER quad or type"))
            is_type(("rewrites", name), src, target)
    for src, target in (rw.get("negated") or {}).items():
        is_type(("rewrites", "negated"), src, src)
        is_type(("rewrites", "negated"), src, target)
    ioh = rw.get("intent_of_hostile") or {}
    for t in ioh.get("frames") or []:
        is_type(("rewrites", "intent_of_hostile"), "frames", t)
    if ioh.get("to"):
        is_type(("rewrites", "intent_of_hostile"), "to", ioh["to"])
    for t in rw.get("keep") or []:
        is_type(("rewrites",), "keep", t)
    for t in data["present_passive_is_state"]:
        is_type((), "present_passive_is_state", t)
    for key in (
        "stance_types",
        "giving_types",
        "economic_types",
        "debate_types",
        "domestic_pledge_types",
        "accident_types",
    ):
        for t in data.get(key) or []:
            is_type((), key, t)
    for key in ("economic_sectors", "debate_sectors", "debate_group_sectors"):
        for sector in data.get(key) or []:
            _need(fail, (key,), sector, _one_of(sector, data["sectors"], "a PLOVER sector"))
    for t in data["default_recipient"]:
        is_type(("default_recipient",), t, t)
    sectors = data["sectors"]
    for sector in data["group_nouns"]:
        _need(fail, ("group_nouns",), sector, _one_of(sector, sectors, "a PLOVER sector"))
    for frame, table in data["frame_modes"].items():
        is_type(("frame_modes",), frame, frame)
        for act, mode in table.items():
            is_type(("frame_modes", frame), act, act)
            modes = types[frame]["modes"]
            _need(fail, ("frame_modes", frame), act, _one_of(mode, modes, f"a mode of {frame}"))


def cameo(data: Any, fail: Fail) -> None:
    """Every CAMEO code maps to a PLOVER type; every code plover.yaml names is listed, for the type
    that names it: a type's own code and its modes' codes, and the frame codes (a frame's finer code
    stays within the frame's type: an appeal stays a REQUEST whatever it asks for)."""
    from . import load

    pl = load("plover")
    types = pl["types"]
    for code, entry in data.items():
        _need(fail, (code,), "plover", _one_of(entry["plover"], types, "a PLOVER type"))
        table = entry.get("crosswalk")  # the conversion table's type, where eventwire departs from it
        if table is not None:
            _need(fail, (code,), "crosswalk", _one_of(table, types, "a PLOVER type"))
            if table == entry["plover"]:
                raise fail((code,), "crosswalk", "is the code's own type: no departure to note")
        if entry.get("mode") is not None:
            modes = types[entry["plover"]]["modes"]
            _need(fail, (code,), "mode", _one_of(entry["mode"], modes, f"a mode of {entry['plover']}"))
        if entry.get("context") is not None:
            _need(
                fail,
                (code,),
                "context",
                _one_of(entry["context"], pl["contexts"], "a PLOVER context of plover.yaml"),
            )

    def listed(where: str, code: str, event: str | None) -> None:
        if code not in data:
            raise fail((), code, f"missing: plover.yaml names it ({where})")
        if event is not None and data[code]["plover"] != event:
            raise fail(
                (code,), "plover", f"is {data[code]['plover']}, but plover.yaml gives it to {event} ({where})"
            )

    for t, spec in types.items():
        listed(f"types: {t}: cameo", spec["cameo"], t)
        for mode, code in spec["modes"].items():
            if code is not None:
                listed(f"types: {t}: modes: {mode}", code, t)
    for noun, code in (pl.get("act_nouns") or {}).items():
        listed(f"act_nouns: {noun}", code, None)
    for modal, code in (pl.get("modal_codes") or {}).items():
        listed(f"modal_codes: {modal}", code, "REQUEST")
    for frame, table in (pl.get("frame_codes") or {}).items():
        listed("frame_codes", frame, None)
        for act, code in table.items():
            listed(f"frame_codes: {frame}: {act}", code, data[frame]["plover"])


def event_file(data: Any, fail: Fail) -> None:
    """A pattern file codes a PLOVER type, with CAMEO codes of cameo.yaml and the type's modes."""
    from . import load

    types = load("plover")["types"]
    codes = load("cameo")
    event = data["event"]
    _need(fail, (), "event", _one_of(event, types, "a PLOVER type"))
    modes = types[event]["modes"]
    seen: set[str] = set()
    for rule in data["rules"]:
        where = ("rules", rule["name"])
        if rule["name"] in seen:
            raise fail(where, "name", "a second rule of this name (rule names are unique)")
        seen.add(rule["name"])
        if rule.get("cameo") and rule["cameo"] not in codes:
            raise fail(where, "cameo", f"{rule['cameo']!r} is not a CAMEO code listed in cameo.yaml")
        # a rule's code is one of its type's, unless its mode is a PLOVER mode CAMEO has no code
        # for (RETREAT/resign takes the nearest CAMEO act, 0831 of CONCEDE)
        uncoded = rule.get("mode") in modes and modes[rule["mode"]] is None
        if rule.get("cameo") and codes[rule["cameo"]]["plover"] != event and not uncoded:
            raise fail(
                where,
                "cameo",
                f"{rule['cameo']!r} is a CAMEO code of {codes[rule['cameo']]['plover']}, not of {event}",
            )
        if rule.get("mode"):
            _need(fail, where, "mode", _one_of(rule["mode"], modes, f"a mode of {event}"))
        triggers = {
            " ".join(str(w).lower().split())
            for k in ("verbs", "nouns", "adjectives")
            for w in rule.get(k) or []
        }
        for word, spec in (rule.get("word_codes") or {}).items():
            at = (*where, "word_codes")
            _need(fail, at, word, None if word in triggers else f"{word!r} is not one of the rule's triggers")
            if spec["cameo"] not in codes:
                raise fail(at, word, f"{spec['cameo']!r} is not a CAMEO code listed in cameo.yaml")
            if codes[spec["cameo"]]["plover"] != event:
                raise fail(
                    at,
                    word,
                    f"{spec['cameo']!r} is a CAMEO code of {codes[spec['cameo']]['plover']}, not of {event}",
                )
            if spec.get("mode"):
                _need(fail, at, word, _one_of(spec["mode"], modes, f"a mode of {event}"))


# The alternations the time tagger builds from time.yaml's word lists: a time_rules.yaml pattern
# puts one in as {NAME}. Kept here so the file can be checked before the tagger is built; a test
# holds it equal to what the tagger builds.
TIME_WORD_FRAGMENTS = (
    "MONTH",
    "WEEKDAY",
    "SEASON",
    "PART",
    "UNIT",
    "NUMWORD",
    "ORD",
    "REF",
    "SETWORD",
    "HOLIDAY",
    "VAGUE",
    "DECADES",
    "CENTURIES",
    "QUARTER_ORDINALS",
    "DAYWORDS",
    "SPELLED_ONES",
    "SPELLED_TENS",
    "SPELLED_CENTURIES",
)


def time_rules(data: Any, fail: Fail) -> None:
    """Every {NAME} in a time rule is a fragment of the file or one the tagger builds from
    time.yaml, and every rule compiles once its fragments are put in."""
    known = {name: "(?:x)" for name in TIME_WORD_FRAGMENTS}

    def expand(where: Sequence[str], key: str, pattern: str | list[str]) -> str:
        text = pattern if isinstance(pattern, str) else "".join(pattern)
        for name in re.findall(r"\{([A-Z][A-Z_]*)\}", text):
            if name not in known:
                raise fail(where, key, f"{{{name}}} is no fragment (fragments: {', '.join(known)})")
        return re.sub(r"\{([A-Z][A-Z_]*)\}", lambda m: known[m.group(1)], text)

    for name, pattern in data["fragments"].items():
        known[name] = expand(("fragments",), name, pattern)
    for name, rule in data["rules"].items():
        text = expand(("rules", name), "pattern", rule["pattern"])
        try:
            re.compile(text)
        except re.error as e:
            raise fail(("rules", name), "pattern", f"does not compile: {e}") from None
