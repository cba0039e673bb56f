"""TelegramService: webhook mode, the webhook entry point, start and stop."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI, Request, Response
from pydantic import SecretStr
from telegram.error import InvalidToken

from bot.engine import Engine
from bot.settings import Settings
from bot.channels.telegram.service import TelegramService
from tests.telegram.conftest import TOKEN, Harness, make_settings, person, serve_app
from tests.telegram.fakebotapi import FakeBotAPI

WEBHOOK_URL = "https://bot.example.org/telegram/webhook"
SECRET = "s3cret-Webhook_token"
HEADER = "X-Telegram-Bot-Api-Secret-Token"


def webhook_app(service: TelegramService) -> FastAPI:
    """The route the web app adds, in the smallest form."""
    app = FastAPI()

    @app.post("/telegram/webhook")
    async def telegram_webhook(request: Request) -> Response:
        status = await service.process_webhook(await request.body(), request.headers.get(HEADER))
        return Response(status_code=status)

    return app


@pytest.fixture
async def hooked(engine: Engine, tmp_path: Path) -> AsyncIterator[tuple[Harness, httpx.AsyncClient]]:
    fake = FakeBotAPI(TOKEN)
    async with serve_app(fake) as base_url:
        settings = make_settings(base_url, tmp_path / "data", telegram_webhook_url=WEBHOOK_URL,
                                 telegram_webhook_secret=SecretStr(SECRET))
        views: list[tuple[str, str]] = []
        service = TelegramService(settings, engine, lambda page, lang: views.append((page, lang)))
        harness = Harness(fake, service, views)
        await service.start()
        transport = httpx.ASGITransport(app=webhook_app(service))
        async with httpx.AsyncClient(transport=transport, base_url="http://web") as client:
            try:
                yield harness, client
            finally:
                await service.stop()


async def post(client: httpx.AsyncClient, body: bytes | str, secret: str | None = SECRET) -> int:
    headers = {HEADER: secret} if secret is not None else {}
    response = await client.post("/telegram/webhook", content=body, headers=headers)
    return response.status_code


async def test_webhook_mode_registers_the_webhook_with_its_secret(hooked) -> None:
    harness, _client = hooked
    assert harness.service.connected
    hook = harness.fake.webhook
    assert hook is not None and hook["url"] == WEBHOOK_URL and hook["secret_token"] == SECRET
    assert hook["allowed_updates"] == ["message", "edited_message", "callback_query"]
    assert harness.fake.calls_to("getUpdates") == []
    assert set(harness.fake.commands) == {"", "nl", "en", "fr"}


async def test_webhook_updates_are_answered(hooked, engine: Engine) -> None:
    harness, client = hooked
    user = person(language_code="nl")
    chat = harness.open_chat(user)
    update_id, message = harness.fake.user_message(chat, user, "/start")
    assert await post(client, json.dumps(harness.fake.take_update())) == 200
    await harness.settle(update_id)
    menu = harness.last_bot_message(chat)
    home_text = menu["text"]
    assert harness.views == [("home", "nl")]
    data = menu["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    update_id, query_id = harness.fake.press(chat, user, menu["message_id"], data)
    assert await post(client, json.dumps(harness.fake.take_update())) == 200
    await harness.settle(update_id)
    assert query_id in harness.fake.answered
    # An edited message is answered as edited: here /start once more, so the menu again.
    update_id = harness.fake.edited_message(chat, message["message_id"], "/start again")
    assert await post(client, json.dumps(harness.fake.take_update())) == 200
    await harness.settle(update_id)
    assert harness.last_bot_message(chat)["text"] == home_text
    assert harness.fake.errors() == []


@pytest.mark.parametrize("body, secret, status", [
    (b'{"update_id": 1}', None, 403),
    (b'{"update_id": 1}', "wrong", 403),
    (b'{"update_id": 1}', SECRET[:-1], 403),
    (b"not json", SECRET, 400),
    (b"\xff\xfe", SECRET, 400),
    (b"[1, 2]", SECRET, 400),
    (b'{"message": {}}', SECRET, 400),
    (b'{"update_id": "7"}', SECRET, 400),
    # Telegram-shaped (an id) but unreadable: acknowledged and dropped, or Telegram resends it.
    (b'{"update_id": 7, "message": {"message_id": "x"}}', SECRET, 200),
    (b'{"update_id": 7}', SECRET, 200),
])
async def test_webhook_refuses_wrong_secrets_and_bad_bodies(hooked, body: bytes, secret: str | None,
                                                           status: int) -> None:
    _harness, client = hooked
    assert await post(client, body, secret) == status


async def test_process_webhook_without_webhook_mode_refuses_everything(harness: Harness) -> None:
    # In polling mode the secret is random and never shared: every POST is refused.
    assert await harness.service.process_webhook(b'{"update_id": 1}', "") == 403
    assert await harness.service.process_webhook(b'{"update_id": 1}', None) == 403


async def test_stop_disconnects_and_a_missing_token_is_refused(engine: Engine, tmp_path: Path) -> None:
    fake = FakeBotAPI(TOKEN)
    async with serve_app(fake) as base_url:
        service = TelegramService(make_settings(base_url, tmp_path), engine)
        assert not service.connected
        await service.start()
        assert service.connected
        await service.stop()
        assert not service.connected
    with pytest.raises(ValueError):
        TelegramService(Settings(telegram_bot_token=None), engine)


async def test_unreachable_telegram_at_start_is_retried_in_the_background(engine: Engine, tmp_path: Path) -> None:
    fake = FakeBotAPI(TOKEN)
    fake.inject("getMe", 502, count=2)
    async with serve_app(fake) as base_url:
        service = TelegramService(make_settings(base_url, tmp_path), engine)
        harness = Harness(fake, service, [])
        await service.start()  # returns: the rest of the service must not wait for Telegram
        try:
            for _ in range(400):
                if service.connected:
                    break
                await asyncio.sleep(0.05)
            assert service.connected
            user = person()
            chat = harness.open_chat(user)
            await harness.say(user, "/start")
            assert len(fake.bot_messages(chat)) == 1
        finally:
            await service.stop()


async def test_a_wrong_token_fails_start_clearly(engine: Engine, tmp_path: Path) -> None:
    fake = FakeBotAPI("1:other-token-entirely")
    async with serve_app(fake) as base_url:
        service = TelegramService(make_settings(base_url, tmp_path), engine)
        with pytest.raises(InvalidToken):
            await service.start()
        await service.stop()
        assert not service.connected
