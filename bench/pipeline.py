"""Telegram pipeline: updates per second through the real bot and through a bare echo bot.

The fake Bot API runs in its own process with the same prepared updates for every run;
the bot under test runs here. A run starts when the fake releases all updates at once
and ends when the last one has been handled. Runs of the two bots alternate.

Telegram's own cap (30 messages a second, enforced by the ``AIORateLimiter``) is lifted
for both bots, keeping the limiter class in the path: the question is how much the
process could carry, not how fast Telegram lets it send.
"""

from __future__ import annotations

import asyncio
import functools
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any
from unittest import mock

import httpx
from pydantic import SecretStr
from telegram import Update
from telegram.ext import AIORateLimiter, Application, ContextTypes, TypeHandler

from api.stats import ViewCounter
from bench import echo
from bench.procs import spawn, stop
from bench.stats import ratio, summary_ms
from bot.channels.telegram import application as application_module
from bot.channels.telegram.service import TelegramService
from bot.content.holder import ContentHolder
from bot.engine import Engine
from bot.settings import Settings
from bench.workload import real_snapshot

TOKEN = "7000009:AAbenchmarkTokenNotReal-000000000000"
TARGET_RATIO = 0.85
RUN_TIMEOUT = 180.0


def uncapped_limiter(**kwargs: Any) -> AIORateLimiter:
    return AIORateLimiter(**{**kwargs, "overall_max_rate": 0, "group_max_rate": 0})


class Meter:
    """Per-update handling time and a signal when ``expected`` updates are done."""

    def __init__(self, application: Application, expected: int) -> None:
        self.expected = expected
        self.started: dict[int, int] = {}
        self.durations: list[int] = []
        self.done = asyncio.Event()
        application.add_handler(TypeHandler(Update, self._start), group=-1)
        application.add_handler(TypeHandler(Update, self._end), group=99)

    async def _start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        self.started[update.update_id] = time.perf_counter_ns()

    async def _end(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        self.durations.append(time.perf_counter_ns() - self.started.pop(update.update_id))
        if len(self.durations) >= self.expected:
            self.done.set()


async def _one_run(kind: str, updates: int, engine: Engine, data_dir: Path) -> dict[str, Any]:
    proc, line = await asyncio.to_thread(
        spawn, ["-m", "bench.fakeserver", "--token", TOKEN, "--updates", str(updates)], None, True)
    base = f"http://127.0.0.1:{line.split()[1]}"
    try:
        if kind == "bot":
            settings = Settings(telegram_bot_token=SecretStr(TOKEN), telegram_api_base_url=base + "/bot",
                                rightsbot_data_dir=data_dir, telegram_webhook_url=None)
            with mock.patch.object(application_module, "AIORateLimiter", uncapped_limiter):
                service = TelegramService(settings, engine, ViewCounter().record)
            application = service.application
            starter, stopper = service.start, service.stop
        else:
            application = echo.build(TOKEN, base + "/bot", uncapped_limiter())
            starter = functools.partial(echo.start, application)
            stopper = functools.partial(echo.stop, application)
        meter = Meter(application, updates)
        await starter()
        if kind == "bot":
            for _ in range(500):  # the service connects in the background if its first try fails
                if service.connected:
                    break
                await asyncio.sleep(0.02)
        try:
            async with httpx.AsyncClient(base_url=base) as client:
                await asyncio.sleep(0.2)  # let the first getUpdates call reach the server
                cpu0, t0 = time.process_time_ns(), time.perf_counter_ns()
                await client.post("/bench/release")
                await asyncio.wait_for(meter.done.wait(), RUN_TIMEOUT)
                seconds = (time.perf_counter_ns() - t0) / 1e9
                cpu = (time.process_time_ns() - cpu0) / 1e9
                stats = (await client.get("/bench/stats")).json()
        finally:
            await stopper()
    finally:
        await asyncio.to_thread(stop, proc)
    calls = sum(stats["calls"].get(m, 0) for m in stats["calls"] if m != "getUpdates")
    return {"updates": updates, "seconds": round(seconds, 3), "updates_per_s": round(updates / seconds, 1),
            "cpu_ms_per_update": round(cpu * 1000 / updates, 3), "handling": summary_ms(meter.durations),
            "bot_api_calls_per_update": round(calls / updates, 2), "refused_calls": stats["errors"],
            "refused_kinds": stats["error_kinds"]}


async def _run(updates: int, rounds: int, warmup: int) -> dict[str, Any]:
    engine = Engine(ContentHolder(real_snapshot()))
    engine.searcher.index(engine.snapshot)
    runs: dict[str, list[dict[str, Any]]] = {"bot": [], "echo": []}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("echo", "bot"):
            if warmup:
                await _one_run(kind, warmup, engine, Path(tmp))
        for index in range(rounds):
            order = ("bot", "echo") if index % 2 == 0 else ("echo", "bot")
            for kind in order:
                runs[kind].append(await _one_run(kind, updates, engine, Path(tmp)))
    bot_rate = statistics.median(r["updates_per_s"] for r in runs["bot"])
    echo_rate = statistics.median(r["updates_per_s"] for r in runs["echo"])
    bot_cpu = statistics.median(r["cpu_ms_per_update"] for r in runs["bot"])
    echo_cpu = statistics.median(r["cpu_ms_per_update"] for r in runs["echo"])
    share = ratio(bot_rate, echo_rate)
    return {"updates_per_run": updates, "rounds": rounds, "mix": "20% /start, 50% buttons, 30% questions",
            "bot_updates_per_s": bot_rate, "echo_updates_per_s": echo_rate, "ratio": share,
            "bot_cpu_ms_per_update": bot_cpu, "echo_cpu_ms_per_update": echo_cpu,
            "target_ratio": TARGET_RATIO, "met": share is not None and share >= TARGET_RATIO,
            "runs": runs}


def run(updates: int = 5000, rounds: int = 2, warmup: int = 300) -> dict[str, Any]:
    return asyncio.run(_run(updates, rounds, warmup))
