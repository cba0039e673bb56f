"""Telegram's limits, measured on exactly what the adapter sends.

Telegram refuses a message whose text is longer than 4096 characters *after* entity
parsing (tags removed, ``&amp;`` read as ``&``), counted in UTF-16 code units; an inline
keyboard holds at most 100 buttons, each with 1-64 bytes of callback data. Every part of a
reply is measured twice: as HTML (what is sent first) and as plain text (what is sent when
Telegram cannot parse the HTML), so neither form can be refused for its length.
"""

from __future__ import annotations

from bot.content.render import visible_text
from bot.engine import Reply
from bot.engine.actions import MAX_BYTES
from bot.i18n import N_

TEXT_LIMIT = 4096
BUTTONS_MAX = 100


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (an emoji outside the BMP counts twice)."""
    return len(text.encode("utf-16-le")) // 2


def html_length(html: str) -> int:
    return utf16_len(visible_text(html))


def problems(reply: Reply) -> list[str]:
    """What Telegram would refuse in this reply; each says which message and by how much."""
    # Imported here: the adapter imports python-telegram-bot, which costs a service without
    # a bot token a third of a second at every start; the length counts above do not need it.
    from bot.channels.telegram.adapter import outgoing

    found: list[str] = []
    outs = outgoing(reply)
    total = len(outs)
    for number, out in enumerate(outs, start=1):
        which = (N_("the message") if total == 1
                 else N_("message {number} of {total}", number=number, total=total))
        for plain, size in ((False, html_length(out.html)), (True, utf16_len(out.plain))):
            if size > TEXT_LIMIT:
                form = (N_("{which} as plain text", which=which) if plain else which)
                found.append(N_("Telegram: {which} is {size} characters, {over} over the limit "
                                "of {limit} (title, sources and 'checked by' included)",
                                which=form, size=size, over=size - TEXT_LIMIT, limit=TEXT_LIMIT))
    buttons = [b for row in reply.buttons for b in row]
    if len(buttons) > BUTTONS_MAX:
        found.append(N_("Telegram: {count} buttons, {over} over the limit of {limit}",
                        count=len(buttons), over=len(buttons) - BUTTONS_MAX, limit=BUTTONS_MAX))
    for button in buttons:
        size = len(button.action.encode())
        if not button.label.strip() or not 0 < size <= MAX_BYTES:
            found.append(N_("Telegram: the button {label!r} cannot be sent (empty label, or "
                            "{size} bytes of button data over {limit})", label=button.label,
                            size=size, limit=MAX_BYTES))
    return found
