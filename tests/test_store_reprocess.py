"""The store's side of reprocess, on SQLite and PostgreSQL: which articles a selection picks,
and swapping a batch's extractions (with stamps and re-inferred dates) all at once."""

from __future__ import annotations

import pytest

from eventwire.lexicon.digest import Stamp
from eventwire.model import Article, ArticleExtraction
from eventwire.run.reprocess import stale_count
from eventwire.store import Store
from eventwire.store.selection import Selection, SelectionError, Where

OLD = Stamp("0.1.0+aaaaaaaa", "1111111111111111")
NEW = Stamp("0.1.0+aaaaaaaa", "2222222222222222")


def _article(i: int, published: str | None, **kw: object) -> Article:
    return Article(
        id=f"a{i:02d}",
        path=f"/wire/{'asia' if i % 2 else 'europe'}/{i}.txt",
        text=f"Story {i}: the ministers met on Monday.",
        published=published,
        publisher="Example Wire" if i < 4 else "Other Post",
        source_format="text",
        **kw,
    )


@pytest.fixture
def store(db_url: str) -> Store:
    """Six originals (dated 2024-01 .. 2024-05 and one undated), one near-duplicate; the first
    three extracted with OLD knowledge, the rest with NEW."""
    s = Store(db_url)
    dates = ["2024-01-10", "2024-02", "2024-03-15", "2024", "2024-05-20", None]
    arts = [_article(i, d) for i, d in enumerate(dates)]
    s.add_batch([(a, None, ArticleExtraction(article_id=a.id)) for a in arts[:3]], stamp=OLD)
    s.add_batch([(a, None, ArticleExtraction(article_id=a.id)) for a in arts[3:]], stamp=NEW)
    s.add_batch([(_article(9, "2024-03-16", duplicate_of="a02"), None, None)], stamp=NEW)
    yield s
    s.close()


def test_every_original_by_default_never_a_near_duplicate(store: Store) -> None:
    assert store.select_ids(Selection()) == ["a00", "a01", "a02", "a03", "a04", "a05"]


def test_dates_overlap_like_the_api(store: Store) -> None:
    # "2024" reaches into March and "2024-02" does not; the undated article has no date to match
    assert store.select_ids(Selection(since="2024-03-01")) == ["a02", "a03", "a04"]
    assert store.select_ids(Selection(until="2024-02-15")) == ["a00", "a01", "a03"]
    assert store.select_ids(Selection(since="2024-02", until="2024-03")) == ["a01", "a02", "a03"]


def test_where_compares_bound_values_never_sql(store: Store) -> None:
    assert store.select_ids(Selection(where=(Where.parse("path~ASIA/"),))) == ["a01", "a03", "a05"]
    both = (Where.parse("path~asia"), Where.parse("publisher=Example Wire"))
    assert store.select_ids(Selection(where=both)) == ["a01", "a03"]
    assert store.select_ids(Selection(where=(Where.parse("publisher=x' OR '1'='1"),))) == []
    assert store.select_ids(Selection(where=(Where.parse("text~100%"),))) == []  # % is a character


@pytest.mark.parametrize(
    "raw", ["path", "seq=1", "published=2024", "path=", "1=1; DROP TABLE articles", "title like x"]
)
def test_bad_where_is_refused_with_what_it_accepts(raw: str) -> None:
    with pytest.raises(SelectionError, match="--where"):
        Where.parse(raw)


@pytest.mark.parametrize("value", ["March", "2024-3-1", "2024-03-01T10:00", "'; --"])
def test_bad_dates_are_refused(value: str) -> None:
    with pytest.raises(SelectionError, match="--since"):
        Selection(since=value)


def test_stale_picks_what_other_knowledge_made(store: Store) -> None:
    assert store.select_ids(Selection(stale_against=NEW)) == ["a00", "a01", "a02"]
    assert store.select_ids(Selection(stale_against=OLD)) == ["a03", "a04", "a05"]
    assert store.select_ids(Selection(stale_against=NEW, since="2024-02")) == ["a01", "a02"]
    assert store.stamp_counts() == {tuple(OLD): 3, tuple(NEW): 3}
    assert stale_count(store, NEW) == 3


def test_replacing_a_batch_restamps_and_redates_it(store: Store) -> None:
    arts = list(store.iter_articles(["a00", "a05"]))
    a05 = arts[1]
    a05.published, a05.published_inferred = "2024-06", True
    fresh = [(a, ArticleExtraction(article_id=a.id, dct=a.published)) for a in arts]
    assert store.replace_extractions(fresh, NEW, redated=[a05]) == 2
    assert store.stamp_counts() == {tuple(OLD): 2, tuple(NEW): 4}
    got = store.get_article("a05")
    assert got is not None and (got.published, got.published_inferred) == ("2024-06", True)
    dcts = {e.article_id: e.dct for e in store.iter_extractions()}
    assert dcts["a05"] == "2024-06" and dcts["a00"] == "2024-01-10"
    assert len(dcts) == 6  # one row per article, replaced, never added


def test_a_failing_batch_changes_nothing(store: Store) -> None:
    arts = list(store.iter_articles(["a00", "a01"]))
    bad = [(arts[0], ArticleExtraction(article_id="a00")), (arts[1], None)]
    with pytest.raises(AttributeError):
        store.replace_extractions(bad, NEW)  # type: ignore[arg-type]
    assert store.stamp_counts() == {tuple(OLD): 3, tuple(NEW): 3}
    assert len(list(store.iter_extractions())) == 6


# ------------------------------------------------------------------------------------ the loop


class _Engine:
    """Extracts nothing but the article's date (no model), and dies at batch ``fail_at``."""

    def __init__(self, fail_at: int | None = None) -> None:
        self.fail_at = fail_at
        self.closed = False

    def start(self) -> None:
        pass

    def map(self, batches):
        for i, batch in enumerate(batches):
            if i == self.fail_at:
                raise RuntimeError("a worker died")
            yield batch, [ArticleExtraction(article_id=a.id, dct=a.published) for a in batch]

    def close(self) -> None:
        self.closed = True


def test_a_run_that_dies_keeps_whole_batches_and_a_rerun_finishes(store: Store) -> None:
    from eventwire.lexicon.digest import current_stamp
    from eventwire.run.engine import Engine
    from eventwire.run.reprocess import reprocess

    now = current_stamp()
    dying = _Engine(fail_at=2)
    assert isinstance(dying, Engine)
    with pytest.raises(RuntimeError, match="worker died"):
        reprocess(store, dying, Selection(), batch_size=2)
    assert dying.closed
    # batches go in ingest order: the first two are in, the third not at all
    assert store.select_ids(Selection(stale_against=now)) == ["a04", "a05"]
    report = reprocess(store, _Engine(), Selection(stale_against=now), batch_size=2)
    assert (report.selected, report.done) == (2, 2)
    assert store.stamp_counts() == {tuple(now): 6}
    assert report.totals["events"] == 0  # consolidated from what is stored


def test_nothing_selected_starts_no_engine_and_still_consolidates(store: Store) -> None:
    from eventwire.run.reprocess import reprocess

    report = reprocess(store, None, Selection(since="2030"))
    assert (report.selected, report.done) == (0, 0)
    assert set(report.totals) == {"actors", "events", "deals", "figures", "quotes"}


def test_only_inferred_dates_are_inferred_again() -> None:
    from eventwire.run.reprocess import redate

    text = (
        "Freight volumes fell in January 2025, the port authority said. The ministers met on Feb. 3 "
        "and agreed to share customs data."
    )
    stale = Article(id="x1", path="x1.txt", text=text, published="2024-11", published_inferred=True)
    assert redate(stale) and (stale.published, stale.published_inferred) == ("2025-02", True)
    assert not redate(stale)  # the same knowledge infers the same date
    own = Article(id="x2", path="x2.txt", text=text, published="2025-03-01")
    assert not redate(own) and own.published == "2025-03-01"
    undated = Article(id="x3", path="x3.txt", text=text)
    assert redate(undated) and undated.published == "2025-02"


def test_batches_larger_than_an_in_list_are_read_and_replaced_in_order(db_url: str) -> None:
    from eventwire.lexicon.digest import current_stamp
    from eventwire.run.reprocess import reprocess

    s = Store(db_url)
    try:
        arts = [_article(i, "2024-01-01") for i in range(1200)]
        s.add_batch([(a, None, ArticleExtraction(article_id=a.id)) for a in arts], stamp=OLD)
        assert [a.id for a in s.get_articles(["a03", "a00", "zz", "a1100"])] == ["a03", "a00", "a1100"]
        report = reprocess(s, _Engine(), batch_size=5000)
        assert report.done == 1200 and s.stamp_counts() == {tuple(current_stamp()): 1200}
    finally:
        s.close()
