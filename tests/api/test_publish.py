"""Publishing survives a crash: SIGKILL a process mid-publish, reopen, nothing is lost."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from api.publish import load_snapshot
from api.store import Repository, open_database
from api.store import repository as rp
from tests.api.conftest import make_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_sigkill_while_publishing_loses_no_committed_revision(tmp_path: Path, mini_content: Path) -> None:
    settings = make_settings(tmp_path, mini_content)
    url = settings.database_url
    committed: list[int] = []
    for _ in range(3):  # kill it three times, restarting on the same store
        child = subprocess.Popen([sys.executable, "-m", "tests.api.publish_loop", url, str(mini_content)],
                                 cwd=ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ})
        assert child.stdout is not None
        seen = 0
        for line in child.stdout:
            committed.append(int(line))
            seen += 1
            if seen >= 25:
                break
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert child.returncode == -signal.SIGKILL
    conn = sqlite3.connect(settings.rightsbot_data_dir / "rightsbot.sqlite3")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    repo = Repository(open_database(url))
    with repo.read() as s:
        numbers = [r.number for r in rp.revision_list(s, "health-gp", "en")]
    assert set(committed) <= set(numbers)
    assert numbers == list(range(1, len(numbers) + 1))
    snapshot = load_snapshot(repo, mini_content)
    assert snapshot.text("en", "health-gp").title == f"Title {numbers[-1]}"
    repo.close()
