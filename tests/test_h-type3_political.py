"""Issue #16: PLOVER codes the acts of political actors. Firms, unions and farmers among themselves,
debating bodies of one state in a violent verb, and things on a trip make no event. Short invented
sentences with a small name table that gives sectors, so these test the coder alone."""

from __future__ import annotations

import re

from eventwire.analyse.nlp import get_nlp
from eventwire.extract.context import DocContext
from eventwire.extract.events import coder
from eventwire.extract.events.political import debate_metaphor, economic, thing_visitor
from eventwire.lexicon.events import load_rules
from eventwire.model import Article, Entity, EntityMention, Event

# surface form -> (id, kind, country, sector, office)
NAMES = {
    "Acme Corp": ("o:acme", "organization", "USA", "BUS", None),
    "Bolt Inc": ("o:bolt", "organization", "JPN", "BUS", None),
    "the dockers' union": ("o:union", "organization", "USA", "LAB", None),
    "the Interior Ministry": ("o:moi", "organization", "USA", "GOV", None),
    "the Senate": ("o:senate", "organization", "USA", "LEG", None),
    "President Lane": ("p:lane", "person", "USA", "GOV", "president"),
    "the riot police": ("g:police", "group", "USA", "COP", None),
    "Japan": ("c:JPN", "country", "JPN", None, None),
    "the United States": ("c:USA", "country", "USA", None, None),
}


def _mentions(text: str) -> list[EntityMention]:
    out = []
    for name, (key, kind, country, sector, office) in NAMES.items():
        for m in re.finditer(re.escape(name), text):
            ent = Entity(id=key, name=name, kind=kind, country=country, sector=sector, office=office)
            out.append(EntityMention(key=key, start=m.start(), end=m.end(), text=name, entity=ent))
    return sorted(out, key=lambda m: m.start)


def _code(text: str) -> list[Event]:
    art = Article(id="a_h3", path="<test>", text=text)
    return coder.extract(DocContext(article=art, doc=get_nlp()(text), entities=_mentions(text)))


def _types(text: str) -> set[str]:
    return {e.event for e in _code(text)}


def test_labour_and_business_among_themselves_make_no_event() -> None:
    assert "PROTEST" not in _types("The dockers' union protested against Acme Corp on Monday.")
    assert "ACCUSE" not in _types("The dockers' union accused Acme Corp of cheating its members.")


def test_workers_protesting_to_the_state_stay() -> None:
    assert "PROTEST" in _types("The dockers' union protested against the Interior Ministry on Monday.")


def test_a_state_named_as_a_firms_nationality_is_no_party() -> None:
    assert "AGREE" not in _types("Acme Corp agreed with Japan's Bolt Inc to make cameras together.")


def test_a_firm_dealing_with_a_state_stays() -> None:
    assert "AGREE" in _types("Acme Corp agreed with Japan to build a car plant there.")


def test_debating_bodies_of_one_state_fight_with_words() -> None:
    rs = load_rules()
    senate = Entity(id="o:s", name="Senate", kind="organization", country="USA", sector="LEG")
    lane = Entity(id="p:l", name="Lane", kind="person", country="USA", sector="GOV", office="president")
    police = Entity(id="g:p", name="police", kind="group", country="USA", sector="COP")
    rebels = Entity(id="g:r", name="rebels", kind="group", country="USA", sector="REB")
    foreign = Entity(id="p:k", name="Kim", kind="person", country="KOR", sector="GOV", office="president")
    assert debate_metaphor([senate], [lane])
    assert not debate_metaphor([police], [lane])  # armed forces of the state do strike
    assert not debate_metaphor([lane], [rebels])
    assert not debate_metaphor([lane], [foreign])  # across a border it is foreign affairs
    assert not debate_metaphor([senate], [])
    senators = Entity(id="g:s", name="senators", kind="group", country="USA", sector="LEG")
    crowd = Entity(id="g:o", name="opposition supporters", kind="group", country="USA", sector="OPP")
    assert debate_metaphor([senators], [lane])
    assert not debate_metaphor([lane], [crowd])  # supporters in the street may be beaten
    assert economic(Entity(id="o:u", name="union", kind="organization", sector="LAB"), rs)


def test_senate_battling_the_president_is_no_assault() -> None:
    assert "ASSAULT" not in _types("The Senate battled President Lane over the budget.")
    assert "ASSAULT" in _types("The riot police attacked President Lane.")


def test_a_thing_pays_no_visit() -> None:
    rs = load_rules()
    ship = Entity(id="g:v", name="vessel", kind="group", country="LBR")
    assert thing_visitor([ship], rs)
    assert not thing_visitor([Entity(id="p:l", name="Lane", kind="person", country="USA")], rs)
    assert not thing_visitor([Entity(id="o:s", name="Senate", kind="organization", sector="LEG")], rs)


def test_a_pledge_at_home_is_no_agreement() -> None:
    assert "AGREE" not in _types("President Lane pledged to cut taxes for families.")
    assert "AGREE" not in _types("President Lane announced he will stand down next year.")


def test_a_pledge_to_another_party_or_by_a_state_stays() -> None:
    assert "AGREE" in _types("President Lane pledged to cooperate with Japan on trade.")
    assert "AGREE" in _types("Japan pledged to cut tariffs.")
    # the state's commitment, reported by its minister, is the state's: PLOVER codes it AGREE
    assert "AGREE" in _types("President Lane said the United States is committed to opening its market.")


def test_workers_killed_with_no_attacker_named_is_an_accident() -> None:
    assert "ASSAULT" not in _types(
        "Thirty coal miners were killed in an explosion at a colliery near Ottawa."
    )
    assert "ASSAULT" in _types("Gunmen killed ten miners near Ottawa.")
    assert "ASSAULT" in _types("Ten soldiers were killed in an explosion near Ottawa.")


def test_a_trip_at_home_is_no_visit() -> None:
    assert "CONSULT" not in _types("President Lane made a trip to Philadelphia on Monday.")
    assert "CONSULT" in _types("President Lane made a trip to Japan on Monday.")


def test_a_visit_to_no_host_and_no_state_is_no_consultation() -> None:
    assert "CONSULT" not in _types("President Lane is touring the country promoting his book.")
    assert "CONSULT" in _types("President Lane paid a visit to Japan.")


def test_a_pledge_with_a_partner_stays() -> None:
    assert "AGREE" in _types("President Lane said he would continue to cooperate closely with other nations.")
