"""Offices only some states have (coref.yaml ``state_titles``): a bare title gives its holder the
story's most named state that has the office, however the story's mentions are shared out. All
sentences are invented for these tests."""

from __future__ import annotations


def _actor_country(nlp, text: str, name: str) -> str | None:
    from test_actors import run

    _ms, actors = run(nlp, text, published="2019-04-20")
    return next(a.country for a in actors.values() if a.name == name)


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
