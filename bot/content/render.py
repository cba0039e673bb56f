"""Renderers that turn the Markdown-subset tree into each channel's format.

One walker serves every channel; a :class:`Format` says how each node looks there. Every
character of content passes through the format's escaper, so no page can inject markup
into Telegram's HTML or the web page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Callable

from bot.content.markup import BulletList, Document, Emph, Inline, Link, Paragraph, Strong, Text
from bot.content.phones import is_phone_link

BULLET = "•"


@dataclass(frozen=True)
class Format:
    escape: Callable[[str], str]
    strong: str  # a template with one {} for the content
    emph: str
    link: Callable[[str, str], str]  # (rendered label, url) -> markup
    phone: Callable[[str, str], str]  # (rendered number, tel: url) -> markup
    paragraph: str
    bullet_list: Callable[[list[str]], str]
    block_separator: str


def _inline(nodes: tuple[Inline, ...], fmt: Format) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(fmt.escape(node.text))
        elif isinstance(node, Strong):
            out.append(fmt.strong.format(_inline(node.children, fmt)))
        elif isinstance(node, Emph):
            out.append(fmt.emph.format(_inline(node.children, fmt)))
        elif isinstance(node, Link) and is_phone_link(node.url):
            out.append(fmt.phone(_inline(node.children, fmt), node.url))
        elif isinstance(node, Link):
            out.append(fmt.link(_inline(node.children, fmt), node.url))
    return "".join(out)


def render(document: Document, fmt: Format) -> str:
    blocks: list[str] = []
    for block in document:
        if isinstance(block, Paragraph):
            blocks.append(fmt.paragraph.format(_inline(block.inlines, fmt)))
        elif isinstance(block, BulletList):
            blocks.append(fmt.bullet_list([_inline(item, fmt) for item in block.items]))
    return fmt.block_separator.join(blocks)


def _bullet_lines(items: list[str]) -> str:
    return "\n".join(f"{BULLET} {item}" for item in items)


TELEGRAM_HTML = Format(
    escape=lambda text: html.escape(text, quote=False),
    strong="<b>{}</b>", emph="<i>{}</i>",
    link=lambda label, url: f'<a href="{html.escape(url)}">{label}</a>',
    # Telegram allows no tel: links; it turns a number in the text into one by itself.
    phone=lambda number, url: number,
    paragraph="{}", bullet_list=_bullet_lines, block_separator="\n\n",
)
PLAIN = Format(
    escape=lambda text: text,
    strong="{}", emph="{}",
    link=lambda label, url: label if label == url else f"{label} ({url})",
    phone=lambda number, url: number,
    paragraph="{}", bullet_list=_bullet_lines, block_separator="\n\n",
)
WEB_HTML = Format(
    escape=html.escape,
    strong="<strong>{}</strong>", emph="<em>{}</em>",
    link=lambda label, url: (f'<a href="{html.escape(url)}" rel="noopener noreferrer" '
                             f'target="_blank">{label}</a>'),
    # A link that calls, kept on one line by the class (white-space: nowrap).
    phone=lambda number, url: f'<a class="tel" href="{html.escape(url)}">{number}</a>',
    paragraph="<p>{}</p>",
    bullet_list=lambda items: "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>",
    block_separator="",
)


def to_telegram_html(document: Document) -> str:
    """Telegram's HTML parse mode: only b, i and a tags; everything else escaped."""
    return render(document, TELEGRAM_HTML)


def to_plain(document: Document) -> str:
    """Plain text for a terminal, and Telegram's fallback when HTML is refused."""
    return render(document, PLAIN)


def to_web_html(document: Document) -> str:
    """HTML for the web chat and the editor's preview."""
    return render(document, WEB_HTML)


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def visible_text(markup: str) -> str:
    """What a reader sees of rendered HTML: tags dropped, entities read (``&amp;`` -> ``&``).

    Telegram counts its length limit on this text, not on the HTML that was sent.
    """
    parser = _Visible()
    parser.feed(markup)
    parser.close()
    return "".join(parser.text)
