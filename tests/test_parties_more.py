"""Both sides of events and the states of the people and bodies on them: titles serving a named
body, a state after a short name, employers' states, the knowledge's namesakes, object pronouns
and the parties a state's press names without the state."""

from __future__ import annotations

from eventwire.link import evidence
from eventwire.link.actors import namesake_country
from eventwire.run.article import code as code_article
from test_actors import at, person, run  # link helpers; the `nlp` fixture is conftest's


def test_title_serving_a_named_body_before_the_name(nlp):
    text = "Chief spokesman for the Kenyan Ministry of Foreign Affairs Otieno Wambua said so on Friday."
    _, actors = run(nlp, text)
    p = person(actors, "Otieno Wambua")
    assert p.country == "KEN"
    assert [r.title for r in p.roles] == ["Chief spokesman"]
    assert p.roles[0].organization and "Ministry of Foreign Affairs" in p.roles[0].organization


def test_state_after_a_short_name_is_evidence(nlp):
    text = "The talks were led by Prime Minister Tadeo Mbeki. Reforms began under Prime Minister Mbeki of Zambia."
    _, actors = run(nlp, text)
    assert person(actors, "Tadeo Mbeki").country == "ZMB"


def test_employer_made_national_later_in_the_story(nlp):
    text = (
        "Volkor chairman Anders Lindqvist said the order was welcome. "
        "The Swedish engineering company Volkor will deliver the engines next year."
    )
    _, actors = run(nlp, text)
    p = person(actors, "Anders Lindqvist")
    assert (p.country, p.country_source) == ("SWE", "org")


def test_namesakes_settle_a_titled_surname_and_a_name_without_its_middle():
    assert namesake_country("Assad", "2000-01-01") == "SYR"
    assert namesake_country("Carlos Menem", "2000-01-01") == "ARG"
    assert namesake_country("John Smith", "2000-01-01") is None  # a common surname
    assert evidence.weight("knowledge") > evidence.weight("namesake") > evidence.weight("context")


def test_titled_surname_takes_the_namesakes_state(nlp):
    _, actors = run(nlp, "President Assad rejected the plan on Sunday.", published="2000-01-01")
    p = person(actors, "Assad")
    assert (p.country, p.country_source) == ("SYR", "namesake")


def test_object_pronoun_is_not_its_own_clauses_subject():
    ext = code_article(
        "Opposition leader Brian Tolland sacked Martin Crane on Monday. "
        "Tolland sacked Crane as his deputy after accusing him of undermining the leadership.",
        "2020-03-02",
    )
    names = {a.key: a.name for a in ext.actors}
    acc = [e for e in ext.events if e.event == "ACCUSE"]
    assert acc and any(names.get(r.id) == "Martin Crane" for e in acc for r in e.recipient)


def test_parties_named_without_their_state(nlp):
    _, actors = run(nlp, "The Lib Dems accused Labour of breaking its promises.")
    states = {a.name: a.country for a in actors.values()}
    assert states.get("Liberal Democrats") == "GBR" and states.get("Labour Party") == "GBR"
    assert not any(a.kind == "person" and a.name.islower() for a in actors.values())


def test_surname_of_a_named_person_is_not_the_city_of_that_name(nlp):
    text = 'Government spokesman Tran Van Hue spoke on Monday. "We will not accept it," Hue said.'
    ms, actors = run(nlp, text)
    p = person(actors, "Tran Van Hue")
    assert "Hue" in p.aliases
    assert not any(m.is_place and m.text == "Hue" for m in ms)


def test_plural_title_before_a_list_and_possessive_states(nlp):
    text = "The two states' foreign ministers, Norway's Ola Brekke and Chile's Carlos Rojas, signed the pact."
    _, actors = run(nlp, text)
    ola, ana = person(actors, "Ola Brekke"), person(actors, "Carlos Rojas")
    assert (ola.country, ana.country) == ("NOR", "CHL")
    assert [r.title.lower() for r in ola.roles] == ["foreign minister"]


def test_korean_alone_is_south_korean(nlp):
    _, actors = run(nlp, "Korean Defence Minister Park Tae-ho visited Warsaw.")
    assert person(actors, "Park Tae-ho").country == "KOR"


def _events(text: str, date: str = "2020-03-02") -> list[tuple[str, list[str | None], list[str | None]]]:
    ext = code_article(text, date)
    return [(e.event, [a.country for a in e.actor], [r.country for r in e.recipient]) for e in ext.events]


def test_refused_request_names_its_author_as_recipient():
    evs = _events("Norway refused to comply with a request from the Chilean government.")
    assert ("REJECT", ["NOR"], ["CHL"]) in evs


def test_the_government_is_the_state_named_before():
    evs = _events("Peru's finance minister spoke on Monday in Lima. The government rejected the plan.")
    assert any(ev == "REJECT" and acts == ["PER"] for ev, acts, _ in evs)


def test_a_state_never_protests_against_itself():
    evs = _events("Japan criticised China on Monday. The government said it would protest.")
    assert not any(acts and acts == recs for _, acts, recs in evs)


def test_a_leaders_administration_is_the_leaders_state(nlp):
    _, actors = run(nlp, "The Blair government rejected the plan on Monday.", published="2005-03-01")
    body = [a for a in actors.values() if a.name == "Blair government"]
    assert body and (body[0].kind, body[0].country) == ("organization", "GBR")
    assert not any(a.kind == "person" for a in actors.values())


def test_an_office_serving_a_person_is_of_that_persons_state(nlp):
    text = "The team, led by Pieter Vos — cousin and adviser to Dutch Prime Minister Jan Smit — arrived."
    _, actors = run(nlp, text)
    p = person(actors, "Pieter Vos")
    assert (p.country, p.country_source) == ("NLD", "org")
    assert [r.title for r in p.roles] == ["adviser"]


def test_the_government_never_stands_for_a_place_named_before():
    evs = _events("Aid groups said children were trafficked in Albania. The government said it was wrong.")
    assert not any("ALB" in acts for _, acts, _ in evs)


def test_speaking_for_a_party_gives_its_state(nlp):
    text = "Helen Marsh, for the Liberal Democrats, said the plan was wrong. Tory Peter Lane agreed."
    _, actors = run(nlp, text)
    assert (person(actors, "Helen Marsh").country, person(actors, "Peter Lane").country) == ("GBR", "GBR")


def test_an_accusation_targets_the_accused_not_the_addressee():
    evs = _events("Chile complained to the United Nations that Peru had violated the treaty.")
    assert ("ACCUSE", ["CHL"], ["PER"]) in evs
    evs = _events("Chile protested to Peru over the seizure of its boats.")
    assert ("ACCUSE", ["CHL"], ["PER"]) in evs


def test_ecuadoran_is_ecuadorian(nlp):
    ms, _ = run(nlp, "Ecuadoran unions have called for a general strike.")
    assert any(m.entity.country == "ECU" for m in ms)


def test_a_people_of_another_state_is_that_states_group(nlp):
    ms, _ = run(nlp, "The Hungarians of southern Slovakia demanded more rights.")
    assert at(ms, "Hungarians").entity.country == "SVK"
    ms, _ = run(nlp, "Ethnic Russians blocked roads near Latvia's border with Estonia, Latvian police said.")
    assert at(ms, "Russians").entity.country == "LVA"


def test_talks_joined_to_a_meeting_are_with_the_one_met():
    evs = _events("Chile's foreign minister met with Peru's foreign minister and discussed trade.")
    consult = [(acts, recs) for ev, acts, recs in evs if ev == "CONSULT"]
    assert len(consult) >= 2 and all(recs == ["PER"] for _, recs in consult)


def test_a_party_in_a_story_about_one_state_is_that_states(nlp):
    text = (
        "Members of the ruling Freedom and Unity Party called for a delay on Monday. "
        "Peru's economy grew. Lima said the plan would stay. Peruvian officials agreed."
    )
    _, actors = run(nlp, text)
    party = [a for a in actors.values() if a.name == "Freedom and Unity Party"]
    assert party and (party[0].country, party[0].country_source) == ("PER", "context")
