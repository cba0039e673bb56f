"""Sending, editing and deleting messages so that no reply is lost and none is sent twice.

Error handling, by python-telegram-bot's error classes:

- ``RetryAfter`` (flood control): waited out and retried by the ``AIORateLimiter``.
- ``BadRequest`` "can't parse entities": sent again as plain text, once. Any other
  ``BadRequest`` on a send is raised to :mod:`bot.channels.telegram.respond`, which splits
  the message, then sends plain text, then a built-in fallback.
- ``TimedOut``: retried only for calls that are safe to repeat (edit, delete, answer),
  or when the request never left (a pool timeout); a send that may have arrived is not
  repeated, so the person never gets the same message twice.
- any other ``NetworkError`` (connection refused, 502): retried with backoff.
"""

from __future__ import annotations

import asyncio
from typing import Awaitable, Callable, TypeVar

from telegram import Bot, LinkPreviewOptions, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, NetworkError, TimedOut

from bot.channels.telegram.adapter import Outgoing
from bot.channels.telegram.stats import DeliveryStats
from bot.privacy import PrivacyMemory

T = TypeVar("T")
DELETE_BATCH = 100  # deleteMessages takes 1-100 ids
ATTEMPTS = 4
BACKOFF = 0.5
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def is_parse_error(exc: BadRequest) -> bool:
    return "can't parse entities" in exc.message.lower()


def is_not_modified(exc: BadRequest) -> bool:
    return "message is not modified" in exc.message.lower()


def refusal(exc: BadRequest) -> str:
    """A short name for why Telegram refused, for logs: never its whole description."""
    text = exc.message.lower()
    for needle, name in (("too long", "too long"), ("can't parse entities", "unparsable"),
                         ("not modified", "not modified"), ("empty", "empty"),
                         ("button", "buttons"), ("markup", "buttons")):
        if needle in text:
            return name
    return "other"


async def with_retries(call: Callable[[], Awaitable[T]], repeatable: bool) -> T:
    """Run ``call``, retrying network faults with backoff (see the module docstring)."""
    for attempt in range(ATTEMPTS):
        try:
            return await call()
        except BadRequest:
            raise
        except TimedOut as exc:
            never_sent = exc.message.startswith("Pool timeout")
            if not (repeatable or never_sent) or attempt == ATTEMPTS - 1:
                raise
        except NetworkError:
            if attempt == ATTEMPTS - 1:
                raise
        await asyncio.sleep(BACKOFF * 2**attempt)
    raise AssertionError("unreachable")


class Delivery:
    """The Bot API calls of one bot, remembering sent message ids for /forget."""

    def __init__(self, bot: Bot, memory: PrivacyMemory, stats: DeliveryStats | None = None) -> None:
        self.bot = bot
        self.memory = memory
        self.stats = stats or DeliveryStats()

    async def send(self, chat_id: int, out: Outgoing, remember: bool = True) -> Message:
        async def html() -> Message:
            return await self.bot.send_message(
                chat_id, out.html, parse_mode=ParseMode.HTML, reply_markup=out.markup,
                link_preview_options=NO_PREVIEW)

        async def plain() -> Message:
            return await self.bot.send_message(
                chat_id, out.plain, reply_markup=out.markup, link_preview_options=NO_PREVIEW)

        if out.html is None:
            message = await with_retries(plain, repeatable=False)
        else:
            try:
                message = await with_retries(html, repeatable=False)
            except BadRequest as exc:
                if not is_parse_error(exc):
                    raise
                self.stats.refused += 1
                self.stats.plain += 1
                message = await with_retries(plain, repeatable=False)
        if remember:
            self.memory.add_message(chat_id, message.message_id)
        return message

    async def edit(self, chat_id: int, message_id: int, out: Outgoing) -> bool:
        """Replace a message's text and buttons; False when that message cannot be edited."""
        async def html() -> object:
            return await self.bot.edit_message_text(
                out.html, chat_id, message_id, parse_mode=ParseMode.HTML,
                reply_markup=out.markup, link_preview_options=NO_PREVIEW)

        async def plain() -> object:
            return await self.bot.edit_message_text(
                out.plain, chat_id, message_id, reply_markup=out.markup,
                link_preview_options=NO_PREVIEW)

        try:
            if out.html is None:
                await with_retries(plain, repeatable=True)
            else:
                try:
                    await with_retries(html, repeatable=True)
                except BadRequest as exc:
                    if not is_parse_error(exc):
                        raise
                    self.stats.edits_refused += 1
                    await with_retries(plain, repeatable=True)
        except BadRequest as exc:
            if is_not_modified(exc):
                return True  # the message already shows exactly this
            return False  # gone, too old or not ours: the caller sends a new message
        self.memory.add_message(chat_id, message_id)
        return True

    async def delete(self, chat_id: int, message_id: int) -> bool:
        """Delete one message; False when Telegram no longer has it or refuses."""
        try:
            return bool(await with_retries(
                lambda: self.bot.delete_message(chat_id, message_id), repeatable=True))
        except BadRequest:
            return False

    async def delete_many(self, chat_id: int, message_ids: list[int]) -> int:
        """Delete messages with deleteMessages, up to 100 ids per call; the number deleted.

        Telegram skips ids it cannot delete and still says ok, so the count is of the ids
        handed over. A refused batch is deleted one by one, to count what really went.
        """
        deleted = 0
        for start in range(0, len(message_ids), DELETE_BATCH):
            batch = message_ids[start:start + DELETE_BATCH]

            async def call(ids: list[int] = batch) -> bool:
                return await self.bot.delete_messages(chat_id, ids)

            try:
                if await with_retries(call, repeatable=True):
                    deleted += len(batch)
                    continue
            except BadRequest:
                pass
            for message_id in batch:
                deleted += await self.delete(chat_id, message_id)
        return deleted

    async def answer(self, query_id: str) -> bool:
        """Answer a callback query (stops the client's spinner); False if Telegram refused."""
        try:
            return bool(await with_retries(
                lambda: self.bot.answer_callback_query(query_id), repeatable=True))
        except BadRequest:
            return False
