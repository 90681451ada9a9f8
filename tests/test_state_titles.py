"""Offices only some states have (coref.yaml ``state_titles``): a bare title gives its holder the
story's most named state that has the office, however the story's mentions are shared out. All
sentences are invented for these tests."""

from __future__ import annotations


def _actor_country(nlp, text: str, name: str) -> str | None:
    from test_actors import country_of

    return country_of(nlp, text, name, published="2019-04-20")


def test_a_crown_prince_in_a_story_mostly_about_another_state_is_the_monarchy_s(nlp):
    text = (
        "Canada said on Monday it would recall its ambassador from Riyadh. "
        "Canadian officials said the policy led by Crown Prince Faisal Hamdan had hurt ties. "
        "Canada's foreign minister said Canada would stand by its statement. "
        "Saudi Arabia said it would freeze trade with Canada."
    )
    assert _actor_country(nlp, text, "Faisal Hamdan") == "SAU"


def test_a_foreign_secretary_is_not_given_a_state_without_that_office(nlp):
    text = (
        "The United States will host leaders from the region in Los Angeles next week. "
        "US officials said Washington would press for a trade deal at the summit. "
        "Mexico said on Monday it would send a delegation. "
        "Leading the delegation will be Foreign Secretary Pablo Ruiz. "
        "American diplomats said the United States would also meet Canada."
    )
    assert _actor_country(nlp, text, "Pablo Ruiz") == "MEX"


def test_a_bracketed_qualifier_stays_within_the_title_and_its_body_gives_the_state(nlp):
    text = (
        "Ukraine said on Monday it would welcome the visit of the Indian leader. "
        "Ukrainian officials said Ukraine wanted more trade with Asia. "
        "“The visit will build on recent talks,” Mr Ravi Kumar, Secretary (East) in the "
        "Ministry of External Affairs said at a briefing. "
        "Ukraine's president thanked India."
    )
    from test_actors import person, run

    _ms, actors = run(nlp, text, published="2019-04-20")
    p = person(actors, "Ravi Kumar")
    assert p.country == "IND", p
    assert [r.organization for r in p.roles] == ["Ministry of External Affairs"]


def test_a_description_with_a_state_refers_to_that_state_s_office_holder(nlp):
    text = (
        "Leader Omar Khan met Ukrainian President Petro Ivanenko in Kyiv. "
        "Weeks earlier he had hugged President Ivan Petrov in Moscow. "
        "Khan has often spoken with the Ukraine President by phone."
    )
    from test_actors import run

    ms, _actors = run(nlp, text, published="2019-04-20")
    desc = [m for m in ms if m.text.endswith("Ukraine President")]
    assert desc and desc[0].entity.name == "Petro Ivanenko", [(m.text, m.entity.name) for m in ms]
