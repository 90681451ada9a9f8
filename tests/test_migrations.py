"""A database made by an older eventwire upgrades in place, keeping its data."""

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
