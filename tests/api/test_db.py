"""Opening the store: several processes at once on a new data folder, again and again
(the first open once failed now and then with "database is locked"); and the store's
files are for the service's user only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

OPEN_AND_WRITE = """
import sys
from api.auth import create_token
from api.store import Repository, open_database
repo = Repository(open_database(sys.argv[1]))
with repo.write() as s:
    create_token(s, sys.argv[2], "editor")
repo.close()
"""


def test_many_processes_opening_a_new_store_at_once(tmp_path: Path) -> None:
    env = {**os.environ, "RIGHTSBOT_DATA_DIR": str(tmp_path / "data")}
    runs = [subprocess.Popen([sys.executable, "-m", "bot.cli", "token", "create", "--org", f"org {i}",
                              "--role", "editor"], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for i in range(6)]
    results = [run.communicate(timeout=120) + (run.returncode,) for run in runs]
    assert all(code == 0 for _, _, code in results), [err for _, err, _ in results]


@pytest.mark.parametrize("round_", range(20))
def test_two_processes_opening_a_new_store_at_once(tmp_path: Path, round_: int) -> None:
    url = f"sqlite:///{tmp_path / 'data' / 'rightsbot.sqlite3'}"
    runs = [subprocess.Popen([sys.executable, "-c", OPEN_AND_WRITE, url, f"org {i}"], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(2)]
    results = [run.communicate(timeout=120) + (run.returncode,) for run in runs]
    assert all(code == 0 for _, _, code in results), (round_, [err[-2000:] for _, err, _ in results])


def test_the_store_and_its_backups_are_private(tmp_path: Path) -> None:
    from api.auth import create_token
    from api.backup import backup
    from api.store import Repository, open_database
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    url = f"sqlite:///{data / 'rightsbot.sqlite3'}"
    repo = Repository(open_database(url))
    with repo.write() as s:
        create_token(s, "org", "editor")
    backup(url, tmp_path / "backups" / "copy.sqlite3")
    mode = lambda p: stat.S_IMODE(p.stat().st_mode)  # noqa: E731
    assert mode(data) == 0o700
    files = [p for p in data.iterdir() if p.name.startswith("rightsbot.sqlite3")]
    assert {p.name for p in files} >= {"rightsbot.sqlite3", "rightsbot.sqlite3-wal", "rightsbot.sqlite3-shm"}
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
    assert mode(tmp_path / "backups" / "copy.sqlite3") == 0o600
    repo.close()
