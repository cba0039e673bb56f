"""The web chat's exchange with the engine: a JSON event in, a rendered reply out.

Stateless on the server: the page sends the reader's language with every event, and
buttons carry everything else (see :mod:`bot.engine.actions`). Nothing here logs or keeps
what a person typed.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.engine import (
    ButtonPress, ChooseLanguage, Emergency, Engine, FreeText, Help, Home, Privacy, Reply, Start,
    State,
)
from bot.engine.events import Event
from bot.i18n import gettext, language_name

from api.web.reply import button_json, web_reply

log = logging.getLogger(__name__)
RecordView = Callable[[str, str], None]
MAX_DATA = 1000


class ChatEvent(BaseModel):
    """One thing the reader did: pressed a button, typed a question, chose a language, ..."""

    model_config = ConfigDict(extra="forbid")
    type: Literal["start", "button", "text", "home", "help", "privacy", "emergency", "language"]
    data: str | None = Field(default=None, max_length=MAX_DATA)


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lang: str | None = Field(default=None, max_length=16)
    event: ChatEvent


def to_event(event: ChatEvent) -> Event:
    """The engine event for a web event; a missing ``data`` means the plain form of it."""
    data = event.data
    match event.type:
        case "start":
            return Start(data or None)
        case "button":
            return ButtonPress(data or "")
        case "text":
            return FreeText(data or "")
        case "home":
            return Home()
        case "help":
            return Help()
        case "privacy":
            return Privacy()
        case "emergency":
            return Emergency()
    return ChooseLanguage(data or None)


def ui_strings(lang: str) -> dict[str, str]:
    """The page's own words (not content) in one language.

    The title is what a tab and the browser's history show, so it says nothing about
    rights or help; the page's real name is its (visually hidden) first heading.
    """
    _ = gettext(lang)
    return {
        "title": _("Questions and answers"),
        "heading": _("Your rights and where to get help"),
        "leave": _("Leave quickly"),
        "ask": _("Type your question"),
        "send": _("Send"),
        "languages": _("Language"),
        "privacy": _(
            "This page uses no cookies and does not keep your questions. Nobody asks your "
            "name. To clear the conversation, press Leave quickly or close the page."),
        "error": _("Sorry, something went wrong. Please try again."),
        # Read by screen readers before each message, to tell who says what.
        "you": _("You:"),
        "bot": _("rightsbot:"),
    }


def answer(
    engine: Engine, lang: str | None, event: Event, record_view: RecordView | None = None
) -> tuple[State, Reply]:
    """Run one event through the engine, counting the page shown (page and language only)."""
    state = engine.initial_state(lang)
    state, reply = engine.handle(state, event)
    if record_view is not None and reply.page_id:
        try:
            record_view(reply.page_id, reply.lang)
        except Exception as exc:  # counting must never cost a person their answer
            log.warning("could not count a page view: %s", type(exc).__name__)
    return state, reply


def reply_json(engine: Engine, reply: Reply) -> dict[str, Any]:
    """A reply as the page's script draws it: heading, HTML parts, button rows, language
    and direction; the same pieces :func:`api.web.reply.item_html` puts in the page."""
    web = web_reply(reply)
    return {
        "lang": web.lang,
        "dir": web.dir,
        "page_id": reply.page_id,
        "heading": web.heading,
        "lead": web.lead,
        "parts": list(web.parts),
        "buttons": [[button_json(b) for b in row] for row in web.buttons],
        "languages": [
            {"code": code, "name": language_name(code)} for code in engine.snapshot.languages
        ],
        "ui": ui_strings(web.lang),
    }
