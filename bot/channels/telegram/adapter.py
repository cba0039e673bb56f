"""Telegram messages -> engine events, and engine replies -> what the Bot API is sent.

Pure functions over python-telegram-bot objects: no I/O, nothing remembered, so every
mapping can be tested without a network.
"""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import filters

from bot.content.markup import Document
from bot.content.render import to_plain, to_telegram_html, visible_text
from bot.engine import (
    ChooseLanguage, Emergency, Help, Home, Privacy, Reply, SharedPersonalData, Start, Unsupported,
)
from bot.engine.actions import MAX_BYTES
from bot.engine.events import Event, FreeText


@dataclass(frozen=True)
class Forget:
    """/forget: not an engine event, because only the channel can delete messages."""


# Commands and what they mean; /start takes its deep-link payload separately.
COMMAND_EVENTS: dict[str, Event] = {
    "menu": Home(), "help": Help(), "language": ChooseLanguage(), "privacy": Privacy(),
    "emergency": Emergency(),
}
# Content a person can send that the bot cannot read; kept as a kind name only. Anything
# else that is not a service message (a kind added to Telegram later, that
# python-telegram-bot does not know yet) is answered the same way.
UNREADABLE = ("sticker", "photo", "voice", "audio", "video", "video_note", "document",
              "animation", "poll", "dice", "game", "story", "paid_media", "invoice", "checklist",
              "live_photo")
PERSONAL = ("contact", "location", "venue")
# Messages Telegram writes itself (pinned, joined, payment received, ...): nobody to answer.
SERVICE = filters.StatusUpdate.ALL | filters.SUCCESSFUL_PAYMENT | filters.PASSPORT_DATA


@dataclass(frozen=True)
class Outgoing:
    """One message to send: HTML for Telegram, plain text as the fallback, its buttons."""

    html: str | None  # None: send ``plain`` without a parse mode
    plain: str
    markup: InlineKeyboardMarkup | None
    document: Document = ()  # what html and plain were rendered from, to split it again


def command_of(text: str) -> tuple[str, str | None] | None:
    """``/start@SomeBot payload`` -> ("start", "payload"); None when not a command."""
    if not text.startswith("/"):
        return None
    head, _sep, rest = text[1:].partition(" ")
    name = head.split("@", 1)[0].lower()
    payload = rest.strip() or None
    return name, payload


def event_for_message(message: Message) -> Event | Forget | None:
    """What a message in a private chat means; None for service messages (no answer).

    A caption is read like a text: people type their question under a photo too.
    """
    if any(getattr(message, kind, None) for kind in PERSONAL):
        return SharedPersonalData()
    text = message.text if message.text is not None else (message.caption or None)
    if text is not None:
        command = command_of(text)
        if command is None:
            return FreeText(text)
        name, payload = command
        if name == "start":
            return Start(payload)
        if name == "forget":
            return Forget()
        return COMMAND_EVENTS.get(name, Help())
    for kind in UNREADABLE:
        if getattr(message, kind, None):
            return Unsupported(kind)
    if SERVICE.check_update(Update(0, message=message)):
        return None
    return Unsupported("other")


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The reply's buttons; a button whose data would not fit Telegram's limit is left out."""
    rows = []
    for row in reply.buttons:
        buttons = [InlineKeyboardButton(b.label, callback_data=b.action) for b in row
                   if b.label.strip() and 0 < len(b.action.encode()) <= MAX_BYTES]
        if buttons:
            rows.append(buttons)
    return InlineKeyboardMarkup(rows) if rows else None


def outgoing(reply: Reply) -> list[Outgoing]:
    """The messages of a reply, in order, with the buttons on the last one."""
    markup = keyboard(reply)
    parts = [part for part in reply.parts if to_plain(part).strip()] or list(reply.parts[:1])
    out = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        out.append(Outgoing(to_telegram_html(part), to_plain(part), markup if last else None, part))
    return out


def _rows(markup: InlineKeyboardMarkup | None) -> list[list[tuple[str, str | None]]]:
    if markup is None:
        return []
    return [[(b.text, b.callback_data if isinstance(b.callback_data, str) else None) for b in row]
            for row in markup.inline_keyboard]


def already_shown(message: Message, out: Outgoing) -> bool:
    """True when ``message`` already shows exactly ``out``: the same text as Telegram shows
    it (after entity parsing) and the same buttons. Editing it would be refused as
    "message is not modified", so the edit is not sent."""
    text = out.plain if out.html is None else visible_text(out.html)
    return ((message.text or "").strip() == text.strip()
            and _rows(message.reply_markup) == _rows(out.markup))
