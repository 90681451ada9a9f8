"""The language data loader: every shipped file loads and fits its schema; a malformed file stops
the program with one line naming the file, the entry and the key, before any worker starts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire import lexicon
from eventwire.lexicon import LexiconError
from eventwire.lexicon.files import EVENT_FILE, FILES
from eventwire.lexicon.schema import check

SRC = Path(lexicon.__file__).resolve().parent.parent


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _error(capture: type[Exception] = LexiconError) -> str:
    with pytest.raises(capture) as info:
        lexicon.check_all()
    return str(info.value)


# ------------------------------------------------------------------------------------- shipped data


def test_every_shipped_data_file_loads_and_fits_its_schema() -> None:
    for name, spec in FILES.items():
        assert (lexicon.SHIPPED_DATA / spec.path).exists(), name
        assert lexicon.load(name), name
    files = lexicon.event_files()
    assert len(files) == 16 and all(d["rules"] for _, d in files)
    shipped = {p.relative_to(lexicon.SHIPPED_DATA).as_posix() for p in lexicon.SHIPPED_DATA.rglob("*.yaml")}
    known = {spec.path for spec in FILES.values()} | {f"events/{p.name}" for p, _ in files}
    # the hand-written world files have their own checked reader (link/world.py)
    assert shipped - known <= {"world/states.yaml", "world/leaders.yaml"}, "a data file no schema describes"
    lexicon.check_all()


def test_a_knowledge_file_is_checked_like_the_shipped_one(tmp_path: Path) -> None:
    good = tmp_path / "mine.yaml"
    good.write_text("people:\n  - {name: Jane Example, country: NOR, sector: GOV}\n", encoding="utf-8")
    lexicon.check_all(knowledge=[good])
    bad = tmp_path / "typo.yaml"
    bad.write_text("people:\n  - {name: Jane Example, contry: NOR}\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        lexicon.check_all(knowledge=[bad])
    assert str(info.value) == f"{bad}: people: Jane Example: contry: unknown key (did you mean 'country'?)"


# ------------------------------------------------------------------------------------- one test per error kind


def test_unknown_key_names_file_rule_key_and_the_likely_spelling(data: Path) -> None:
    path = data / "events" / "sanction.yaml"
    _edit(path, "    verbs:", "    verbz:")
    assert _error() == f"{path}: rules: sanction.impose: verbz: unknown key (did you mean 'verbs'?)"


def test_unknown_top_level_key(data: Path) -> None:
    path = data / "deals.yaml"
    _edit(path, "\nitems:", "\nitemz:")
    assert _error() == f"{path}: itemz: unknown key (did you mean 'items'?)"


def test_unknown_key_without_a_close_spelling_lists_the_known_ones(data: Path) -> None:
    path = data / "quotes.yaml"
    _edit(path, "\nmin_words:", "\nzzz: 1\nmin_words:")
    assert (
        _error()
        == f"{path}: zzz: unknown key (known keys: verbs, channels, outlet_words, title_small_words, min_words, anaphors, representatives, affiliation_preps)"
    )


def test_missing_key(data: Path) -> None:
    path = data / "figures.yaml"
    _edit(path, "\nmin_count: 5", "\n")
    assert _error() == f"{path}: min_count: missing (this key is required)"


def test_wrong_type(data: Path) -> None:
    path = data / "quotes.yaml"
    _edit(path, "min_words: 4", "min_words: four")
    assert _error() == f"{path}: min_words: expected a whole number, got text 'four'"


def test_a_word_yaml_reads_as_true_is_named_with_the_fix(data: Path) -> None:
    path = data / "events" / "consult.yaml"
    _edit(path, "preps: [between, with]", "preps: [between, with, on]")
    assert _error() == (
        f"{path}: rules: consult.phone_noun: preps: item 3: expected text, got true "
        "(YAML reads an unquoted yes/no/on/off/true/false as true or false: put the word in quotes)"
    )


def test_unparsable_yaml_names_line_and_column(data: Path) -> None:
    path = data / "quotes.yaml"
    _edit(path, "min_words: 4", "min_words: [4")
    msg = _error()
    assert msg.startswith(f"{path}: line ")
    assert re.search(r": line \d+, column \d+: not valid YAML: ", msg), msg


def test_missing_file(data: Path) -> None:
    (data / "currencies.yaml").unlink()
    assert _error() == (
        f"{data / 'currencies.yaml'}: file not found (the data folder must hold every data file)"
    )


def test_unknown_plover_type(data: Path) -> None:
    path = data / "events" / "protest.yaml"
    _edit(path, "event: PROTEST", "event: PROTESTS")
    msg = _error()
    assert msg.startswith(f"{path}: event: 'PROTESTS' is not a PLOVER type (one of AGREE, CONSULT,")


def test_unknown_cameo_code(data: Path) -> None:
    path = data / "events" / "sanction.yaml"
    _edit(path, 'cameo: "165"', 'cameo: "169"')
    assert (
        _error()
        == f"{path}: rules: sanction.end_mediation: cameo: '169' is not a CAMEO code listed in cameo.yaml"
    )


def test_a_cameo_code_must_be_quoted_digits(data: Path) -> None:
    path = data / "events" / "sanction.yaml"
    _edit(path, 'cameo: "165"', "cameo: 165")
    assert _error() == (
        f'{path}: rules: sanction.end_mediation: cameo: expected a CAMEO code in quotes, such as "163", '
        "got the number 165"
    )


def test_unknown_mode(data: Path) -> None:
    path = data / "events" / "consult.yaml"
    _edit(path, "mode: phone", "mode: fone")
    msg = _error()
    assert msg.startswith(f"{path}: rules: consult.phone: mode: 'fone' is not a mode of CONSULT (one of ")


def test_a_value_outside_a_closed_list(data: Path) -> None:
    path = data / "events" / "consult.yaml"
    _edit(path, "objects_kind: [person, country, organization, group]", "objects_kind: [person, nation]")
    assert _error() == (
        f"{path}: rules: consult.host: objects_kind: item 2: 'nation' is not one of person, country, "
        "organization, group, any"
    )


def test_a_bad_regular_expression(data: Path) -> None:
    path = data / "ingest.yaml"
    _edit(path, "  - '<!--.*?-->'", "  - '<!--(.*?-->'")
    msg = _error()
    assert msg.startswith(f"{path}: inline_debris: item 2: not a valid regular expression: missing ), ")


def test_duplicate_rule_names(data: Path) -> None:
    path = data / "events" / "consult.yaml"
    _edit(path, "name: consult.arrive", "name: consult.visit")
    assert (
        _error() == f"{path}: rules: consult.visit: name: a second rule of this name (rule names are unique)"
    )


def test_the_error_survives_a_trip_between_processes() -> None:
    import pickle

    e = LexiconError("f.yaml", ("rules", "x.y"), "verbz", "unknown key")
    assert str(pickle.loads(pickle.dumps(e))) == "f.yaml: rules: x.y: verbz: unknown key"


def test_schema_checks_plain_values() -> None:
    check({"a": 1}, dict[str, int], "f")
    with pytest.raises(LexiconError, match=r"^f: a: expected a whole number, got the number 1.5$"):
        check({"a": 1.5}, dict[str, int], "f")


# ------------------------------------------------------------------------------------- the command line


def _ingest(data: Path, tmp_path: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text("Peru imposed sanctions on Chile on Monday, the ministry said.\n")
    env = {**os.environ, "EVENTWIRE_DATA": str(data)}
    env.pop("EVENTWIRE_KNOWLEDGE", None)
    db = f"sqlite:///{tmp_path}/x.db"
    cmd = [sys.executable, "-m", "eventwire.cli", "ingest", str(folder), "--db", db, "-q", *flags]
    # the timeout only guards against the hang this test exists to rule out
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("flags", [(), ("--workers", "1"), ("--workers", "2")])
def test_ingest_stops_on_a_misspelt_pattern_key(data: Path, tmp_path: Path, flags: tuple[str, ...]) -> None:
    path = data / "events" / "sanction.yaml"
    _edit(path, "    verbs:", "    verbz:")
    out = _ingest(data, tmp_path, *flags)
    assert out.returncode == 2, out.stderr
    assert out.stderr.strip() == (
        f"eventwire: {path}: rules: sanction.impose: verbz: unknown key (did you mean 'verbs'?)"
    )
    assert "Traceback" not in out.stderr


def test_ingest_stops_on_a_misspelt_deals_key(data: Path, tmp_path: Path) -> None:
    path = data / "deals.yaml"
    _edit(path, "\nbuy_verbs:", "\nbuy_verb:")
    out = _ingest(data, tmp_path)
    assert out.returncode == 2, out.stderr
    assert out.stderr.strip() == f"eventwire: {path}: buy_verb: unknown key (did you mean 'buy_verbs'?)"


def test_code_and_timex_check_the_data_too(data: Path, tmp_path: Path) -> None:
    path = data / "time.yaml"
    _edit(path, "\nunits:", "\nunit:")
    env = {**os.environ, "EVENTWIRE_DATA": str(data)}
    text = tmp_path / "t.txt"
    text.write_text("Peru met Chile on Monday.")
    for args in (["code", "Peru met Chile."], ["timex", str(text)]):
        out = subprocess.run(
            [sys.executable, "-m", "eventwire.cli", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.returncode == 2
        assert out.stderr.strip() == f"eventwire: {path}: unit: unknown key (did you mean 'units'?)"


def test_a_worker_that_cannot_start_fails_the_run_instead_of_respawning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from eventwire.model import Article
    from eventwire.run import local

    def broken() -> None:
        raise OSError("no model here")

    monkeypatch.setattr(local, "warm_up", broken)
    monkeypatch.setattr(local, "_start_method", lambda: "fork")
    eng = local.LocalEngine(workers=2)
    try:
        with pytest.raises(local.WorkerStartError, match="a worker failed to start: OSError: no model here"):
            list(eng.map([[Article(id="a", path="a", text="Peru met Chile.")]]))
    finally:
        eng.close()


# ------------------------------------------------------------------------------------- PLOVER, once


def test_plover_facts_follow_plover_and_are_read_everywhere() -> None:
    from eventwire.export.cameo import CAMEO_COLUMNS, cameo_code, cameo_rows
    from eventwire.export.plover import plover_record
    from eventwire.lexicon.plover import plover
    from eventwire.store.query import event_sign
    from eventwire.web.chart import TYPE_COLOURS

    table = plover()
    assert len(table.types) == 16
    # the manual: CONCEDE is VERBAL COOPERATION (it was material cooperation in plover.yaml)
    assert table.quad["CONCEDE"] == "verbal_coop" and table.quad_label["CONCEDE"] == "verbal cooperation"
    assert {t for t in table.types if table.quad_code[t] == 2} == {"COOPERATE", "AID", "RETREAT"}
    assert table.score["ASSAULT"] == -9.3 and table.score["RETREAT"] == 7.6  # the manual's scores
    assert set(TYPE_COLOURS) == set(table.types)  # the web shows every type
    ev = {"id": "e1", "event": "CONCEDE", "cameo": None, "mode": None, "mentions": []}
    assert plover_record(ev)["quad"] == "verbal cooperation"
    assert cameo_rows(ev)[0][CAMEO_COLUMNS.index("QuadClass")] == "1" and cameo_code(ev) == "080"
    assert cameo_code({"event": "CONSULT", "mode": "phone"}) == "041"
    assert event_sign({"event": "CONCEDE"}) == 1 and event_sign({"event": "REQUEST"}) == -1


def test_unknown_sector(data: Path) -> None:
    path = data / "offices.yaml"
    _edit(path, "  president: GOV", "  president: GVO")
    msg = _error()
    assert msg.startswith(f"{path}: heads: president: 'GVO' is not a PLOVER sector (one of GOV, JUD, ")


def test_unknown_country_code_in_a_knowledge_file(tmp_path: Path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("organizations:\n  - {name: Example Corp, country: XYZ}\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        lexicon.check_all(knowledge=[bad])
    assert str(info.value) == (
        f"{bad}: organizations: Example Corp: country: 'XYZ' is neither a country code of countries.yaml "
        "nor a PLOVER non-state code"
    )


def test_a_rewrite_to_an_unknown_type(data: Path) -> None:
    path = data / "plover.yaml"
    _edit(path, "material_conf: THREATEN  #", "material_conf: THREATENS  #")
    msg = _error()
    assert msg.startswith(
        f"{path}: rewrites: future: material_conf: 'THREATENS' is not a PLOVER type (one of "
    )


# ------------------------------------------------------------------------------------- data and code agree

# keys the package writes for people reading the table (scripts/build_countries.py), not reads
_WRITTEN_ONLY = {("Country", "alpha2"), ("Country", "historic")}


def _records(tp: object, seen: set[object]) -> list[tuple[str, str, object]]:
    """Every (record name, key, key type) of a schema, nested records included."""
    import typing

    if typing.is_typeddict(tp):
        if tp in seen:
            return []
        seen.add(tp)
        out = []
        for k, v in typing.get_type_hints(tp, include_extras=True).items():
            out.append((tp.__name__, k, v))
            out += _records(v, seen)
        return out
    return [r for a in typing.get_args(tp) for r in _records(a, seen)]


def test_every_key_a_schema_declares_is_read_by_the_code() -> None:
    """A declared key nobody reads is data that looks live and is not (an analyst edits it in vain)."""
    code = "\n".join(
        p.read_text(encoding="utf-8")
        for folder in (SRC, SRC.parent.parent / "scripts")
        for p in folder.rglob("*.py")
        if p.name != "files.py"
    )
    seen: set[object] = set()
    unread = [
        (name, key)
        for spec in [*FILES.values(), EVENT_FILE]
        for name, key, _ in _records(spec.schema, seen)
        if (name, key) not in _WRITTEN_ONLY
        and not re.search(rf"""["']{re.escape(key)}["']|\.{re.escape(key)}\b""", code)
    ]
    assert not unread, f"declared in lexicon/files.py but read nowhere: {unread}"


class _Strict(dict):  # type: ignore[type-arg]
    """A checked record that notes every read of a key its schema does not declare."""

    def __init__(self, value: dict, declared: set[str], name: str, misses: list[str]):  # type: ignore[type-arg]
        super().__init__(value)
        self._declared, self._name, self._misses = declared, name, misses

    def _note(self, key: object) -> None:
        if key not in self._declared:
            self._misses.append(f"{self._name}.{key}")

    def __getitem__(self, key: object) -> object:
        self._note(key)
        return super().__getitem__(key)

    def get(self, key: object, default: object = None) -> object:
        self._note(key)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self._note(key)
        return super().__contains__(key)


def _wrap(value: object, tp: object, misses: list[str]) -> object:
    import typing

    origin = typing.get_origin(tp)
    if origin in (typing.Annotated, typing.Required, typing.NotRequired):
        return _wrap(value, typing.get_args(tp)[0], misses)
    if typing.is_typeddict(tp) and isinstance(value, dict):
        hints = typing.get_type_hints(tp, include_extras=True)
        inner = {k: _wrap(v, hints[k], misses) if k in hints else v for k, v in value.items()}
        return _Strict(inner, set(hints), tp.__name__, misses)
    if origin is dict and isinstance(value, dict):
        return {k: _wrap(v, typing.get_args(tp)[1], misses) for k, v in value.items()}
    if origin is list and isinstance(value, list):
        return [_wrap(v, typing.get_args(tp)[0], misses) for v in value]
    if origin in (typing.Union, __import__("types").UnionType):
        for a in typing.get_args(tp):
            if typing.is_typeddict(a) and isinstance(value, dict):
                return _wrap(value, a, misses)
    return value


def test_the_code_reads_no_key_a_schema_does_not_declare(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extract a story with every data file's records strict: a read of an undeclared key is noted."""
    from eventwire.analyse import prefilter
    from eventwire.consolidate import fuse
    from eventwire.export.cameo import cameo_rows
    from eventwire.export.plover import plover_record
    from eventwire.extract import deals, figures, money, quotes
    from eventwire.extract.time import lexicon as time_lexicon
    from eventwire.ingest import rules as ingest_rules
    from eventwire.lexicon import events, plover, wordsets
    from eventwire.link import knowledge
    from eventwire.model import Article
    from eventwire.run.article import _WARM_UP_TEXT, process_texts

    caches = [
        prefilter.lexicon,
        events.load_rules,
        time_lexicon.lexicon,
        deals.lexicon,
        figures.lexicon,
        quotes.lexicon,
        money.lexicon,
        ingest_rules.load_rules,
        knowledge.get_lexicon,
        fuse._deal_groups,
        plover.plover,
    ]
    misses: list[str] = []
    original = lexicon._load
    monkeypatch.setattr(
        lexicon, "_load", lambda path, spec, *rest: _wrap(original(path, spec, *rest), spec.schema, misses)
    )

    def clear() -> None:
        for c in caches:
            c.cache_clear()
        wordsets._SETS.clear()

    clear()
    try:
        lexicon.check_all()
        assert lexicon.load("deals").get("itemz") is None and misses == ["Deals.itemz"]  # it notes
        misses.clear()
        ingest_rules.load_rules()
        fuse._deal_groups()
        text = _WARM_UP_TEXT + " Turkey imposed sanctions on Syria and will not lift the curfew in 2025."
        text += " Malaysia signed a contract to buy three corvettes from Turkey."
        (ext,) = process_texts([Article(id="a", path="a", text=text, published="2024-03-04")], zone=False)
        assert ext.events and ext.deals and ext.figures and ext.quotes
        for ev in ext.events:
            plover_record(ev.export())
            cameo_rows(ev.export())
    finally:
        clear()
    assert not misses, f"the code read keys no schema declares: {sorted(set(misses))}"


def test_a_data_error_inside_an_extractor_stops_the_run_rather_than_costing_one_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Other extractor errors cost their article's records; a malformed data file would cost every
    article's, silently, so it is raised (the --workers 1 run that stored everything without events)."""
    from eventwire.extract import quotes
    from eventwire.model import Article
    from eventwire.run.article import process_texts

    def broken(ctx: object) -> list[object]:
        raise LexiconError("quotes.yaml", (), "verbz", "unknown key")

    monkeypatch.setattr(quotes, "extract", broken)
    with pytest.raises(LexiconError, match="^quotes.yaml: verbz: unknown key$"):
        process_texts([Article(id="a", path="a", text='"We agreed to talk," Peru said.')], zone=False)


def test_a_missing_knowledge_file_is_named(tmp_path: Path) -> None:
    gone = tmp_path / "gone.yaml"
    with pytest.raises(LexiconError) as info:
        lexicon.check_all(knowledge=[gone])
    assert str(info.value) == f"{gone}: file not found"


def test_reprocess_checks_the_data_too(data: Path, tmp_path: Path) -> None:
    path = data / "events" / "sanction.yaml"
    _edit(path, "    verbs:", "    verbz:")
    env = {**os.environ, "EVENTWIRE_DATA": str(data)}
    cmd = [sys.executable, "-m", "eventwire.cli", "reprocess", "--db", f"sqlite:///{tmp_path}/x.db", "-q"]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 2, out.stderr
    assert out.stderr.strip() == (
        f"eventwire: {path}: rules: sanction.impose: verbz: unknown key (did you mean 'verbs'?)"
    )


# ------------------------------------------------------------------------------------- time rules


def test_time_rules_and_the_tagger_agree_on_handlers_fragments_and_lists() -> None:
    """time_rules.yaml names handlers, fragments and word lists the code provides, and no more."""
    from typing import get_args

    from eventwire.extract.time.lexicon import lexicon as time_lexicon
    from eventwire.extract.time.rules import HANDLERS, word_fragments, word_lists
    from eventwire.lexicon.checks import TIME_WORD_FRAGMENTS
    from eventwire.lexicon.files import TimeHandler, TimeWordList

    assert set(HANDLERS) == set(get_args(TimeHandler))
    assert set(word_fragments(time_lexicon())) == set(TIME_WORD_FRAGMENTS)
    assert set(word_lists(time_lexicon())) == set(get_args(TimeWordList))
    used = {rule["handler"] for rule in lexicon.load("time_rules")["rules"].values()}
    assert used == set(HANDLERS)


def test_a_time_rule_with_an_unknown_fragment_is_named(data: Path) -> None:
    path = data / "time_rules.yaml"
    _edit(path, "(?P<mon>{MONTH})\\s+(?P<day>", "(?P<mon>{MONTHS})\\s+(?P<day>")
    msg = _error()
    assert msg.startswith(f"{path}: rules: mdy: pattern: {{MONTHS}} is no fragment (fragments: MONTH, ")


def test_a_time_rule_that_does_not_compile_is_named(data: Path) -> None:
    path = data / "time_rules.yaml"
    _edit(
        path,
        "pattern: '(?P<rel>the|this|last|next|past|coming)\\s+weekend'",
        "pattern: '(?P<rel>the\\s+weekend'",
    )
    msg = _error()
    assert msg.startswith(f"{path}: rules: weekend: pattern: does not compile: missing ), ")


def test_a_time_rule_with_an_unknown_handler_is_named(data: Path) -> None:
    path = data / "time_rules.yaml"
    _edit(path, "handler: weekend", "handler: weekends")
    assert _error().startswith(f"{path}: rules: weekend: handler: 'weekends' is not one of ")
