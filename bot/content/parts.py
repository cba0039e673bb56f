"""Splitting a page into message parts that fit Telegram's limit.

Telegram refuses a message over 4096 characters. Pages aim far lower (about 1,000), and
are split only at block boundaries so that no sentence or list is cut in half.
"""

from __future__ import annotations

from bot.content.markup import Block, Document
from bot.content.render import to_telegram_html

TELEGRAM_LIMIT = 4096
SOFT_LIMIT = 1400
# Room kept in every part for the title line, the provenance footer and part markers.
RESERVED = 600
BLOCK_LIMIT = TELEGRAM_LIMIT - RESERVED


def rendered_size(blocks: Document) -> int:
    return len(to_telegram_html(blocks))


def pack(document: Document, soft_limit: int = SOFT_LIMIT) -> list[Document]:
    """Group blocks into parts of about ``soft_limit`` rendered characters each."""
    parts: list[list[Block]] = [[]]
    size = 0
    for block in document:
        block_size = rendered_size((block,)) + 2
        if parts[-1] and size + block_size > soft_limit:
            parts.append([])
            size = 0
        parts[-1].append(block)
        size += block_size
    return [tuple(p) for p in parts if p] or [()]
