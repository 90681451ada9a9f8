"""Recall, fourth session: act nouns that report events of their own. Talks that an agreement was
reached in, acts named by their sufferer ("the killing of X by Y", "the arrest of X"), appeals that
name who asks through "from", and verbal attacks on someone for what he did. Short sentences written
for these tests."""

from __future__ import annotations

from eventwire.run.article import code as code_article

DATE = "2025-03-04"


def _events(text: str) -> list[tuple[str, list[str], list[str]]]:
    ext = code_article(text, DATE)
    names = {a.key: a.name for a in ext.actors}
    return [
        (
            e.event,
            [e.country or names.get(e.id, e.name) for e in e.actor],
            [e.country or names.get(e.id, e.name) for e in e.recipient],
        )
        for e in ext.events
    ]


def _of_type(text: str, event: str) -> list[tuple[list[str], list[str]]]:
    return [(a, r) for t, a, r in _events(text) if t == event]


# ------------------------------------------------------------------ talks as an occasion


def test_talks_an_accord_was_reached_in_are_a_meeting_of_their_own():
    got = _of_type("The accord was reached in talks between Peru and Chile in Lima.", "CONSULT")
    assert got and set(got[0][0] + got[0][1]) == {"PER", "CHL"}


def test_talks_called_for_are_the_request_not_a_meeting():
    assert _of_type("Norway called for talks with Sweden.", "CONSULT") == []


# ------------------------------------------------------------------ the sufferer under "of"


def test_a_killing_by_someone_has_the_killed_as_recipient():
    got = _of_type("The killing of two Peruvian soldiers by Chilean troops angered Lima.", "ASSAULT")
    assert got and got[0][0] == ["CHL"] and got[0][1] == ["PER"]


def test_who_condemns_a_killing_is_not_the_killer():
    got = _of_type("Peru condemned the killing of two Chilean soldiers.", "ASSAULT")
    assert all("PER" not in actors for actors, _ in got)


def test_an_arrest_named_by_the_arrested():
    got = _of_type("The arrest of three Danish journalists by Finnish police drew protests.", "COERCE")
    assert got and got[0][0] == ["FIN"] and got[0][1] == ["DNK"]


def test_a_capture_of_a_thing_that_is_no_actor_is_no_event():
    assert _of_type("The firm hailed the capture of a larger market share.", "ASSAULT") == []


# ------------------------------------------------------------------ appeals and their askers


def test_calls_from_a_state_for_a_measure_are_its_request():
    got = _of_type("The vote prompted calls from Norway for new sanctions on Iran.", "REQUEST")
    assert got and got[0][0] == ["NOR"]


def test_a_state_rejecting_calls_is_no_requester():
    got = _of_type("Norway rejected calls for new sanctions on Iran.", "REQUEST")
    assert all("NOR" not in actors for actors, _ in got)


# ------------------------------------------------------------------ attacked for what he did


def test_attacking_someone_for_his_conduct_is_criticism():
    evs = _events("The Danish minister attacked Sweden for blocking the budget deal.")
    assert [t for t, _, _ in evs] == ["ACCUSE"]
    assert evs[0][2] == ["SWE"]


def test_attacking_for_a_length_of_time_stays_an_assault():
    evs = _events("Peruvian troops attacked the Chilean town for three days.")
    assert "ACCUSE" not in [t for t, _, _ in evs]


def test_whoever_answers_an_appeal_is_not_its_asker():
    assert _of_type("The vote by Norway prompted calls for new elections.", "REQUEST") == []


def test_a_state_or_body_compounded_on_an_appeal_makes_it():
    got = _of_type("The vote came despite a UN appeal for calm in Peru.", "REQUEST")
    assert got and got[0][0] == ["IGO"]


def test_demand_and_requests_for_goods_or_money_are_no_appeals():
    assert _of_type("Norwegian demand for Swedish shares rose.", "REQUEST") == []
    assert _of_type("The Peruvian government's request for 1988 defence spending was cut.", "REQUEST") == []


# ------------------------------------------------------------------ "be on strike", "be on a visit"


def test_workers_on_strike_protest():
    got = _of_type("Thousands of Chilean miners were on strike.", "PROTEST")
    assert got and got[0][0] == ["CHL"]


def test_being_on_a_visit_is_a_visit():
    got = _of_type("The Danish premier is on a visit to Peru.", "CONSULT")
    assert got and got[0][1] == ["PER"]


def test_being_on_a_topic_is_no_act():
    assert _events("The talks were on trade.") == []


# ------------------------------------------------------------------ verdicts and outrage


def test_calling_a_decision_unfair_accuses_its_maker():
    got = _of_type("Peru's decision was unfair, the Chilean minister said.", "ACCUSE")
    assert got and got[0][0] == ["CHL"] and got[0][1] == ["PER"]


def test_outrage_at_a_states_act_accuses_it():
    got = _of_type("Norway was outraged by Sweden's decision to close the border.", "ACCUSE")
    assert got and got[0][0] == ["NOR"] and got[0][1] == ["SWE"]


def test_unfair_with_nobody_judged_is_no_accusation():
    assert _of_type("The market was unfair to small investors, analysts said.", "ACCUSE") == []


def test_a_feeling_verb_with_an_object_is_felt_by_the_object():
    got = _of_type("Chile's decision angered Peru.", "ACCUSE")
    assert got and got[0][0] == ["PER"] and got[0][1] == ["CHL"]


# ------------------------------------------------------------------ a refusal spoken of


def test_a_states_refusal_named_by_others_is_its_rejection():
    got = _of_type("Norway criticised Peru's refusal to halt the tests.", "REJECT")
    assert got and got[0][0] == ["PER"]


def test_a_refusal_to_comment_is_no_rejection():
    assert _of_type("Norway noted Peru's refusal to comment on the report.", "REJECT") == []


# ------------------------------------------------------------------ accusations as nouns


def test_accusations_levelled_against_a_state():
    got = _of_type("Norway has levelled accusations against Sweden.", "ACCUSE")
    assert got and got[0][0] == ["NOR"] and got[0][1] == ["SWE"]


def test_accusations_denied_are_no_new_accusation():
    assert _of_type("Peru denied the accusations against it.", "ACCUSE") == []
