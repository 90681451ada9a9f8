"""Office holders since the Phoenix dictionaries end (data/world/leaders.yaml): checked when read,
merged with the dictionaries' own people, and used as dated knowledge of a person's state."""

from __future__ import annotations

import pytest

from eventwire.link.actors import known_country
from eventwire.link.knowledge import get_lexicon
from eventwire.link.world import KnowledgeError, load_world, read_leaders, with_leaders


def test_every_office_names_a_known_state_and_starts_before_it_ends():
    lex = get_lexicon()
    for p in read_leaders():
        for a in p.affiliations:
            assert lex.country_name(a.country), (p.name, a.country)
            assert a.end is None or a.start <= a.end, (p.name, a.start, a.end)


def test_a_leader_after_2014_has_a_state_on_the_article_date():
    assert known_country("Volodymyr Zelenskyy", "2022-03-01") == "UKR"
    assert known_country("Kim Jong Un", "2020-06-16") == "PRK"


def test_a_person_both_files_know_keeps_one_entry_with_every_office():
    people = load_world().people_named("Fumio Kishida")
    assert len(people) == 1
    offices = {a.office for a in people[0].affiliations}
    assert {"Foreign Minister", "Prime Minister"} <= offices


def test_with_leaders_adds_new_people_and_merges_known_ones():
    (zel, *_rest) = read_leaders()
    assert [p.name for p in with_leaders([], [zel])] == [zel.name]


@pytest.mark.parametrize(
    ("entry", "named"),
    [
        ("- {name: A B, offices: [{country: XX, title: President, start: '2020-01-01'}]}", "country"),
        ("- {name: A B, offices: [{country: USA, title: President, start: '2020'}]}", "start"),
        ("- {name: A B, ofices: [{country: USA, title: President, start: '2020-01-01'}]}", "ofices"),
        ("- {name: A B, offices: []}", "offices"),
    ],
)
def test_a_bad_entry_stops_with_the_file_and_key_named(tmp_path, entry, named):
    path = tmp_path / "leaders.yaml"
    path.write_text("people:\n" + entry + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        read_leaders(path)
    assert str(path) in str(err.value) and named in str(err.value)


def test_a_person_of_an_analyst_s_knowledge_file_is_linked_by_name(nlp, tmp_path, monkeypatch):
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "people:\n  - {name: Tane Example, country: NZL, sector: GOV}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EVENTWIRE_KNOWLEDGE", str(mine))
    from test_actors import run

    get_lexicon.cache_clear()  # the process-wide lexicon, read again with this file
    try:
        _ms, actors = run(nlp, "Tane Example said on Monday he would visit Fiji.")
    finally:
        monkeypatch.delenv("EVENTWIRE_KNOWLEDGE")
        get_lexicon.cache_clear()
    got = [a for a in actors.values() if a.kind == "person"]
    assert [(a.name, a.country) for a in got] == [("Tane Example", "NZL")]


def test_a_titled_surname_carries_the_full_name_of_the_one_office_holder(nlp):
    from test_actors import run

    _ms, actors = run(nlp, "Officials said President Reagan would not compromise on taxes.", "1987-03-30")
    assert [a.name for a in actors.values() if a.kind == "person"] == ["Ronald Reagan"]


def test_a_common_surname_without_a_title_is_no_office_holder(nlp):
    from test_actors import run

    _ms, actors = run(nlp, "Smith said the firm would cut jobs in Ohio.", "1987-03-30")
    assert all(a.name == "Smith" for a in actors.values() if a.kind == "person")
