"""Each channel shows phone numbers its own way, and 🆘 first on the main menu."""

from __future__ import annotations

import re

from bot.channels.telegram.adapter import keyboard, outgoing
from bot.channels.terminal import render
from bot.content.model import EMERGENCY_ID
from bot.engine import Emergency, Engine, OpenPage, Start, State
from bot.engine.views import page_parts

from api.web.chat import reply_json
from api.web.pages import chat_page

NUMBERS = {"112": "112", "113": "113", "0800-0113": "08000113", "0900-8844": "09008844",
           "0800-2000": "08002000"}


def every_screen(engine: Engine, lang: str) -> list:  # noqa: ANN001
    """The emergency page's screens, all of them (a long page is sent in parts)."""
    count = len(page_parts(engine.snapshot, lang, EMERGENCY_ID))
    return [engine.handle(State(lang), OpenPage(EMERGENCY_ID, part))[1] for part in range(count)]


def test_the_terminal_prints_numbers_plainly_and_sos_as_button_one(engine: Engine) -> None:
    _, home = engine.handle(State("en"), Start())
    assert render(home).splitlines()[-len(home.all_buttons)].startswith("  [1] 🆘 ")
    _, first = engine.handle(State("nl"), Emergency())
    assert first.parts == every_screen(engine, "nl")[0].parts
    text = "\n".join(render(reply) for reply in every_screen(engine, "nl"))
    assert "tel:" not in text.replace("uitstel:", "")
    for shown in NUMBERS:
        assert re.search(rf"(?<![\d-]){re.escape(shown)}(?![\d-])", text), shown


def test_telegram_gets_numbers_as_text_and_sos_in_the_first_row(engine: Engine) -> None:
    _, home = engine.handle(State("fr"), Start())
    rows = keyboard(home).inline_keyboard
    assert rows[0][0].text.startswith("🆘") and rows[0][0].callback_data.startswith("o:emergency:fr:")
    messages = [m for reply in every_screen(engine, "fr") for m in outgoing(reply)]
    for message in messages:
        assert 'href="tel:' not in (message.html or "")
        assert "(tel:" not in message.plain
    html = "".join(m.html or "" for m in messages)
    for shown in NUMBERS:
        assert shown in html, shown


def test_the_web_makes_numbers_links_that_call(engine: Engine) -> None:
    screens = every_screen(engine, "en")
    page = "".join(chat_page(reply, engine.snapshot.languages) for reply in screens)
    parts = "".join(part for reply in screens for part in reply_json(engine, reply)["parts"])
    for shown, digits in NUMBERS.items():
        link = f'<a class="tel" href="tel:{digits}">{shown}</a>'
        assert link in page and link in parts, shown
    assert 'target="_blank">113.nl</a>' in page  # the web link next to them stays a web link
    _, home = engine.handle(State("nl"), Start())
    first = re.search(r'<button type="submit" name="a" value="([^"]+)">(.*?)</button>',
                      chat_page(home, engine.snapshot.languages))
    assert first and first[1].startswith(f"o:{EMERGENCY_ID}:nl:") and "🆘" in first[2]
    first_json = reply_json(engine, home)["buttons"][0][0]
    assert first_json["icon"] == "🆘" and first_json["action"].startswith(f"o:{EMERGENCY_ID}:nl:")
