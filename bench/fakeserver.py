"""The fake Bot API from the tests, in its own process, holding a workload until released.

``python -m bench.fakeserver --updates N`` prepares N updates (see :func:`bench.workload.mix`)
from private chats, each chat with one bot message whose buttons are pressed, prints
``READY <port>`` and serves on 127.0.0.1. ``POST /bench/release`` queues every update at
once; ``GET /bench/stats`` counts the Bot API calls and the ones Telegram would refuse.
Running it in its own process keeps its work off the core the bot under test runs on.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import sys
from collections import Counter
from typing import Any

import uvicorn

from bench.workload import mix, real_snapshot
from tests.telegram.fakebotapi import FakeBotAPI

FIRST_CHAT = 6_100_000


class HeldFakeBotAPI(FakeBotAPI):
    """Keeps queued updates back until :meth:`release`, so a run starts all at once."""

    def __init__(self, token: str) -> None:
        super().__init__(token)
        self.holding = True
        self.held: list[dict[str, Any]] = []

    def queue(self, update: dict[str, Any]) -> int:
        if self.holding:
            self.held.append(update)
            return 0
        return super().queue(update)

    def release(self) -> int:
        self.holding = False
        held, self.held = self.held, []
        for update in held:
            super().queue(update)
        return len(held)


async def prepare(fake: HeldFakeBotAPI, count: int, seed: int, chats: int) -> None:
    snapshot = real_snapshot()
    steps = mix(snapshot, count, seed)
    users = []
    menus: dict[int, int] = {}
    for n in range(chats):
        user = {"id": FIRST_CHAT + n, "is_bot": False, "first_name": "Bench",
                "language_code": snapshot.languages[n % len(snapshot.languages)]}
        fake.chat(user["id"], "private", first_name="Bench")
        menus[user["id"]] = (await fake.m_sendmessage({"chat_id": user["id"], "text": "menu"}))["message_id"]
        users.append(user)
    for index, step in enumerate(steps):
        user = users[index % chats]
        if step.kind == "button":
            fake.press(user["id"], user, menus[user["id"]], step.data)
        else:
            fake.user_message(user["id"], user, step.data)
    fake.calls.clear()


class BenchApp:
    """The fake Bot API plus the two /bench routes."""

    def __init__(self, fake: HeldFakeBotAPI) -> None:
        self.fake = fake

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/bench/"):
            await self.fake(scope, receive, send)
            return
        while (await receive()).get("more_body"):
            pass
        if scope["path"] == "/bench/release":
            payload: dict[str, Any] = {"queued": self.fake.release()}
        else:
            errors = self.fake.errors()
            payload = {"calls": dict(Counter(c.method for c in self.fake.calls)),
                       "errors": len(errors), "error_kinds": dict(Counter(c.error for c in errors))}
        body = json.dumps(payload).encode()
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": body})


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--token", required=True)
    parser.add_argument("--updates", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--chats", type=int, default=500)
    args = parser.parse_args()
    fake = HeldFakeBotAPI(args.token)
    asyncio.run(prepare(fake, args.updates, args.seed, args.chats))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(2048)  # connections wait in the backlog until uvicorn accepts them
    print(f"READY {sock.getsockname()[1]}", flush=True)
    config = uvicorn.Config(BenchApp(fake), log_level="warning", access_log=False, lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
