"""Opening the database: SQLite in the data folder by default, PostgreSQL when configured.

SQLite runs in WAL mode with ``synchronous=FULL`` so a committed publish survives a power
cut or a killed process, and write transactions start with ``BEGIN IMMEDIATE`` so two
writers queue for the lock instead of failing halfway through.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from api.store.models import Base

BUSY_TIMEOUT_MS = 15_000


def normalise_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs written the usual way."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def open_database(url: str) -> Engine:
    """Create the engine and the tables if they are missing."""
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})
        _sqlite_hooks(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    # Checking for the tables and creating them is one write transaction taken up front:
    # in SQLite a read that later turns into a write fails at once ("database is locked")
    # when another process wrote meanwhile, e.g. two `rightsbot token create` on a new store.
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        Base.metadata.create_all(conn)
    return engine


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"
