"""Fixtures: the fake Bot API on loopback, and the real bot service pointed at it."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import socket
from pathlib import Path
from typing import Any, AsyncIterator

import pytest
import uvicorn
from pydantic import SecretStr
from telegram import Update
from telegram.ext import ContextTypes, TypeHandler

from bot.channels.telegram.service import TelegramService
from bot.engine import Engine
from bot.settings import Settings
from tests.telegram.fakebotapi import FakeBotAPI

TOKEN = "7000001:AAFakeTokenForTests-Canary9f3e2d1c0b"
SETTLE_SECONDS = 20.0
_chat_ids = itertools.count(5_550_001)


class QuietServer(uvicorn.Server):
    """uvicorn without signal handlers: the test runner owns the signals."""

    @contextlib.contextmanager
    def capture_signals(self):  # type: ignore[override]
        yield


@contextlib.asynccontextmanager
async def serve_app(app: Any) -> AsyncIterator[str]:
    """Run an ASGI app on 127.0.0.1 on a free port; yield its base URL."""
    sock = socket.socket()
    # Without this, a small response split over two writes waits for a delayed ACK (~40 ms).
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = QuietServer(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        if hasattr(app, "close"):
            app.close()
        server.should_exit = True
        await task
        sock.close()


def person(first_name: str = "Amina", username: str | None = "amina_k",
           language_code: str | None = "en", user_id: int | None = None) -> dict[str, Any]:
    user: dict[str, Any] = {"id": user_id or next(_chat_ids), "is_bot": False, "first_name": first_name}
    if username:
        user["username"] = username
    if language_code:
        user["language_code"] = language_code
    return user


class Harness:
    """Drives the real bot through the fake server and waits until each update is handled."""

    def __init__(self, fake: FakeBotAPI, service: TelegramService, views: list[tuple[str, str]]) -> None:
        self.fake = fake
        self.service = service
        self.views = views
        self._done: dict[int, asyncio.Event] = {}
        # Group 99 runs after the bot's own handlers have finished with an update.
        service.application.add_handler(TypeHandler(Update, self._mark), group=99)

    async def _mark(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        self._done.setdefault(update.update_id, asyncio.Event()).set()

    def handled(self, update_id: int) -> bool:
        event = self._done.get(update_id)
        return bool(event and event.is_set())

    async def settle(self, update_id: int) -> None:
        event = self._done.setdefault(update_id, asyncio.Event())
        await asyncio.wait_for(event.wait(), SETTLE_SECONDS)

    def open_chat(self, user: dict[str, Any]) -> int:
        self.fake.chat(user["id"], "private", first_name=user["first_name"],
                       **({"username": user["username"]} if "username" in user else {}))
        return user["id"]

    async def say(self, user: dict[str, Any], text: str | None = None, **extra: Any) -> dict:
        update_id, message = self.fake.user_message(user["id"], user, text, **extra)
        await self.settle(update_id)
        return message

    async def press(self, user: dict[str, Any], message_id: int, data: str) -> str:
        update_id, query_id = self.fake.press(user["id"], user, message_id, data)
        await self.settle(update_id)
        return query_id

    def last_bot_message(self, chat_id: int) -> dict[str, Any]:
        return self.fake.bot_messages(chat_id)[-1]


def make_settings(base_url: str, data_dir: Path, **extra: Any) -> Settings:
    return Settings(
        telegram_bot_token=SecretStr(TOKEN), telegram_api_base_url=base_url + "/bot",
        rightsbot_data_dir=data_dir, **extra,
    )


@pytest.fixture
async def fake() -> FakeBotAPI:
    return FakeBotAPI(TOKEN)


@pytest.fixture
async def harness(fake: FakeBotAPI, engine: Engine, tmp_path: Path) -> AsyncIterator[Harness]:
    views: list[tuple[str, str]] = []
    async with serve_app(fake) as base_url:
        service = TelegramService(make_settings(base_url, tmp_path / "data"), engine,
                                  lambda page, lang: views.append((page, lang)))
        h = Harness(fake, service, views)
        await service.start()
        try:
            yield h
        finally:
            await service.stop()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Show the crawl figures at the end of the run, whatever the capture mode."""
    from tests.telegram.test_crawl import ARTIFACT, RUN_MARKER

    if not RUN_MARKER or not ARTIFACT.exists():
        return
    import json

    figures = json.loads(ARTIFACT.read_text())
    terminalreporter.section("telegram crawl")
    for lang, result in figures["languages"].items():
        terminalreporter.write_line(
            f"{lang}: {result['pages']} pages reached, {result['buttons_pressed']} buttons pressed, "
            f"{result['bot_api_errors']} Bot API errors, {result['unanswered_queries']} unanswered queries")
