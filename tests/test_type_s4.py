"""Event type precision on unseen news, round 4 (issue 16, part 1): senses of words that report no
act, modality read from the act's own clause, and market, sport and company copy. Short invented
sentences; the coder runs with the small name table of test_events, so these test the coder alone."""

from __future__ import annotations

from eventwire.extract.events.sense import in_affairs, private_copy
from eventwire.lexicon.events import load_rules
from eventwire.model import Entity
from test_events import code


def _types(text: str) -> list[str]:
    return [e.event for e in code(text)]


def _one(text: str, event: str):
    found = [e for e in code(text) if e.event == event]
    assert found, f"no {event} in {text!r}: {[(e.event, e.pattern) for e in code(text)]}"
    return found[0]


# ------------------------------------------------------------------------------ senses of words


def test_a_plural_the_model_lemmatises_wrongly_still_matches_its_object_list() -> None:
    # "taxes" is lemmatised "taxis": the object is a policy, so a verbal attack, not violence
    assert "ASSAULT" not in _types('Iran attacked Iraq\'s "unfair" and complicated taxes.')
    assert "ASSAULT" in _types("Iraqi jets attacked Iranian oil platforms.")


def test_an_attack_on_a_problem_is_a_policy_not_violence() -> None:
    assert _types("Iran launched a war on waste, fraud and abuse.") == []
    assert "ACCUSE" not in _types("Egypt is trying to attack the trade deficit.")
    assert "ASSAULT" in _types("Iran launched a war on Iraq.")


def test_a_passive_with_a_thing_as_agent_is_no_act() -> None:
    assert _types("Imports of gas from Canada are limited by pipeline capacity.") == []
    assert "SANCTION" in _types("Imports of gas from Canada are limited by Egypt.")


def test_talk_about_a_subject_with_no_partner_is_no_consultation() -> None:
    assert "CONSULT" not in _types("Officials in Japan began to talk about the threat of inflation.")
    assert "CONSULT" in _types("Iran talked with Iraq about the border.")
    assert "CONSULT" in _types("Iran and Iraq talked about the border.")


def test_withdrawing_a_thing_is_no_retreat() -> None:
    assert "RETREAT" not in _types("Iran withdrew two posters and launched new designs.")
    assert "RETREAT" in _types("Russia withdrew its troops from the border.")
    assert "RETREAT" in _types("Russia withdrew missiles from Europe.")  # arms (the military context)
    assert "RETREAT" in _types("Iran withdrew from the talks with Iraq.")  # no object at all


def test_an_envoy_called_home_is_no_phone_call() -> None:
    assert "CONSULT" not in _types(
        "Iran said its ambassador to Iraq had been called home to review security."
    )


def test_a_force_named_by_its_participle_is_a_standing_force_not_a_deployment() -> None:
    assert "MOBILIZE" not in _types("Russia lacked repair yards for the 600 ships deployed near Japan.")
    assert "MOBILIZE" in _types("Russia deployed 600 ships near Japan.")


def test_arriving_in_ones_own_state_is_no_visit() -> None:
    assert _types("The Chinese premier will arrive in Beijing on Friday.") == []
    assert "AGREE" in _types("The Chinese premier will arrive in Ankara on Friday.")  # a visit to come


# ------------------------------------------------------------------------------------ modality


def test_a_bare_verb_joined_to_a_negated_auxiliary_shares_the_negation() -> None:
    ev = _one("Egypt said Iran would not intervene and press Iraq to withdraw.", "REQUEST")
    assert ev.negated
    done = _one("Iran did not attack and occupied the town near Iraq.", "COERCE")
    assert not done.negated  # a verb with its own tense is a second clause


def test_an_act_kept_from_happening_is_negated() -> None:
    ev = _one("Egypt kept Iran from attacking Iraq.", "ASSAULT")
    assert ev.negated


# --------------------------------------------------------------------------- sport and markets


def test_in_sport_copy_a_rank_is_a_teams_role_not_an_office() -> None:
    rs = load_rules()
    captain = Entity(id="p:u", name="Tama Umaga", kind="person", sector="MIL")  # "captain" as a rank
    sport = 1005
    assert not in_affairs([captain], [], sport, rs)
    minister = Entity(id="p:m", name="Ann Lee", kind="person", country="GBR", sector="GOV", office="minister")
    assert in_affairs([minister], [], sport, rs)


def test_private_copy_scores_sport_above_team_copy() -> None:
    from eventwire.analyse.nlp import get_nlp
    from eventwire.extract.events.sense import TEAM_COPY

    doc = get_nlp()("The coach said the squad for the rugby match had no injury worries for the season.")
    assert private_copy(doc, load_rules()) >= TEAM_COPY


def test_in_market_copy_a_state_named_only_as_a_firms_nationality_is_no_party() -> None:
    # "the bank, through its Canadian bank subsidiary, will invest": Canada qualifies a firm's noun
    rs = load_rules()
    name = Entity(id="p:b", name="Bo Roe", kind="person")
    canada = Entity(id="c:CAN", name="Canada", kind="country", country="CAN")
    assert not in_affairs([name], [canada], 8, rs, frozenset({"c:CAN"}))
    assert in_affairs([name], [canada], 8, rs)  # the state named as a party ("Roe met Canada's envoy")


def test_in_market_copy_a_place_standing_in_for_a_recipient_makes_no_act() -> None:
    text = "Dealers said operators refrained from taking large positions in Cairo, deposit rates were 6 pct."
    assert _types(text) == []


def test_in_market_copy_a_firms_appeal_to_a_state_is_business() -> None:
    # "Nomura urged the government to take pump-priming measures" in a brokers' report
    rs = load_rules()
    firm = Entity(id="o:n", name="Nomura Securities Co", kind="organization", sector="BUS")
    japan = Entity(id="c:JPN", name="Japan", kind="country", country="JPN")
    assert not in_affairs([firm], [japan], 5, rs)
    assert in_affairs([firm], [japan], 0, rs)  # plain copy: a firm's dealing with a state stays
    assert in_affairs([japan], [firm], 5, rs)  # the state acting on a firm


def test_a_firm_flying_to_a_state_pays_no_visit() -> None:
    assert _types("Acme Corp flies to Iran via Iraq.") == []
    assert "CONSULT" in _types("The Egyptian president flew to Iran.")


def test_television_copy_is_entertainment() -> None:
    from eventwire.analyse.nlp import get_nlp

    doc = get_nlp()(
        "The judges of the talent show said a contestant and a presenter left after the audition."
    )
    assert private_copy(doc, load_rules()) > 1000


def test_a_meeting_with_reporters_is_a_briefing() -> None:
    assert "CONSULT" not in _types("Meeting with reporters in Geneva, the Iranian envoy said Iraq had erred.")
    assert "CONSULT" in _types("Iran held talks with Iraq in Geneva.")


def test_a_visit_the_subject_of_a_verb_to_come_is_future() -> None:
    ev = _one("Erdogan said his visit to Malaysia next week will help trade.", "AGREE")
    assert ev.future


def test_no_intention_of_acting_is_a_negation() -> None:
    from eventwire.analyse.nlp import get_nlp
    from eventwire.extract.events.modality import _no_aim

    doc = get_nlp()("The ministers had no intention of resigning.")
    verb = next(t for t in doc if t.text == "resigning")
    assert _no_aim(verb)
    doc = get_nlp()("The ministers had every intention of resigning.")
    assert not _no_aim(next(t for t in doc if t.text == "resigning"))
