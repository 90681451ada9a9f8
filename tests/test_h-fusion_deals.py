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


def test_reports_of_one_figure_over_other_periods_keep_both() -> None:
    from eventwire.model import Figure

    def fig(aid: str, period: dict) -> Figure:
        return Figure(
            id=f"f-{aid}",
            metric="exports",
            amount=5e9,
            unit="USD",
            actors=[Entity(id="c:NOR", name="Norway", kind="country", country="NOR")],
            period=period,
            mentions=[
                Mention(article_id=aid, path=f"{aid}.txt", sentence=f"Exports in {aid}.", start=0, end=9)
            ],
        )

    year, fiscal = {"start": "2025", "end": "2025"}, {"start": "2024-07", "end": "2025-06"}
    exts = [
        ArticleExtraction("a1", figures=[fig("a1", year)]),
        ArticleExtraction("a2", figures=[fig("a2", fiscal)]),
    ]
    [f] = fuse(exts, {}, [], META).figures
    got = {
        (c["value"]["start"], c["value"]["end"]): c["sources"] for c in f.conflicts if c["field"] == "period"
    }
    assert got == {("2025", "2025"): ["a1"], ("2024-07", "2025-06"): ["a2"]}
    inner = ArticleExtraction("a3", figures=[fig("a3", {"start": "2025-02", "end": "2025-02"})])
    [f] = fuse([exts[0], inner], {}, [], META).figures  # a month inside the year: told more precisely
    assert not [c for c in f.conflicts if c["field"] == "period"]
