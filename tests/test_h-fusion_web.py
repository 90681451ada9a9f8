"""A conflict fusion finds between two stories shows on the event page, over real HTTP."""

from __future__ import annotations

import httpx

from eventwire.consolidate.fuse import fuse
from eventwire.model import ActorRecord, Article, ArticleExtraction, Entity, Event, Mention
from eventwire.store import Store
from eventwire.web.app import create_app
from eventwire.web.testing import serve

STORIES = {
    "a_one": ("2026-03-03", "Envoy talks", "Chile's envoy Ana Vidal met Peru's minister on March 3 in Lima."),
    "a_two": ("2026-03-04", "Envoy talks go on", "Ana Vidal met Peruvian officials, the ministry said."),
}


def _reading(aid: str, date: str, source: str) -> Event:
    text = STORIES[aid][2]
    return Event(
        id=f"{aid}-e",
        event="CONSULT",
        date=date,
        date_source=source,
        actor=[
            Entity(id="c:CHL", name="Chile", kind="country", country="CHL"),
            Entity(id="p_ana_vidal", name="Ana Vidal", kind="person", country="CHL"),
        ],
        recipient=[Entity(id="c:PER", name="Peru", kind="country", country="PER")],
        mentions=[Mention(article_id=aid, path=f"{aid}.txt", sentence=text, start=0, end=len(text))],
        confidence=0.7,
        trigger="met",
        trigger_start=text.index("met"),
    )


def test_the_event_page_shows_dates_two_stories_disagree_on(tmp_path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'web.db'}")
    arts = [
        Article(id=i, path=f"{i}.txt", text=t, title=title, published=d, publisher=f"Wire {i}", language="en")
        for i, (d, title, t) in STORIES.items()
    ]
    store.add_batch([(a, None, None) for a in arts])
    exts = [
        ArticleExtraction("a_one", events=[_reading("a_one", "2026-03-03", "March 3")]),
        ArticleExtraction("a_two", events=[_reading("a_two", "2026-03-04", "article")]),
    ]
    meta = {a.id: {"publisher": a.publisher, "duplicate_of": None} for a in arts}
    [ev] = fuse(exts, {}, [], meta).events
    actors = [
        ActorRecord(id="c:CHL", name="Chile", kind="country", country="CHL", sector="GOV"),
        ActorRecord(id="c:PER", name="Peru", kind="country", country="PER", sector="GOV"),
        ActorRecord(id="p_ana_vidal", name="Ana Vidal", kind="person", country="CHL", sector="GOV"),
    ]
    store.replace_consolidated(actors, [ev], [], [], [])
    try:
        with serve(create_app(store)) as base, httpx.Client(base_url=base, timeout=60) as web:
            html = web.get(f"/events/{ev.id}", headers={"Accept": "text/html"}).text
            data = web.get(f"/api/events/{ev.id}").json()
    finally:
        store.close()
    assert "Where the reports disagree" in html
    assert "2026-03-03" in html and "2026-03-04" in html
    assert "“March 3”" in html  # the words that dated each reading
    assert 'href="/articles/a_one"' in html and 'href="/articles/a_two"' in html
    assert {c["value"] for c in data["conflicts"] if c["field"] == "date"} == {"2026-03-03", "2026-03-04"}
