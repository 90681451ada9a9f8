"""A database made by an older eventwire upgrades in place, keeping its data."""

import json
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text

import eventwire.store as store_mod
from eventwire.store import Store, make_engine


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(store_mod.__file__).parent / "migrations"))
    return cfg


def test_oldest_schema_upgrades_with_data(tmp_path):
    url = f"sqlite:///{tmp_path}/old.db"
    engine = make_engine(url)
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(
            text(
                "INSERT INTO articles (id, path, text, published_inferred) "
                "VALUES ('a_old', 'old.txt', 'An old story about a treaty.', 0)"
            )
        )
    engine.dispose()

    store = Store(url)  # opening with the current version migrates to head
    head = ScriptDirectory.from_config(_config()).get_current_head()
    with store.engine.connect() as conn:
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == head
    art = store.get_article("a_old")
    assert art is not None and art.text.startswith("An old story")
    store.close()


def test_reopening_is_a_no_op(tmp_path):
    url = f"sqlite:///{tmp_path}/x.db"
    Store(url).close()
    Store(url).close()


def test_record_search_index_survives_down_and_up_to_the_bulk_refill(tmp_path):
    from eventwire.run.ingest import ingest
    from eventwire.run.local import LocalEngine

    doc = tmp_path / "a.txt"
    doc.write_text("Chile and Peru signed a fisheries agreement in Lima on 3 March 2024.\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path}/fts.db"
    store = Store(url)
    ingest([str(doc)], store, engine=LocalEngine(workers=1))
    store.close()

    def state() -> tuple[int, int, int]:
        engine = make_engine(url)
        with engine.connect() as conn:
            triggers = conn.scalar(
                text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'events_fts_%'")
            )
            hits = conn.scalar(text("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'fisheries'"))
            events = conn.scalar(text("SELECT count(*) FROM events"))
        engine.dispose()
        return triggers, hits, events

    triggers, hits, events = state()
    assert events >= 1 and hits == events and triggers == 0  # refilled in bulk, no per-row triggers
    cfg = _config()
    engine = make_engine(url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    engine.dispose()
    assert state() == (3, events, events)  # the 0002 triggers are back, the index whole
    Store(url).close()  # and up again
    assert state() == (0, events, events)


def test_stored_signatures_fill_the_band_table_on_upgrade(tmp_path):
    from eventwire.ingest import NearDupIndex

    url = f"sqlite:///{tmp_path}/bands.db"
    engine = make_engine(url)
    cfg = _config()
    ix = NearDupIndex()
    story = "The two ministers met in the port city on Monday and agreed to open a new ferry route. " * 3
    sig = ix.signature(story)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        insert = text(
            "INSERT INTO articles (id, path, text, published_inferred, signature, duplicate_of, seq) "
            "VALUES (:id, :id, :t, 0, :sig, :dup, :seq)"
        )
        conn.execute(insert, {"id": "a_orig", "t": story, "sig": json.dumps(sig), "dup": None, "seq": 1})
        conn.execute(insert, {"id": "a_copy", "t": story, "sig": json.dumps(sig), "dup": "a_orig", "seq": 2})
    engine.dispose()

    store = Store(url)
    hits = store.neardup_candidates(ix.band_keys(sig))
    assert sorted(hits) == sorted(ix.band_keys(sig))
    assert {aid for rows in hits.values() for _, aid, _ in rows} == {"a_orig"}  # not the copy
    store.close()


def test_stored_extractions_upgrade_to_unknown_stamps(db_url: str) -> None:
    """Rows extracted before stamps existed read as "unknown knowledge": stale whatever is
    current, picked by ``reprocess --stale``; the upgrade keeps them and adds no table copy."""
    import sqlalchemy as sa

    from eventwire.lexicon.digest import current_stamp
    from eventwire.model import ArticleExtraction
    from eventwire.run.reprocess import stale_count
    from eventwire.store.selection import Selection

    engine = make_engine(db_url)
    cfg = _config()
    articles = sa.table(
        "articles",
        sa.column("id"),
        sa.column("path"),
        sa.column("text"),
        sa.column("published_inferred", sa.Boolean),
        sa.column("seq"),
    )
    extractions = sa.table(
        "extractions", sa.column("article_id"), sa.column("version"), sa.column("payload", sa.JSON)
    )
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
        for i in (1, 2):
            aid = f"a_old{i}"
            conn.execute(
                sa.insert(articles),
                {"id": aid, "path": f"{aid}.txt", "text": "A story.", "published_inferred": False, "seq": i},
            )
            payload = ArticleExtraction(article_id=aid).to_dict()
            conn.execute(sa.insert(extractions), {"article_id": aid, "version": 1, "payload": payload})
    engine.dispose()

    store = Store(db_url)
    try:
        assert store.stamp_counts() == {(None, None): 2}
        assert stale_count(store) == 2
        assert store.select_ids(Selection(stale_against=current_stamp())) == ["a_old1", "a_old2"]
        assert [e.article_id for e in store.iter_extractions()] == ["a_old1", "a_old2"]
    finally:
        store.close()

    engine = make_engine(db_url)
    with engine.begin() as conn:  # down and up again: the stamps go and come back unknown
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
        assert "code_version" not in {c["name"] for c in sa.inspect(conn).get_columns("extractions")}
        command.upgrade(cfg, "head")
    engine.dispose()
    store = Store(db_url)
    assert store.stamp_counts() == {(None, None): 2}
    store.close()
