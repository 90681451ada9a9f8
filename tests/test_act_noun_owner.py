"""The doer of an act a noun names, from a state's name set before the noun when the noun names
its target ('a U.S. attack on X'); without a target the name may be the place or the target ('the
Kuwait invasion') and gives no doer. All sentences are invented for these tests."""

from __future__ import annotations

from eventwire.run.article import code as code_article


def _events(text: str) -> list[tuple[str, set, set]]:
    ext = code_article(text, "1990-03-05")
    return [(e.event, {x.country for x in e.actor}, {x.country for x in e.recipient}) for e in ext.events]


def test_a_state_named_before_an_attack_on_a_target_is_its_doer():
    got = _events("Senators backed Monday's U.S. attack on two Iranian oil platforms.")
    assert ("ASSAULT", {"USA"}, {"IRN"}) in got, got


def test_the_one_who_voices_support_for_an_attack_is_not_its_doer():
    got = _events("France voiced support for a U.S. attack on an Iranian target.")
    assert any(ev == "ASSAULT" and a == {"USA"} for ev, a, _r in got), got
    assert not any(ev == "ASSAULT" and "FRA" in a for ev, a, _r in got), got


def test_a_state_named_before_an_act_without_a_target_gives_no_doer():
    got = _events("The Kuwait invasion was condemned by the council in 1990.")
    assert not any(ev == "ASSAULT" and "KWT" in a for ev, a, _r in got), got


def test_the_reaction_an_attack_drew_gives_it_no_recipient():
    got = _events("The U.S. attack on Iraqi radar sites drew protests from Moscow.")
    assert ("ASSAULT", {"USA"}, {"IRQ"}) in got, got


def test_an_invitation_to_visit_is_no_visit():
    got = _events("Reagan's invitation to Gorbachev to visit the United States was still on the table.")
    assert not any(ev == "CONSULT" for ev, _a, _r in got), got


def test_an_armed_group_named_before_an_attack_is_its_doer():
    got = _events("Six soldiers were killed in a Taliban attack near Bagram.")
    assert any(ev == "ASSAULT" and a == {"AFG"} for ev, a, _r in got), got


def test_a_state_s_possessive_after_in_owns_the_act_and_is_no_place():
    got = _events("Three civilians were wounded in Israel's raid on Gaza.")
    assert ("ASSAULT", {"ISR"}, {"PSE"}) in got, got


def test_who_survives_an_attack_is_its_target():
    ext = code_article(
        "Venezuela's President Nicolas Maduro survived an assassination attempt by rebels.", "1990-03-05"
    )
    got = [(e.event, {x.name for x in e.actor}, {x.name for x in e.recipient}) for e in ext.events]
    assert ("ASSAULT", {"rebels"}, {"Nicolas Maduro"}) in got, got
