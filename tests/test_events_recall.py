"""Events an analyst codes that are easy to miss: verdicts in reported speech, nominal and
participle forms. Short sentences written for these tests; the linker is the test table of
test_events."""

from __future__ import annotations

import pytest

from test_events import code, countries, one  # the coder with the test linker table

VERDICTS = [
    ("Iraq's decision was completely unjustified, the Egyptian foreign ministry said.", "EGY", "IRQ"),
    ('"China has violated the waters of Malaysia," the Malaysian ministry said.', "MYS", "CHN"),
    (
        '"Iraq has never stopped carrying out hostile actions against us," the Turkish minister added.',
        "TUR",
        "IRQ",
    ),
    ('"Iran\'s conduct constitutes a threat to the region," the Israeli government said.', "ISR", "IRN"),
    ('"This is the insanity of the Israeli government," said the Egyptian president.', "EGY", "ISR"),
    ("Russia called the decision of France illegal.", "RUS", "FRA"),
]


@pytest.mark.parametrize(("text", "judge", "judged"), VERDICTS)
def test_a_stated_verdict_is_an_accusation_by_the_speaker(text: str, judge: str, judged: str) -> None:
    ev = one(text, "ACCUSE")
    assert countries(ev.actor) == {judge}, text
    assert countries(ev.recipient) == {judged}, text


@pytest.mark.parametrize(
    "text",
    [
        "The decision of Iraq was completely unjustified.",  # nobody states it
        "The weather was unacceptable, the Turkish minister said.",  # nobody judged
        "Turkey's decision was unacceptable, the Turkish minister said.",  # one's own side
        "Chinese ships violated the waters of Vietnam.",  # a report, not a verdict
        "The court ruled the strike of Iraqi seamen illegal, Iraqi unions said.",  # the court judges
    ],
)
def test_a_verdict_needs_a_speaker_and_someone_else_judged(text: str) -> None:
    assert "ACCUSE" not in [e.event for e in code(text)], text


NOMINAL_AND_REDUCED = [
    ("Iran had asked Russia for modern fighter jets.", "REQUEST", "IRN", "RUS"),
    ("The US has restricted the sale of its advanced chips to China.", "SANCTION", "USA", "CHN"),
    ("Japan dropped Vietnam from its white list of trusted trade partners.", "SANCTION", "JPN", "VNM"),
    ("Britain has been a leading advocate of Turkish membership.", "SUPPORT", "GBR", "TUR"),
]


@pytest.mark.parametrize(("text", "event", "actor", "recipient"), NOMINAL_AND_REDUCED)
def test_requests_restrictions_and_support_in_other_words(
    text: str, event: str, actor: str, recipient: str
) -> None:
    ev = one(text, event)
    assert actor in countries(ev.actor), text
    assert recipient in countries(ev.recipient), text


def test_a_reduced_relative_names_the_object_of_its_verb() -> None:
    ev = one("The deal, struck at the Security Council last week, opened talks with Iran.", "AGREE")
    assert ev.pattern == "agree.sign_intent_noun"
    # the parser reads "duties totalling 80%" as a clause: its subject is the object announced
    ev = one("China announced duties totalling 80% on wine.", "SANCTION")
    assert ev.pattern == "sanction.impose" and countries(ev.actor) == {"CHN"}


def test_asking_for_comment_or_one_sides_decision_is_no_event() -> None:
    assert not [e for e in code("Iran asked Russia for comment.") if e.event == "REQUEST"]
    assert not [e for e in code("The US restricted the sale of alcohol.") if e.event == "SANCTION"]


def test_a_relative_clause_inside_a_refused_offer_is_an_act_of_its_own() -> None:
    text = "Turkey decided not to accept an offer to escort its ships in the gulf, where Iran has been attacking tankers."
    ev = one(text, "ASSAULT")
    assert countries(ev.actor) == {"IRN"}


def test_recognising_a_claim_is_support_for_its_owner() -> None:
    ev = one("The US recognised the sovereignty of Morocco over the region.", "SUPPORT")
    assert ev.cameo == "054" and countries(ev.actor) == {"USA"}


def test_a_group_noun_stands_for_the_actors_it_lists() -> None:
    ev = one(
        "Iran has asked three countries, including Russia, China and Chile, for fighter jets.", "REQUEST"
    )
    assert countries(ev.recipient) == {"RUS", "CHN", "CHL"}


def test_approving_a_sale_to_a_state_is_cooperation() -> None:
    ev = one("The US has approved the sale of advanced chips to China.", "COOPERATE")
    assert countries(ev.actor) == {"USA"} and countries(ev.recipient) == {"CHN"}
    assert not [e for e in code("The board approved the sale of its bakery unit.") if e.event == "COOPERATE"]


def test_refusing_to_bow_to_demands_is_a_rejection() -> None:
    ev = one("Turkey insisted it would not bow to demands from Chile.", "REJECT")
    assert countries(ev.actor) == {"TUR"}


def test_a_reported_request_is_no_reporters_question() -> None:
    text = "Iran has asked Russia for fighter jets to protect its shipping, officials in Chile said."
    ev = one(text, "REQUEST")
    assert countries(ev.actor) == {"IRN"} and countries(ev.recipient) == {"RUS"}
    assert "REQUEST" not in [
        e.event for e in code("Asked whether Iran would retaliate, Russia said it had not decided.")
    ]


def test_an_infinitive_after_an_ordinal_reports_the_act_done() -> None:
    ev = one("Egypt became the third Arab state this year to normalise ties with Israel.", "SUPPORT")
    assert countries(ev.actor) == {"EGY"} and countries(ev.recipient) == {"ISR"}
    assert "SUPPORT" not in [
        e.event for e in code("Japan sent envoys to Ankara to improve ties with Turkey.")
    ]


def test_the_visiting_leader_is_a_visit_to_the_host() -> None:
    ev = one("Turkey met the visiting Malaysian delegation in Ankara.", "CONSULT")
    visits = [e for e in code("Turkey met the visiting Malaysian delegation in Ankara.") if e.mode == "visit"]
    assert visits and countries(visits[0].actor) == {"MYS"} and countries(visits[0].recipient) == {"TUR"}
    assert ev is not None
    assert not [
        e for e in code("The visiting Malaysian delegation said the talks went well.") if e.mode == "visit"
    ]


def test_a_phone_call_between_two_leaders_is_a_call() -> None:
    ev = one("The goals were set during a phone call between Japan and Vietnam.", "CONSULT")
    assert ev.mode == "phone" and countries(ev.actor) | countries(ev.recipient) == {"JPN", "VNM"}
