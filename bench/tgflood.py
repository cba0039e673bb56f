"""How fast the Telegram bot answers a danger message while the web chat is flooded.

``rightsbot serve`` runs as its own process with its bot pointed at the test suite's fake
Bot API (here, on loopback; long polling as by default, or a webhook) and the per-client
limits lifted. A sample is one person writing "ik wil niet meer leven" or "I want to kill myself":
the time from the update being offered to the bot (queued for getUpdates) until the fake
Bot API receives the reply (sendMessage). Each sample is followed by one
``/api/v1/health`` probe. Samples are taken first without a flood (the baseline), then
while a second process floods ``POST /chat`` and ``POST /`` with costly questions
(:mod:`bench.flood`, bounded by a number of requests and seconds, and stopped once the
samples are taken; a sample taken after the flood ended is counted in ``outside_flood``).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import signal
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.procs import spawn, stop
from bench.services import Service, start_serve
from bench.stats import ratio
from tests.telegram.conftest import serve_app
from tests.telegram.fakebotapi import FakeBotAPI

TOKEN = "7000011:AAbenchmarkFloodTokenNotReal-00000000"
TARGET_MS = 500.0
HEALTH_TARGET_MS = 100.0
HEALTH = "/api/v1/health"
DANGER = ("ik wil niet meer leven", "I want to kill myself")
EMERGENCY_NUMBER = "112"
REPLY_TIMEOUT = 15.0  # a sample with no reply by then counts as unanswered
CONNECT_TIMEOUT = 30.0
WEBHOOK_PATH = "/telegram/webhook"
WEBHOOK_SECRET = "bench-webhook-secret"
MODES = ("polling", "webhook")


class TimedFakeBotAPI(FakeBotAPI):
    """The fake Bot API, noting when the first message to each chat arrives."""

    def __init__(self, token: str) -> None:
        super().__init__(token)
        self.first_reply: dict[int, tuple[float, str]] = {}
        self._waiting: dict[int, asyncio.Event] = {}

    def expect(self, chat_id: int) -> asyncio.Event:
        return self._waiting.setdefault(chat_id, asyncio.Event())

    async def m_sendmessage(self, params: dict) -> dict:
        message = await super().m_sendmessage(params)
        chat_id = message["chat"]["id"]
        if chat_id not in self.first_reply:
            self.first_reply[chat_id] = (time.perf_counter(), message["text"])
            self.expect(chat_id).set()
        return message


class Sampler:
    """Danger messages from new people, one at a time, and health probes between them.

    With ``webhook`` (a client of the service), each update is POSTed to the service's
    webhook as Telegram would, through the same HTTP server the flood reaches; otherwise
    the bot fetches it by long polling.
    """

    def __init__(self, fake: TimedFakeBotAPI, health: httpx.AsyncClient,
                 webhook: httpx.AsyncClient | None = None) -> None:
        self.fake = fake
        self.health = health
        self.webhook = webhook
        self._ids = itertools.count(6_300_001)
        self._texts = itertools.cycle(DANGER)

    async def _post(self, update: dict[str, Any]) -> None:
        assert self.webhook is not None
        answer = await self.webhook.post(WEBHOOK_PATH, json=update,
                                         headers={"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET})
        answer.raise_for_status()

    async def danger_reply_ms(self) -> float | None:
        """Milliseconds from offering the update until the reply arrived; None when no
        reply came, or one without the emergency number."""
        chat_id = next(self._ids)
        user = {"id": chat_id, "is_bot": False, "first_name": "Bench", "language_code": "en"}
        self.fake.chat(chat_id, "private", first_name="Bench")
        arrived = self.fake.expect(chat_id)
        posted: asyncio.Task[None] | None = None
        offered = time.perf_counter()
        self.fake.user_message(chat_id, user, next(self._texts))
        if self.webhook is not None:
            posted = asyncio.create_task(self._post(self.fake.take_update()))
        try:
            await asyncio.wait_for(arrived.wait(), REPLY_TIMEOUT)
        except TimeoutError:
            return None
        finally:
            if posted is not None:
                await posted
        when, text = self.fake.first_reply[chat_id]
        return (when - offered) * 1000 if EMERGENCY_NUMBER in text else None

    async def health_ms(self) -> float:
        start = time.perf_counter()
        answer = await self.health.get(HEALTH)
        elapsed = (time.perf_counter() - start) * 1000
        answer.raise_for_status()
        return elapsed

    async def run(self, samples: int, spacing: float, flooder: subprocess.Popen | None = None
                  ) -> dict[str, Any]:
        telegram: list[float] = []
        health: list[float] = []
        unanswered = outside_flood = 0
        for _ in range(samples):
            reply = await self.danger_reply_ms()
            if reply is None:
                unanswered += 1
            else:
                telegram.append(reply)
            await asyncio.sleep(spacing)
            health.append(await self.health_ms())
            if flooder is not None and flooder.poll() is not None:
                outside_flood += 1  # the flood had ended: this sample proves nothing
            await asyncio.sleep(spacing)
        return {"telegram": _summary(telegram), "health": _summary(health),
                "unanswered": unanswered, "outside_flood": outside_flood}


def _summary(samples: list[float]) -> dict[str, Any]:
    if not samples:
        return {"n": 0, "median_ms": None, "max_ms": None}
    return {"n": len(samples), "median_ms": round(statistics.median(samples), 2),
            "max_ms": round(max(samples), 2)}


async def _connected(base: str) -> None:
    deadline = time.monotonic() + CONNECT_TIMEOUT
    async with httpx.AsyncClient(base_url=base, timeout=5.0) as client:
        while (await client.get(HEALTH)).json().get("telegram") != "connected":
            if time.monotonic() > deadline:
                raise RuntimeError(f"the bot did not connect within {CONNECT_TIMEOUT}s")
            await asyncio.sleep(0.05)


async def _flooded(service: Service, sampler: Sampler, connections: int, requests: int,
                   seconds: float, samples: int, spacing: float, warmup: float) -> tuple[dict, dict]:
    args = ["-m", "bench.flood", service.base, str(connections), str(requests), str(seconds), "forms"]
    flooder, _ = await asyncio.to_thread(spawn, args, None, True)
    try:
        await asyncio.sleep(warmup)  # let every flood connection get busy first
        during = await sampler.run(samples, spacing, flooder)
        if flooder.poll() is None:
            flooder.send_signal(signal.SIGTERM)  # done measuring: the flood ends, and says so
        assert flooder.stdout is not None
        out = await asyncio.to_thread(flooder.stdout.read)  # the flood's one result line
        await asyncio.to_thread(flooder.wait, 60)
    finally:
        await asyncio.to_thread(stop, flooder)
    return during, json.loads(out.strip().splitlines()[-1])


async def _run(mode: str, connections: int, requests: int, seconds: float, samples: int,
               spacing: float, warmup: float) -> dict[str, Any]:
    fake = TimedFakeBotAPI(TOKEN)
    env = {"TELEGRAM_BOT_TOKEN": TOKEN}
    if mode == "webhook":  # Telegram would call this public URL; here the sampler does
        env.update(TELEGRAM_WEBHOOK_URL="https://rightsbot.invalid" + WEBHOOK_PATH,
                   TELEGRAM_WEBHOOK_SECRET=WEBHOOK_SECRET)
    with tempfile.TemporaryDirectory() as tmp:
        async with serve_app(fake) as fake_base:
            service = await asyncio.to_thread(
                start_serve, Path(tmp) / "data", HEALTH, TELEGRAM_API_BASE_URL=fake_base + "/bot", **env)
            try:
                await _connected(service.base)
                async with (httpx.AsyncClient(base_url=service.base, timeout=30.0) as health,
                            httpx.AsyncClient(base_url=service.base, timeout=30.0) as webhook):
                    sampler = Sampler(fake, health, webhook if mode == "webhook" else None)
                    await sampler.run(2, spacing)  # warm up: connections open, caches filled
                    baseline = await sampler.run(samples, spacing)
                    during, flood_result = await _flooded(
                        service, sampler, connections, requests, seconds, samples, spacing, warmup)
            finally:
                await asyncio.to_thread(stop, service.proc)
    return {"baseline": baseline, "during": during, "flood": flood_result}


def run(connections: int = 32, requests: int = 1500, seconds: float = 60.0, samples: int = 21,
        spacing: float = 0.2, warmup: float = 1.5, mode: str = "polling") -> dict[str, Any]:
    """Danger replies and health checks without, then during, a bounded web-chat flood;
    ``mode`` is how updates reach the bot: "polling" or "webhook"."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    found = asyncio.run(_run(mode, connections, requests, seconds, samples, spacing, warmup))
    base, during = found["baseline"], found["during"]
    tg_during, health_during = during["telegram"], during["health"]
    met = (during["unanswered"] == 0 and during["outside_flood"] == 0
           and tg_during["median_ms"] is not None and tg_during["median_ms"] < TARGET_MS
           and health_during["median_ms"] < HEALTH_TARGET_MS)
    return {
        "mode": mode, "connections": connections, "samples": samples, "flood": found["flood"],
        "telegram_baseline": base["telegram"], "telegram_flood": tg_during,
        "health_baseline": base["health"], "health_flood": health_during,
        "unanswered": base["unanswered"] + during["unanswered"],
        "outside_flood": during["outside_flood"],
        "ratio": ratio(tg_during["median_ms"] or 0.0, base["telegram"]["median_ms"] or 0.0),
        "health_ratio": ratio(health_during["median_ms"], base["health"]["median_ms"]),
        "target_ms": TARGET_MS, "health_target_ms": HEALTH_TARGET_MS, "met": met,
    }


def run_modes(modes: tuple[str, ...] = MODES, **sizes: Any) -> dict[str, Any]:
    """:func:`run` once per way updates reach the bot; met when every mode met its targets."""
    found: dict[str, Any] = {mode: run(mode=mode, **sizes) for mode in modes}
    return {**found, "modes": list(modes), "met": all(found[mode]["met"] for mode in modes)}
