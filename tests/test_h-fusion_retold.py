"""Fusion of one act told by stories filed a day apart (issue #16 item 7).

A story filed the day after an act dates it relative to itself ("yesterday", "on Tuesday", its own
day), and a slightly different resolution puts the same act a day apart from the first report. Such
readings are one event with a date conflict; readings whose named days differ, or told in other
words by other people, stay apart.
"""

from __future__ import annotations

import random

from eventwire.consolidate.fuse import fuse
from eventwire.model import ArticleExtraction, Entity, Event, Mention

META = {
    "a1": {"publisher": "Wire One", "duplicate_of": None},
    "a2": {"publisher": "Paper Two", "duplicate_of": None},
    "a3": {"publisher": "Paper Three", "duplicate_of": None},
}


def _state(iso: str) -> Entity:
    return Entity(id=f"c:{iso}", name=iso, kind="country", country=iso, sector="GOV")


def _strike(
    aid: str,
    date: str,
    sentence: str,
    source: str | None,
    people: tuple[str, ...] = ("p:ana vidal",),
    trigger: str = "shelled",
) -> Event:
    return Event(
        id=f"{aid}-0",
        event="ASSAULT",
        date=date,
        date_source=source,
        actor=[
            _state("ARM"),
            *(Entity(id=p, name=p[2:].title(), kind="person", country="ARM") for p in people),
        ],
        recipient=[_state("AZE")],
        mentions=[Mention(article_id=aid, path=f"{aid}.txt", sentence=sentence, start=0, end=10)],
        confidence=0.6,
        trigger=trigger,
        trigger_start=0,
    )


def _fused(*events: Event) -> list[Event]:
    exts = [ArticleExtraction(article_id=e.mentions[0].article_id, events=[e]) for e in events]
    return fuse(exts, {}, [], META).events


def test_a_follow_up_dated_by_its_story_joins_the_first_report_with_a_conflict() -> None:
    first = _strike(
        "a1", "2026-03-03", "Armenian troops under Ana Vidal shelled Azeri posts on March 3.", "March 3"
    )
    later = _strike(
        "a2", "2026-03-04", "Vidal's forces shelled the border villages, officials said.", "article"
    )
    [ev] = _fused(first, later)
    assert {m.article_id for m in ev.mentions} == {"a1", "a2"}
    dates = {c["value"]: c["sources"] for c in ev.conflicts if c["field"] == "date"}
    assert dates == {"2026-03-03": ["a1"], "2026-03-04": ["a2"]}


def test_the_named_day_wins_over_a_day_read_from_the_story() -> None:
    named = _strike("a2", "2026-03-03", "Troops led by Ana Vidal shelled Azeri posts on March 3.", "March 3")
    relative = _strike(
        "a1", "2026-03-04", "Troops led by Ana Vidal shelled Azeri posts on Tuesday.", "Tuesday"
    )
    [ev] = _fused(relative, named)
    assert ev.date == "2026-03-03"


def test_close_wording_joins_without_a_named_person() -> None:
    a = _strike(
        "a1", "2026-03-03", "Armenian artillery shelled Azeri positions near the border.", "article", ()
    )
    b = _strike(
        "a2",
        "2026-03-02",
        "Armenian artillery shelled Azeri positions near the border yesterday.",
        "yesterday",
        (),
    )
    assert len(_fused(a, b)) == 1


def test_named_days_that_differ_stay_two_events() -> None:
    a = _strike("a1", "2026-03-03", "Troops led by Ana Vidal shelled Azeri posts on March 3.", "March 3")
    b = _strike("a2", "2026-03-04", "Troops led by Ana Vidal shelled Azeri posts on March 4.", "March 4")
    assert len(_fused(a, b)) == 2


def test_two_days_apart_or_one_story_stay_apart() -> None:
    a = _strike("a1", "2026-03-03", "Troops led by Ana Vidal shelled Azeri posts.", "article")
    b = _strike("a2", "2026-03-05", "Troops led by Ana Vidal shelled Azeri posts.", "article")
    assert len(_fused(a, b)) == 2
    c = _strike("a1", "2026-03-04", "Troops led by Ana Vidal shelled Azeri posts again.", "Wednesday")
    c.id, c.mentions[0].start, c.trigger_start = "a1-50", 50, 50
    out = fuse([ArticleExtraction("a1", events=[a, c])], {}, [], META).events
    assert len(out) == 2  # inside one story two days are two acts


def test_the_same_verb_by_other_people_on_the_next_day_is_another_act() -> None:
    a = _strike("a1", "2026-03-03", "Troops under Ana Vidal shelled posts in the north.", "article")
    b = _strike(
        "a2",
        "2026-03-04",
        "A unit commanded by Omar Sayed shelled a southern town.",
        "article",
        ("p:omar sayed",),
    )
    b.actor = b.actor[:1]  # the person is not named in a way that clashes, only the words differ
    assert len(_fused(a, b)) == 2


def test_a_day_across_a_month_end_still_joins() -> None:
    a = _strike("a1", "2026-03-31", "Troops led by Ana Vidal shelled Azeri posts on March 31.", "March 31")
    b = _strike("a2", "2026-04-01", "Troops led by Ana Vidal shelled Azeri posts, officials said.", "article")
    [ev] = _fused(a, b)
    assert {c["value"] for c in ev.conflicts if c["field"] == "date"} == {"2026-03-31", "2026-04-01"}


def test_a_chain_of_days_does_not_grow_past_the_gap() -> None:
    days = ["2026-03-03", "2026-03-04", "2026-03-05"]
    evs = [
        _strike(aid, d, "Troops led by Ana Vidal shelled Azeri posts.", "article")
        for aid, d in zip(("a1", "a2", "a3"), days, strict=True)
    ]
    for ev in _fused(*evs):
        dated = {m.article_id for m in ev.mentions}
        assert not {"a1", "a3"} <= dated  # three days apart are never one report


def test_result_does_not_depend_on_input_order() -> None:
    evs = [
        _strike("a1", "2026-03-03", "Troops led by Ana Vidal shelled Azeri posts on March 3.", "March 3"),
        _strike("a2", "2026-03-04", "Troops led by Ana Vidal shelled Azeri posts.", "article"),
        _strike("a3", "2026-03-05", "Troops led by Ana Vidal shelled Azeri posts.", "article"),
    ]
    want = None
    for seed in range(4):
        order = list(evs)
        random.Random(seed).shuffle(order)
        got = sorted((e.id, e.date, tuple(m.article_id for m in e.mentions)) for e in _fused(*order))
        want = want or got
        assert got == want
