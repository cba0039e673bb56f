"""The engine runs in a bounded worker pool off the event loop; a full queue is refused
at once (503 with Retry-After) instead of growing without end."""

from __future__ import annotations

import asyncio
import threading

import pytest

from api.web.offload import Busy, EngineRunner


async def test_the_engine_runs_off_the_event_loop_and_a_full_queue_is_refused() -> None:
    runner = EngineRunner(threads=1, queue=1)
    release = threading.Event()
    loop_thread = threading.get_ident()

    def slow() -> int:
        release.wait(10)
        return threading.get_ident()

    first = asyncio.create_task(runner(slow))
    await asyncio.sleep(0.05)
    second = asyncio.create_task(runner(slow))  # waits for the one worker
    await asyncio.sleep(0.05)
    with pytest.raises(Busy):
        await runner(slow)
    release.set()
    assert {await first, await second} != {loop_thread}


async def test_a_busy_chat_answers_503_with_retry_after(engine) -> None:  # noqa: ANN001
    import httpx
    from fastapi import FastAPI
    from api.web import build_web_router

    class Full(EngineRunner):
        async def __call__(self, fn, *args):  # noqa: ANN001, ANN002, ANN204
            raise Busy

    app = FastAPI()
    app.include_router(build_web_router(engine, None, bot_username="x_bot", runner=Full()))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        chat = await client.post("/chat", json={"lang": "en", "event": {"type": "start"}})
        form = await client.post("/", data={"q": "doctor"})
    for answer in (chat, form):
        assert answer.status_code == 503 and answer.headers["retry-after"] == "5"
        assert "no-store" in answer.headers["cache-control"]
