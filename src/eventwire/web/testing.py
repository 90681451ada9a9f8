"""Helpers for testing and benchmarking the workbench over real HTTP.

``serve`` runs the app under uvicorn in a thread on a free loopback port (the tests and the
latency benchmark talk to it like any client would). ``synthetic_corpus`` stores a small,
invented corpus through the same ``Store`` methods ingest uses, so API tests do not depend on
how far the extractors have come.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ..model import ActorRecord, Article, Deal, Entity, Event, Figure, Mention, Money, Quote, Role

if TYPE_CHECKING:  # pragma: no cover
    from starlette.types import ASGIApp

    from ..store import Store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(app: ASGIApp, host: str = "127.0.0.1", port: int | None = None) -> Iterator[str]:
    """Base URL of ``app`` served by uvicorn in a daemon thread; stopped on exit."""
    import uvicorn

    port = port or free_port()
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


# ---------------------------------------------------------------------------------------------
# an invented corpus (never text from a real article)

TUR = Entity(id="c:TUR", name="Turkey", kind="country", country="TUR", sector="GOV")
MYS = Entity(id="c:MYS", name="Malaysia", kind="country", country="MYS", sector="GOV")
FRA = Entity(id="c:FRA", name="France", kind="country", country="FRA", sector="GOV")
MINISTER = Entity(
    id="p_ada_demir", name="Ada Demir", kind="person", country="TUR", sector="GOV", office="Minister of Trade"
)
YARD = Entity(id="o_bluewater", name="Bluewater Yards", kind="organization", country="TUR", sector="BUS")

STORIES = [
    (
        "a_syn_1",
        "Ankara and Kuala Lumpur agree on ship deal",
        "2024-03-05",
        "Trade ministers met in Ankara on Monday. Turkey agreed to build two patrol ships for Malaysia. "
        "Ada Demir said the deal was worth 300 million dollars. Bilateral trade reached 4 billion dollars last year.",
    ),
    (
        "a_syn_2",
        "<script>alert('x')</script> Envoys trade words",
        "2024-09-12",
        "Officials in Kuala Lumpur accused Ankara of delaying the ships. A Turkish envoy visited Malaysia "
        'the next week to calm the dispute. "We keep our word," Ada Demir wrote on social media.',
    ),
    (
        "a_syn_3",
        "Paris watches the Asian shipyards",
        "2025-01-20",
        "France criticised Turkey over export rules. Malaysia and Turkey held talks in January on a "
        "second batch of ships.",
    ),
]


def _mention(article_id: str, text: str, sentence: str) -> Mention:
    start = text.index(sentence)
    return Mention(
        article_id=article_id,
        path=f"{article_id}.txt",
        sentence=sentence,
        start=start,
        end=start + len(sentence),
    )


def synthetic_corpus(store: Store) -> dict[str, Any]:
    """Store three invented articles and the records read from them; returns what was stored."""
    arts = [
        Article(
            id=i, path=f"{i}.txt", text=t, title=title, published=d, publisher="Example Wire", language="en"
        )
        for i, title, d, t in STORIES
    ]
    store.add_batch([(a, None, None) for a in arts])
    text = {a.id: a.text for a in arts}

    def m(aid: str, sentence: str) -> Mention:
        return _mention(aid, text[aid], sentence)

    s1 = "Turkey agreed to build two patrol ships for Malaysia."
    events = [
        Event(
            id="e_syn_meet",
            event="CONSULT",
            mode="meet",
            date="2024-03-04",
            actor=[TUR],
            recipient=[MYS],
            mentions=[m("a_syn_1", "Trade ministers met in Ankara on Monday.")],
            score=1.0,
            trigger="met",
            confidence=0.8,
        ),
        Event(
            id="e_syn_agree",
            event="AGREE",
            date="2024-03",
            actor=[TUR],
            recipient=[MYS],
            mentions=[m("a_syn_1", s1)],
            score=3.0,
            trigger="agreed",
            confidence=0.9,
        ),
        Event(
            id="e_syn_accuse",
            event="ACCUSE",
            date="2024-09-10",
            actor=[MYS],
            recipient=[TUR],
            mentions=[m("a_syn_2", "Officials in Kuala Lumpur accused Ankara of delaying the ships.")],
            score=-2.0,
            trigger="accused",
        ),
        Event(
            id="e_syn_visit",
            event="CONSULT",
            mode="visit",
            date="2024-09",
            actor=[TUR],
            recipient=[MYS],
            mentions=[m("a_syn_2", "A Turkish envoy visited Malaysia the next week to calm the dispute.")],
            trigger="visited",
            sources=1,
            conflicts=[
                {"field": "date", "value": "2024-09-18", "sources": ["a_syn_2"], "phase": "announced"},
                {"field": "date", "value": "2024-09-19", "sources": ["a_syn_3"]},
            ],
        ),
        Event(
            id="e_syn_fra",
            event="ACCUSE",
            date="2025-01",
            actor=[FRA],
            recipient=[TUR],
            mentions=[m("a_syn_3", "France criticised Turkey over export rules.")],
            trigger="criticised",
        ),
        Event(
            id="e_syn_talks",
            event="CONSULT",
            date="2025",
            actor=[MYS, TUR],
            recipient=[],
            mentions=[m("a_syn_3", "Malaysia and Turkey held talks in January on a second batch of ships.")],
            trigger="talks",
        ),
    ]
    deals = [
        Deal(
            id="d_syn_ships",
            supplier=TUR,
            recipient=MYS,
            contractor=YARD,
            item="patrol ship",
            quantity=2,
            value=Money(300_000_000, "USD"),
            status="agreement",
            date="2024-03",
            conflicts=[
                {"field": "quantity", "value": 2, "sources": ["a_syn_1"]},
                {"field": "quantity", "value": 3, "sources": ["a_syn_3"]},
            ],
            mentions=[m("a_syn_1", s1)],
        )
    ]
    figures = [
        Figure(
            id="f_syn_trade",
            metric="bilateral trade",
            amount=4_000_000_000,
            unit="USD",
            kind="actual",
            actors=[TUR, MYS],
            period={"start": "2023", "end": "2023"},
            date="2023",
            mentions=[m("a_syn_1", "Bilateral trade reached 4 billion dollars last year.")],
        )
    ]
    quotes = [
        Quote(
            id="q_syn_word",
            speaker=MINISTER,
            text="We keep our word",
            channel="social media post",
            date="2024-09-12",
            mentions=[m("a_syn_2", '"We keep our word," Ada Demir wrote on social media.')],
        )
    ]
    actors = [
        ActorRecord(
            id="c:TUR",
            name="Turkey",
            kind="country",
            country="TUR",
            sector="GOV",
            aliases=["Turkey", "Ankara"],
        ),
        ActorRecord(
            id="c:MYS", name="Malaysia", kind="country", country="MYS", sector="GOV", aliases=["Malaysia"]
        ),
        ActorRecord(
            id="c:FRA", name="France", kind="country", country="FRA", sector="GOV", aliases=["France"]
        ),
        ActorRecord(
            id="p_ada_demir",
            name="Ada Demir",
            kind="person",
            country="TUR",
            sector="GOV",
            aliases=["Ada Demir", "Demir"],
            roles=[Role(title="Minister of Trade", country="TUR", start="2023-06")],
            mentions=[m("a_syn_1", "Ada Demir said the deal was worth 300 million dollars.")],
        ),
        ActorRecord(
            id="o_bluewater", name="Bluewater Yards", kind="organization", country="TUR", sector="BUS"
        ),
    ]
    store.replace_consolidated(actors, events, deals, figures, quotes)
    return {
        "articles": arts,
        "events": events,
        "deals": deals,
        "figures": figures,
        "quotes": quotes,
        "actors": actors,
    }


# ---------------------------------------------------------------------------------------------
# a large invented corpus, for tests and benchmarks that need thousands of records

_PLACES = [
    ("Ankara", "TUR", 39.93, 32.86),
    ("Kuala Lumpur", "MYS", 3.14, 101.69),
    ("Paris", "FRA", 48.86, 2.35),
    ("Nairobi", "KEN", -1.29, 36.82),
    ("Lima", "PER", -12.05, -77.04),
    ("Singapore", "SGP", 1.29, 103.85),
]
_COUNTRIES = [TUR, MYS, FRA]


def large_corpus(store: Store, n_events: int, n_articles: int = 50) -> dict[str, int]:
    """Store ``n_events`` invented events over ``n_articles`` invented articles, spread over years,
    PLOVER types, countries and places (one bulk write: seconds for tens of thousands)."""
    from ..lexicon.plover import plover
    from ..model import Place

    types = plover().types
    sentence = "The two delegations met again in the capital to discuss shipping lanes."
    arts = []
    for i in range(n_articles):
        arts.append(
            Article(
                id=f"a_big_{i}",
                path=f"big/{i}.json",
                url=f"https://news.example/{i}",
                text=f"Report {i}. {sentence}",
                title=f"Report {i}",
                published=f"{2019 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                publisher="Example Wire",
                language="en",
            )
        )
    store.add_batch([(a, None, None) for a in arts])
    others = [
        Entity(id=f"c:{code}", name=name, kind="country", country=code, sector="GOV")
        for name, code in (("Kenya", "KEN"), ("Peru", "PER"), ("Singapore", "SGP"))
    ]
    parties = _COUNTRIES + others
    events = []
    for i in range(n_events):
        art = arts[i % n_articles]
        start = art.text.index(sentence)
        a, b = parties[i % len(parties)], parties[(i * 7 + 1) % len(parties)]
        if a.id == b.id:
            b = parties[(i + 1) % len(parties)]
        name, code, lat, lon = _PLACES[i % len(_PLACES)]
        events.append(
            Event(
                id=f"e_big_{i:06d}",
                event=types[i % len(types)],
                date=f"{2019 + (i // 7) % 6}-{1 + i % 12:02d}" + (f"-{1 + i % 28:02d}" if i % 3 else ""),
                actor=[a],
                recipient=[b],
                event_loc=Place(name=name, country=code, lat=lat, lon=lon),
                score=float((i % 21) - 10) / 2,
                mentions=[
                    Mention(
                        article_id=art.id,
                        path=art.path,
                        sentence=sentence,
                        start=start,
                        end=start + len(sentence),
                    )
                ],
                trigger="met",
                sources=1 + i % 3,
            )
        )
    actors = [
        ActorRecord(id=e.id, name=e.name, kind="country", country=e.country, sector="GOV", aliases=[e.name])
        for e in parties
    ]
    store.replace_consolidated(actors, events, [], [], [])
    return {"articles": n_articles, "events": n_events}
