"""Reports of one deal dated apart keep every date with its sources and the stage it dates."""

from __future__ import annotations

from eventwire.consolidate.fuse import fuse
from eventwire.model import ArticleExtraction, Deal, Entity, Mention

META = {"a1": {"publisher": "Wire One"}, "a2": {"publisher": "Paper Two"}, "a3": {"publisher": "Three"}}


def _deal(aid: str, date: str | None, status: str | None) -> Deal:
    return Deal(
        id=f"d-{aid}",
        supplier=Entity(id="c:NOR", name="Norway", kind="country", country="NOR"),
        recipient=Entity(id="c:PER", name="Peru", kind="country", country="PER"),
        item="frigates",
        quantity=4,
        date=date,
        status=status,
        mentions=[Mention(article_id=aid, path=f"{aid}.txt", sentence=f"Frigates in {aid}.", start=0, end=9)],
    )


def _fused(*deals: Deal) -> list[Deal]:
    exts = [ArticleExtraction(article_id=d.mentions[0].article_id, deals=[d]) for d in deals]
    return fuse(exts, {}, [], META).deals


def test_an_mou_and_its_contract_keep_both_dates_with_their_stage() -> None:
    [d] = _fused(_deal("a1", "2026-06", "mou"), _deal("a2", "2026-12-02", "contract"))
    dates = {c["value"]: c.get("phase") for c in d.conflicts if c["field"] == "date"}
    assert dates == {"2026-06": "mou", "2026-12-02": "contract"}
    assert d.status == "contract"


def test_a_coarser_date_of_the_same_day_is_no_conflict() -> None:
    [d] = _fused(_deal("a1", "2026", None), _deal("a2", "2026-06", None), _deal("a3", "2026-06-09", None))
    assert not [c for c in d.conflicts if c["field"] == "date"]
    assert d.date == "2026-06-09"
