"""/api/v1/health as an operator reads it: the content version served, and the bot's state."""

from __future__ import annotations

from pathlib import Path

import httpx

from api.app import create_app
from api.publish import load_snapshot
from api.stats import ViewCounter
from api.store import Repository, open_database
from bot.channels.telegram.service import TelegramService
from bot.content.holder import ContentHolder
from bot.engine import Engine
from tests.api.conftest import BASE, issue_tokens, make_settings, published
from tests.telegram.conftest import TOKEN, make_settings as bot_settings, serve_app
from tests.telegram.fakebotapi import FakeBotAPI


async def test_health_follows_publishing_and_the_bot(tmp_path: Path, mini_content: Path) -> None:
    fake = FakeBotAPI(TOKEN)
    async with serve_app(fake) as fake_url:
        settings = make_settings(tmp_path, mini_content)
        repo = Repository(open_database(settings.database_url))
        holder = ContentHolder(load_snapshot(repo, mini_content))
        service = TelegramService(bot_settings(fake_url, tmp_path / "data"), Engine(holder))
        app = create_app(settings, repo=repo, holder=holder, telegram=service, counter=ViewCounter())
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
            before = (await client.get("/health")).json()
            assert before["telegram"] == "disconnected"  # built, not started yet
            assert before["content_version"] == app.state.holder.snapshot.version
            assert before["languages"] == ["nl", "en", "fr"] and before["pages"] == 4
            async with app.router.lifespan_context(app):
                assert (await client.get("/health")).json()["telegram"] == "connected"
                await published(client, issue_tokens(app), title="The GP, checked")
                after = (await client.get("/health")).json()
                assert after["content_version"] != before["content_version"]
                assert after["content_version"] == app.state.holder.snapshot.version
            assert (await client.get("/health")).json()["telegram"] == "disconnected"
        app.state.repo.close()
