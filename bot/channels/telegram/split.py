"""Cutting a message Telegram refused into smaller ones that it accepts.

Content is checked against Telegram's limits before it is published, so this runs only
when something still slipped through (a limit Telegram changed, a length counted another
way, a rule not yet known). The pieces aim at a quarter of the known limit, about the
length a message should have anyway, so they pass even if the real limit is far lower
than the one we know. It cuts at block boundaries first, so no paragraph or list is
broken; a single block that is too long on its own is sent as plain text in pieces cut at
a line or a space. The buttons stay on the last piece, where the person looks for the way on.
"""

from __future__ import annotations

import html

from bot.channels.telegram.adapter import Outgoing
from bot.channels.telegram.limits import TEXT_LIMIT, html_length, utf16_len
from bot.content.markup import Block
from bot.content.render import to_plain, to_telegram_html

PIECE = TEXT_LIMIT // 4


def cut(text: str, limit: int = PIECE) -> list[str]:
    """Cut text into pieces of at most ``limit`` UTF-16 units, at a paragraph, a line or a
    space where there is one in the second half of the piece."""
    pieces: list[str] = []
    rest = text.strip()
    while rest:
        if utf16_len(rest) <= limit:
            pieces.append(rest)
            break
        end = limit
        while utf16_len(rest[:end]) > limit:  # astral characters count twice
            end -= 1
        head = rest[:end]
        for separator in ("\n\n", "\n", " "):
            at = head.rfind(separator)
            if at > end // 2:
                head = head[:at]
                break
        pieces.append(head.rstrip())
        rest = rest[len(head):].strip()
    return [p for p in pieces if p]


def plain_pieces(out: Outgoing) -> list[Outgoing]:
    """The message as plain text (no parse mode), cut to fit; buttons on the last piece."""
    texts = cut(out.plain) or ["-"]
    return [Outgoing(None, text, out.markup if i == len(texts) - 1 else None)
            for i, text in enumerate(texts)]


def html_pieces(out: Outgoing) -> list[Outgoing]:
    """The message cut at block boundaries into HTML messages that fit; a block too long
    on its own becomes plain-text pieces. Buttons on the last piece."""
    pieces: list[Outgoing] = []
    group: list[Block] = []

    def flush() -> None:
        if group:
            document = tuple(group)
            pieces.append(Outgoing(to_telegram_html(document), to_plain(document), None, document))
            group.clear()

    for block in out.document:
        if html_length(to_telegram_html(tuple(group) + (block,))) <= PIECE:
            group.append(block)
            continue
        flush()
        if html_length(to_telegram_html((block,))) <= PIECE:
            group.append(block)
        else:
            plain = to_plain((block,))
            pieces.extend(Outgoing(html.escape(t, quote=False), t, None) for t in cut(plain))
    flush()
    if not pieces:
        return plain_pieces(out)
    last = pieces[-1]
    pieces[-1] = Outgoing(last.html, last.plain, out.markup, last.document)
    return pieces
