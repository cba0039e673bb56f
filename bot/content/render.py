"""Renderers that turn the Markdown-subset tree into each channel's format.

Every character of content passes through an escaper here, so no page can inject markup
into Telegram's HTML or the web page.
"""

from __future__ import annotations

import html

from bot.content.markup import BulletList, Document, Emph, Inline, Link, Paragraph, Strong, Text

BULLET = "•"


def _telegram_inline(nodes: tuple[Inline, ...]) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(html.escape(node.text, quote=False))
        elif isinstance(node, Strong):
            out.append(f"<b>{_telegram_inline(node.children)}</b>")
        elif isinstance(node, Emph):
            out.append(f"<i>{_telegram_inline(node.children)}</i>")
        elif isinstance(node, Link):
            out.append(f'<a href="{html.escape(node.url)}">{_telegram_inline(node.children)}</a>')
    return "".join(out)


def to_telegram_html(document: Document) -> str:
    """Telegram's HTML parse mode: only b, i and a tags; everything else escaped."""
    blocks: list[str] = []
    for block in document:
        if isinstance(block, Paragraph):
            blocks.append(_telegram_inline(block.inlines))
        elif isinstance(block, BulletList):
            blocks.append("\n".join(f"{BULLET} {_telegram_inline(i)}" for i in block.items))
    return "\n\n".join(blocks)


def _plain_inline(nodes: tuple[Inline, ...]) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Link):
            label = _plain_inline(node.children)
            out.append(label if label == node.url else f"{label} ({node.url})")
        else:
            out.append(_plain_inline(node.children))
    return "".join(out)


def to_plain(document: Document) -> str:
    """Plain text for a terminal, and Telegram's fallback when HTML is refused."""
    blocks: list[str] = []
    for block in document:
        if isinstance(block, Paragraph):
            blocks.append(_plain_inline(block.inlines))
        elif isinstance(block, BulletList):
            blocks.append("\n".join(f"{BULLET} {_plain_inline(i)}" for i in block.items))
    return "\n\n".join(blocks)


def _web_inline(nodes: tuple[Inline, ...]) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(html.escape(node.text))
        elif isinstance(node, Strong):
            out.append(f"<strong>{_web_inline(node.children)}</strong>")
        elif isinstance(node, Emph):
            out.append(f"<em>{_web_inline(node.children)}</em>")
        elif isinstance(node, Link):
            out.append(
                f'<a href="{html.escape(node.url)}" rel="noopener noreferrer" '
                f'target="_blank">{_web_inline(node.children)}</a>'
            )
    return "".join(out)


def to_web_html(document: Document) -> str:
    """HTML for the web chat and the editor's preview."""
    blocks: list[str] = []
    for block in document:
        if isinstance(block, Paragraph):
            blocks.append(f"<p>{_web_inline(block.inlines)}</p>")
        elif isinstance(block, BulletList):
            items = "".join(f"<li>{_web_inline(i)}</li>" for i in block.items)
            blocks.append(f"<ul>{items}</ul>")
    return "".join(blocks)
