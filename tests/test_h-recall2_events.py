"""Events an analyst codes that eventwire used to miss (#16, recall): a titled noun as a side,
measures and ideas as objects, acts named by a noun, and verdicts in reported speech. Short
sentences written for these tests; the linker is the test table of test_events."""

from __future__ import annotations

import pytest

from test_events import code, countries, one  # the coder with the test linker table


def test_a_titled_noun_is_a_side_of_its_own() -> None:
    ev = one("The mayor condemned Turkey.", "ACCUSE")
    assert [e.name for e in ev.actor] == ["mayor"]
    assert countries(ev.recipient) == {"TUR"}


def test_a_titled_noun_keeps_the_state_its_modifier_names() -> None:
    ev = one("The Egyptian prince met the Turkish foreign minister.", "CONSULT")
    assert countries(ev.actor) == {"EGY"}
    assert countries(ev.recipient) == {"TUR"}


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers shot the man in the head near Gaza.",  # a body part, not the head of anything
        "Iraqi protesters demanded justice.",  # a bare noun names no judge
    ],
)
def test_a_title_word_in_another_sense_is_no_side(text: str) -> None:
    names = {e.name for ev in code(text) for e in [*ev.actor, *ev.recipient]}
    assert not names & {"head", "justice"}, text


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Iran warned of retaliation against Israel.", "THREATEN"),
        ("Britain backed the new controls on Russia.", "SUPPORT"),
        ("Chile has backed the idea of a truce in Peru.", "SUPPORT"),
        ("Iraqi activists were held without charge in Egypt.", "COERCE"),
        ("Canada raised tariffs on Chinese steel.", "SANCTION"),
    ],
)
def test_a_measure_or_idea_as_object_is_an_act(text: str, event: str) -> None:
    one(text, event)


def test_warning_of_someone_elses_act_is_no_threat() -> None:
    assert not [
        e for e in code("Japan warned of an attack by Iran.") if e.pattern == "threaten.warn_of_response"
    ]


def test_the_lifting_of_sanctions_eases_them() -> None:
    evs = code("Britain announced the lifting of sanctions on Iran.")
    assert [e.event for e in evs] == ["RETREAT"]
    assert countries(evs[0].actor) == {"GBR"}
    assert countries(evs[0].recipient) == {"IRN"}


def test_raising_tariffs_on_a_state_sanctions_it() -> None:
    ev = one("Canada raised tariffs on Chinese steel.", "SANCTION")
    assert countries(ev.actor) == {"CAN"}
    assert countries(ev.recipient) == {"CHN"}


@pytest.mark.parametrize(
    ("text", "event", "judge", "judged"),
    [
        ("Turkey said the Iraqi decision was a mistake.", "ACCUSE", "TUR", "IRQ"),
        ("The Egyptian minister said Israel's plan was a positive step.", "SUPPORT", "EGY", "ISR"),
        ("Japan said the Chinese move was courageous.", "SUPPORT", "JPN", "CHN"),
    ],
)
def test_a_verdict_on_anothers_act_judges_its_owner(text: str, event: str, judge: str, judged: str) -> None:
    ev = one(text, event)
    assert countries(ev.actor) == {judge}, text
    assert countries(ev.recipient) == {judged}, text


@pytest.mark.parametrize(
    "text",
    [
        "Turkey said its own decision was a mistake.",  # one's own side
        "The Turkish minister said the rise in prices was a mistake.",  # nobody judged
    ],
)
def test_a_verdict_needs_someone_else_judged(text: str) -> None:
    assert not [e for e in code(text) if e.event in {"ACCUSE", "SUPPORT"}], text


def test_an_agreement_reached_with_no_party_is_between_the_sides_of_the_talks() -> None:
    ev = one("After talks between Turkey and Iraq in Geneva, a compromise was reached.", "AGREE")
    assert countries([*ev.actor, *ev.recipient]) == {"TUR", "IRQ"}


def test_an_agreement_reached_with_no_talks_before_it_has_no_parties() -> None:
    assert not [e for e in code("A compromise was reached.") if e.event == "AGREE"]


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("Iran said it would lift tariffs on Chinese steel.", "sanction.raise_tariffs"),  # lifting ends them
        ("Peru raised the export duty on its copper.", "sanction.raise_tariffs"),  # a tax on its own trade
        ("Chile favours reform of the Peruvian banks.", "support.back_policy"),  # a preference, no backing
    ],
)
def test_look_alike_clauses_fire_no_new_pattern(text: str, pattern: str) -> None:
    assert pattern not in {e.pattern for e in code(text)}, text


def test_britain_announcing_measures_against_a_state_sanctions_it() -> None:
    ev = one("Britain announced new measures against Iran.", "SANCTION")
    assert countries(ev.actor) == {"GBR"}
    assert countries(ev.recipient) == {"IRN"}


def test_an_agreement_reported_after_talks_of_two_sides_is_between_them() -> None:
    ev = one("Turkey and Iraq held talks in Geneva. Officials said a compromise had been reached.", "AGREE")
    assert countries([*ev.actor, *ev.recipient]) == {"TUR", "IRQ"}


def test_an_agreement_wished_for_is_no_outcome_of_the_talks() -> None:
    text = "Turkey and Iraq held talks in Geneva. It is important that a compromise is reached soon."
    assert not [e for e in code(text) if e.event == "AGREE"]


def test_a_mistake_made_by_another_state_is_a_verdict_on_it() -> None:
    ev = one("Turkey has made a grave mistake, the Egyptian president said.", "ACCUSE")
    assert countries(ev.actor) == {"EGY"}
    assert countries(ev.recipient) == {"TUR"}


def test_an_act_in_the_infinitive_of_a_condemned_move_is_coded() -> None:
    ev = one("Iran condemned the Iraqi move to impose sanctions on Turkey.", "SANCTION")
    assert "TUR" in countries(ev.recipient)


def test_an_act_in_the_infinitive_of_a_plan_is_not_done() -> None:
    assert not [
        e
        for e in code("Iran condemned the Iraqi plan to impose sanctions on Turkey.")
        if e.event == "SANCTION"
    ]
