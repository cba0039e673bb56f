"""The composition: the Telegram service's lifecycle and webhook, and counts flushed at shutdown."""

from __future__ import annotations

from pathlib import Path

import httpx
from sqlalchemy import select

from api.app import create_app
from api.stats import ViewCounter
from api.store.models import ViewCountRow
from bot.settings import Settings


class RecordingTelegram:
    """Stands in for the Telegram service: records what the app asks of it."""

    def __init__(self) -> None:
        self.calls: list[object] = []
        self.connected = False

    async def start(self) -> None:
        self.calls.append("start")
        self.connected = True

    async def stop(self) -> None:
        self.calls.append("stop")
        self.connected = False

    async def process_webhook(self, body: bytes, secret_header: str | None) -> int:
        self.calls.append((body, secret_header))
        return 200 if secret_header == "s3cret" else 403


async def test_telegram_lifecycle_and_webhook(settings: Settings) -> None:
    telegram = RecordingTelegram()
    app = create_app(settings, counter=ViewCounter(), telegram=telegram)
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            assert (await client.get("/api/v1/health")).json()["telegram"] == "connected"
            ok = await client.post("/telegram/webhook", content=b'{"update_id": 1}',
                                   headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret"})
            forged = await client.post("/telegram/webhook", content=b"{}")
    assert (ok.status_code, forged.status_code) == (200, 403)
    assert telegram.calls == ["start", (b'{"update_id": 1}', "s3cret"), (b"{}", None), "stop"]
    app.state.repo.close()


async def test_without_telegram_the_webhook_is_absent(settings: Settings) -> None:
    app = create_app(settings, counter=ViewCounter())
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            assert (await client.post("/telegram/webhook", content=b"{}")).status_code == 404
    app.state.repo.close()


async def test_counts_are_flushed_at_shutdown(settings: Settings, tmp_path: Path) -> None:
    app = create_app(settings, counter=ViewCounter(), flush_seconds=3600)
    async with app.router.lifespan_context(app):
        for _ in range(3):
            app.state.record_view("health-gp", "nl")
    with app.state.repo.read() as s:
        rows = [(r.page_id, r.lang, r.count) for r in s.scalars(select(ViewCountRow))]
    assert rows == [("health-gp", "nl", 3)]
    app.state.repo.close()
