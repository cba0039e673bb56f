"""Per-client rate limits: one client cannot take the service from everyone else.

Each client (a keyed hash of its address, :mod:`api.clients`) has a token bucket per
class of request, refilled steadily; an empty bucket gets 429 with ``Retry-After``. The
buckets live in memory only, and the least recently seen are dropped first when there
are too many, so memory stays bounded whatever the number of clients.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import OrderedDict
from typing import Any, Awaitable, Callable

from bot.i18n import N_, say, scope_language

from api.clients import client_key

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_CLIENTS = 50_000
# Answers that cost nothing, or must reach us whatever a client does: the health check
# (monitoring, the image's HEALTHCHECK), Telegram's webhook, and the static assets.
EXEMPT_PREFIXES = ("/api/v1/health", "/telegram/webhook", "/web/static/")


class Buckets:
    """Token buckets: ``per_minute`` requests a minute, up to ``per_minute`` at once."""

    def __init__(self, per_minute: int, max_clients: int = MAX_CLIENTS) -> None:
        self.capacity = float(per_minute)
        self.refill = per_minute / 60.0
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, key: str, now: float | None = None) -> float:
        """Take one token; return 0 when allowed, or the seconds until one is free."""
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, last = self._buckets.pop(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.refill)
            wait = 0.0 if tokens >= 1 else (1 - tokens) / self.refill
            self._buckets[key] = (tokens - 1 if tokens >= 1 else tokens, now)
            while len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
        return wait

    def __len__(self) -> int:
        return len(self._buckets)


def request_class(path: str) -> str | None:
    """Which limit a path falls under: the web chat, the API, or none."""
    if path.startswith(EXEMPT_PREFIXES):
        return None
    if path.startswith("/api/"):
        return "api"
    if path in ("/", "/chat", "/n"):
        return "chat"
    return None


class RateLimit:
    def __init__(self, app: ASGIApp, *, chat: int, api: int, header: str | None = None) -> None:
        self.app = app
        self.buckets = {"chat": Buckets(chat), "api": Buckets(api)}
        self.header = header

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = request_class(scope.get("path", "")) if scope["type"] == "http" else None
        if kind is not None:
            wait = self.buckets[kind].take(client_key(scope, self.header))
            if wait > 0:
                await _too_many(send, math.ceil(wait), scope_language(scope))
                return
        await self.app(scope, receive, send)


async def _too_many(send: Send, retry_after: int, lang: str) -> None:
    why = N_("too many requests from your address; try again in {seconds} s", seconds=retry_after)
    body = json.dumps({"detail": say(why, lang)}, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": 429, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(retry_after).encode()), (b"cache-control", b"no-store"),
    ]})
    await send({"type": "http.response.body", "body": body})
