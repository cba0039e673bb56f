"""Server-rendered HTML: the chat page works without JavaScript, the script only enhances it.

Every button is a small form that posts its action, and questions are posted too, so
neither ends up in a URL, a browser history entry or a server's access log. The answer
to a post is shown after a redirect (Post/Redirect/Get), so Reload never posts again.
"""

from __future__ import annotations

from html import escape

from bot.engine import Reply
from bot.i18n import language_name, text_direction

from api.web.assets import ASSETS
from api.web.chat import ui_strings
from api.web.reply import item_html, web_reply

NEUTRAL_PATH = "/n"
# A big, everyday site: arriving there says nothing about what the person was reading.
DEFAULT_LEAVE_URL = "https://www.google.com/"


def _head(title: str, styles: tuple[str, ...], scripts: tuple[str, ...]) -> str:
    links = "".join(f'<link rel="stylesheet" href="{ASSETS.url(name)}">' for name in styles)
    tags = "".join(f'<script src="{ASSETS.url(name)}" defer></script>' for name in scripts)
    return (
        '<meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="robots" content="noindex">'
        f'<link rel="icon" href="{ASSETS.url("icon.svg")}" type="image/svg+xml">'
        f"<title>{escape(title)}</title>{links}{tags}"
    )


def _languages(lang: str, languages: tuple[str, ...], label: str, menu_action: str | None) -> str:
    """The header's language row, and the 🌐 button that stands in for it on short
    screens (it opens the language menu in the conversation)."""
    current = ' aria-current="true"'
    row = "".join(
        f'<button type="submit" name="lang" value="{escape(code)}" lang="{escape(code)}"'
        f'{current if code == lang else ""}>{escape(language_name(code))}</button>'
        for code in languages
    )
    html = f'<form class="langs" method="post" action="/" aria-label="{escape(label)}">{row}</form>'
    if menu_action:
        html += (
            '<form class="globe" method="post" action="/">'
            f'<button type="submit" name="a" value="{escape(menu_action)}">'
            f'<span aria-hidden="true">\U0001F310</span> <span class="label">{escape(label)}</span>'
            "</button></form>"
        )
    return html


def chat_page(reply: Reply, languages: tuple[str, ...], *, leave_url: str = DEFAULT_LEAVE_URL,
              menu_action: str | None = None) -> str:
    """The whole chat page around one reply.

    The page never shows what was typed: after a posted question the browser is
    redirected here (see :mod:`api.web.handoff`), and the question is not kept for that.
    ``menu_action`` is the button data of the language menu, for the 🌐 button.
    """
    web = web_reply(reply)
    lang = web.lang
    ui = ui_strings(lang)
    return (
        f'<!doctype html><html lang="{escape(lang)}" dir="{text_direction(lang)}"><head>'
        + _head(ui["title"], ("chat.css",), ("chat.js",))
        + "</head><body>"
        # The way out, the languages and the question box stay on top of the screen
        # together (on short screens only "Leave quickly" does): nothing ever sits under
        # them when a page opens, and an answer scrolls in just below them.
        '<div class="top"><header class="bar">'
        f'<a id="leave" class="leave" href="{escape(leave_url)}" rel="noreferrer">{escape(ui["leave"])}</a>'
        + _languages(lang, languages, ui["languages"], menu_action)
        + "</header>"
        '<form id="ask" class="ask" method="post" action="/" autocomplete="off" aria-labelledby="ask-label">'
        f'<input type="hidden" name="lang" value="{escape(lang)}">'
        f'<label id="ask-label" for="q">{escape(ui["ask"])}</label>'
        '<input id="q" name="q" type="text" maxlength="500" autocomplete="off" '
        'enterkeyhint="send" required>'
        f'<button type="submit">{escape(ui["send"])}</button>'
        "</form></div>"
        '<main id="main">'
        f'<h1 class="visually-hidden">{escape(ui["heading"])}</h1>'
        f'<ol id="conversation" class="conversation" data-error="{escape(ui["error"])}" '
        f'data-you="{escape(ui["you"])}" data-bot="{escape(ui["bot"])}">'
        f'{item_html(web, ui["bot"])}</ol></main>'
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
