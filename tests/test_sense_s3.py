"""Event precision on unseen news, round 3 (issue 16, parts 1-3): market copy, senses of words that
are no act, and modality read from the act's own clause. Short invented sentences; the coder runs
with the small name table of test_events, so these test the coder alone."""

from __future__ import annotations

from eventwire.extract.events.sense import in_affairs
from eventwire.lexicon.events import load_rules
from eventwire.model import Entity
from test_events import code

MARKET = 4  # a private_copy score of market copy (at least private_domain_min market words)
AGENCY = Entity(id="o:fa", name="Aviation Agency", kind="organization", country="USA", sector="GOV")
BANK = Entity(id="o:cb", name="Central Bank", kind="organization", country="GBR", sector="GOV")
AIRLINES = Entity(id="g:al", name="airlines", kind="group", country="USA")
MINISTER = Entity(id="p:m", name="Ann Lee", kind="person", country="JPN", sector="GOV", office="minister")
TRADER = Entity(id="p:t", name="Bo Roe", kind="person")


def test_in_market_copy_a_state_body_running_its_market_is_no_event() -> None:
    rs = load_rules()
    assert not in_affairs([BANK], [], MARKET, rs)  # "the Bank invited bill offers"
    assert not in_affairs([AGENCY], [AIRLINES], MARKET, rs)  # "the agency ordered airlines to inspect jets"
    assert not in_affairs([TRADER], [], MARKET, rs)  # a bare name in company copy
    assert in_affairs([BANK], [], 0, rs)  # plain copy keeps its bodies


def test_in_market_copy_a_state_or_its_officer_still_acts() -> None:
    rs = load_rules()
    japan = Entity(id="c:JPN", name="Japan", kind="country", country="JPN")
    assert in_affairs([MINISTER], [], MARKET, rs)
    assert in_affairs([BANK], [japan], MARKET, rs)
    foreign = Entity(id="o:jb", name="Japan Bank", kind="organization", country="JPN", sector="BUS")
    assert in_affairs([AGENCY], [foreign], MARKET, rs)  # across a border


def _types(text: str) -> list[str]:
    return [e.event for e in code(text)]


def _cand(text: str, word: str, rule: str):
    """A verb candidate of `rule` on `word` of `text` (the parse alone, no name table)."""
    from eventwire.analyse.nlp import get_nlp
    from eventwire.extract.events.detect import Cand

    rs = load_rules()
    r = next(e.rule for es in rs.verbs.values() for e in es if e.rule.name == rule)
    tok = next(t for t in get_nlp()(text) if t.text == word)
    return Cand(rule=r, kind="verb", trig=tok, head=tok), rs


def test_a_participle_used_as_a_noun_or_a_preposition_is_no_act() -> None:
    from eventwire.extract.events.sense import not_an_act_sense

    assert not_an_act_sense(
        *_cand(
            "The judge ordered penalties against the accused and their friends.", "accused", "accuse.accuse"
        )
    )
    assert not_an_act_sense(
        *_cand("Barring any changes, stocks will rise to 500 tonnes.", "Barring", "coerce.ban")
    )
    assert not not_an_act_sense(*_cand("Iran accused Iraq of shelling the port.", "accused", "accuse.accuse"))


def test_a_verb_tagging_a_quote_reports_speech_not_its_act() -> None:
    assert _types('"We will find new ways together," agreed Turkey.') == []
    assert _types('"Malaysia is right," agreed Turkey.') == []
    assert "AGREE" in _types("Turkey agreed that Malaysia would host the talks.")


def test_a_firm_deploys_nothing() -> None:
    assert "MOBILIZE" not in _types("Acme Corp said it will increase its presence in Turkey.")
    assert "MOBILIZE" in _types("Iran will increase its military presence in Iraq.")


def test_an_act_in_the_hope_or_an_effort_is_sought_not_done() -> None:
    evs = [e for e in code("Turkey sold arms to Iran in the hope of freeing its hostages in Iraq.")]
    done = {e.event: e.hypothetical for e in evs}
    assert done.get("COOPERATE") is False  # the sale was made
    assert done.get("RETREAT") is True  # the release only hoped for


def test_leaving_a_post_in_a_firm_is_no_retreat() -> None:
    assert "RETREAT" not in _types("Ali Veli of Turkey resigned as chairman of Acme Corp.")
    assert "RETREAT" not in _types("The Turkish minister quit the board of the bank.")
    assert "RETREAT" in _types("The Turkish minister resigned from the cabinet.")


def test_a_thing_a_state_owns_is_no_actor() -> None:
    assert _types("Turkey's economy has started to pull out of a nosedive.") == []
    assert "RETREAT" in _types("Turkey's army has started to pull out of Iraq.")


def test_to_demonstrate_an_intention_is_no_protest() -> None:
    assert "PROTEST" not in _types(
        "Turkey's programme clearly demonstrates the intention to renegotiate its debts with Iran."
    )
    assert "PROTEST" in _types("Turkish students demonstrated against Iran.")


def test_a_condition_on_the_governing_verb_makes_its_complement_hypothetical() -> None:
    ev = next(
        e for e in code("If Turkey were not to accept the offer from Iran, Iran would protest.") if e.actor
    )
    assert ev.hypothetical and ev.event != "REJECT"  # no refusal is reported, only supposed


def test_a_negated_act_no_one_is_said_to_refuse_leaves_no_record() -> None:
    assert _types("Turkey said sanctions on Iran will not be discussed at the talks.") == []
    assert _types("Turkey will not meet Iran.") == ["REJECT"]


def test_a_paper_taken_back_is_no_withdrawal() -> None:
    assert _types("Turkey withdrew the nomination of its envoy to Iran.") == []
    assert _types("Turkey withdrew its troops from Iraq.") == ["RETREAT"]


def test_a_race_won_is_no_assault() -> None:
    assert _types("The Turkish minister stormed to victory in Iran.") == []
    assert _types("Turkish troops stormed the Iranian embassy.") == ["ASSAULT"]


def test_a_press_conference_is_no_meeting() -> None:
    assert (
        _types("The Turkish prime minister held his monthly media conference with Iranian journalists.") == []
    )
    assert _types("Turkey held a conference with Iran.") == ["CONSULT"]


def test_an_act_owed_in_the_present_is_not_done() -> None:
    ev = next(e for e in code('"We have to agree with Iran to dismantle these systems," Turkey said.'))
    assert ev.event == "AGREE" and ev.hypothetical
    ev = next(e for e in code("Turkey had to withdraw its troops from Iraq."))
    assert ev.event == "RETREAT" and not ev.hypothetical  # "had to": it was done


def test_an_act_considered_is_intended_not_done() -> None:
    assert _types("Turkey is not considering investing in Iranian bonds.") != ["COOPERATE"]


def test_a_denial_of_what_was_just_reported_is_no_rejection() -> None:
    assert (
        _types("The French minister has denied this, telling Iranian media that there is no overrun.") == []
    )
    assert _types("Turkey rejected the Iranian proposal.") == ["REJECT"]


def test_burning_effigies_is_a_protest() -> None:
    assert _types("Turkish farmers burned effigies of Iranian ministers.") == ["PROTEST"]


def test_senses_of_aiming_compensating_and_dismantling_that_are_no_acts() -> None:
    assert _types("The Turkish minister said he would like to shoot for one million barrels a day.") == []
    assert _types("Turkey can compensate lower prices from Iran with increased volume.") == []
    assert _types("The command economy of Turkey was dismantled.") == []
    assert _types("Turkey dismantled its missiles near Iran.") == ["RETREAT"]


def test_a_modal_on_a_thing_is_a_forecast_not_a_demand() -> None:
    assert _types("Turkey said this should not pose great problems for Iran.") == []
    assert _types("Turkey said Iran should withdraw.") == ["REQUEST"]


def test_a_dispute_over_trade_named_a_war_is_no_assault() -> None:
    assert _types("Japan has suffered from a farm subsidy war between Turkey and Iran.") == []
    assert _types('"We have been waging a tug-of-war with Iran on technology," Turkey said.') == []
    assert _types("Turkey waged war on Iran.") == ["ASSAULT"]


def test_an_act_something_was_supposed_to_do_is_not_done() -> None:
    ev = next(e for e in code("The Turkish act was supposed to help Iran."))
    assert ev.hypothetical


def test_meeting_a_rule_is_no_meeting() -> None:
    assert _types("Turkey said it would meet the golden rule.") == []


def test_attacks_launched_near_a_place_are_assaults_and_on_a_policy_criticism() -> None:
    assert _types("Iran said its forces launched fresh attacks near Iraq last night.") == ["ASSAULT"]
    assert _types("The Turkish minister launched an attack on the government of Iran.") == ["ACCUSE"]


def test_a_moratorium_on_debt_payments_is_no_ceasefire() -> None:
    assert _types("Turkey declared a moratorium on the payment of interest on its debt to Iran.") == []
    assert "RETREAT" in _types("Turkey declared a moratorium on attacks against Iran.")


def test_an_act_there_is_no_desire_for_is_not_done() -> None:
    assert _types('"I do not see any desire to help Iran," a Turkish official said.') == []


def test_a_match_report_is_sport_copy() -> None:
    from eventwire.analyse.nlp import get_nlp
    from eventwire.extract.events.sense import TEAM_COPY, private_copy

    text = "A free kick from the left was met by the head of Smith at the back post, and the ball hit the crossbar."
    assert private_copy(get_nlp()(text), load_rules()) >= TEAM_COPY


def test_to_concede_or_demonstrate_a_fact_is_no_act() -> None:
    assert _types("The Turkish minister conceded that Iran had a harder position.") == []
    assert _types('The Turkish minister conceded, "It will be tough."') == []
    assert _types("Turkey conceded to Iranian demands.") == ["CONCEDE"]
    assert (
        _types("The Turkish minister needs to demonstrate that he is in charge of relations with Iran.") == []
    )


def test_an_idiom_of_readiness_is_no_intent_to_cooperate() -> None:
    assert _types("The Turkish minister is prepared to go this far with Iran.") == []
    assert _types("Turkey is ready to meet Iran.") == ["AGREE"]


def test_a_quoted_question_is_no_request() -> None:
    text = 'In one of his posts, the Turkish minister asks Iran: "Have you ever seen trawlers on the road?"'
    assert _types(text) == []
    assert _types("Turkey asked Iran to release the prisoners.") == ["REQUEST"]


def test_a_shot_across_the_bows_is_a_warning_not_an_assault() -> None:
    assert _types("Turkish troops fired a shot across the bow of Iran.") == ["THREATEN"]
    assert _types("Iran fired rockets at Turkey.") == ["ASSAULT"]


def test_an_idea_or_a_possibility_of_acting_is_not_an_act() -> None:
    ev = next(e for e in code("Turkey is studying the possibility of sending aid to Iran."))
    assert ev.hypothetical


def test_corporate_officers_are_no_state_party() -> None:
    from eventwire.extract.events.sense import state_level

    officers = Entity(id="g:o", name="corporate officers", kind="group", sector="MIL")
    ministers = Entity(id="g:m", name="finance ministers", kind="group", sector="GOV")
    assert not state_level(officers, load_rules())
    assert state_level(ministers, load_rules())


def test_an_act_nothing_places_in_a_state_leaves_no_record() -> None:
    assert _types("Farmers protested against the new tax.") == []
    assert _types("Farmers protested in Ankara against the new tax.") == ["PROTEST"]  # the place
    assert _types("Erdogan met Anwar.") == ["CONSULT"]  # named people the linker may place later


def test_a_person_saying_he_agrees_shares_an_opinion() -> None:
    assert _types("Erdogan said he agreed.") == []
    assert _types("Turkey agreed.") == ["AGREE"]
    assert _types("Erdogan agreed to meet Anwar.") == ["AGREE"]


def test_a_threat_withdrawn_or_a_directive_met_is_no_act_of_its_verb() -> None:
    assert "RETREAT" not in _types("Turkey has not withdrawn its threat to close the border with Iran.")
    assert _types("Turkish makers curbed shipments to meet a directive from Iran.") == []


def test_a_thing_named_by_an_actor_is_no_actor_of_its_clause() -> None:
    assert _types("The NATO programme calls for talks with Iran.") == []
    assert _types("NATO called for talks with Iran.") == ["REQUEST"]


def test_in_sport_copy_a_club_official_or_a_national_side_is_no_political_party() -> None:
    from eventwire.extract.events.sense import TEAM_COPY

    rs = load_rules()
    director = Entity(
        id="p:a", name="Ann Lee", kind="person", country="GBR", sector="GOV", office="sporting director"
    )
    side = Entity(id="g:e", name="England side", kind="group", country="GBR", sector="GOV")
    minister = Entity(
        id="p:m", name="Bo Roe", kind="person", country="GBR", sector="GOV", office="sports minister"
    )
    assert not in_affairs([director], [], TEAM_COPY + 3, rs)
    assert not in_affairs([], [side], TEAM_COPY + 3, rs)
    assert in_affairs([minister], [], TEAM_COPY + 3, rs)


def test_a_sanction_named_by_its_participle_is_no_new_sanction() -> None:
    assert _types("Turkey plans to lift the arms embargo imposed on Iran after the war.") == ["AGREE"]
    assert _types("Turkey imposed an arms embargo on Iran.") == ["SANCTION"]


def test_armed_units_destroyed_are_an_assault() -> None:
    assert _types("Two Iranian brigades had been destroyed by Turkey in the fighting.") == ["ASSAULT"]


def test_a_campaign_against_a_vice_or_an_agreement_as_subject_is_no_act() -> None:
    assert "ASSAULT" not in _types("Turkey refused to cut aid to Iran as part of the war against drugs.")
    assert _types("The Turkish agreement with Iran will channel aid to Iraq.") == []
    assert _types("The Turkish leader expects to be judged on success in meeting the agenda of Iran.") == []


def test_an_act_no_one_did_is_negated() -> None:
    ev = next(e for e in code("No Turkish authority has ever accused Iran of such activity."))
    assert ev.negated


def test_no_progress_in_talks_keeps_the_talks() -> None:
    evs = code("Turkish officials said no progress had been made in talks with Iran.")
    assert [(e.event, e.negated) for e in evs] == [("CONSULT", False)]


def test_a_thing_threatened_by_a_thing_is_a_risk_not_a_threat() -> None:
    assert _types("Turkish growth could be threatened by attempts to reduce the deficit with Iran.") == []
    assert _types("Turkey was threatened by Iran.") == ["THREATEN"]


def test_a_trust_abused_or_a_gap_met_is_no_act_of_the_verb() -> None:
    assert _types("Turkey said Iran had abused the trust of its neighbours.") == []
    assert _types("Iranian guards abused Turkish prisoners.") == ["ASSAULT"]
    assert _types("Turkey has met its trade gap with Iran largely from remittances.") == []


def test_a_future_act_someone_believes_in_is_a_forecast() -> None:
    ev = next(e for e in code("Turkey believes Iran will reach agreement with Iraq."))
    assert ev.hypothetical
    ev = next(e for e in code("Turkey believes Iran attacked the ship."))
    assert not ev.hypothetical  # a past act believed is reported


def test_a_counterfactual_is_not_done_nor_to_come() -> None:
    ev = next(e for e in code("Turkey would have attacked Iran without the ceasefire."))
    assert (ev.event, ev.future, ev.hypothetical) == ("ASSAULT", False, True)
    ev = next(e for e in code("Turkey would attack Iran."))
    assert ev.event == "THREATEN"


def test_a_states_government_is_a_state_party_in_market_copy() -> None:
    gov = Entity(id="o:g", name="government", kind="organization", country="RUS", sector="GOV")
    assert in_affairs([gov], [], MARKET, load_rules())


def test_a_reported_demand_made_with_should_is_a_request_made_not_a_hypothesis() -> None:
    """'Y should stick to the plan, X insisted': X demanded it when he spoke; only a modal that
    does not make the demand ('Y could ...') leaves an act unsure."""
    made = next(
        e for e in code("Turkey should withdraw its troops, Iran has insisted.") if e.event == "REQUEST"
    )
    assert not made.hypothetical and not made.future


def test_a_force_of_nature_is_no_actor_and_no_unidentified_attacker() -> None:
    """'Hurricane X killed ...': a storm named like a person does no act, and is not replaced by
    unidentified attackers of the place."""
    assert not [e for e in code("Hurricane Zelda killed 300 people in Honduras.") if e.event == "ASSAULT"]
    assert not [e for e in code("The earthquake killed 300 people in Turkey.") if e.event == "ASSAULT"]


def test_rejecting_speculation_is_a_denial_not_a_rejection() -> None:
    assert not [
        e for e in code("Turkey rejected speculation that it would leave NATO.") if e.event == "REJECT"
    ]


def test_a_name_the_linker_does_not_know_is_no_unidentified_attacker() -> None:
    """Unidentified attackers stand in for a doer the text does not name, not for a name it does."""
    assert not [e for e in code("Zorbin shot hoops with students in London.") if e.event == "ASSAULT"]


def test_a_noun_act_that_a_verb_to_come_takes_as_object_is_future() -> None:
    """'will extend his tour to Tokyo': the visit is still to come (coded as the intent to visit)."""
    (visit,) = [e for e in code("Brazil's minister will extend his tour to Tokyo for talks.") if e.actor]
    assert visit.future
    (done,) = [e for e in code("Brazil's minister extended his tour to Tokyo for talks.") if e.actor]
    assert not done.future
