"""Answers handed from a posted form to the page the browser is sent to next, once.

Post/Redirect/Get without keeping what was asked. A posted question or button is answered
at once; the engine's reply (content, page ids and buttons: never the question) waits in
memory under a random token, and the browser is redirected to ``/?r=<token>``. That
address shows the answer one time only. Reloading it, or coming Back to it after "Leave
quickly", shows the start page: the browser has no form to post again, and the server
has no answer left to give. Nothing is written anywhere; a token not fetched within
``ttl`` seconds is forgotten, and at most ``capacity`` wait at once.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from typing import Callable

from bot.engine import Reply

TOKEN_BYTES = 16
MAX_TOKEN = 64


class Handoff:
    def __init__(self, ttl: float = 60.0, capacity: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self.capacity = capacity
        self._clock = clock
        self._waiting: OrderedDict[str, tuple[float, Reply]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, reply: Reply) -> str:
        """Keep a reply for one fetch; the token to fetch it with."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        now = self._clock()
        with self._lock:
            self._expire(now)
            while len(self._waiting) >= self.capacity:
                self._waiting.popitem(last=False)
            self._waiting[token] = (now + self.ttl, reply)
        return token

    def take(self, token: str) -> Reply | None:
        """The reply kept under ``token``, removed as it is given; None when there is none."""
        if not token or len(token) > MAX_TOKEN:
            return None
        with self._lock:
            self._expire(self._clock())
            found = self._waiting.pop(token, None)
        return found[1] if found else None

    def __len__(self) -> int:
        return len(self._waiting)

    def _expire(self, now: float) -> None:
        while self._waiting:
            token, (deadline, _reply) = next(iter(self._waiting.items()))
            if deadline > now:
                return
            del self._waiting[token]
