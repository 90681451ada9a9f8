"""The store behaves the same on SQLite and PostgreSQL: batches, idempotence, JSON round trips."""

from __future__ import annotations

import pytest

from eventwire.model import (
    ActorRecord,
    Article,
    ArticleExtraction,
    Deal,
    Entity,
    Event,
    Mention,
    Money,
    Timex,
)
from eventwire.store import Store, StoreError


def _article(i: int, text: str | None = None) -> Article:
    return Article(
        id=f"a{i:04d}",
        path=f"/in/{i}.txt",
        text=text or f"Story number {i}. Ministers met in Ankara on Monday.",
        title=f"Title {i}",
        published="2024-05-0" + str(1 + i % 9),
        publisher="Example Wire",
        language="en",
    )


def _extraction(art: Article) -> ArticleExtraction:
    return ArticleExtraction(
        article_id=art.id,
        timexes=[Timex(start=0, end=5, text="Story", type="DATE", value="2024-05-01")],
        events=[
            Event(
                id=f"e_{art.id}",
                event="CONSULT",
                actor=[Entity(id="c:TUR", name="Turkey", kind="country", country="TUR")],
                mentions=[Mention(article_id=art.id, path=art.path, sentence=art.text, start=0, end=9)],
            )
        ],
        dct=art.published,
    )


def test_add_batch_is_idempotent(db_url: str) -> None:
    store = Store(db_url)
    arts = [_article(i) for i in range(5)]
    assert store.add_batch([(a, [1, 2, 3], _extraction(a)) for a in arts]) == 5
    # the same batch again, and a batch overlapping it, store only what is new
    assert store.add_batch([(a, [1, 2, 3], _extraction(a)) for a in arts]) == 0
    more = [_article(i) for i in range(3, 8)]
    assert store.add_batch([(a, None, _extraction(a)) for a in more]) == 3
    assert store.article_count() == 8
    assert store.existing_ids(["a0000", "a0007", "zzz"]) == {"a0000", "a0007"}
    exts = list(store.iter_extractions())
    assert [e.article_id for e in exts] == [f"a{i:04d}" for i in range(8)]
    assert exts[0].events[0].actor[0].country == "TUR"
    store.close()


def test_a_pass_over_extractions_loads_only_the_parts_it_names(db_url: str) -> None:
    store = Store(db_url)
    art = _article(1)
    store.add_batch([(art, None, _extraction(art))])
    [full] = store.iter_extractions()
    [events] = store.iter_extractions(parts=("events",))
    [actors] = store.iter_extractions(parts=("actors",))
    assert full.timexes and full.events
    assert events.events == full.events and events.dct == full.dct and not events.timexes
    assert not actors.events and actors.article_id == art.id
    store.close()


def test_unicode_and_hostile_text_round_trip(db_url: str) -> None:
    store = Store(db_url)
    text = (
        'Quote: "Robert\'); DROP TABLE articles;--" — naïve café 北京 <script>alert(1)</script> \u2028 end.'
    )
    art = _article(1, text)
    art.title = "'; DELETE FROM events; -- <b>x</b>"
    store.add_batch([(art, None, None)])
    back = store.get_article(art.id)
    assert back is not None and back.text == text and back.title == art.title
    assert store.article_count() == 1
    store.close()


def test_replace_consolidated_swaps_whole_view(db_url: str) -> None:
    store = Store(db_url)
    art = _article(1)
    store.add_batch([(art, None, _extraction(art))])
    ev = _extraction(art).events[0]
    deal = Deal(
        id="d1",
        supplier=Entity(id="c:TUR", name="Turkey", kind="country", country="TUR"),
        value=Money(amount=1.5e9, currency="USD"),
        status="contract",
        date="2024-05-01",
    )
    actor = ActorRecord(id="c:TUR", name="Turkey", kind="country", country="TUR", aliases=["Ankara"])
    store.replace_consolidated([actor], [ev], [deal], [], [])
    assert [r["id"] for r in store.iter_records("events")] == [ev.id]
    assert list(store.iter_records("deals"))[0]["value"] == {"amount": 1.5e9, "currency": "USD"}
    store.replace_consolidated([actor], [], [], [], [])
    assert list(store.iter_records("events")) == []
    assert list(store.iter_records("deals")) == []
    assert [r["id"] for r in store.iter_records("actors")] == ["c:TUR"]
    store.close()


def test_reopening_migrated_database_keeps_data(db_url: str) -> None:
    store = Store(db_url)
    store.add_batch([(_article(1), None, None)])
    store.close()
    again = Store(db_url)
    assert again.article_count() == 1
    again.close()


def test_unreachable_database_is_a_named_error() -> None:
    with pytest.raises(StoreError, match="cannot open database"):
        Store("postgresql://nobody@127.0.0.1:1/none")
