"""A decision two parties take together is an agreement ('X and Y decided to build ...'); one
party's decision, and a joint decision to break or fight, are not. All sentences are invented
for these tests."""

from __future__ import annotations

from eventwire.run.article import code as code_article


def _events(text: str) -> list[tuple[str, set, set]]:
    ext = code_article(text, "1990-03-05")
    return [(e.event, {x.country for x in e.actor}, {x.country for x in e.recipient}) for e in ext.events]


def test_two_states_deciding_together_agree():
    got = _events("Brazil and Argentina decided to build a joint pipeline.")
    assert any(ev == "AGREE" and a == {"BRA", "ARG"} for ev, a, _r in got), got


def test_one_state_s_decision_is_no_agreement():
    got = _events("Brazil decided to build a pipeline.")
    assert not any(ev == "AGREE" for ev, _a, _r in got), got


def test_a_joint_decision_to_fight_is_no_agreement():
    got = _events("Brazil and Argentina decided to go to war with each other.")
    assert not any(ev == "AGREE" for ev, _a, _r in got), got


def test_rejecting_a_reading_of_the_facts_is_no_refusal():
    got = _events("Thai officials rejected any political motive for the bombing.")
    assert not any(ev == "REJECT" for ev, _a, _r in got), got
