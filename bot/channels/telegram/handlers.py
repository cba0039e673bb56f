"""The bot's update handlers: thin glue between python-telegram-bot and the engine.

Only private chats are answered. The per-person memory (language choice, recent message
ids) lives in :mod:`bot.privacy`; nothing here keeps ids, names or text, and nothing here
logs them: the error handler logs the error's class only (not even the page, which with
the time would say what someone was reading).
"""

from __future__ import annotations

import logging
from typing import Callable

from telegram import Chat, Message, Update, User
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.channels.telegram.adapter import Forget, already_shown, event_for_message, outgoing
from bot.channels.telegram.delivery import Delivery
from bot.channels.telegram.fallback import fallback
from bot.channels.telegram.replay import RecentUpdates
from bot.channels.telegram.respond import Responder
from bot.channels.telegram.stats import DeliveryStats
from bot.engine import ButtonPress, Engine, Forgotten, Reply, Start, State
from bot.engine.events import Event
from bot.privacy import PrivacyMemory

log = logging.getLogger(__name__)
RecordView = Callable[[str, str], None]


class HandlerError(Exception):
    """A handler failed while answering an update; the cause is chained."""


def _private(chat: Chat | None) -> bool:
    return chat is not None and chat.type == ChatType.PRIVATE


class Handlers:
    def __init__(self, engine: Engine, memory: PrivacyMemory,
                 record_view: RecordView | None = None,
                 stats: DeliveryStats | None = None) -> None:
        self.engine = engine
        self.memory = memory
        self.record_view = record_view
        self.stats = stats or DeliveryStats()
        self.recent = RecentUpdates()

    # ---- conversation state -----------------------------------------------------------
    def state_for(self, chat_id: int, user: User | None) -> State:
        """The remembered language, else the one the person's Telegram app uses."""
        chosen = self.memory.language(chat_id)
        if chosen:
            return State(chosen)
        return self.engine.initial_state(user.language_code if user else None)

    def answer(self, chat_id: int, user: User | None, event: Event) -> Reply:
        state = self.state_for(chat_id, user)
        new_state, reply = self.engine.handle(state, event)
        chose = isinstance(event, (ButtonPress, Start))
        if chose and new_state.lang != state.lang:
            self.memory.set_language(chat_id, new_state.lang)
        return reply

    def _count(self, reply: Reply) -> None:
        if reply.page_id and self.record_view:
            try:
                self.record_view(reply.page_id, reply.lang)
            except Exception as exc:  # counting must never break a reply
                log.warning("page view not counted: %s", type(exc).__name__)

    def delivery(self, context: ContextTypes.DEFAULT_TYPE, memory: PrivacyMemory) -> Delivery:
        return Delivery(context.bot, memory, self.stats)

    def responder(self, delivery: Delivery, lang: str) -> Responder:
        return Responder(delivery, self.stats, lambda: fallback(self.engine.snapshot, lang))

    async def _send_all(self, delivery: Delivery, chat_id: int, reply: Reply,
                        remember: bool = True) -> None:
        await self.responder(delivery, reply.lang).send(chat_id, outgoing(reply), remember)
        self._count(reply)

    def count_dropped(self) -> None:
        self.stats.dropped_updates += 1

    # ---- handlers ---------------------------------------------------------------------
    async def drop_replays(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Runs before every other handler: an update id seen before is not answered again
        (a replayed webhook POST, or Telegram delivering an update twice)."""
        if not self.recent.first_time(update.update_id):
            self.stats.dropped_updates += 1
            raise ApplicationHandlerStop

    async def message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A message, or an edited one, in a private chat: a command, a question (typed, or
        under a photo), or something the bot cannot read."""
        message, chat = update.message or update.edited_message, update.effective_chat
        if message is None or not _private(chat):
            return
        event = event_for_message(message)
        if event is None:
            return
        self.memory.add_message(chat.id, message.message_id)
        if isinstance(event, Forget):
            await self.forget(update, context, message)
            return
        reply = self.answer(chat.id, update.effective_user, event)
        try:
            await self._send_all(self.delivery(context, self.memory), chat.id, reply)
        except Exception as exc:
            raise HandlerError() from exc

    async def forget(self, update: Update, context: ContextTypes.DEFAULT_TYPE,
                     message: Message) -> None:
        """/forget: delete the messages still known and under 48 hours old, then forget."""
        chat = message.chat
        state = self.state_for(chat.id, update.effective_user)
        delivery = self.delivery(context, self.memory)
        deleted = await delivery.delete_many(chat.id, self.memory.forget(chat.id))
        _state, reply = self.engine.handle(state, Forgotten(deleted))
        try:
            await self._send_all(delivery, chat.id, reply, remember=False)
        except Exception as exc:
            raise HandlerError() from exc

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A button press: answer the query, then edit the message in place (unless it
        already shows exactly that: Telegram refuses an edit that changes nothing)."""
        query = update.callback_query
        if query is None:
            return
        delivery = self.delivery(context, self.memory)
        await delivery.answer(query.id)  # always, for stale and forged buttons too
        message = query.message
        if message is None or not _private(message.chat):
            return
        chat_id = message.chat.id
        reply = self.answer(chat_id, query.from_user, ButtonPress(query.data or ""))
        try:
            outs = outgoing(reply)
            edited = False
            if isinstance(message, Message) and already_shown(message, outs[0]):
                self.stats.unchanged += 1
                edited = True
            elif message.is_accessible:
                edited = await delivery.edit(chat_id, message.message_id, outs[0])
                if not edited:
                    self.stats.edits_refused += 1
            await self.responder(delivery, reply.lang).send(
                chat_id, outs[1:] if edited else outs)
            self._count(reply)
        except Exception as exc:
            raise HandlerError() from exc

    async def error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the error's class, nothing else; the bot keeps running."""
        error = context.error
        if isinstance(error, HandlerError):
            cause = error.__cause__ or error
            log.error("telegram update failed: %s", type(cause).__name__)
        else:
            log.error("telegram error: %s", type(error).__name__)
