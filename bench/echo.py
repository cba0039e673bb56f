"""The baseline: a bare python-telegram-bot echo bot with the real bot's connection settings.

Messages are echoed with one sendMessage; a button press is answered and its message
edited to show the data, the least any bot does for a button. Same pools, same
concurrency and the same rate limiter class as :mod:`bot.channels.telegram.application`.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import AIORateLimiter, Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters
from telegram.request import HTTPXRequest

from bot.channels.telegram.application import ALLOWED_UPDATES, CONCURRENT_UPDATES, POLL_TIMEOUT


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the text back."""
    if update.effective_chat and update.message and update.message.text:
        await context.bot.send_message(update.effective_chat.id, update.message.text)


async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the query and show its data in the message."""
    query = update.callback_query
    if query is None:
        return
    await query.answer()
    await query.edit_message_text(f"{query.data} ({query.id})")


def build(token: str, base_url: str, rate_limiter: AIORateLimiter) -> Application:
    application = (
        Application.builder().token(token).base_url(base_url)
        .request(HTTPXRequest(connection_pool_size=32, connect_timeout=10.0, read_timeout=15.0,
                              write_timeout=15.0, pool_timeout=5.0))
        .get_updates_request(HTTPXRequest(connection_pool_size=1, connect_timeout=10.0,
                                          read_timeout=POLL_TIMEOUT + 10.0))
        .rate_limiter(rate_limiter).concurrent_updates(CONCURRENT_UPDATES)
        .arbitrary_callback_data(False).build()
    )
    application.add_handler(MessageHandler(filters.ChatType.PRIVATE & filters.TEXT, echo))
    application.add_handler(CallbackQueryHandler(pressed))
    return application


async def start(application: Application) -> None:
    await application.initialize()
    assert application.updater is not None
    await application.updater.start_polling(timeout=POLL_TIMEOUT, allowed_updates=ALLOWED_UPDATES)
    await application.start()


async def stop(application: Application) -> None:
    if application.updater is not None and application.updater.running:
        await application.updater.stop()
    if application.running:
        await application.stop()
    await application.shutdown()
