"""The Telegram bot as a service: start, stop, health, and the webhook entry point.

``rightsbot serve`` builds one :class:`TelegramService` when ``TELEGRAM_BOT_TOKEN`` is set.
By default it long-polls (message, edited_message and callback_query updates); with
``TELEGRAM_WEBHOOK_URL`` it registers a webhook with a secret token instead, and the web
app hands each POST to :meth:`TelegramService.process_webhook`.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import secrets
from typing import Callable

from telegram import Update
from telegram.error import InvalidToken, NetworkError
from telegram.ext import Application

from bot.channels.telegram.application import (
    ALLOWED_UPDATES, POLL_TIMEOUT, build_application, make_requests, set_commands,
)
from bot.channels.telegram.handlers import Handlers
from bot.channels.telegram.reachability import Reachability
from bot.channels.telegram.logs import install_redaction, quiet_libraries
from bot.channels.telegram.stats import DeliveryStats
from bot.channels.telegram.updates import readable, reduced
from bot.engine import Engine
from bot.privacy import PrivacyMemory
from bot.settings import Settings

log = logging.getLogger(__name__)
RETRY_FIRST = 0.5  # seconds before the first reconnection attempt, doubling up to RETRY_MAX
RETRY_MAX = 60.0


class TelegramService:
    def __init__(self, settings: Settings, engine: Engine,
                 record_view: Callable[[str, str], None] | None = None) -> None:
        if settings.telegram_bot_token is None:
            raise ValueError("TELEGRAM_BOT_TOKEN is not set")
        configured = settings.telegram_webhook_secret
        # Without a configured secret, a random one per process: Telegram gets it from us.
        self._secret = configured.get_secret_value() if configured else secrets.token_urlsafe(32)
        install_redaction(settings.telegram_bot_token.get_secret_value(), self._secret)
        quiet_libraries()
        self._webhook_url = settings.telegram_webhook_url
        self.memory = PrivacyMemory()
        self.handlers = Handlers(engine, self.memory, record_view)
        self.engine = engine
        self.reachability = Reachability()
        self._requests = make_requests(self.reachability)
        self.application: Application = build_application(
            settings, self.handlers, webhook=bool(self._webhook_url), requests=self._requests)
        self._running = False
        self._retry_task: asyncio.Task[None] | None = None

    @property
    def connected(self) -> bool:
        """True while polling or the webhook runs and the Bot API answered the last call."""
        if not (self._running and self.application.running and self.reachability.reachable):
            return False
        updater = self.application.updater
        return bool(self._webhook_url) or (updater is not None and updater.running)

    async def start(self) -> None:
        """Connect (getMe), set the command menus, then poll or register the webhook.

        A wrong token raises InvalidToken. When Telegram cannot be reached, the rest of the
        service still starts: the bot keeps trying in the background, and ``connected``
        stays False until it succeeds.
        """
        try:
            await self._connect()
        except InvalidToken:
            raise
        except NetworkError as exc:
            log.warning("telegram not reachable (%s); retrying in the background",
                        type(exc).__name__)
            self._retry_task = asyncio.create_task(self._connect_later())

    async def _connect(self) -> None:
        application = self.application
        await application.initialize()
        await set_commands(application.bot, self.engine.snapshot)
        if self._webhook_url:
            await application.bot.set_webhook(
                self._webhook_url, secret_token=self._secret, allowed_updates=ALLOWED_UPDATES)
        else:
            assert application.updater is not None
            if not application.updater.running:  # a retry after a later step failed
                await application.updater.start_polling(
                    timeout=POLL_TIMEOUT, allowed_updates=ALLOWED_UPDATES, bootstrap_retries=3)
        await application.start()
        self._running = True
        log.info("telegram bot connected (%s)", "webhook" if self._webhook_url else "long polling")

    async def _connect_later(self) -> None:
        delay = RETRY_FIRST
        while True:
            await asyncio.sleep(delay)
            try:
                await self._connect()
                return
            except InvalidToken:
                log.error("telegram refused the bot token; the bot stays off")
                return
            except NetworkError as exc:
                log.warning("telegram still not reachable (%s)", type(exc).__name__)
                delay = min(delay * 2, RETRY_MAX)

    async def stop(self) -> None:
        """Stop polling, finish the updates in hand, and close the connections."""
        application = self.application
        self._running = False
        if self._retry_task is not None:
            self._retry_task.cancel()
            await asyncio.gather(self._retry_task, return_exceptions=True)
            self._retry_task = None
        if application.updater is not None and application.updater.running:
            await application.updater.stop()
        if application.running:
            await application.stop()
        await application.shutdown()
        for request in self._requests:  # also after a failed start, which shutdown() skips
            await request.shutdown()

    @property
    def stats(self) -> DeliveryStats:
        """Counts of refused replies and dropped updates, for health (numbers only)."""
        return self.handlers.stats

    async def process_webhook(self, body: bytes, secret_header: str | None) -> int:
        """One webhook POST: 403 on a wrong secret, 400 on a body that is not an Update.

        An update with an id that the bot cannot read (a newer Bot API's fields, wrong
        types) is acknowledged with 200 and reduced to what can be read: refusing it would
        only make Telegram deliver it again. A replayed id is dropped by :meth:`Handlers.drop_replays`.
        """
        if not secret_header or not hmac.compare_digest(
                secret_header.encode(), self._secret.encode()):
            return 403
        try:
            data = json.loads(body)
        except ValueError:
            return 400
        update_id = data.get("update_id") if isinstance(data, dict) else None
        if not isinstance(update_id, int) or isinstance(update_id, bool):
            return 400
        if not readable(data, self.application.bot):
            log.warning("dropped an update the bot cannot read")
            self.handlers.count_dropped()
            data = reduced(data, self.application.bot)
        update = Update.de_json(data, self.application.bot)
        await self.application.update_queue.put(update)
        return 200
