"""CAMEO codes and scores per rule, mode and clause (issue 16, part 3), and the direction of support
and opposition. The data and the code agree: every code a rule, a mode or a frame gives is in the
CAMEO table for the type the event has, the table follows PLOVER's CAMEO conversion table where it
does not say otherwise, and the score follows the code. Sentences are written for these tests."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from doc_context import fake_context
from eventwire import lexicon
from eventwire.extract.events import coder
from eventwire.lexicon import LexiconError
from eventwire.lexicon.events import load_rules
from eventwire.lexicon.plover import plover
from eventwire.model import Event

REPO = Path(__file__).resolve().parent.parent

# surface -> (key, kind, country)
NAMES = {
    "Norway": ("c:NOR", "country", "NOR"),
    "Sweden": ("c:SWE", "country", "SWE"),
    "Finland": ("c:FIN", "country", "FIN"),
    "Chile": ("c:CHL", "country", "CHL"),
    "Peru": ("c:PER", "country", "PER"),
    "Ghana": ("c:GHA", "country", "GHA"),
    "Togo": ("c:TGO", "country", "TGO"),
    "Nepal": ("c:NPL", "country", "NPL"),
    "Bhutan": ("c:BTN", "country", "BTN"),
    "Norwegian": ("c:NOR", "country", "NOR"),
    "Chilean": ("c:CHL", "country", "CHL"),
}


def code(text: str) -> list[Event]:
    return coder.extract(fake_context(text, NAMES, dct="2025-03-04"))


def one(text: str, event: str) -> Event:
    found = [e for e in code(text) if e.event == event]
    assert found, f"no {event} in {text!r}: {[(e.event, e.pattern) for e in code(text)]}"
    return found[0]


def states(ev: Event) -> tuple[set[str | None], set[str | None]]:
    return {e.country for e in ev.actor}, {e.country for e in ev.recipient}


# ------------------------------------------------------------------------ the data and the code


def _crosswalk() -> dict[str, str] | None:
    """PLOVER's CAMEO conversion table (code -> type), from the shared corpora beside the repository."""
    for base in [os.environ.get("EVENTWIRE_SHARED"), REPO.parent / "shared", REPO.parent.parent / "shared"]:
        if not base:
            continue
        path = Path(base) / "corpora" / "plover_gsr" / "CAMEO2PLOVER-2021.txt"
        if path.exists():
            table: dict[str, str] = {}
            for line in path.read_text(encoding="utf-8").splitlines():
                m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,", line)
                if m:
                    table.setdefault(m.group(1), m.group(2))
            return table
    return None


def test_every_rule_code_is_in_the_cameo_table_for_its_type() -> None:
    codes = lexicon.load("cameo")
    modes = plover().modes
    for _path, data in lexicon.event_files():
        for rule in data["rules"]:
            code_ = rule.get("cameo")
            if not code_:
                continue
            assert code_ in codes, (rule["name"], code_)
            uncoded = rule.get("mode") and modes[data["event"]].get(rule["mode"]) is None
            assert codes[code_]["plover"] == data["event"] or uncoded, (rule["name"], code_)


def test_every_code_plover_yaml_names_is_in_the_table_for_its_type() -> None:
    codes = lexicon.load("cameo")
    pl = lexicon.load("plover")
    for t, spec in pl["types"].items():
        assert codes[spec["cameo"]]["plover"] == t
        for code_ in spec["modes"].values():
            assert code_ is None or codes[code_]["plover"] == t, (t, code_)
    for frame, table in pl["frame_codes"].items():
        for act, code_ in table.items():
            assert act[:2] in {c[:2] for c in codes}, (frame, act)
            assert codes[code_]["plover"] == codes[frame]["plover"], (frame, act, code_)


def test_the_table_follows_plovers_conversion_table_unless_it_says_why() -> None:
    table = _crosswalk()
    if table is None:
        pytest.skip("PLOVER's conversion table (shared/corpora/plover_gsr) is not beside the repository")
    codes = lexicon.load("cameo")
    assert set(table) <= set(codes), "every code of the conversion table is in cameo.yaml"
    for code_, t in table.items():
        entry = codes[code_]
        assert entry["plover"] == t or entry.get("crosswalk") == t, (code_, entry, t)
    departures = {c for c, e in codes.items() if e.get("crosswalk")}
    assert departures == {"163", "1712"}  # sanctions are SANCTION, destroying property COERCE (PLOVER's gold)
    assert all(codes[c]["plover"] == "REQUEST" for c in codes if c.startswith("02"))  # appeals


def test_scores_are_goldstein_weights_that_follow_the_code() -> None:
    codes = lexicon.load("cameo")
    table = plover()
    for code_, entry in codes.items():
        score = entry["score"]
        assert -10.0 <= score <= 10.0, code_
        if code_.startswith(("020", "021", "022", "023", "026", "027", "028")):
            assert score > 0, code_  # asking for cooperation is cooperation, not conflict
        elif entry["plover"] in table.cooperative:
            assert score > 0, code_
        elif not code_.startswith(("024", "025")):
            assert score < 0, code_
    assert codes["100"]["score"] == -5.0 and codes["026"]["score"] == 4.0 and codes["057"]["score"] == 8.0


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_loader_refuses_a_rule_code_of_another_type(data: Path) -> None:
    path = data / "events" / "assault.yaml"
    _edit(path, 'cameo: "190"   # taken by force', 'cameo: "192"   # taken by force')
    with pytest.raises(LexiconError) as info:
        lexicon.check_all()
    assert "assault.capture: cameo: '192' is a CAMEO code of COERCE, not of ASSAULT" in str(info.value)


def test_the_loader_refuses_a_frame_code_that_leaves_the_frames_type(data: Path) -> None:
    _edit(data / "plover.yaml", '"061": "0211"', '"061": "1211"')
    with pytest.raises(LexiconError) as info:
        lexicon.check_all()
    assert "1211: plover: is REJECT, but plover.yaml gives it to REQUEST (frame_codes: 020: 061)" in str(
        info.value
    )


def test_the_loader_refuses_an_unknown_context_on_a_code(data: Path) -> None:
    _edit(data / "cameo.yaml", "context: humanitarian}", "context: relief}")
    with pytest.raises(LexiconError) as info:
        lexicon.check_all()
    assert "context: 'relief' is not a PLOVER context" in str(info.value)


def test_a_noun_names_an_act_only_when_every_rule_agrees_on_it() -> None:
    rs = load_rules()
    assert rs.object_acts["aid"] == "070" and rs.deed_acts["release"] == "0841"
    assert "troop" not in rs.object_acts  # deployed or withdrawn: the verb tells


# ------------------------------------------------------------------------------------ the codes


def test_an_invitation_to_invest_is_an_appeal_for_economic_cooperation() -> None:
    ev = one("Norway invited Chilean firms to invest in its ports.", "REQUEST")
    assert ev.cameo == "0211" and ev.score is not None and ev.score > 0


def test_an_appeal_and_a_demand_to_release_differ_in_code_and_score() -> None:
    appeal = one("Ghana urged Togo to free the detained fishermen.", "REQUEST")
    demand = one("Ghana demanded that Togo free the detained fishermen.", "REQUEST")
    assert (appeal.cameo, demand.cameo) == ("0253", "1053")
    assert appeal.score is not None and demand.score is not None and appeal.score > demand.score


def test_should_is_an_appeal_and_must_a_demand() -> None:
    should = one("Peru said Chile should withdraw its soldiers from the valley.", "REQUEST")
    must = one("Peru said Chile must withdraw its soldiers from the valley.", "REQUEST")
    assert (should.cameo, must.cameo) == ("0256", "1056")


def test_a_request_for_a_thing_is_coded_by_the_act_that_gives_it() -> None:
    assert one("Nepal asked Bhutan for military aid.", "REQUEST").cameo == "0232"
    assert one("Peru demanded the release of the Chilean sailors.", "REQUEST").cameo == "1053"


def test_intentions_are_coded_by_the_act_promised() -> None:
    ev = one("Sweden will meet Finland next month.", "AGREE")
    assert (ev.cameo, ev.future) == ("036", True)
    relief = one("Norway pledged to send humanitarian aid to Nepal.", "AGREE")
    assert relief.cameo == "0333"


def test_refusals_are_coded_by_the_act_refused() -> None:
    assert one("Togo refused to free the detained fishermen.", "REJECT").cameo == "1243"
    assert one("Chile said it will not withdraw its soldiers from the valley.", "REJECT").cameo == "1246"


def test_threats_of_force_and_of_sanctions_differ() -> None:
    force = one("Peru threatened to attack Chile.", "THREATEN")
    sanctions = one("Peru threatened to impose sanctions on Chile.", "THREATEN")
    assert (force.cameo, sanctions.cameo) == ("1384", "1312")
    assert force.score is not None and sanctions.score is not None and force.score < sanctions.score


def test_a_deployment_announced_stays_a_mobilization() -> None:
    ev = one("Peru will send troops to the border next week.", "MOBILIZE")
    assert (ev.cameo, ev.pattern) == ("154", "mobilize.deploy")


def test_a_plain_accusation_is_not_an_accusation_of_crime() -> None:
    assert one("Ghana accused Togo of lying.", "ACCUSE").cameo == "112"


def test_a_resignation_keeps_plovers_mode_and_the_nearest_cameo_code() -> None:
    ev = one("The Norwegian prime minister resigned on Monday.", "RETREAT")
    assert (ev.mode, ev.cameo) == ("resign", "0831")


# ------------------------------------------------------------------- direction of support


def test_supporting_a_measure_against_a_state_is_no_support_of_that_state() -> None:
    ev = one("Sweden firmly backs this initiative to increase pressure on Finland.", "SUPPORT")
    assert "FIN" not in states(ev)[1]


def test_supporting_a_measure_supports_its_author() -> None:
    ev = one("Sweden firmly backs this initiative by Norway to increase pressure on Finland.", "SUPPORT")
    assert states(ev)[1] == {"NOR"}


def test_backing_a_resolution_that_condemns_a_state_does_not_back_it() -> None:
    ev = one("Ghana backed the resolution condemning Togo.", "SUPPORT")
    assert "TGO" not in states(ev)[1]


def test_opposing_sanctions_against_a_state_rejects_no_one_in_it() -> None:
    ev = one("Peru opposed the sanctions against Chile.", "REJECT")
    assert "CHL" not in states(ev)[1]


def test_condemning_an_attack_on_a_state_accuses_the_attacker_not_the_victim() -> None:
    victim = one("Nepal condemned the attack on Bhutan.", "ACCUSE")
    assert "BTN" not in states(victim)[1]
    doer = one("Nepal condemned the attack by Bhutan on the border post.", "ACCUSE")
    assert states(doer)[1] == {"BTN"}


def test_praising_a_state_still_supports_it() -> None:
    assert states(one("Sweden praised Finland for its reforms.", "SUPPORT"))[1] == {"FIN"}


# ------------------------------------------------------------------------------ the event page


def test_the_event_page_names_the_cameo_act_and_the_scale(tmp_path: Path) -> None:
    import httpx

    from eventwire.model import Article, Entity, Mention
    from eventwire.store import Store
    from eventwire.web.app import create_app
    from eventwire.web.labels import cameo_label
    from eventwire.web.testing import serve

    assert cameo_label("0211") == "Appeal for economic cooperation" and cameo_label("9999") == ""
    text = "Norway invited Chilean firms to invest in its ports."
    store = Store(f"sqlite:///{tmp_path / 'ew.db'}")
    store.add_batch([(Article(id="a1", path="a1.txt", text=text, published="2025-03-04"), None, None)])
    nor = Entity(id="c:NOR", name="Norway", kind="country", country="NOR")
    chl = Entity(id="c:CHL", name="Chile", kind="country", country="CHL")
    ev = Event(
        id="e1",
        event="REQUEST",
        cameo="0211",
        score=3.4,
        actor=[nor],
        recipient=[chl],
        mentions=[Mention(article_id="a1", path="a1.txt", sentence=text, start=0, end=len(text))],
        trigger="invited",
    )
    store.replace_consolidated([nor, chl], [ev], [], [], [])
    with serve(create_app(store)) as base, httpx.Client(base_url=base, timeout=60) as client:
        html = client.get("/events/e1", headers={"Accept": "text/html"}).text
    store.close()
    assert "0211 <small>Appeal for economic cooperation</small>" in html
    assert "Goldstein scale" in html


# ------------------------------------------------------------------ a trigger's own code


def test_a_trigger_word_gives_its_own_code_and_mode_under_a_broad_rule() -> None:
    kidnap = one("Norwegian soldiers kidnapped two Chilean engineers.", "ASSAULT")
    assert (kidnap.pattern, kidnap.cameo, kidnap.mode) == ("assault.attack", "181", "abduct")
    shot = one("Chilean soldiers opened fire on Peru's border post.", "ASSAULT")
    assert (shot.cameo, shot.mode) == ("193", "firearms")
    strike = one("Peru launched an air strike on Chilean positions.", "ASSAULT")
    assert (strike.cameo, strike.mode) == ("195", "heavy-weapons")


def test_the_loader_refuses_a_word_code_for_a_word_the_rule_does_not_have(data: Path) -> None:
    _edit(data / "events" / "assault.yaml", 'kidnap: {cameo: "181"', 'kidnapp: {cameo: "181"')
    with pytest.raises(LexiconError) as info:
        lexicon.check_all()
    assert "assault.attack: word_codes: kidnapp: 'kidnapp' is not one of the rule's triggers" in str(
        info.value
    )


def test_a_refused_demand_is_coded_by_what_it_demanded() -> None:
    assert one("Togo rejected demands to release the detained fishermen.", "REJECT").cameo == "1243"
    assert one("Ghana rejected an offer to mediate.", "REJECT").cameo == "126"


def test_an_event_without_a_mode_takes_the_mode_its_code_has() -> None:
    ev = one("Norway demanded the release of the Chilean sailors.", "REQUEST")
    assert (ev.cameo, ev.mode) == ("1053", "yield")
    codes = lexicon.load("cameo")
    assert codes["1384"]["mode"] == "violence" and codes["0232"]["mode"] == "assist"


def test_an_act_that_is_only_the_setting_of_a_promise_does_not_code_it() -> None:
    ev = one("Sweden pledged at the meetings in Oslo to boost domestic demand.", "AGREE")
    assert ev.cameo != "036"


def test_an_act_named_by_a_noun_no_rule_has_codes_the_frame() -> None:
    assert one("Norway urged Sweden to show restraint.", "REQUEST").cameo == "0256"
    assert one("Chile threatened to use force against Peru.", "THREATEN").cameo == "1384"
