"""Opening the database: SQLite in the data folder by default, PostgreSQL when configured.

SQLite runs in WAL mode with ``synchronous=FULL`` so a committed publish survives a power
cut or a killed process, and write transactions start with ``BEGIN IMMEDIATE`` so two
writers queue for the lock instead of failing halfway through. Processes opening a new
store at once take turns (a file lock beside it), so the switch to WAL and the migrations
never meet.
"""

from __future__ import annotations

import fcntl
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from api.store.files import private_dir, private_file
from api.store.migrate import migrate

BUSY_TIMEOUT_MS = 15_000
# Switching a new file to WAL needs a lock SQLite does not wait for; retry this long.
WAL_RETRY_SECONDS = 15.0


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
        _set_wal(cursor)
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _set_wal(cursor: Any) -> None:
    """``PRAGMA journal_mode=WAL``, retried while another process holds the lock it needs
    (it fails at once with "database is locked" instead of waiting the busy timeout)."""
    deadline = time.monotonic() + WAL_RETRY_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@contextmanager
def _first_open_lock(database: Path) -> Iterator[None]:
    """One process at a time sets up a store: an exclusive lock on ``<db>.lock`` beside it."""
    lock = database.with_name(database.name + ".lock")
    private_file(lock)
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def open_database(url: str) -> Engine:
    """Create the engine and bring the schema up to date (see ``api.store.migrate``)."""
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        engine = create_engine(url, pool_pre_ping=True)
        migrate(engine)
        return engine
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})
    _sqlite_hooks(engine)
    if not parsed.database or parsed.database == ":memory:":
        migrate(engine)
        return engine
    database = Path(parsed.database)
    private_dir(database.parent)
    with _first_open_lock(database):
        private_file(database)
        migrate(engine)
    return engine

