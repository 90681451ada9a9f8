"""Migration 0002: full-text search over articles, kept in sync by the database itself."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

import eventwire.store as store_mod
from eventwire.model import Article
from eventwire.store import Store, make_engine
from eventwire.store.query import Filters, Reader, fts5_query, pg_tsquery


def _config(conn) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(store_mod.__file__).parent / "migrations"))
    cfg.attributes["connection"] = conn
    return cfg


def found(store: Store, q: str) -> set[str]:
    items, _ = Reader(store.engine).list("articles", Filters(q=q))
    return {a["id"] for a in items}


def test_upgrade_indexes_articles_already_stored(tmp_path):
    url = f"sqlite:///{tmp_path}/old.db"
    engine = make_engine(url)
    with engine.begin() as conn:
        command.upgrade(_config(conn), "0001")
        conn.execute(
            text(
                "INSERT INTO articles (id, path, title, text, published_inferred) "
                "VALUES ('a_old', 'old.txt', 'Harbour news', 'The lighthouse keeper retired.', 0)"
            )
        )
    engine.dispose()
    store = Store(url)
    assert found(store, "lighthouse") == {"a_old"}
    assert found(store, "harbour") == {"a_old"}  # the title is indexed too
    store.close()


def test_triggers_follow_insert_update_delete(db_url):
    store = Store(db_url)
    store.add_batch(
        [(Article(id="a1", path="a1.txt", text="Grain ships left the port.", title="Grain"), None, None)]
    )
    assert found(store, "grain ships") == {"a1"}
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE articles SET text = 'Coal trains left the depot.' WHERE id = 'a1'"))
    assert found(store, "ships") == set()
    assert found(store, "coal") == {"a1"}
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM articles WHERE id = 'a1'"))
    assert found(store, "coal") == set()
    store.close()


def test_postgresql_uses_an_expression_index(pg_url):
    store = Store(pg_url)
    with store.engine.connect() as conn:
        idx = conn.scalar(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_articles_fts'"))
    assert idx and "gin" in idx.lower() and "to_tsvector" in idx
    with store.engine.connect() as conn:
        names = set(conn.scalars(text("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'ix_%_fts'")))
    assert names >= {
        "ix_articles_fts",
        "ix_events_fts",
        "ix_deals_fts",
        "ix_figures_fts",
        "ix_quotes_fts",
        "ix_actors_fts",
    }
    store.add_batch(
        [(Article(id="p1", path="p1.txt", text="Fishermen protested the new quotas."), None, None)]
    )
    assert found(store, "quota*") == {"p1"}
    with store.engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))
        plan = "\n".join(
            r[0]
            for r in conn.execute(
                text(
                    "EXPLAIN SELECT id FROM articles WHERE "
                    "to_tsvector('simple', coalesce(articles.title, '') || ' ' || articles.text) "
                    "@@ to_tsquery('simple', 'fishermen')"
                )
            )
        )
    assert "ix_articles_fts" in plan, plan
    store.close()


def test_record_evidence_index_follows_consolidation(db_url):
    from eventwire.model import ActorRecord, Entity, Event, Mention

    store = Store(db_url)
    reader = Reader(store.engine)
    ent = Entity(id="c:AAA", name="Aland", kind="country", country="AAA")

    def event(eid: str, sentence: str) -> Event:
        return Event(
            id=eid,
            event="CONSULT",
            actor=[ent],
            mentions=[Mention(article_id="x", path="x.txt", sentence=sentence, start=0, end=len(sentence))],
        )

    actor = ActorRecord(id="p_x", name="Zoë Ærø", kind="person", aliases=["Zoe Aero", "the envoy"])
    store.replace_consolidated([actor], [event("e1", "Envoys met in Mariehamn.")], [], [], [])

    def hits(kind: str, q: str) -> set[str]:
        return {r["id"] for r in reader.list(kind, Filters(q=q))[0]}

    assert hits("events", "mariehamn") == {"e1"}
    assert hits("actors", "envoy") == {"p_x"}
    # a new consolidation replaces the records: the index follows, nothing stale remains
    store.replace_consolidated([], [event("e2", "Talks resumed in Turku.")], [], [], [])
    assert hits("events", "mariehamn") == set()
    assert hits("events", "turku") == {"e2"}
    assert hits("actors", "envoy") == set()
    store.close()


def test_downgrade_removes_the_index(tmp_path):
    url = f"sqlite:///{tmp_path}/down.db"
    Store(url).close()
    engine = make_engine(url)
    with engine.begin() as conn:
        command.downgrade(_config(conn), "0001")
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
    assert not any("_fts" in n for n in names), names
    engine.dispose()


def test_user_words_never_become_query_syntax():
    assert fts5_query('ships" OR "x') == '"ships" "OR" "x"'
    assert fts5_query("corvet* NEAR(a b)") == '"corvet"* "NEAR" "a" "b"'
    assert fts5_query("*** ---") is None
    assert pg_tsquery("Ships & !x | y:*") == "'ships' & 'x' & 'y'"
    assert pg_tsquery("quota*") == "'quota':*"
