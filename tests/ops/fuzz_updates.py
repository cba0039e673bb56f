"""Random Telegram updates through the real bot: webhook parsing, adapter, handlers, delivery.

Each update is random JSON shaped like a Bot API Update: missing and mistyped fields, odd
chat types, huge texts, any Unicode, unknown update kinds, forged callback data. It goes in
through :meth:`TelegramService.process_webhook` (as a forger's POST would), then through
python-telegram-bot's handler routing to our handlers, whose Bot API calls go to the fake
Bot API in process (no sockets, no rate limiter), which refuses what Telegram refuses.

The promises checked: the webhook answers 200 or 400 and never raises; no handler error is
logged; the bot never writes to a group or channel; every call it makes would be accepted
by Telegram (editing a message Telegram does not have is allowed: the bot then sends anew).
"""

from __future__ import annotations

import contextlib
import json
import logging
import random
from collections import Counter
from typing import Any, Iterator
from urllib.parse import urlsplit

from pydantic import SecretStr
from telegram.ext import BaseRateLimiter
from telegram.request import BaseRequest, RequestData

import bot.channels.telegram.application as application_module
from bot.channels.telegram.service import TelegramService
from bot.engine import Engine
from bot.settings import Settings
from tests.ops.fuzz_engine import LANG_CODES, mutate, random_text
from tests.telegram.fakebotapi import FakeBotAPI

TOKEN = "7000001:AAFuzzTokenForTests-Canary0a1b2c3d4e"
SECRET = "fuzz-webhook-secret"
CHAT_TYPES = ("private", "private", "private", "group", "supergroup", "channel", "", "secret")
# What Telegram may refuse without the bot being at fault: it cannot know that a message is
# gone, or that a forged update carried a query id Telegram never issued.
ALLOWED_REFUSALS = ("message to edit not found", "message can't be edited",
                    "message is not modified", "message to delete not found", "query ID is invalid")
MEDIA = {
    "sticker": {"file_id": "s", "file_unique_id": "u", "width": 1, "height": 1,
                "is_animated": False, "is_video": False, "type": "regular"},
    "photo": [{"file_id": "p", "file_unique_id": "u", "width": 1, "height": 1}],
    "voice": {"file_id": "v", "file_unique_id": "u", "duration": 1},
    "contact": {"phone_number": "+31600000000", "first_name": "X"},
    "location": {"latitude": 52.0, "longitude": 4.0},
    "dice": {"emoji": "🎲", "value": 3},
}


class InProcessRequest(BaseRequest):
    """Hands each Bot API call straight to the fake's request handler."""

    def __init__(self, fake: FakeBotAPI) -> None:
        self.fake = fake

    @property
    def read_timeout(self) -> float:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         *_args: Any, **_kwargs: Any) -> tuple[int, bytes]:
        body = request_data.json_payload if request_data else b""
        status, payload = await self.fake._handle(urlsplit(url).path, "application/json", body)
        return status, json.dumps(payload).encode()


class NoRateLimit(BaseRateLimiter[None]):
    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):  # noqa: ANN001, ANN201
        return await callback(*args, **kwargs)


@contextlib.contextmanager
def in_process(fake: FakeBotAPI) -> Iterator[None]:
    """Build applications that talk to ``fake`` in process, without a rate limiter."""
    saved = application_module.TrackedRequest, application_module.AIORateLimiter
    application_module.TrackedRequest = lambda _reachability, **_kw: InProcessRequest(fake)  # type: ignore[assignment,misc]
    application_module.AIORateLimiter = lambda **_kw: NoRateLimit()  # type: ignore[assignment,misc]
    try:
        yield
    finally:
        application_module.TrackedRequest, application_module.AIORateLimiter = saved


class ErrorLog(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(f"{record.name}: {record.getMessage()}")


class UpdateFuzz:
    def __init__(self, engine: Engine, seed: int = 0) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.engine = engine
        self.fake = FakeBotAPI(TOKEN)
        self.counts: Counter[str] = Counter()
        self.page_ids = sorted(engine.snapshot.nodes)
        self.buttons: list[str] = []
        self.next_update = 1

    # ---- random updates -------------------------------------------------------------
    def maybe(self, value: Any, missing: float = 0.05) -> Any:
        """The value, or (rarely) something of the wrong type."""
        roll = self.rng.random()
        if roll < missing:
            return self.rng.choice((None, "x", -1, [], {}, 1.5, True))
        return value

    def user(self, user_id: int) -> Any:
        user = {"id": user_id, "is_bot": self.rng.random() < 0.05,
                "first_name": random_text(self.rng, 20) or "A"}
        if self.rng.random() < 0.8:
            user["language_code"] = self.rng.choice(LANG_CODES)
        return self.maybe(user)

    def chat(self) -> dict[str, Any]:
        kind = self.rng.choice(CHAT_TYPES)
        chat_id = self.rng.randint(1, 10**12) * (1 if kind == "private" else -1)
        if kind in ("private", "group", "supergroup", "channel"):
            self.fake.chat(chat_id, kind)  # Telegram knows the chat, so a send would succeed
        return {"id": chat_id, "type": kind}

    def text(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.35:
            command = rng.choice(("start", "menu", "help", "language", "privacy", "forget",
                                  "emergency", "unknown", "START", "help@OtherBot", ""))
            payload = rng.choice(("", rng.choice(self.page_ids), "fr_health", random_text(rng, 80)))
            return f"/{command} {payload}".rstrip()
        if roll < 0.45:
            return random_text(rng, 20) * rng.randint(200, 1000)  # far over 4096 characters
        return random_text(rng)

    def message(self, chat: dict[str, Any], user_id: int) -> Any:
        rng = self.rng
        message: dict[str, Any] = {"message_id": self.maybe(rng.randint(1, 10**6)),
                                   "date": self.maybe(rng.randint(0, 2**31)),
                                   "chat": self.maybe(chat), "from": self.user(user_id)}
        if rng.random() < 0.7:
            message["text"] = self.maybe(self.text())
            if rng.random() < 0.3:
                message["entities"] = [{"type": rng.choice(("bot_command", "bold", "url", "x")),
                                        "offset": rng.randint(-5, 50), "length": rng.randint(-5, 50)}]
        else:
            kind = rng.choice(list(MEDIA))
            message[kind] = self.maybe(MEDIA[kind], missing=0.2)
        if rng.random() < 0.05:
            del message[rng.choice(list(message))]
        return message

    def callback(self, chat: dict[str, Any], user_id: int) -> Any:
        rng = self.rng
        query_id = str(rng.randint(1, 10**12))
        self.fake.open_queries.add(query_id)
        roll = rng.random()
        if self.buttons and roll < 0.4:
            data: Any = rng.choice(self.buttons)
            if rng.random() < 0.5:
                data = mutate(rng, data, self.page_ids)
        else:
            data = self.maybe(random_text(rng, 100), missing=0.1)
        query: dict[str, Any] = {"id": self.maybe(query_id), "from": self.user(user_id),
                                 "chat_instance": "ci", "data": data}
        if rng.random() < 0.9:
            query["message"] = {"message_id": rng.randint(1, 50), "chat": chat,
                                "date": rng.choice((0, rng.randint(1, 2**31)))}
        return query

    def update(self) -> Any:
        rng = self.rng
        roll = rng.random()
        if roll < 0.02:
            return rng.choice(([], "update", 7, None, {"update_id": "7"}, {}))
        chat, user_id = self.chat(), rng.randint(1, 10**12)
        kind = rng.choices(("message", "callback_query", "edited_message", "channel_post",
                            "inline_query", "poll"), (50, 30, 8, 4, 4, 4))[0]
        body = (self.callback(chat, user_id) if kind == "callback_query"
                else {"id": "1", "from": self.user(user_id), "query": "x", "offset": ""}
                if kind == "inline_query" else self.message(chat, user_id))
        self.next_update += 1
        return {"update_id": self.maybe(self.next_update, missing=0.02), kind: body}

    # ---- running --------------------------------------------------------------------
    async def run(self, total: int) -> Counter[str]:
        settings = Settings(telegram_bot_token=SecretStr(TOKEN), telegram_api_base_url="http://fake/bot",
                            telegram_webhook_url="https://bot.example.org/telegram",
                            telegram_webhook_secret=SecretStr(SECRET))
        with in_process(self.fake):
            service = TelegramService(settings, self.engine)
        application = service.application
        errors = ErrorLog()
        logging.getLogger().addHandler(errors)
        await application.initialize()
        try:
            for index in range(total):
                await self.one(service, index)
                if errors.records:
                    raise AssertionError(f"seed {self.seed}, update {index}: {errors.records}")
        finally:
            logging.getLogger().removeHandler(errors)
            await application.shutdown()
        self.counts["updates"] = total
        return self.counts

    async def one(self, service: TelegramService, index: int) -> None:
        update = self.update()
        body = json.dumps(update).encode()
        before = len(self.fake.calls)
        status = await service.process_webhook(body, SECRET)
        assert status in (200, 400), (index, status)
        self.counts[f"webhook {status}"] += 1
        if status == 200:
            queued = service.application.update_queue.get_nowait()
            await service.application.process_update(queued)
        for call in self.fake.calls[before:]:
            self.counts[f"bot {call.method}"] += 1
            if not call.ok:
                assert call.error and any(r in call.error for r in ALLOWED_REFUSALS), (index, call)
            chat_id = call.params.get("chat_id")
            assert chat_id is None or int(chat_id) > 0, f"update {index}: wrote to a group: {call}"
            markup = call.params.get("reply_markup") or {}
            markup = json.loads(markup) if isinstance(markup, str) else markup
            for row in markup.get("inline_keyboard", []):
                self.buttons.extend(b["callback_data"] for b in row if "callback_data" in b)
        del self.buttons[:-200]
