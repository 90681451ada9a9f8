"""Fusion across and within articles: one record per real happening, sources, conflicts, ids."""

from __future__ import annotations

from eventwire.consolidate.fuse import corroborated, date_range, fuse
from eventwire.model import ArticleExtraction, Deal, Entity, Event, Figure, Mention, Place, Quote


def ent(iso: str) -> Entity:
    return Entity(id=f"c:{iso}", name=iso, kind="country", country=iso, sector="GOV")


def person(key: str, iso: str) -> Entity:
    return Entity(id=key, name=key.split(":")[1].title(), kind="person", country=iso)


def mention(aid: str, start: int = 0) -> Mention:
    return Mention(
        article_id=aid, path=f"{aid}.txt", sentence=f"sentence {aid} {start}", start=start, end=start + 10
    )


def meeting(
    aid: str, date: str, enddate: str | None = None, place: str | None = "Lima", start: int = 0
) -> Event:
    return Event(
        id=f"{aid}-{start}",
        event="CONSULT",
        date=date,
        enddate=enddate,
        actor=[ent("CHL"), person("p:jane roe", "CHL")],
        recipient=[ent("PER")],
        event_loc=Place(name=place, country="PER") if place else None,
        mentions=[mention(aid, start)],
        confidence=0.6,
        trigger="met",
        trigger_start=start,
    )


META = {
    "a1": {"publisher": "Wire One", "duplicate_of": None},
    "a2": {"publisher": "Paper Two", "duplicate_of": None},
    "a3": {"publisher": "Wire One", "duplicate_of": None},
    "dup": {"publisher": "Copycat", "duplicate_of": "a1"},
}


def test_same_meeting_in_two_stories_is_one_event() -> None:
    exts = [
        ArticleExtraction(article_id="a1", events=[meeting("a1", "2026-01-07")]),
        ArticleExtraction(article_id="a2", events=[meeting("a2", "2026-01-06", "2026-01-08", place="Peru")]),
    ]
    out = fuse(exts, {}, [], META)
    [ev] = out.events
    assert {m.article_id for m in ev.mentions} == {"a1", "a2"}
    assert ev.date == "2026-01-07"  # the most precise report
    assert ev.event_loc.name == "Lima"
    assert ev.sources == 2
    assert ev.confidence > 0.6


def test_different_places_or_days_stay_apart() -> None:
    exts = [
        ArticleExtraction(article_id="a1", events=[meeting("a1", "2026-01-07", place="Lima")]),
        ArticleExtraction(article_id="a2", events=[meeting("a2", "2026-01-07", place="Cusco")]),
        ArticleExtraction(article_id="a3", events=[meeting("a3", "2026-01-20", place="Lima")]),
    ]
    assert len(fuse(exts, {}, [], META).events) == 3


def test_a_visit_does_not_swallow_its_meetings() -> None:
    visit = meeting("a1", "2026-01-06", "2026-01-08", place="Peru", start=0)
    visit.mode = "visit"
    talks = meeting("a1", "2026-01-07", place="Lima", start=300)
    assert len(fuse([ArticleExtraction("a1", events=[visit, talks])], {}, [], META).events) == 2


def test_same_meeting_twice_in_one_story() -> None:
    ext = ArticleExtraction(
        article_id="a1", events=[meeting("a1", "2026-01-07", start=0), meeting("a1", "2026-01-07", start=200)]
    )
    [ev] = fuse([ext], {}, [], META).events
    assert len(ev.mentions) == 2
    assert ev.sources == 1


def test_agreement_family_fuses_across_types() -> None:
    a = meeting("a1", "2024-06")
    a.event = "AGREE"
    b = meeting("a2", "2024-06")
    b.event = "COOPERATE"
    out = fuse([ArticleExtraction("a1", events=[a]), ArticleExtraction("a2", events=[b])], {}, [], META)
    assert len(out.events) == 1
    c = meeting("a2", "2024-06")
    c.event = "ACCUSE"
    out = fuse([ArticleExtraction("a1", events=[a]), ArticleExtraction("a2", events=[c])], {}, [], META)
    assert len(out.events) == 2


def test_near_duplicate_story_adds_nothing() -> None:
    exts = [
        ArticleExtraction(article_id="a1", events=[meeting("a1", "2026-01-07")]),
        ArticleExtraction(article_id="dup", events=[meeting("dup", "2026-01-07")]),
    ]
    [ev] = fuse(exts, {}, [], META).events
    assert [m.article_id for m in ev.mentions] == ["a1"]


def test_sources_count_publishers() -> None:
    exts = [
        ArticleExtraction(article_id="a1", events=[meeting("a1", "2026-01-07")]),
        ArticleExtraction(article_id="a3", events=[meeting("a3", "2026-01-07")]),
    ]
    [ev] = fuse(exts, {}, [], META).events
    assert len(ev.mentions) == 2
    assert ev.sources == 1  # one wire service, two stories


def test_ids_do_not_depend_on_input_order() -> None:
    def build() -> list[ArticleExtraction]:
        return [
            ArticleExtraction(
                article_id="a1", events=[meeting("a1", "2026-01-07")], deals=[corvettes("a1", 3)]
            ),
            ArticleExtraction(
                article_id="a2", events=[meeting("a2", "2026-01-07")], deals=[corvettes("a2", 3)]
            ),
            ArticleExtraction(article_id="a3", events=[meeting("a3", "2026-03-01")]),
        ]

    one = fuse(build(), {}, [], META)
    two = fuse(list(reversed(build())), {}, [], META)
    assert [e.to_dict() for e in one.events] == [e.to_dict() for e in two.events]
    assert [d.to_dict() for d in one.deals] == [d.to_dict() for d in two.deals]


def corvettes(aid: str, qty: int | None, date: str | None = "2024", **kw) -> Deal:
    return Deal(
        id=f"d-{aid}",
        item="corvette warships",
        quantity=qty,
        status=kw.get("status", "agreement"),
        date=date,
        supplier=kw.get("supplier", ent("TUR")),
        recipient=kw.get("recipient", ent("MYS")),
        contractor=kw.get("contractor"),
        mentions=[mention(aid)],
    )


def test_one_deal_told_three_ways_with_a_conflict() -> None:
    yard = Entity(id="o:yard", name="Yard", kind="organization", country="TUR")
    exts = [
        ArticleExtraction("a1", deals=[corvettes("a1", 3, None, recipient=None, status="contract")]),
        ArticleExtraction("a2", deals=[corvettes("a2", 3, "2024-06", supplier=None, status="mou")]),
        ArticleExtraction("a3", deals=[corvettes("a3", 4, "2024", contractor=yard)]),
    ]
    [d] = fuse(exts, {}, [], {**META, "a3": {"publisher": "Third"}}).deals
    assert d.quantity == 3
    assert d.date == "2024-06"
    assert d.contractor.id == "o:yard"
    assert d.status == "contract"
    assert {"field": "quantity", "value": 4, "sources": ["a3"]} in d.conflicts
    assert d.sources == 3
    assert len(d.mentions) == 3


def test_deals_years_apart_stay_apart() -> None:
    exts = [
        ArticleExtraction("a1", deals=[corvettes("a1", 3, "2018")]),
        ArticleExtraction("a2", deals=[corvettes("a2", 3, "2024")]),
    ]
    assert len(fuse(exts, {}, [], META).deals) == 2


def figure(aid: str, amount: float, kind: str = "actual") -> Figure:
    return Figure(
        id=f"f-{aid}",
        metric="bilateral trade",
        amount=amount,
        unit="USD",
        kind=kind,
        actors=[ent("CHL"), ent("PER")],
        period={"start": "2025-01", "end": "2025-11"},
        mentions=[mention(aid)],
    )


def test_figures_fuse_and_keep_disagreement() -> None:
    exts = [
        ArticleExtraction("a1", figures=[figure("a1", 5e9)]),
        ArticleExtraction("a2", figures=[figure("a2", 5e9), figure("a2", 10e9, kind="target")]),
        ArticleExtraction("a3", figures=[figure("a3", 5.2e9)]),
    ]
    out = fuse(exts, {}, [], {**META, "a3": {"publisher": "Third"}}).figures
    actual = [f for f in out if f.kind == "actual"]
    assert len(actual) == 1 and len(out) == 2
    assert actual[0].amount == 5e9
    assert actual[0].sources == 3
    assert any(c["value"] == 5.2e9 for c in actual[0].conflicts)


def test_local_keys_become_global_ids() -> None:
    q = Quote(id="q1", speaker=person("p:roe", "CHL"), text="We are ready to talk.", mentions=[mention("a1")])
    ev = meeting("a1", "2026-01-07")
    ext = ArticleExtraction("a1", events=[ev], quotes=[q])
    key_map = {("a1", "p:roe"): "x_roe", ("a1", "p:jane roe"): "x_jane"}
    out = fuse([ext], key_map, [], META)
    assert out.quotes[0].speaker.id == "x_roe"
    assert {e.id for e in out.events[0].actor} == {"c:CHL", "x_jane"}


def test_same_quote_in_two_stories() -> None:
    qs = [
        ArticleExtraction(
            aid,
            quotes=[
                Quote(
                    id=aid,
                    speaker=person("p:roe", "CHL"),
                    text="We are ready to talk now.",
                    mentions=[mention(aid)],
                )
            ],
        )
        for aid in ("a1", "a2")
    ]
    [q] = fuse(qs, {}, [], META).quotes
    assert len(q.mentions) == 2


def test_confidence_grows_with_sources_and_is_capped() -> None:
    assert corroborated(0.5, 1) == 0.5
    assert corroborated(0.5, 2) > 0.5
    assert corroborated(0.9, 50) == 0.99


def test_date_range_precisions() -> None:
    assert str(date_range("2024")[1]) == "2024-12-31"
    assert str(date_range("2024-02")[1]) == "2024-02-29"
    assert date_range("2026-01-06", "2026-01-08")[1].day == 8
    assert date_range("garbage") is None


def test_a_year_of_daily_meetings_in_one_block() -> None:
    from datetime import date, timedelta

    exts = []
    for i in range(365):
        day = (date(2025, 1, 1) + timedelta(days=i)).isoformat()
        for aid in ("a1", "a2"):
            exts.append(ArticleExtraction(f"{aid}-{i}", events=[meeting(f"{aid}-{i}", day)]))
    out = fuse(exts, {}, [], {})
    assert len(out.events) == 365
    assert all(len(e.mentions) == 2 for e in out.events)
    assert len({e.id for e in out.events}) == 365


def test_undated_readings_merge_across_stories_only_as_copies() -> None:
    a = meeting("a1", None)
    b = meeting("a2", None)
    b.mentions[0].sentence = a.mentions[0].sentence = "Jane Roe met the Peruvian foreign minister in Lima."
    c = meeting("a3", None)
    c.mentions[0].sentence = "Roe and her Peruvian host discussed fisheries at length."
    out = fuse([ArticleExtraction(x.mentions[0].article_id, events=[x]) for x in (a, b, c)], {}, [], {})
    assert sorted(len(e.mentions) for e in out.events) == [1, 2]


def test_two_figures_from_one_sentence_keep_distinct_ids() -> None:
    one, two = figure("a1", 3.2e9), figure("a1", 2.7e9)
    two.period = one.period = None
    out = fuse([ArticleExtraction("a1", figures=[one, two])], {}, [], {}).figures
    assert len(out) == 2
    assert len({f.id for f in out}) == 2


def test_stateless_actors_fuse_only_when_the_same() -> None:
    def buy(aid: str, buyer: str) -> Event:
        firm = Entity(id=buyer, name=buyer, kind="organization")
        target = Entity(id="o:target", name="Target", kind="organization")
        return Event(
            id=aid,
            event="AGREE",
            date="1987-03-03",
            actor=[firm],
            recipient=[target],
            mentions=[mention(aid)],
        )

    same = fuse(
        [
            ArticleExtraction("a1", events=[buy("a1", "o:acme")]),
            ArticleExtraction("a2", events=[buy("a2", "o:acme")]),
        ],
        {},
        [],
        META,
    )
    assert len(same.events) == 1
    other = fuse(
        [
            ArticleExtraction("a1", events=[buy("a1", "o:acme")]),
            ArticleExtraction("a2", events=[buy("a2", "o:zenith")]),
        ],
        {},
        [],
        META,
    )
    assert len(other.events) == 2


def test_figures_about_nobody_do_not_fuse_across_stories() -> None:
    one, two = figure("a1", 5e9), figure("a2", 5e9)
    one.actors = two.actors = []
    out = fuse([ArticleExtraction("a1", figures=[one]), ArticleExtraction("a2", figures=[two])], {}, [], META)
    assert len(out.figures) == 2


def test_a_resent_story_joins_by_its_copied_sentence() -> None:
    first = meeting("a1", None, start=0)
    first.mentions[0].sentence = "Jane Roe told reporters the talks with Peru went well."
    second = meeting("a1", None, start=300)  # same trigger: one cluster with the first
    second.mentions[0].sentence = "Jane Roe and her Peruvian host held long talks."
    copy = meeting("a2", None, start=0)
    copy.mentions[0].sentence = "Jane Roe told reporters the talks with Peru went well."
    out = fuse(
        [ArticleExtraction("a1", events=[first, second]), ArticleExtraction("a2", events=[copy])],
        {},
        [],
        META,
    )
    [ev] = out.events
    assert len(ev.mentions) == 3


def _tariff(aid: str, date: str, sentence: str, source: str, start: int = 0) -> Event:
    return Event(
        id=f"{aid}-{start}",
        event="SANCTION",
        date=date,
        date_source=source,
        actor=[ent("CHL")],
        recipient=[ent("PER")],
        mentions=[Mention(article_id=aid, path=f"{aid}.txt", sentence=sentence, start=start, end=start + 10)],
        confidence=0.6,
        trigger="tariffs",
        trigger_start=start,
    )


def test_phases_of_one_event_fuse_and_keep_each_date() -> None:
    announced = _tariff("a1", "2026-03-27", "Chile announced tariffs on Peru on March 27.", "March 27")
    in_force = _tariff("a2", "2026-04-17", "Chile's tariffs on Peru take effect on April 17.", "April 17")
    for order in ([announced, in_force], [in_force, announced]):
        exts = [ArticleExtraction(article_id=e.mentions[0].article_id, events=[e]) for e in order]
        [ev] = fuse(exts, {}, [], META).events
        dates = {c["value"]: c.get("phase") for c in ev.conflicts if c["field"] == "date"}
        assert dates == {"2026-03-27": "announced", "2026-04-17": "in force"}


def test_same_phase_on_other_days_stays_apart() -> None:
    a = _tariff("a1", "2026-03-27", "Chile announced tariffs on Peru on March 27.", "March 27")
    b = _tariff("a2", "2026-05-02", "Chile announced tariffs on Peru on May 2.", "May 2")
    exts = [ArticleExtraction(article_id="a1", events=[a]), ArticleExtraction(article_id="a2", events=[b])]
    assert len(fuse(exts, {}, [], META).events) == 2


def test_year_only_readings_of_other_stories_need_the_same_sentence() -> None:
    a = _tariff("a1", "2026", "Chile imposed tariffs on Peru's copper last year.", "last year")
    b = _tariff("a2", "2026", "Chile imposed tariffs on Peruvian fish, the paper said.", "2026")
    exts = [ArticleExtraction(article_id="a1", events=[a]), ArticleExtraction(article_id="a2", events=[b])]
    assert len(fuse(exts, {}, [], META).events) == 2


def test_deal_contractors_that_differ_are_a_conflict() -> None:
    def deal(aid: str, maker: str) -> Deal:
        return Deal(
            id=aid,
            supplier=ent("NOR"),
            recipient=ent("PER"),
            contractor=Entity(id=f"o:{maker}", name=maker, kind="organization", country="NOR"),
            item="frigates",
            quantity=4,
            date="2026-02",
            mentions=[mention(aid)],
        )

    exts = [
        ArticleExtraction(article_id=a, deals=[deal(a, m)])
        for a, m in (("a1", "Nordyard"), ("a2", "Fjordyard"))
    ]
    [d] = fuse(exts, {}, [], META).deals
    assert {c["value"] for c in d.conflicts if c["field"] == "contractor"} == {"Nordyard", "Fjordyard"}


def test_reports_naming_other_actors_keep_both_readings() -> None:
    a = meeting("a1", "2026-01-07")
    b = meeting("a2", "2026-01-07")
    b.actor = [
        ent("CHL"),
        Entity(id="o:chilean army", name="Chilean Army", kind="organization", country="CHL"),
    ]
    a.actor = [
        ent("CHL"),
        Entity(id="o:chilean navy", name="Chilean Navy", kind="organization", country="CHL"),
    ]
    exts = [ArticleExtraction(article_id="a1", events=[a]), ArticleExtraction(article_id="a2", events=[b])]
    assert len(fuse(exts, {}, [], META).events) == 2  # other bodies named: two events ...
    text = "Chilean forces met Peruvian officers in Lima on Wednesday to discuss the maritime border."
    a.mentions[0].sentence = b.mentions[0].sentence = text
    [ev] = fuse(exts, {}, [], META).events  # ... unless it is the same report, read two ways
    assert {tuple(c["value"]) for c in ev.conflicts if c["field"] == "actor"} == {
        ("Chilean Army",),
        ("Chilean Navy",),
    }


def test_resent_story_with_another_date_is_one_event_with_a_date_conflict() -> None:
    text = "Chile's envoy met Peru's minister on Tuesday to discuss fishing rights."
    a = meeting("a1", "2026-01-06")
    b = meeting("a2", "2026-01-07")
    a.mentions[0].sentence = b.mentions[0].sentence = text
    exts = [ArticleExtraction(article_id="a1", events=[a]), ArticleExtraction(article_id="a2", events=[b])]
    [ev] = fuse(exts, {}, [], META).events
    assert {c["value"] for c in ev.conflicts if c["field"] == "date"} == {"2026-01-06", "2026-01-07"}


def test_a_meeting_told_from_either_side_is_no_party_conflict() -> None:
    a = meeting("a1", "2026-01-07")
    b = meeting("a2", "2026-01-07")
    b.actor, b.recipient = b.recipient, b.actor
    exts = [ArticleExtraction(article_id="a1", events=[a]), ArticleExtraction(article_id="a2", events=[b])]
    [ev] = fuse(exts, {}, [], META).events
    assert not [c for c in ev.conflicts if c["field"] in ("actor", "recipient")]


def test_readings_naming_other_bodies_of_one_state_stay_apart() -> None:
    a = meeting("a1", "2026-01-07")
    b = meeting("a2", "2026-01-07")
    a.actor = [ent("CHL"), Entity(id="o:court", name="Supreme Court", kind="organization", country="CHL")]
    b.actor = [ent("CHL"), Entity(id="o:bank", name="Central Bank", kind="organization", country="CHL")]
    for e in (a, b):
        e.actor = [x for x in e.actor if x.kind != "person"]
    exts = [ArticleExtraction(article_id="a1", events=[a]), ArticleExtraction(article_id="a2", events=[b])]
    assert len(fuse(exts, {}, [], META).events) == 2


def test_a_phase_cue_alone_does_not_join_one_state_s_unrelated_acts() -> None:
    a = _tariff("a1", "2026-03-27", "Chile announced a new road plan on March 27.", "March 27")
    b = _tariff("a2", "2026-04-17", "Chile's pension rules take effect on April 17.", "April 17")
    for e in (a, b):
        e.recipient = []
        e.trigger = None
    exts = [ArticleExtraction(article_id="a1", events=[a]), ArticleExtraction(article_id="a2", events=[b])]
    assert len(fuse(exts, {}, [], META).events) == 2


def test_a_range_in_one_story_is_no_conflict() -> None:
    def fig(start: int, amount: float) -> Figure:
        return Figure(
            id=f"f{start}",
            metric="exports",
            amount=amount,
            unit="tonnes",
            actors=[ent("CHL"), ent("PER")],
            period={"start": "2026", "end": "2026"},
            mentions=[mention("a1", start)],
        )

    out = fuse([ArticleExtraction("a1", figures=[fig(0, 225000), fig(20, 250000)])], {}, [], META)
    assert len(out.figures) == 2 and not any(f.conflicts for f in out.figures)
