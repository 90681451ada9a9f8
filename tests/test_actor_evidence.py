"""Actors' countries with evidence: strong readings outvote weak ones, the dated knowledge fills
in, states as they were, and titles that belong to someone else are not taken."""

from __future__ import annotations

from eventwire.consolidate.actors import resolve_actors
from eventwire.link import evidence
from eventwire.link.actors import known_country
from eventwire.link.orgs import known_company_country
from eventwire.model import ArticleExtraction, LocalActor
from test_actors import person, run  # link helpers; the `nlp` fixture is conftest's


def test_title_country_is_strong_evidence(nlp):
    _, actors = run(nlp, "Kenyan Foreign Minister Amina Otieno arrived on Monday.")
    p = person(actors, "Amina Otieno")
    assert (p.country, p.country_source) == ("KEN", "title")


def test_evidence_weights_order():
    assert evidence.weight("title") > evidence.weight("knowledge") > evidence.weight("place")
    assert evidence.weight("place") > evidence.weight("context")
    assert evidence.strong("knowledge") and not evidence.strong("context")


def test_knowledge_gives_a_known_person_his_state():
    assert known_country("Tony Blair", "2005-03-01") == "GBR"
    # a surname alone: the one holder of a government office of that name on the date, if one
    assert known_country("Reagan", "1987-03-02") == "USA"
    assert known_country("Reagan", None) is None


def test_moscow_in_1987_is_the_soviet_union(nlp):
    ms, _ = run(nlp, "Moscow rejected the proposal on Tuesday.", published="1987-03-04")
    assert any(m.key == "c:SUN" for m in ms)
    ms, _ = run(nlp, "Moscow rejected the proposal on Tuesday.", published="2005-03-04")
    assert any(m.key == "c:RUS" for m in ms)


def test_neighbouring_persons_title_is_not_taken(nlp):
    text = "In an interview with the paper's political editor Jane Doyle, Mr Harold Finch said it was hard."
    _, actors = run(nlp, text)
    finch = [a for a in actors.values() if a.kind == "person" and "Finch" in a.name]
    assert finch and not any("editor" in r.title for a in finch for r in a.roles)


def test_dates_and_sentence_adverbs_are_not_title_words(nlp):
    _, actors = run(nlp, "On Tuesday Foreign Secretary Jack Harlow told parliament he agreed.")
    p = person(actors, "Jack Harlow")
    assert [r.title for r in p.roles] == ["Foreign Secretary"]


def _ext(aid: str, *actors: LocalActor) -> ArticleExtraction:
    return ArticleExtraction(article_id=aid, actors=list(actors))


def _p(name: str, country: str | None, source: str | None) -> LocalActor:
    return LocalActor(
        key=f"p:{name.lower()}", name=name, kind="person", country=country, country_source=source
    )


def test_strong_reading_outvotes_weak_ones_across_the_corpus():
    exts = [
        _ext("a1", _p("Alan Fenwick", "GBR", "title")),
        _ext("a2", _p("Alan Fenwick", "IRQ", "context")),
        _ext("a3", _p("Alan Fenwick", "ESP", "place")),
        _ext("a4", _p("Alan Fenwick", "IRQ", "context")),
    ]
    recs, key_map = resolve_actors(exts)
    people = [r for r in recs if r.kind == "person"]
    assert len(people) == 1
    assert people[0].country == "GBR" and people[0].country_source == "title"
    assert len(set(key_map.values())) == 1


def test_namesakes_with_strong_states_stay_apart():
    exts = [
        _ext("a1", _p("Ali Hassan", "EGY", "title")),
        _ext("a2", _p("Ali Hassan", "JOR", "title")),
    ]
    recs, _ = resolve_actors(exts)
    assert sorted(r.country for r in recs if r.kind == "person") == ["EGY", "JOR"]


def test_surname_joins_the_dominant_full_name():
    exts = [_ext(f"a{i}", _p("Tom Bellamy", "GBR", "title")) for i in range(4)]
    exts += [_ext("b1", _p("Rose Bellamy", None, None)), _ext("c1", _p("Bellamy", None, None))]
    recs, key_map = resolve_actors(exts)
    assert key_map[("c1", "p:bellamy")] == key_map[("a0", "p:tom bellamy")]


def test_body_words_and_two_word_heads_stay_in_the_title(nlp):
    _, actors = run(
        nlp, "Kenya denied it, with Kenyan foreign ministry spokesman Jomo Wafula writing online."
    )
    p = person(actors, "Jomo Wafula")
    assert p.country == "KEN" and "spokesman" in p.roles[0].title
    _, actors = run(nlp, "The policy is led by Crown Prince Faisal bin Khalid.")
    p = person(actors, "Faisal bin Khalid")
    assert [r.title for r in p.roles] == ["Crown Prince"]


def test_company_state_from_possessive_and_group_knowledge(nlp):
    _, actors = run(nlp, "The tanks will be built by a firm under Poland's state-owned ZXQ.")
    assert actors["o:zxq"].country == "POL"
    assert known_company_country("Hyundai Widgets") == "KOR"


def test_republics_of_a_living_federation_keep_their_code(nlp):
    ms, _ = run(nlp, "Serbia rejected the ultimatum on Thursday.", published="2000-01-01")
    assert any(m.key == "c:SRB" for m in ms)
    ms, _ = run(nlp, "Prague rejected the ultimatum on Thursday.", published="1987-01-01")
    assert any(m.entity.country == "CSK" for m in ms)


def test_things_amounts_laws_and_datelines_are_not_actors(nlp):
    text = "PORTLAND, March 2 - The firm said it sold 767s to Zorbex Corp for 43,.590 dlrs."
    _, actors = run(nlp, text)
    names = {a.name for a in actors.values()}
    assert not names & {"PORTLAND", "767s", "43,.590 dlrs"}
    _, actors = run(nlp, "Lawmakers said the Leopard tanks and the Farm Trade Act of 1988 were discussed.")
    assert not any(a.name in ("Leopard", "Farm Trade Act of", "Farm Trade Act") for a in actors.values())


def test_office_start_comes_from_the_text_never_the_mention(nlp):
    text = "Prime Minister Tan Bo Hwa, who took office in November 2022, met traders on Monday."
    _, actors = run(nlp, text, published="2024-08-20")
    r = person(actors, "Tan Bo Hwa").roles[0]
    assert (r.title, r.start, r.reported) == ("Prime Minister", "2022-11", "2024-08-20")
    _, actors = run(
        nlp, "Prime Minister Tan Bo Hwa said the first visit since 2019 went well.", published="2024-08-20"
    )
    assert person(actors, "Tan Bo Hwa").roles[0].start is None


def test_knowledge_fills_a_person_the_text_gives_no_state(nlp):
    _, actors = run(nlp, "Prime Minister Narendra Modi spoke on Monday.", published="2023-05-01")
    p = person(actors, "Narendra Modi")
    assert (p.country, p.country_source) == ("IND", "knowledge")


def test_short_form_keeps_its_particle_and_acronyms_join_the_person(nlp):
    text = "Foreign Minister Jean-Paul Le Marec spoke. Le Marec said the talks failed."
    ms, actors = run(nlp, text)
    assert any(m.text == "Le Marec" and m.key == "p:jean-paul le marec" for m in ms)
    text = "Senator Maria Luisa Ortega Vidal (MLOV) spoke on Monday. Later MLOV said she would run."
    ms, _ = run(nlp, text)
    assert all(m.key == "p:maria luisa ortega vidal" for m in ms if m.text == "MLOV")


def test_the_ledes_state_is_the_storys_context(nlp):
    text = (
        "France on Friday recalled its ambassadors to Australia and Canada. "
        "Foreign Minister Ann Vell said the decision was final. Australia regretted it. Canada said nothing. "
        "Australia and Canada will reply. France stood firm."
    )
    _, actors = run(nlp, text)
    p = person(actors, "Ann Vell")
    assert (p.country, p.country_source) == ("FRA", "context")


def test_one_word_name_with_weak_and_strong_states_is_one_actor():
    exts = [
        _ext("a1", _p("Vandermeer", "NLD", "title")),
        _ext("a2", _p("Vandermeer", "GBR", "context")),
    ]
    recs, _ = resolve_actors(exts)
    people = [r for r in recs if r.kind == "person"]
    assert len(people) == 1 and people[0].country == "NLD"


def test_party_words_are_parties_and_no_part_of_names(nlp):
    _, actors = run(nlp, "Tory Liam Farrow said Labour was wrong and the Lib Dems agreed.")
    names = {a.name: a for a in actors.values()}
    assert "Liam Farrow" in names and names["Liam Farrow"].kind == "person"
    assert names["Labour Party"].kind == "organization" and names["Labour Party"].sector == "PTY"


def test_titles_lose_dates_and_names_before_and(nlp):
    _, actors = run(nlp, "Last week Ms Jamison and First Minister Jack Morrell met supporters.")
    assert [r.title for r in person(actors, "Jack Morrell").roles] == ["First Minister"]
    _, actors = run(nlp, "Carl Brandt, home secretary on Wednesday, said it was wrong.")
    assert [r.title for r in person(actors, "Carl Brandt").roles] == ["home secretary"]


def test_a_counterpart_rules_out_his_state_for_the_other(nlp):
    text = (
        "Defense Minister Ahn Jae-min and his Polish counterpart, Jan Nowacki, attended the ceremony "
        "in Gliwice in southern Poland."
    )
    _, actors = run(nlp, text)
    assert person(actors, "Ahn Jae-min").country != "POL"
    assert person(actors, "Jan Nowacki").country == "POL"


def test_party_state_tag_is_text_evidence_of_the_state(nlp):
    _, actors = run(nlp, "Senator Walter Brandt (D-Tex.) said the bill would pass.", published="1987-06-08")
    p = person(actors, "Walter Brandt")
    assert (p.country, p.country_source) == ("USA", "title")


def test_a_place_never_gives_a_legislator_or_committee_chair_a_state(nlp):
    for text in (
        "Senate Finance Committee chairman Walter Brandt said at the summit in Venice that tariffs must go.",
        "Senator Walter Brandt said at the summit in Venice that tariffs must go.",
    ):
        _, actors = run(nlp, text, published="1987-06-08")
        assert person(actors, "Walter Brandt").country is None


def test_portfolio_words_and_pact_names_are_no_actors(nlp):
    _, actors = run(nlp, "Transportation Secretary Helen Marsh said the airline rules would change.")
    assert [a.name for a in actors.values()] == ["Helen Marsh"]
    assert person(actors, "Helen Marsh").roles[0].title == "Transportation Secretary"
    _, actors = run(
        nlp, "Treasury Secretary Paul Grant attacked the Louvre Accord, saying the Plaza pact was better."
    )
    assert [a.name for a in actors.values()] == ["Paul Grant"]


def test_a_misspelt_title_is_read_as_the_title(nlp):
    _, actors = run(nlp, "Prime Minsiter Hiro Tanaka said Japan would cut tariffs.")
    p = person(actors, "Hiro Tanaka")
    assert p.roles[0].title == "Prime Minister"


def test_a_board_member_takes_the_state_of_a_known_national_body(nlp):
    _, actors = run(nlp, "Bundesbank board member Karl Richter said rates would stay unchanged.")
    p = person(actors, "Karl Richter")
    assert (p.country, p.roles[0].title) == ("DEU", "board member")


def test_a_described_title_of_a_state_beats_the_storys_majority(nlp):
    text = (
        "Canada said the policy led by Crown Prince Faisal bin Nasser was wrong. Canada recalled its envoy. "
        "Canada asked for calm. Ottawa said Canada would act. Canada's minister spoke. {} said nothing."
    )
    for desc in ("Saudi Arabia's crown prince", "The Saudi crown prince"):
        _, actors = run(nlp, text.format(desc), published="2018-08-08")
        p = person(actors, "Faisal bin Nasser")
        assert (p.country, p.country_source) == ("SAU", "title")
        assert not any(a.name == "Crown Prince" for a in actors.values())
    _, actors = run(
        nlp, "Saudi Arabia's crown prince, Faisal bin Nasser, met officials.", published="2018-08-08"
    )
    assert person(actors, "Faisal bin Nasser").country == "SAU"


def test_known_state_bodies_count_for_the_storys_state(nlp):
    text = (
        "Senator Walter Brandt said the vote would be close. He and Transportation Secretary Helen Marsh "
        "met officials at the White House. Marsh said she was hopeful. Brandt agreed."
    )
    _, actors = run(nlp, text, published="1987-03-23")
    p = person(actors, "Helen Marsh")
    assert (p.country, p.country_source) == ("USA", "context")


def test_later_company_description_gives_the_company_its_state(nlp):
    text = (
        "Norvik has signed a contract with the army. The Swedish defence company said the deal "
        "was large. Anders Holm, president and CEO of Norvik, welcomed it."
    )
    _, actors = run(nlp, text)
    orgs = [a for a in actors.values() if a.kind == "organization" and a.name == "Norvik"]
    assert orgs and (orgs[0].country, orgs[0].country_source) == ("SWE", "title")
    assert not any(a.kind == "group" for a in actors.values())
    assert all(a.country is None for a in actors.values() if a.kind == "person")


def test_company_description_does_not_override_another_state(nlp):
    _, actors = run(nlp, "Japanese carmaker Kirodo cut prices. The French company said it would follow.")
    orgs = [a for a in actors.values() if a.kind == "organization" and a.name == "Kirodo"]
    assert orgs and orgs[0].country == "JPN"


def test_demonym_and_company_noun_around_an_untagged_name(nlp):
    text = "The order, agreed between the Brazilian Navy and the French Dassault Aviation company, covers ten jets."
    _, actors = run(nlp, text)
    orgs = [a for a in actors.values() if a.kind == "organization" and a.name == "Dassault Aviation"]
    assert orgs and (orgs[0].country, orgs[0].country_source) == ("FRA", "title")


def test_hyphenated_given_name_is_not_cut(nlp):
    _, actors = run(nlp, "President Yoon Suk-yeol met the envoy in Seoul.")
    names = [a.name for a in actors.values() if a.kind == "person"]
    assert "Yoon Suk-yeol" in names and "Yoon Suk" not in names


def test_korean_before_a_company_noun_is_south_korea(nlp):
    _, actors = run(nlp, "The Korean firm Hanvor Rotem delivered trains.")
    orgs = [a for a in actors.values() if a.kind == "organization"]
    assert orgs and (orgs[0].country, orgs[0].country_source) == ("KOR", "title")
