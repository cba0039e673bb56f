"""Publish to served: from approving a change through the API until the bot answers with it.

``rightsbot serve`` runs with its Telegram bot pointed at the fake Bot API, which runs here
on loopback. Each round proposes a new first paragraph for a page (editor of one
organisation), submits it, and then times the approval (reviewer of another) until a
person opening that page in Telegram gets the new text; a probe is a ``/start`` deep link,
repeated until the answer shows the change. The baseline is the same probe on a page
that did not change: what one answer from the bot costs anyway.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.services import create_token, serve_env, start_serve, stop
from bench.stats import ratio, summary_ms
from bench.workload import real_snapshot
from tests.telegram.conftest import serve_app
from tests.telegram.fakebotapi import FakeBotAPI

TOKEN = "7000010:AAbenchmarkPublishTokenNotReal-0000000"
TARGET_S = 1.0
PROBE_EVERY = 0.25
ROUND_TIMEOUT = 15.0
PAGE = "/api/v1/pages/health-gp?lang=en"


class Person:
    """One Telegram user who opens a page by deep link and reads the bot's answer."""

    def __init__(self, fake: FakeBotAPI, user_id: int) -> None:
        self.fake = fake
        self.user = {"id": user_id, "is_bot": False, "first_name": "Bench", "language_code": "en"}
        fake.chat(user_id, "private", first_name="Bench")

    async def until_shown(self, page_id: str, marker: str) -> int:
        """Probe until a bot message shows ``marker``; return when (perf_counter_ns)."""
        deadline = time.monotonic() + ROUND_TIMEOUT
        seen = len(self.fake.bot_messages(self.user["id"]))
        while time.monotonic() < deadline:
            self.fake.user_message(self.user["id"], self.user, f"/start en_{page_id}")
            probe_end = time.monotonic() + PROBE_EVERY
            while time.monotonic() < probe_end:
                messages = self.fake.bot_messages(self.user["id"])
                if any(marker in m.get("text", "") for m in messages[seen:]):
                    return time.perf_counter_ns()
                await asyncio.sleep(0.002)
            seen = len(self.fake.bot_messages(self.user["id"]))
        raise TimeoutError(f"the bot did not show {marker!r} within {ROUND_TIMEOUT}s")

    async def answer_time(self, page_id: str) -> int:
        """One probe of an unchanged page: nanoseconds until the bot's first message."""
        seen = len(self.fake.bot_messages(self.user["id"]))
        start = time.perf_counter_ns()
        self.fake.user_message(self.user["id"], self.user, f"/start en_{page_id}")
        deadline = time.monotonic() + ROUND_TIMEOUT
        while len(self.fake.bot_messages(self.user["id"])) <= seen:
            if time.monotonic() > deadline:
                raise TimeoutError("the bot did not answer")
            await asyncio.sleep(0.002)
        return time.perf_counter_ns() - start


async def _rounds(base: str, fake: FakeBotAPI, tokens: dict[str, str], pages: list[str],
                  publishes: int) -> dict[str, Any]:
    editor = {"Authorization": f"Bearer {tokens['editor']}"}
    reviewer = {"Authorization": f"Bearer {tokens['reviewer']}"}
    person, control = Person(fake, 6_200_001), Person(fake, 6_200_002)
    served: list[int] = []
    approve: list[int] = []
    baseline: list[int] = []
    async with httpx.AsyncClient(base_url=base + "/api/v1", timeout=30.0) as client:
        await control.answer_time(pages[0])  # warm-up
        for n in range(publishes):
            page_id = pages[n % len(pages)]
            baseline.append(await control.answer_time(page_id))
            current = await client.get(f"/pages/{page_id}", params={"lang": "en"})
            current.raise_for_status()
            marker = f"Checked again in round {n} of the benchmark."
            text = marker + "\n\n" + current.json()["text"].split("\n\n", 1)[-1]
            created = await client.post("/changes", headers={**editor, "If-Match": current.headers["etag"]},
                                        json={"page_id": page_id, "lang": "en", "text": text})
            if created.status_code != 201:
                raise RuntimeError(f"change refused: {created.status_code} {created.text[:500]}")
            change_id = created.json()["id"]
            (await client.post(f"/changes/{change_id}/submit", headers=editor)).raise_for_status()
            start = time.perf_counter_ns()
            approved = await client.post(f"/changes/{change_id}/approve", headers=reviewer)
            approve.append(time.perf_counter_ns() - start)
            approved.raise_for_status()
            served.append(await person.until_shown(page_id, marker) - start)
    return {"served": served, "approve": approve, "baseline": baseline}


async def _run(publishes: int) -> dict[str, Any]:
    snapshot = real_snapshot()
    pages = [p for p, node in snapshot.nodes.items() if node.kind == "page" and ("en", p) in snapshot.texts]
    fake = FakeBotAPI(TOKEN)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        env = serve_env(data, 8000)
        tokens = {"editor": await asyncio.to_thread(create_token, env, "Bench editors", "editor"),
                  "reviewer": await asyncio.to_thread(create_token, env, "Bench reviewers", "reviewer")}
        async with serve_app(fake) as fake_base:
            service = await asyncio.to_thread(
                start_serve, data, PAGE, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=fake_base + "/bot")
            try:
                async with httpx.AsyncClient(base_url=service.base) as client:
                    for _ in range(1000):  # the bot connects after the API answers
                        if (await client.get("/api/v1/health")).json()["telegram"] == "connected":
                            break
                        await asyncio.sleep(0.02)
                times = await _rounds(service.base, fake, tokens, pages, publishes)
                peak = service.peak_rss_mb
            finally:
                await asyncio.to_thread(stop, service.proc)
    served, base = summary_ms(times["served"]), summary_ms(times["baseline"])
    return {"publishes": publishes, "publish_to_served": served, "approve_request": summary_ms(times["approve"]),
            "baseline_bot_answer": base, "p50_ratio": ratio(served["p50_ms"], base["p50_ms"]),
            "refused_bot_api_calls": len(fake.errors()), "serve_peak_mb_with_bot": peak,
            "target_s": TARGET_S, "met": served["p99_ms"] <= TARGET_S * 1000}


def run(publishes: int = 50) -> dict[str, Any]:
    return asyncio.run(_run(publishes))
