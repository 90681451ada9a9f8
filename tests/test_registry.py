"""Corpus-wide actor resolution and offices over time; the knowledge file format."""

from __future__ import annotations

import random

from eventwire.consolidate.actors import office_on, resolve_actors
from eventwire.link.knowledge import build_lexicon
from eventwire.model import ActorRecord, ArticleExtraction, LocalActor, Role


def la(
    name: str, country: str | None = None, aliases=(), roles=(), kind: str = "person", key: str | None = None
):
    return LocalActor(
        key=key or f"{kind[0]}:{name.lower()}",
        name=name,
        kind=kind,
        country=country,
        sector="GOV",
        aliases=list(aliases),
        roles=list(roles),
    )


def ext(aid: str, *actors: LocalActor) -> ArticleExtraction:
    return ArticleExtraction(article_id=aid, actors=list(actors))


def by_name(records: list[ActorRecord], name: str) -> ActorRecord:
    hits = [r for r in records if r.name == name]
    assert len(hits) == 1, [r.name for r in records]
    return hits[0]


def test_diacritics_short_forms_and_accented_canonical_name():
    exts = [
        ext("a1", la("Yavuz Celik", "TUR", aliases=["Celik"])),
        ext("a2", la("Yavuz Çelik", None, aliases=["Çelik"])),
        ext("a3", la("Çelik", "TUR")),
    ]
    recs, km = resolve_actors(exts)
    people = [r for r in recs if r.kind == "person"]
    assert len(people) == 1
    r = people[0]
    assert r.name == "Yavuz Çelik" and r.country == "TUR"
    assert {"Yavuz Celik", "Çelik", "Celik"} <= set(r.aliases)
    assert km[("a1", "p:yavuz celik")] == km[("a2", "p:yavuz çelik")] == km[("a3", "p:çelik")] == r.id


def test_typo_in_a_given_name_joins_when_state_agrees():
    recs, _ = resolve_actors([ext("a1", la("Rashid Karimov", "UZB")), ext("a2", la("Karimow", "UZB"))])
    assert len([r for r in recs if r.kind == "person"]) == 1


def test_people_sharing_a_surname_are_never_merged():
    recs, km = resolve_actors(
        [
            ext("a1", la("Ali Demir", "TUR")),
            ext("a2", la("Mehmet Demir", "TUR")),
            ext("a3", la("Demir", "TUR")),
        ]
    )
    people = [r for r in recs if r.kind == "person"]
    names = sorted(r.name for r in people)
    assert "Ali Demir" in names and "Mehmet Demir" in names
    # the bare surname fits both equally: it stays apart
    assert km[("a3", "p:demir")] not in (km[("a1", "p:ali demir")], km[("a2", "p:mehmet demir")])


def test_same_name_different_states_stay_apart():
    recs, _ = resolve_actors([ext("a1", la("John Smith", "GBR")), ext("a2", la("John Smith", "USA"))])
    assert len([r for r in recs if r.kind == "person"]) == 2


def test_shorter_full_name_joins_the_one_longer_name():
    recs, _ = resolve_actors(
        [ext("a1", la("Maria Elena Vargas", "MEX")), ext("a2", la("Maria Vargas", "MEX"))]
    )
    people = [r for r in recs if r.kind == "person"]
    assert len(people) == 1 and people[0].name == "Maria Elena Vargas"


def test_countries_keep_their_code_and_organisations_merge_across_case():
    exts = [
        ext(
            "a1", la("Turkey", "TUR", kind="country", key="c:TUR"), la("ACMECORP", "TUR", kind="organization")
        ),
        ext("a2", la("Acmecorp", None, kind="organization")),
    ]
    recs, km = resolve_actors(exts)
    assert km[("a1", "c:TUR")] == "c:TUR"
    orgs = [r for r in recs if r.kind == "organization"]
    assert len(orgs) == 1 and orgs[0].country == "TUR"


def test_resolution_does_not_depend_on_input_order():
    exts = [
        ext("a1", la("Yavuz Celik", "TUR"), la("Ali Demir", "TUR")),
        ext("a2", la("Yavuz Çelik", None), la("Demir", "TUR")),
        ext("a3", la("Çelik", "TUR"), la("Mehmet Demir", "TUR")),
        ext("a4", la("Karimow", "UZB"), la("Rashid Karimov", "UZB")),
    ]
    first = resolve_actors(exts)
    for seed in range(5):
        shuffled = exts[:]
        random.Random(seed).shuffle(shuffled)
        for e in shuffled:
            random.Random(seed).shuffle(e.actors)
        again = resolve_actors(shuffled)
        assert [r.to_dict() for r in again[0]] == [r.to_dict() for r in first[0]]
        assert again[1] == first[1]


def test_roles_merge_with_dates():
    pm = Role(title="Prime Minister", country="TUR", start="2014-01-10", end="2014-01-10")
    pres1 = Role(title="President", country="TUR", start="2026-01-08")
    pres2 = Role(title="President", country="TUR", start="2024-08-20")
    recs, _ = resolve_actors(
        [ext("a1", la("Cem Kaya", "TUR", roles=[pm])), ext("a2", la("Cem Kaya", "TUR", roles=[pres1, pres2]))]
    )
    r = by_name(recs, "Cem Kaya")
    titles = {(x.title, x.start, x.end) for x in r.roles}
    assert ("President", "2024-08-20", None) in titles
    assert ("Prime Minister", "2014-01-10", "2014-01-10") in titles


def test_office_on_a_date():
    a = ActorRecord(
        id="x",
        name="Cem Kaya",
        kind="person",
        roles=[
            Role(title="Prime Minister", start="2014-01-10", end="2014-01-10"),
            Role(title="President", start="2024-08-20"),
            Role(title="Mayor", end="2010-12-31"),
        ],
    )
    assert office_on(a, "2014-01-10") == "Prime Minister"
    assert office_on(a, "2025-03-01") == "President"
    assert office_on(a, "2024-07") == "President"  # reported as current a few weeks later
    assert office_on(a, "2009-05-01") == "Mayor"
    assert office_on(a, None) == "President"
    assert office_on(ActorRecord(id="y", name="N", kind="person"), "2020-01-01") is None


def test_knowledge_file_extends_the_lexicon(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text(
        "people:\n"
        "  - name: Jane Example\n"
        "    aliases: [J. Example]\n"
        "    country: NZL\n"
        "    offices:\n"
        "      - {title: Minister of Finance, country: NZL, start: '2020-01', end: '2023-06-30'}\n"
        "organizations:\n"
        "  - {name: Example Widgets, aliases: [EXW], country: NZL, sector: BUS}\n"
        "country_aliases:\n"
        "  NZL: [Aotearoa]\n",
        encoding="utf-8",
    )
    lex = build_lexicon([f])
    assert lex.lookup("J. Example")[0].key == "p:jane example"
    assert lex.lookup("EXW")[0].country == "NZL"
    assert lex.country_of("Aotearoa") == "NZL"
    assert lex.people[0].offices[0]["title"] == "Minister of Finance"
    # the shipped file is general knowledge: states and institutions, no people
    shipped = build_lexicon()
    assert shipped.people == []
    assert shipped.lookup("Hamas")[0].country == "PSE"


def test_generic_bodies_without_a_state_are_not_merged_across_articles():
    exts = [
        ext("a1", la("Finance Ministry", "JPN", kind="organization")),
        ext("a2", la("Finance Ministry", None, kind="organization")),
        ext("a3", la("Finance Ministry", None, kind="organization")),
    ]
    recs, km = resolve_actors(exts)
    ids = {km[(a, "o:finance ministry")] for a in ("a1", "a2", "a3")}
    assert len(ids) == 3
    named = [r for r in recs if r.country == "JPN"]
    assert len(named) == 1
