"""Backups taken while publishing are intact, and a restore serves identical content."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from fastapi import FastAPI

from api.backup import backup, check_file, restore
from api.publish import load_snapshot
from api.store import Repository, open_database
from api.store import repository as rp
from tests.api.conftest import make_settings


def publish_many(app: FastAPI, count: int, stop: threading.Event) -> None:
    publisher = app.state.publisher
    for i in range(count):
        if stop.is_set():
            return

        def work(s, i=i):  # type: ignore[no-untyped-def]
            current = rp.latest(s, "health-gp", "en")
            fields = {**rp.revision_fields(current), "title": f"Backup round {i}"}
            return publisher.stage(s, "health-gp", "en", "page", fields, current.number)
        publisher.apply(work)


@pytest.mark.slow
def test_backup_during_writes_then_restore(app: FastAPI, tmp_path: Path, mini_content: Path) -> None:
    url = app.state.settings.database_url
    stop = threading.Event()
    writer = threading.Thread(target=publish_many, args=(app, 60, stop))
    writer.start()
    copies = []
    try:
        for i in range(5):
            copies.append(tmp_path / f"during-{i}.sqlite3")
            backup(url, copies[-1])
    finally:
        writer.join()
    for copy in copies:
        check_file(copy)
        repo = Repository(open_database(f"sqlite:///{copy}"))
        load_snapshot(repo, mini_content)  # every copy holds servable content
        repo.close()
    final = tmp_path / "final.sqlite3"
    backup(url, final)
    fresh = make_settings(tmp_path / "restored", mini_content)
    restore(fresh.database_url, final)
    repo = Repository(open_database(fresh.database_url))
    assert load_snapshot(repo, mini_content).version == app.state.holder.snapshot.version
    repo.close()


def test_restore_refuses_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ValueError):
        restore(f"sqlite:///{tmp_path / 'db.sqlite3'}", junk)
    with pytest.raises(ValueError):
        backup("postgresql://localhost/rightsbot", tmp_path / "x")


def test_restore_names_a_missing_or_wrong_file(tmp_path) -> None:  # noqa: ANN001
    import os
    import subprocess
    import sys
    env = {**os.environ, "RIGHTSBOT_DATA_DIR": str(tmp_path / "data")}
    missing = subprocess.run([sys.executable, "-m", "bot.cli", "restore", str(tmp_path / "nope.sqlite3")],
                             capture_output=True, text=True, env=env, timeout=60)
    assert missing.returncode == 1 and "no backup file" in missing.stderr and "Traceback" not in missing.stderr
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    wrong = subprocess.run([sys.executable, "-m", "bot.cli", "restore", str(junk)],
                           capture_output=True, text=True, env=env, timeout=60)
    assert wrong.returncode == 1 and "not a readable SQLite database" in wrong.stderr

