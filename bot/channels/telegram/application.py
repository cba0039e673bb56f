"""Building the python-telegram-bot Application and registering every handler in one place.

Deliberately absent: persistence, ConversationHandler and ``arbitrary_callback_data``,
which would all keep per-person data keyed by chat or user id. Buttons carry what they need
in their callback data instead (see :mod:`bot.engine.actions`).
"""

from __future__ import annotations

import os
import ssl
from functools import lru_cache

import certifi
from telegram import BotCommand, Update
from telegram.ext import (
    AIORateLimiter, Application, CallbackQueryHandler, ExtBot, MessageHandler, TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot.channels.telegram.handlers import Handlers
from bot.channels.telegram.reachability import Reachability, TrackedRequest
from bot.channels.telegram.updates import UpdateSafeBot
from bot.content.model import Snapshot
from bot.engine.commands import COMMANDS
from bot.i18n import FALLBACK, gettext
from bot.settings import Settings

ALLOWED_UPDATES = ("message", "edited_message", "callback_query")
POLL_TIMEOUT = 30  # seconds Telegram holds a getUpdates call open when there is nothing new
RATE_LIMIT_RETRIES = 3  # how often a RetryAfter is waited out before giving up
CONCURRENT_UPDATES = 16
# Replays are dropped in a group of their own, before all others: within one group only the
# first matching handler runs, so sharing a group would hide the handlers after it.
REPLAY_GROUP = -1000


@lru_cache(maxsize=1)
def tls_context() -> ssl.SSLContext:
    """One TLS context for all Bot API clients: loading the CA bundle is slow (~0.1 s)."""
    return ssl.create_default_context(cafile=certifi.where())


def _request(reachability: Reachability, **timeouts: float | int) -> HTTPXRequest:
    return TrackedRequest(reachability, httpx_kwargs={"verify": tls_context()}, **timeouts)


def make_requests(reachability: Reachability) -> tuple[HTTPXRequest, HTTPXRequest]:
    """The HTTP clients for Bot API calls and for getUpdates (held open for long polls)."""
    return (
        _request(reachability, connection_pool_size=32, connect_timeout=10.0, read_timeout=15.0,
                 write_timeout=15.0, pool_timeout=5.0),
        _request(reachability, connection_pool_size=1, connect_timeout=10.0,
                 read_timeout=POLL_TIMEOUT + 10.0),
    )


def build_application(settings: Settings, handlers: Handlers, webhook: bool,
                      requests: tuple[HTTPXRequest, HTTPXRequest]) -> Application:
    """The Application, pointed at ``TELEGRAM_API_BASE_URL``, with every handler registered."""
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    # Opt in to python-telegram-bot's timedelta time periods now; otherwise every flood-control
    # answer (RetryAfter) raises a deprecation warning about the old integer seconds.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    bot = UpdateSafeBot(
        settings.telegram_bot_token.get_secret_value(),
        base_url=settings.telegram_api_base_url,
        request=requests[0],
        get_updates_request=requests[1],
        rate_limiter=AIORateLimiter(max_retries=RATE_LIMIT_RETRIES),
        arbitrary_callback_data=False,
        on_dropped=handlers.count_dropped,
    )
    builder = Application.builder().bot(bot).concurrent_updates(CONCURRENT_UPDATES)
    if webhook:
        builder = builder.updater(None)
    application = builder.build()
    register(application, handlers)
    return application


def register(application: Application, handlers: Handlers) -> None:
    """Every handler of the bot. Group and channel chats match none of them."""
    private = filters.ChatType.PRIVATE
    application.add_handler(TypeHandler(Update, handlers.drop_replays), group=REPLAY_GROUP)
    application.add_handler(MessageHandler(
        private & (filters.UpdateType.MESSAGE | filters.UpdateType.EDITED_MESSAGE),
        handlers.message))
    application.add_handler(CallbackQueryHandler(handlers.button))
    application.add_error_handler(handlers.error)


async def set_commands(bot: ExtBot, snapshot: Snapshot) -> None:
    """The command menu with descriptions in each language (and English as the default)."""
    for lang in (None, *snapshot.languages):
        _ = gettext(lang or FALLBACK)
        commands = [BotCommand(name, _(description)) for name, description in COMMANDS]
        await bot.set_my_commands(commands, language_code=lang)
