"""Backup and restore of the SQLite store with SQLite's online backup API.

The backup API copies a consistent state even while the service writes (WAL readers see
one committed state), so ``rightsbot backup`` needs no downtime. A restore checks the file
first (integrity and servable content) and writes it into the live database in one step.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url

from api.store.files import private_dir, private_file


def sqlite_path(database_url: str) -> Path:
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise ValueError("backup and restore work on the SQLite store; for PostgreSQL use pg_dump")
    return Path(url.database)


def backup(database_url: str, target: Path) -> None:
    source = sqlite_path(database_url)
    if not source.exists():
        raise FileNotFoundError(f"no database at {source}")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    private_file(tmp)  # a backup holds what the store holds: for this user only
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(tmp)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    check_file(tmp)
    tmp.replace(target)


def check_file(path: Path) -> None:
    """Raise ValueError unless ``path`` is an intact store (FileNotFoundError if it is absent)."""
    if not path.is_file():
        raise FileNotFoundError(f"no backup file at {path}")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            raise ValueError(f"{path} fails the integrity check: {ok}")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"pages", "revisions", "meta"} <= tables:
            raise ValueError(f"{path} is not a rightsbot store")
    except sqlite3.DatabaseError as exc:
        raise ValueError(f"{path} is not a readable SQLite database: {exc}") from exc
    finally:
        conn.close()


def restore(database_url: str, source: Path) -> None:
    target = sqlite_path(database_url)
    check_file(source)
    private_dir(target.parent)
    private_file(target)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=30)
    try:
        dst.execute("PRAGMA journal_mode=WAL")
        src.backup(dst)
    finally:
        dst.close()
        src.close()
