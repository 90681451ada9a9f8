"""The Ray engine gives the same extractions as the local engine, on a small local Ray."""

from __future__ import annotations

import pytest

ray = pytest.importorskip("ray", reason="ray not installed (pip install 'eventwire[ray]')")

from eventwire.model import Article  # noqa: E402
from eventwire.run.local import LocalEngine  # noqa: E402

TEXTS = [
    "Turkey accused Greece on Monday of violating its airspace. Greek officials rejected the claim.",
    "Malaysian Prime Minister Anwar Ibrahim met President Recep Tayyip Erdogan in Ankara on Tuesday. "
    "The two leaders signed a deal for three corvettes worth $1.2 billion.",
    "The weather in the capital was mild all week.",
    'The minister told reporters in Berlin: "We will not accept any threats against our sovereignty."',
    "",
]


def _articles() -> list[Article]:
    return [
        Article(id=f"a{i}", path=f"/in/t{i}.txt", text=t, published=f"2024-01-0{i + 1}")
        for i, t in enumerate(TEXTS)
    ]


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, object_store_memory=128 * 1024 * 1024)
    yield
    ray.shutdown()


def test_ray_engine_equals_local_engine(local_ray) -> None:
    from eventwire.run.ray_engine import RayEngine

    arts = _articles()
    local = [e.to_dict() for _, exts in LocalEngine(workers=1).map([arts]) for e in exts]
    engine = RayEngine(workers=2)
    try:
        got = list(engine.map([[], arts]))  # one dataset: each costs an actor pool start
    finally:
        engine.close()
    assert ray.is_initialized(), "an engine must not shut down a Ray it did not start"
    assert [b for b, _ in got] == [[], arts]
    remote = [e.to_dict() for _, exts in got for e in exts]
    assert [e["article_id"] for e in remote] == [a.id for a in arts]
    assert remote == local
    # the fixture texts are chosen to yield something, so equality is not vacuous
    assert sum(len(e["events"]) for e in remote) >= 1
    assert sum(len(e["entities"]) for e in remote) >= 3
