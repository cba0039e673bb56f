"""Per-client rate limits: a clear 429 with Retry-After for the client that floods, and
nothing for anyone else; the health check is never limited; no address is kept."""

from __future__ import annotations

from pathlib import Path
from typing import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from api.app import create_app
from api.config import ApiSettings
from api.ratelimit import Buckets, RateLimit
from api.stats import ViewCounter
from bot.settings import Settings

FLOODER = ("203.0.113.9", 50000)
OTHER = ("198.51.100.4", 50001)


def test_a_bucket_refills_and_says_how_long_to_wait() -> None:
    buckets = Buckets(per_minute=3)
    assert [buckets.take("k", now=100.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = buckets.take("k", now=100.0)
    assert 19.0 < wait <= 20.0  # one token every 20 s
    assert buckets.take("k", now=121.0) == 0.0
    assert buckets.take("other", now=100.0) == 0.0


def test_buckets_stay_bounded_whatever_the_number_of_clients() -> None:
    buckets = Buckets(per_minute=3, max_clients=100)
    for n in range(1000):
        buckets.take(f"client-{n}", now=1.0)
    assert len(buckets) == 100


@pytest.fixture
async def limited(tmp_path: Path, mini_content: Path) -> AsyncIterator[FastAPI]:
    settings = Settings(rightsbot_data_dir=tmp_path / "data", rightsbot_content_dir=mini_content,
                        rightsbot_database_url=None, telegram_bot_token=None)
    app = create_app(settings, counter=ViewCounter(), api_settings=ApiSettings(rate_chat=3, rate_api=5))
    async with app.router.lifespan_context(app):
        yield app
    app.state.repo.close()


def _client(app: FastAPI, address: tuple[str, int]) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=address), base_url="http://rightsbot.test")


async def test_the_web_chat_is_limited_per_client(limited: FastAPI) -> None:
    event = {"lang": "en", "event": {"type": "text", "data": "doctor"}}
    async with _client(limited, FLOODER) as flooder, _client(limited, OTHER) as other:
        codes = [(await flooder.post("/chat", json=event)).status_code for _ in range(3)]
        refused = await flooder.post("/chat", json=event)
        assert codes == [200, 200, 200] and refused.status_code == 429
        assert 1 <= int(refused.headers["retry-after"]) <= 20
        assert "try again" in refused.json()["detail"]
        assert refused.headers["x-content-type-options"] == "nosniff"
        assert (await flooder.post("/", data={"q": "doctor"})).status_code == 429  # the form too
        assert (await other.post("/chat", json=event)).status_code == 200
        assert (await flooder.get("/api/v1/health")).status_code == 200  # never limited


async def test_the_api_is_limited_per_client(limited: FastAPI) -> None:
    async with _client(limited, FLOODER) as flooder, _client(limited, OTHER) as other:
        codes = [(await flooder.get("/api/v1/pages", params={"lang": "en"})).status_code for _ in range(6)]
        assert codes == [200] * 5 + [429]
        assert (await other.get("/api/v1/pages", params={"lang": "en"})).status_code == 200
        for _ in range(10):
            assert (await flooder.get("/api/v1/health")).status_code == 200


async def test_no_client_address_is_kept(limited: FastAPI) -> None:
    async with _client(limited, FLOODER) as flooder:
        await flooder.post("/chat", json={"lang": "en", "event": {"type": "start"}})
    middleware = limited.middleware_stack
    while not isinstance(middleware, RateLimit):
        middleware = middleware.app  # type: ignore[attr-defined]
    keys = [k for b in middleware.buckets.values() for k in b._buckets]  # noqa: SLF001
    assert keys and not any(FLOODER[0] in k for k in keys)
    assert all(len(k) == 32 and int(k, 16) >= 0 for k in keys)
