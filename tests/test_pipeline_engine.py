"""The local process pool gives exactly what inline extraction gives, in order."""

from __future__ import annotations

from eventwire.model import Article
from eventwire.run.article import process_texts
from eventwire.run.local import LocalEngine

TEXTS = [
    "Turkey accused Greece on Monday of violating its airspace.",
    "The weather in the capital was mild all week.",
    "Japan pledged $20 million in aid to Kenya, the Japanese foreign minister said.",
    'The minister told reporters in Oslo: "We will not accept any threats against our people."',
    "Brazil ordered four patrol vessels from a Norwegian shipyard in a deal worth $300 million.",
]


def test_pool_equals_inline_and_keeps_order() -> None:
    arts = [
        Article(id=f"a{i}", path=f"/in/{i}.txt", text=t, published="2024-02-01") for i, t in enumerate(TEXTS)
    ]
    inline = [e.to_dict() for e in process_texts(arts)]
    engine = LocalEngine(workers=2, chunk=2)
    try:
        got = list(engine.map([arts[:1], arts, []]))
    finally:
        engine.close()
    assert [b for b, _ in got] == [arts[:1], arts, []]
    assert [e.to_dict() for e in got[1][1]] == inline
    assert [e.to_dict() for e in got[0][1]] == inline[:1]
    assert got[2][1] == []
    assert sum(len(e["events"]) for e in inline) >= 2, "texts must yield events, or equality is vacuous"


def test_started_engine_gives_the_same_and_an_unused_one_leaves_no_workers() -> None:
    import multiprocessing

    arts = [
        Article(id=f"s{i}", path=f"/s/{i}.txt", text=t, published="2024-02-01") for i, t in enumerate(TEXTS)
    ]
    inline = [e.to_dict() for e in process_texts(arts)]
    engine = LocalEngine(workers=2, chunk=2)
    engine.start()
    try:
        assert [e.to_dict() for _, exts in engine.map([arts]) for e in exts] == inline
    finally:
        engine.close()
    idle = LocalEngine(workers=2)
    idle.start()
    assert len(multiprocessing.active_children()) >= 2
    idle.close()  # terminated: nobody needs the warm-up it is in the middle of
    assert multiprocessing.active_children() == []
