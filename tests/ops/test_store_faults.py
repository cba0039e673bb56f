"""Fault tests for the content store: a long backup holding the database, and a full disk.

The disk is filled for real as far as SQLite can tell: ``PRAGMA max_page_count`` caps the
database at its current size, and SQLite then fails the next write that needs a new page
with SQLITE_FULL, "database or disk is full", the same error a full disk gives. No mount,
no root and no mock of our own code is needed.
"""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import threading
from pathlib import Path
from typing import Any, AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import event

import api.store.db as db_module
from api.app import create_app
from api.stats import ViewCounter
from bot.settings import Settings
from tests.api.conftest import BASE, auth, issue_tokens, make_settings, propose

# ~9,000 characters in short paragraphs: more than the free room in the database's pages.
LONG_TEXT = "\n\n".join(["You can see a GP without insurance. " * 10] * 25)


@pytest.fixture
def settings(tmp_path: Path, mini_content: Path) -> Settings:
    return make_settings(tmp_path, mini_content)


async def started(settings: Settings) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    app = create_app(settings, counter=ViewCounter())
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE) as c:
            yield app, c
    app.state.repo.close()


@pytest.fixture
async def service(settings: Settings) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    async for pair in started(settings):
        yield pair


@pytest.fixture
async def quick_busy_service(monkeypatch: pytest.MonkeyPatch, settings: Settings
                             ) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """The service with a short wait for the write lock, so a test can outlast it quickly."""
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    async for pair in started(settings):
        yield pair


async def submitted(client: httpx.AsyncClient, tokens: dict[str, str], **fields: Any) -> int:
    created = await propose(client, tokens["a-editor"], **fields)
    assert created.status_code == 201, created.text
    change_id = created.json()["id"]
    done = await client.post(f"/changes/{change_id}/submit", headers=auth(tokens["a-editor"]))
    assert done.status_code == 200, done.text
    return int(change_id)


class LockingBackup:
    """A backup tool that holds the write lock while it copies the database file."""

    def __init__(self, database: Path, copy_to: Path) -> None:
        self.database, self.copy_to = database, copy_to
        self.locked, self.release = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        conn = sqlite3.connect(self.database, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            self.locked.set()
            shutil.copyfile(self.database, self.copy_to)
            self.release.wait(30)
            conn.execute("COMMIT")
        finally:
            conn.close()

    def __enter__(self) -> LockingBackup:
        self.thread.start()
        assert self.locked.wait(10)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release.set()
        self.thread.join(10)


def database_file(app: FastAPI) -> Path:
    return Path(app.state.repo.engine.url.database)


async def served_title(client: httpx.AsyncClient) -> str:
    page = await client.get("/pages/health-gp", params={"lang": "en"})
    assert page.status_code == 200
    return str(page.json()["title"])


async def test_database_locked_by_a_long_backup_writes_wait_then_succeed(
        service: tuple[FastAPI, httpx.AsyncClient], tmp_path: Path) -> None:
    app, client = service
    tokens = issue_tokens(app)
    change_id = await submitted(client, tokens, title="The GP, after the backup")
    with LockingBackup(database_file(app), tmp_path / "copy.sqlite3") as backup:
        approve = asyncio.create_task(
            client.post(f"/changes/{change_id}/approve", headers=auth(tokens["b-reviewer"])))
        propose_more = asyncio.create_task(propose(client, tokens["b-editor"], "health", title="Later"))
        await asyncio.sleep(0.5)
        assert not approve.done() and not propose_more.done()  # both wait for the lock
        assert (await client.get("/health")).status_code == 200  # reads are not blocked
        assert await served_title(client) != "The GP, after the backup"
    approved, proposed = await approve, await propose_more
    assert approved.status_code == 200, approved.text
    assert proposed.status_code == 201, proposed.text
    assert await served_title(client) == "The GP, after the backup"
    assert app.state.holder.snapshot.text("en", "health-gp").title == "The GP, after the backup"
    assert backup.copy_to.stat().st_size > 0


async def test_database_locked_longer_than_writes_wait_is_a_clear_503(
        quick_busy_service: tuple[FastAPI, httpx.AsyncClient], tmp_path: Path) -> None:
    app, client = quick_busy_service
    tokens = issue_tokens(app)
    change_id = await submitted(client, tokens, title="The GP, retried")
    version = app.state.holder.snapshot.version
    with LockingBackup(database_file(app), tmp_path / "copy.sqlite3"):
        refused = await client.post(f"/changes/{change_id}/approve", headers=auth(tokens["b-reviewer"]))
    assert refused.status_code == 503, refused.text
    assert "busy" in refused.json()["detail"] and refused.headers["retry-after"]
    assert app.state.holder.snapshot.version == version
    again = await client.post(f"/changes/{change_id}/approve", headers=auth(tokens["b-reviewer"]))
    assert again.status_code == 200, again.text
    assert await served_title(client) == "The GP, retried"


class DiskFull:
    """Caps the database at its current number of pages on every connection while active."""

    def __init__(self, app: FastAPI) -> None:
        self.engine = app.state.repo.engine
        self.active = False
        event.listen(self.engine, "connect", self._on_connect)

    def _on_connect(self, dbapi_conn: Any, _record: Any) -> None:
        if self.active:
            pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    def fill(self) -> None:
        self.active = True
        self.engine.dispose()  # new connections pick up the cap

    def free(self) -> None:
        self.active = False
        self.engine.dispose()


async def test_disk_full_during_a_publish_fails_clearly_and_keeps_the_served_content(
        service: tuple[FastAPI, httpx.AsyncClient]) -> None:
    app, client = service
    tokens = issue_tokens(app)
    change_id = await submitted(client, tokens, title="The GP, long version", text=LONG_TEXT)
    before_title, before_version = await served_title(client), app.state.holder.snapshot.version
    disk = DiskFull(app)
    disk.fill()
    refused = await client.post(f"/changes/{change_id}/approve", headers=auth(tokens["b-reviewer"]))
    assert refused.status_code == 507, refused.text
    assert "full" in refused.json()["detail"]
    assert app.state.holder.snapshot.version == before_version
    assert await served_title(client) == before_title
    change = await client.get(f"/changes/{change_id}", headers=auth(tokens["b-reviewer"]))
    assert change.json()["status"] == "submitted"  # nothing half-done: it can be approved later
    health = await client.get("/health")
    assert health.status_code == 200 and health.json()["content_version"] == before_version
    disk.free()
    approved = await client.post(f"/changes/{change_id}/approve", headers=auth(tokens["b-reviewer"]))
    assert approved.status_code == 200, approved.text
    assert await served_title(client) == "The GP, long version"
