"""The only per-person memory of the service, and everything it is allowed to hold.

A channel may remember two things about a conversation: the language the person chose
(so free text is answered in it) and the ids of recent messages (so /forget can delete
them). Nothing else, and only here:

- in memory only; nothing is ever written anywhere, and a restart forgets everything;
- keyed by HMAC-SHA256 of the chat id with a random key made at process start, so the
  table holds no id and cannot be joined with anything after the process ends;
- an entry expires after 30 minutes without activity, and the table holds at most
  ``max_entries`` conversations (the least recently used one is dropped first);
- at most ``max_messages`` message ids per conversation, newest kept.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Callable

IDLE_SECONDS = 30 * 60
MAX_ENTRIES = 10_000
MAX_MESSAGES = 200
# Telegram lets a bot delete messages in a private chat for 48 hours.
DELETABLE_SECONDS = 48 * 60 * 60


@dataclass
class _Entry:
    touched: float
    lang: str | None = None
    messages: list[tuple[int, float]] = field(default_factory=list)  # (message id, time sent)


class PrivacyMemory:
    """Language choice and recent message ids per conversation, keyed by a keyed hash."""

    def __init__(
        self,
        idle_seconds: float = IDLE_SECONDS,
        max_entries: int = MAX_ENTRIES,
        max_messages: int = MAX_MESSAGES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._key = secrets.token_bytes(32)
        self._idle = idle_seconds
        self._max_entries = max_entries
        self._max_messages = max_messages
        self._clock = clock
        self._entries: OrderedDict[bytes, _Entry] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            self._expire(self._clock())
            return len(self._entries)

    def _digest(self, chat_id: int | str) -> bytes:
        return hmac.new(self._key, str(chat_id).encode(), hashlib.sha256).digest()

    def _expire(self, now: float) -> None:
        # Entries are kept in least-recently-used order, so expired ones are at the front.
        while self._entries:
            key, entry = next(iter(self._entries.items()))
            if now - entry.touched < self._idle:
                break
            del self._entries[key]

    def _get(self, chat_id: int | str, create: bool) -> _Entry | None:
        now = self._clock()
        self._expire(now)
        key = self._digest(chat_id)
        entry = self._entries.get(key)
        if entry is None and create:
            entry = _Entry(now)
            self._entries[key] = entry
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)
        if entry is not None:
            entry.touched = now
            self._entries.move_to_end(key)
        return entry

    def language(self, chat_id: int | str) -> str | None:
        """The language chosen in this conversation, if it is still remembered."""
        with self._lock:
            entry = self._get(chat_id, create=False)
            return entry.lang if entry else None

    def set_language(self, chat_id: int | str, lang: str) -> None:
        with self._lock:
            entry = self._get(chat_id, create=True)
            assert entry is not None
            entry.lang = lang

    def add_message(self, chat_id: int | str, message_id: int) -> None:
        """Remember one message id of this conversation (the person's or the bot's)."""
        with self._lock:
            entry = self._get(chat_id, create=True)
            assert entry is not None
            if any(known == message_id for known, _sent in entry.messages):
                return
            entry.messages.append((message_id, self._clock()))
            del entry.messages[:-self._max_messages]

    def forget(self, chat_id: int | str) -> list[int]:
        """Drop everything about this conversation; return the ids still deletable."""
        with self._lock:
            now = self._clock()
            self._expire(now)
            entry = self._entries.pop(self._digest(chat_id), None)
        if entry is None:
            return []
        return [mid for mid, sent in entry.messages if now - sent < DELETABLE_SECONDS]
