"""Server-rendered HTML: the chat page works without JavaScript, the script only enhances it.

Every button is a small form that posts its action, and questions are posted too, so
neither ends up in a URL, a browser history entry or a server's access log.
"""

from __future__ import annotations

from html import escape

from bot.content.render import to_web_html
from bot.engine import Reply
from bot.i18n import language_name, text_direction

from api.web.chat import ui_strings

STATIC = "/web/static"
NEUTRAL_PATH = "/n"
# A big, everyday site: arriving there says nothing about what the person was reading.
DEFAULT_LEAVE_URL = "https://www.google.com/"


def _head(title: str, styles: tuple[str, ...], scripts: tuple[str, ...]) -> str:
    links = "".join(f'<link rel="stylesheet" href="{STATIC}/{name}">' for name in styles)
    tags = "".join(f'<script src="{STATIC}/{name}" defer></script>' for name in scripts)
    return (
        '<meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="robots" content="noindex">'
        f'<link rel="icon" href="{STATIC}/icon.svg" type="image/svg+xml">'
        f"<title>{escape(title)}</title>{links}{tags}"
    )


def reply_section(reply: Reply) -> str:
    """One answer of the bot: its text parts, then its buttons as posting forms."""
    lang = reply.lang
    parts = "".join(f'<div class="part">{to_web_html(part)}</div>' for part in reply.parts)
    rows = "".join(
        '<div class="row">' + "".join(
            f'<button type="submit" name="a" value="{escape(b.action)}">{escape(b.label)}</button>'
            for b in row
        ) + "</div>"
        for row in reply.buttons
    )
    buttons = (
        f'<form class="buttons" method="post" action="/">{rows}</form>' if rows else ""
    )
    return (
        f'<section class="bot" lang="{escape(lang)}" dir="{text_direction(lang)}">'
        f"{parts}{buttons}</section>"
    )


def chat_page(reply: Reply, languages: tuple[str, ...], question: str | None = None,
              leave_url: str = DEFAULT_LEAVE_URL) -> str:
    """The whole chat page around one reply (and the question it answers, if any)."""
    lang = reply.lang
    ui = ui_strings(lang)
    current = ' aria-current="true"'
    langs = "".join(
        f'<button type="submit" name="lang" value="{escape(code)}" lang="{escape(code)}"'
        f'{current if code == lang else ""}>{escape(language_name(code))}</button>'
        for code in languages
    )
    asked = (
        f'<section class="you"><p>{escape(question)}</p></section>' if question else ""
    )
    return (
        f'<!doctype html><html lang="{escape(lang)}" dir="{text_direction(lang)}"><head>'
        + _head(ui["title"], ("chat.css",), ("chat.js",))
        + "</head><body>"
        '<header class="bar">'
        f'<a id="leave" class="leave" href="{escape(leave_url)}" rel="noreferrer">{escape(ui["leave"])}</a>'
        f'<form class="langs" method="post" action="/" aria-label="{escape(ui["languages"])}">'
        f"{langs}</form>"
        "</header>"
        f'<main id="conversation" aria-live="polite" data-error="{escape(ui["error"])}">{asked}{reply_section(reply)}</main>'
        '<form id="ask" class="ask" method="post" action="/" autocomplete="off">'
        f'<input type="hidden" name="lang" value="{escape(lang)}">'
        f'<label for="q" class="visually-hidden">{escape(ui["ask"])}</label>'
        f'<input id="q" name="q" type="text" maxlength="500" autocomplete="off" '
        f'placeholder="{escape(ui["ask"])}" required>'
        f'<button type="submit">{escape(ui["send"])}</button>'
        "</form>"
        f'<footer class="privacy"><p>{escape(ui["privacy"])}</p></footer>'
        "</body></html>"
    )


def neutral_page() -> str:
    """What "leave quickly" shows: a plain, empty search page that says nothing about us."""
    return (
        '<!doctype html><html lang="en"><head>' + _head("Search", ("neutral.css",), ())
        + '</head><body><main class="neutral">'
        f'<form method="post" action="{NEUTRAL_PATH}" role="search">'
        '<input name="s" type="search" aria-label="Search" autocomplete="off">'
        "</form></main></body></html>"
    )
