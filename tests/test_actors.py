"""Per-article actor linking: titles, appositions, honorifics, demonyms, metonymy, coreference."""

from __future__ import annotations

from eventwire.link.actors import link
from eventwire.model import Article


def run(nlp, text: str, published: str = "2024-05-10"):
    mentions, actors = link(nlp(text), Article(id="t", path="t.txt", text=text, published=published))
    return mentions, {a.key: a for a in actors}


def country_of(nlp, text: str, name: str, published: str = "2024-05-10") -> str | None:
    """The state the linker gives the actor named ``name`` in ``text``."""
    _ms, actors = run(nlp, text, published=published)
    return next(a.country for a in actors.values() if a.name == name)


def at(mentions, text: str):
    hits = [m for m in mentions if m.text == text]
    assert hits, f"no mention {text!r} in {[m.text for m in mentions]}"
    return hits[0]


def person(actors, name: str):
    hits = [a for a in actors.values() if a.kind == "person" and a.name == name]
    assert hits, f"no person {name!r} in {[a.name for a in actors.values()]}"
    return hits[0]


def test_title_before_name_gives_state_office_and_sector(nlp):
    ms, actors = run(nlp, "Kenyan Foreign Minister Amina Otieno arrived in Nairobi on Monday.")
    p = person(actors, "Amina Otieno")
    assert p.country == "KEN" and p.sector == "GOV"
    assert [r.title for r in p.roles] == ["Foreign Minister"]
    # the article's date is when the office was reported held, not when it began
    assert p.roles[0].start is None and p.roles[0].reported == "2024-05-10" and p.roles[0].end is None
    assert p.roles[0].mentions[0].sentence.startswith("Kenyan Foreign Minister")
    # the demonym belongs to the title: no separate state actor for it
    assert not any(m.key == "c:KEN" for m in ms)


def test_honorifics_are_not_part_of_the_name_but_stay_aliases(nlp):
    _, actors = run(nlp, "Defence Minister Datuk Seri Ahmad Zulkifli Hassan spoke to reporters on Friday.")
    p = person(actors, "Ahmad Zulkifli Hassan")
    assert "Datuk Seri Ahmad Zulkifli Hassan" in p.aliases
    assert p.roles[0].title == "Defence Minister"


def test_academic_titles_stripped(nlp):
    _, actors = run(nlp, "Prof. Dr. Kemal Aydin, head of the Turkish Space Agency, visited Seoul.")
    p = person(actors, "Kemal Aydin")
    assert "Prof. Dr. Kemal Aydin" in p.aliases
    assert p.country == "TUR"
    assert p.roles[0].title == "head" and "Turkish Space Agency" in (p.roles[0].organization or "")


def test_possessive_apposition_before_name(nlp):
    _, actors = run(nlp, "The delegation was led by Chile's ambassador to Peru, Lucia Mendez, on Tuesday.")
    p = person(actors, "Lucia Mendez")
    assert p.country == "CHL"
    assert "ambassador" in p.roles[0].title


def test_state_in_of_phrase_of_apposition(nlp):
    _, actors = run(nlp, "The Minister of Foreign Affairs of Ghana, Kofi Mensah, met the envoy.")
    p = person(actors, "Kofi Mensah")
    assert p.country == "GHA"
    assert p.roles[0].title == "Minister of Foreign Affairs"


def test_then_and_former_offices_are_past(nlp):
    text = (
        "On March 3, 2011, then-President Rafael Ortiz met former Peruvian Prime Minister Ana Torres in Lima."
    )
    _, actors = run(nlp, text)
    ortiz = person(actors, "Rafael Ortiz")
    assert (ortiz.roles[0].start, ortiz.roles[0].end) == ("2011-03-03", "2011-03-03")
    torres = person(actors, "Ana Torres")
    assert torres.country == "PER"
    assert torres.roles[0].start is None and torres.roles[0].end == "2024-05-09"


def test_capital_as_government_versus_capital_as_place(nlp):
    ms, _ = run(nlp, "Ankara said it would respond. The talks were later held in Ankara.")
    gov, place = [m for m in ms if m.text == "Ankara"]
    assert gov.key == "c:TUR" and gov.entity.sector == "GOV" and not gov.is_place
    assert place.is_place and place.entity.country == "TUR"


def test_city_that_is_not_a_capital_is_a_place(nlp):
    ms, actors = run(nlp, "Officials met in Istanbul on Sunday.")
    m = at(ms, "Istanbul")
    assert m.is_place and m.entity.country == "TUR"
    assert not any(a.name == "Istanbul" for a in actors.values())


def test_demonym_groups_take_the_state_and_sector(nlp):
    ms, _ = run(nlp, "Israeli police detained dozens of Palestinian protesters near the gate.")
    police = at(ms, "Israeli police")
    assert (police.entity.kind, police.entity.country, police.entity.sector) == ("group", "ISR", "COP")
    prot = at(ms, "Palestinian protesters")
    assert (prot.entity.country, prot.entity.sector) == ("PSE", "CVL")


def test_government_nouns_make_the_state_act(nlp):
    ms, _ = run(nlp, "Senior Hungarian and Romanian officials agreed on a plan.")
    keys = {m.key for m in ms}
    assert {"c:HUN", "c:ROU"} <= keys
    assert all(m.entity.sector == "GOV" for m in ms if m.key in ("c:HUN", "c:ROU"))


def test_state_names_short_forms_and_other_languages(nlp):
    ms, _ = run(nlp, "Türkiye, Turkiye and Turkey met Britain, the UK and the Soviet Union.")
    got = {m.text: m.key for m in ms}
    assert got["Türkiye"] == got["Turkiye"] == got["Turkey"] == "c:TUR"
    assert got["Britain"] == got["UK"] == "c:GBR"
    assert got["Soviet Union"] == "c:SUN"


def test_igo_gets_non_state_code(nlp):
    ms, _ = run(nlp, "NATO and the U.N. Security Council met, and ASEAN observed.")
    assert at(ms, "NATO").entity.country == "IGO"
    assert at(ms, "U.N. Security Council").entity.country == "IGO"
    assert at(ms, "ASEAN").entity.country == "IGO"


def test_organisation_country_and_sector_from_description(nlp):
    ms, _ = run(nlp, "The deal was signed by Brazilian aircraft maker EMBRAER on Monday.")
    m = at(ms, "EMBRAER")
    assert (m.entity.kind, m.entity.country, m.entity.sector) == ("organization", "BRA", "BUS")


def test_acronym_joins_full_name(nlp):
    ms, actors = run(
        nlp, "The Kenya Revenue Authority (KRA) raised taxes. KRA officials said the change was overdue."
    )
    keys = {m.key for m in ms if m.text in ("Kenya Revenue Authority", "KRA")}
    assert len(keys) == 1
    org = actors[keys.pop()]
    assert org.country == "KEN" and "KRA" in org.aliases


def test_pronoun_and_description_resolve_to_earlier_person(nlp):
    text = (
        "Kenyan Foreign Minister Amina Otieno arrived on Monday. She met the press. "
        "The minister said talks would continue."
    )
    ms, actors = run(nlp, text)
    key = person(actors, "Amina Otieno").key
    assert at(ms, "She").key == key
    assert at(ms, "The minister").key == key


def test_short_form_and_typo_resolve_inside_article(nlp):
    text = (
        "Uzbek Prime Minister Rashid Karimov visited Cairo. Karimov praised the hosts. "
        "Later, Prime Minister Karimow left."
    )
    ms, actors = run(nlp, text)
    key = person(actors, "Rashid Karimov").key
    assert at(ms, "Karimov").key == key
    assert at(ms, "Karimow").key == key
    assert {"Karimov", "Karimow"} <= set(actors[key].aliases)


def test_company_possessive_title_gives_company_and_country(nlp):
    text = "Swedish truck maker VOLVEX expanded. Leading the team was VOLVEX's CEO and president, Lars Berg."
    _, actors = run(nlp, text)
    p = person(actors, "Lars Berg")
    assert p.roles[0].organization == "VOLVEX"
    assert p.country == "SWE" and p.sector == "BUS"


def test_company_short_name_and_ticker_join_the_full_name(nlp):
    text = "Shares of Zentrix Motor Corp <ZMC> rose. Zentrix said demand was strong."
    ms, actors = run(nlp, text)
    keys = {m.key for m in ms if m.text in ("Zentrix Motor Corp", "ZMC", "Zentrix")}
    assert len(keys) == 1
    assert {"ZMC", "Zentrix"} <= set(actors[keys.pop()].aliases)


def test_long_acronyms_written_as_names(nlp):
    ms, _ = run(nlp, "Opec ministers met in Vienna while Nato watched.")
    assert at(ms, "Opec").entity.country == "IGO"
    assert at(ms, "Nato").entity.country == "IGO"


def test_newspaper_named_like_a_person_is_an_organisation(nlp):
    ms, actors = run(nlp, "The minister was quoted in today's Diario Pereira newspaper as saying so.")
    assert not any(a.kind == "person" and "Pereira" in a.name for a in actors.values())


def test_every_state_in_a_list_after_in_is_a_place(nlp):
    ms, _ = run(nlp, "Ships lay idle in the Netherlands, Spain and Venezuela, officials said.")
    assert all(at(ms, n).is_place for n in ("Netherlands", "Spain", "Venezuela"))


def test_lower_case_wire_copy_still_names_states(nlp):
    ms, _ = run(nlp, "officials said venezuela would pay its creditor banks on time.")
    assert at(ms, "venezuela").key == "c:VEN"
    # an ordinary word that is also a state's name is not taken in lower case
    ms, _ = run(nlp, "They ate turkey and rice at the meeting.")
    assert not any(m.key == "c:TUR" for m in ms)


def test_definite_description_with_demonym_picks_that_states_leader(nlp):
    text = (
        "Turkish President Cem Kaya met Greek Prime Minister Nikos Pappas in Athens. "
        "The Turkish leader said relations were improving."
    )
    ms, actors = run(nlp, text)
    assert at(ms, "The Turkish leader").key == person(actors, "Cem Kaya").key


def test_acronym_in_brackets_after_full_name(nlp):
    ms, _ = run(
        nlp, "Turkish Aerospace Industries (TAI) will deliver drones. TAI said the first would come in May."
    )
    keys = {m.key for m in ms if m.text in ("Turkish Aerospace Industries", "TAI")}
    assert len(keys) == 1
    assert at(ms, "TAI").entity.country == "TUR"


def test_officials_of_a_one_state_story_take_that_state(nlp):
    text = (
        "Uganda's economy grew last year. Finance Minister Peter Okello said the budget was balanced. "
        "Uganda will borrow less, he said. Exports from Uganda rose."
    )
    _, actors = run(nlp, text)
    assert person(actors, "Peter Okello").country == "UGA"
    # not in a story that names two states about equally
    text2 = (
        "Kenya and Uganda signed a pact. Finance Minister Peter Okello said the budget was balanced. "
        "Kenya will borrow less. Uganda agreed."
    )
    _, actors2 = run(nlp, text2)
    assert person(actors2, "Peter Okello").country is None


def test_possessive_state_owns_the_organisation_after_it(nlp):
    ms, _ = run(nlp, "Turkey's Defence Ministry said Russia's Gazprom would cut supplies.")
    m = at(ms, "Defence Ministry")
    assert (m.entity.kind, m.entity.country, m.entity.sector) == ("organization", "TUR", "GOV")
    assert at(ms, "Gazprom").entity.country == "RUS"


def test_company_named_before_a_title_is_the_office_organisation(nlp):
    _, actors = run(nlp, "Zentrix Motor Corp president Lars Berg said sales rose.")
    p = person(actors, "Lars Berg")
    assert (p.roles[0].title, p.roles[0].organization, p.sector) == ("president", "Zentrix Motor Corp", "BUS")


def test_facility_names_are_places_not_organisations(nlp):
    ms, actors = run(
        nlp, "The envoy toured the Blue Mosque in Istanbul before a rally near Kandahar Airfield."
    )
    mosque = [m for m in ms if "Blue Mosque" in m.text]
    assert mosque and mosque[0].is_place and mosque[0].entity.country == "TUR"
    field = [m for m in ms if "Kandahar Airfield" in m.text]
    assert not field or field[0].is_place
    assert not [a for a in actors.values() if a.kind == "organization"]


def test_leader_is_not_of_the_place_where_he_asks_another_state_to_act(nlp):
    _, actors = run(nlp, "President Amina Otieno urged Ethiopia to free the prisoners held in Addis Ababa.")
    assert person(actors, "Amina Otieno").country is None
    _, actors = run(nlp, "President Amina Otieno extended the curfew in Addis Ababa.")
    assert person(actors, "Amina Otieno").country == "ETH"  # acting there herself: the home convention holds


def test_title_after_as_is_not_an_apposition_of_the_next_name(nlp):
    _, actors = run(nlp, "She starts her second term as Kenyan President, Amina Otieno said on Monday.")
    assert not person(actors, "Amina Otieno").roles  # the title is hers (the subject's), not the speaker's


def test_person_named_among_a_national_group_is_of_its_state(nlp):
    _, actors = run(
        nlp, "Thousands of Kenyans, including President Amina Otieno, marched through the city on Sunday."
    )
    assert person(actors, "Amina Otieno").country == "KEN"
    _, actors = run(nlp, "Several delegates, including Amina Otieno, marched through the city.")
    assert person(actors, "Amina Otieno").country is None
