"""Event precision (issue 16): an event is coded as done only when its clause reports it done.
Conditions reached through complements, privative clauses, attempts, means at hand, bare resolve and
modal reproaches. Short invented sentences, coded with the small name table of test_events."""

from __future__ import annotations

from test_events import code


def _flags(text: str, event: str) -> tuple[bool, bool, bool] | None:
    """(negated, future, hypothetical) of the first event of a type, or None when none is coded."""
    for e in code(text):
        if e.event == event:
            return e.negated, e.future, e.hypothetical
    return None


def test_an_act_inside_a_condition_through_complements_is_hypothetical() -> None:
    text = "The stance would change if it became clear that Iran had led the way in renouncing the treaty with Iraq."
    flags = _flags(text, "SANCTION")
    assert flags is not None and flags[2]


def test_a_relative_clause_inside_a_condition_still_reports_its_act() -> None:
    flags = _flags("Iran, which renounced the treaty with Iraq, will protest if Turkey objects.", "SANCTION")
    assert flags is None or not flags[2]


def test_an_act_after_without_is_not_done() -> None:
    flags = _flags("Turkey wants closer ties with Iraq without violating its agreements with Iran.", "REJECT")
    assert flags is None or flags[0]


def test_an_attempt_is_not_the_act_done() -> None:
    tried = _flags("Iran tried to seize a ship from Iraq.", "COERCE")
    done = _flags("Iran seized a ship from Iraq.", "COERCE")
    assert tried is not None and tried[2]
    assert done is not None and not done[2]


def test_enough_votes_to_block_is_a_means_not_a_veto() -> None:
    assert "REJECT" not in {e.event for e in code("Turkey had enough votes to block a decision by Iraq.")}


def test_resolve_promised_to_no_one_is_no_agreement() -> None:
    assert "AGREE" not in {e.event for e in code("Iran and Iraq were determined to pass the new budget.")}
    assert "AGREE" in {e.event for e in code("China is ready to work with France.")}


def test_a_should_with_a_perfect_or_under_a_verb_of_knowing_is_no_demand() -> None:
    assert "REQUEST" not in {
        e.event for e in code("Officials said Japan should have consulted China by now.")
    }
    assert "REQUEST" not in {e.event for e in code("Anwar knows Iran should withdraw from Iraq.")}
    assert "REQUEST" in {e.event for e in code("Erdogan said Iran should withdraw from Iraq.")}


def test_a_pledged_policy_stays_an_agreement() -> None:
    assert "AGREE" in {e.event for e in code("Peru is committed to opening up its economy.")}


def test_negotiating_needs_a_partner_or_a_deal() -> None:
    assert "CONSULT" not in {
        e.event for e in code("Erdogan said Turkey had negotiated from a position of strength.")
    }
    assert "CONSULT" in {e.event for e in code("Turkey negotiated a settlement with Iran.")}
    assert "CONSULT" in {e.event for e in code("Turkey and Iran negotiated for weeks.")}


def test_a_text_named_as_subject_does_no_act() -> None:
    import test_events

    test_events.NAMES.setdefault("Ankara Accord", ("o:acc", "organization", None, False))
    try:
        assert not [e for e in code("The Ankara Accord allowed Peru to export more.") if e.actor]
    finally:
        test_events.NAMES.pop("Ankara Accord", None)


def test_a_hazard_foretold_to_no_one_is_no_threat() -> None:
    assert "THREATEN" not in {
        e.event for e in code("Erdogan warned that companies could face a shortage of staff.")
    }
    assert "THREATEN" in {e.event for e in code("Erdogan warned that Iraq could face sanctions.")}


def test_meeting_a_complaint_satisfies_it_and_consults_no_one() -> None:
    assert "CONSULT" not in {
        e.event for e in code("Japan is striving to meet US complaints about its trade.")
    }


def test_a_should_joined_to_a_verb_of_knowing_is_still_a_call() -> None:
    got = {
        e.event
        for e in code("Erdogan said the public did not know whom to believe and Iran should withdraw.")
    }
    assert "REQUEST" in got


def test_a_judgement_of_how_hard_an_act_is_reports_none_done() -> None:
    flags = _flags("Yeutter said it was difficult to defend the tariffs of Peru.", "SUPPORT")
    assert flags is None or (flags[2] and not flags[1])
    assert _flags("Erdogan is to hold talks with Iran.", "AGREE") is not None


def test_resisting_a_temptation_rejects_no_one() -> None:
    assert "REJECT" not in {e.event for e in code("Erdogan resisted the temptation to sell at a discount.")}
    assert "REJECT" in {e.event for e in code("Turkey resisted pressure from Iran.")}


def test_an_agreement_not_yet_reached_is_no_refusal() -> None:
    got = {e.event for e in code("Turkey has not yet agreed on a timetable with Iran.")}
    assert "REJECT" not in got
    assert "REJECT" in {e.event for e in code("Turkey did not agree on a timetable with Iran.")}


def test_a_campaign_against_social_ills_is_no_assault() -> None:
    assert "ASSAULT" not in {
        e.event for e in code("Turkey is attacking ignorance and squalor but promoting health.")
    }
