"""Fixtures for operations tests: the real bot behind a fault proxy, with short timeouts.

The bot's production timeouts (15 s per call, 30 s long polls) would make every timeout
test take minutes; here they are shortened by wrapping the request class the application
is built with, which changes nothing else about how the bot runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, AsyncIterator

import pytest
from telegram.request import HTTPXRequest

import bot.channels.telegram.application as application_module
import bot.channels.telegram.service as service_module
from bot.channels.telegram.reachability import Reachability, TrackedRequest
from bot.channels.telegram.service import TelegramService
from bot.engine import Engine
from tests.ops.faultproxy import FaultProxy
from tests.telegram.conftest import TOKEN, Harness, make_settings, serve_app
from tests.telegram.fakebotapi import FakeBotAPI

READ_TIMEOUT = 2.0  # seconds the bot waits for an answer to one call in these tests
POLL_SECONDS = 1  # long-poll length in these tests
POLL_SLACK = 0.5  # a long poll times out this long after the poll length


def short_timeouts(monkeypatch: pytest.MonkeyPatch) -> None:
    def request(reachability: Reachability, **kwargs: Any) -> HTTPXRequest:
        polling = kwargs.get("connection_pool_size") == 1  # the getUpdates request
        kwargs.update(connect_timeout=READ_TIMEOUT, write_timeout=READ_TIMEOUT,
                      pool_timeout=READ_TIMEOUT, read_timeout=POLL_SLACK if polling else READ_TIMEOUT)
        return TrackedRequest(reachability, **kwargs)

    monkeypatch.setattr(application_module, "TrackedRequest", request)
    monkeypatch.setattr(service_module, "POLL_TIMEOUT", POLL_SECONDS)


class ProxiedBot(Harness):
    proxy: FaultProxy


@pytest.fixture
async def proxied(monkeypatch: pytest.MonkeyPatch, engine: Engine, tmp_path: Path
                  ) -> AsyncIterator[ProxiedBot]:
    """The real TelegramService talking to the fake Bot API through a :class:`FaultProxy`."""
    short_timeouts(monkeypatch)
    fake = FakeBotAPI(TOKEN)
    async with serve_app(fake) as fake_url:
        proxy = FaultProxy(fake_url, slow_seconds=READ_TIMEOUT + 1.5)
        await proxy.start()
        service = TelegramService(make_settings(proxy.url, tmp_path / "data"), engine)
        harness = ProxiedBot(fake, service, [])
        harness.proxy = proxy
        await service.start()
        try:
            yield harness
        finally:
            await service.stop()
            await proxy.stop()
