"""Schema migrations: a new store is made by them, an old store is brought up to date by
them with nothing lost, and the models never drift from what the migrations build."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from fastapi import FastAPI
from sqlalchemy import text

from api.app import create_app
from api.stats import ViewCounter
from api.store import open_database
from api.store.migrate import HEAD, SCRIPTS
from api.store.models import Base
from tests.api.conftest import make_settings

FIXTURES = Path(__file__).with_name("fixtures")
TABLES = ("meta", "pages", "revisions", "changes", "tokens", "audit", "view_counts")


def _counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_head_is_the_newest_script() -> None:
    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD


def test_a_new_store_is_made_by_the_migrations_and_matches_the_models(tmp_path: Path) -> None:
    engine = open_database(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    engine.dispose()


def test_opening_a_store_at_head_twice_changes_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    open_database(url).dispose()
    open_database(url).dispose()
    with sqlite3.connect(tmp_path / "store.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 1


async def test_a_store_from_before_migrations_is_upgraded_with_nothing_lost(
        tmp_path: Path, mini_content: Path) -> None:
    """The fixture was written by the code before migrations: a publish by org A reviewed
    by org B, an open draft, tokens and an audit trail."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    database = data / "rightsbot.sqlite3"
    with sqlite3.connect(database) as conn:
        conn.executescript((FIXTURES / "store-2026-11.sql").read_text(encoding="utf-8"))
    before = _counts(database)
    assert before["revisions"] > 0 and before["changes"] == 2 and before["audit"] > 0

    app: FastAPI = create_app(make_settings(tmp_path, mini_content), counter=ViewCounter())
    async with app.router.lifespan_context(app):
        assert app.state.holder.snapshot.text("en", "health-gp").title == "Published by A"
    app.state.repo.close()

    after = _counts(database)
    # Nothing lost, nothing rewritten; the start notes which content folder it compared with.
    assert after == {**before, "meta": before["meta"] + 1}
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
        assert conn.execute("SELECT count(*) FROM revisions WHERE recheck_by IS NULL").fetchone()[0] \
            == before["revisions"]
        drafts = conn.execute("SELECT fields FROM changes WHERE status = 'draft'").fetchall()
        assert len(drafts) == 1 and "A draft left open" in drafts[0][0]


def test_a_half_made_store_is_refused_not_guessed(tmp_path: Path) -> None:
    """A version table naming a revision these scripts do not know (a newer release's store
    opened by older code) stops the start with Alembic's clear error instead of serving."""
    database = tmp_path / "store.sqlite3"
    open_database(f"sqlite:///{database}").dispose()
    with sqlite3.connect(database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(Exception, match="9999"):
        open_database(f"sqlite:///{database}")
