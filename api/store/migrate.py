"""Bringing a store's schema to the version this code expects, through Alembic.

Every start runs this, under a lock only one process holds at a time: a file lock beside an
SQLite file, a transaction-scoped advisory lock on PostgreSQL. A store made before the store
had migrations (the tables exist, Alembic's version table does not) is first marked as the
initial revision, which is exactly the schema that code made. A store already at the newest
revision costs one small query, without importing Alembic (it is slow to import).
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

HEAD = "0002"  # the newest revision in migrations/versions; a test keeps the two in step
BASELINE = "0001"  # the schema of stores made before migrations existed
SCRIPTS = Path(__file__).with_name("migrations")
log = logging.getLogger(__name__)
# Any fixed 64-bit number names the lock; this one spells "rightsbo".
ADVISORY_LOCK_KEY = 0x7269676874736F


def current_revision(conn: Connection) -> str | None:
    """The store's revision; None for an empty store or one from before migrations."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine) -> None:
    """Apply every pending migration in one transaction (the caller holds SQLite's file lock)."""
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY})
        if current_revision(conn) == HEAD:
            return
        _run_alembic(conn)


def _run_alembic(conn: Connection) -> None:
    # Alembic narrates every step at INFO, from its import on; the service's log says only
    # what an operator needs.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    config.attributes["connection"] = conn
    before = current_revision(conn)
    if before is None and inspect(conn).has_table("pages"):
        command.stamp(config, BASELINE)
        before = BASELINE
    command.upgrade(config, "head")
    if before is not None:
        log.info("upgraded the store's schema from revision %s to %s", before, HEAD)
