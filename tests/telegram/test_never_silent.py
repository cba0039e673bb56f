"""The person in danger always gets an answer: the whole service (content API and the real
bot) against the fake Bot API, with the bundled content.

- An oversized change (a long paragraph plus 16 long sources) is refused when approved;
  /emergency, a danger text and the ``en_emergency`` deep link are still answered.
- When Telegram refuses a message anyway (here: a limit lower than the one we know), the
  reply is cut into pieces it accepts, and health counts the refusals.
- When it refuses every form, the built-in fallback gives the emergency numbers and 🆘.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import AsyncIterator

import httpx
import pytest
from pydantic import SecretStr

from api.app import create_app
from api.stats import ViewCounter
from bot.channels.telegram.fallback import NUMBERS, fallback_text
from bot.settings import Settings
from tests.api.conftest import auth, issue_tokens, propose
from tests.conftest import CONTENT
from tests.telegram.conftest import TOKEN, Harness, person, serve_app
from tests.telegram.fakebotapi import FakeBotAPI, utf16_len

BASE = "http://rightsbot.test/api/v1"
SOURCES = [{"title": f"Source {i:02d} " + "x" * 100, "url": f"https://www.rijksoverheid.nl/{i}"}
           for i in range(16)]
LONG_TEXT = "Call **[112](tel:112)** in danger. " * 115
ASKS = ("/emergency", "I want to kill myself", "/start en_emergency")


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[tuple[Harness, httpx.AsyncClient, dict[str, str]]]:
    fake = FakeBotAPI(TOKEN)
    async with serve_app(fake) as base_url:
        settings = Settings(rightsbot_data_dir=tmp_path / "data", rightsbot_content_dir=CONTENT,
                            rightsbot_database_url=None, telegram_bot_token=SecretStr(TOKEN),
                            telegram_api_base_url=base_url + "/bot")
        app = create_app(settings, counter=ViewCounter())
        async with app.router.lifespan_context(app):
            harness = Harness(fake, app.state.telegram, [])
            tokens = issue_tokens(app)
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
                yield harness, client, tokens
        app.state.repo.close()


async def ask_all(harness: Harness, user: dict) -> list[list[dict]]:
    """Each ask and the bot messages it got."""
    chat = user["id"]
    answers = []
    for text in ASKS:
        before = len(harness.fake.bot_messages(chat))
        await harness.say(user, text)
        answers.append(harness.fake.bot_messages(chat)[before:])
    return answers


def callback_data(message: dict) -> list[str]:
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [b["callback_data"] for row in rows for b in row]


async def test_an_oversized_change_is_refused_and_the_bot_still_answers(served) -> None:
    harness, client, tokens = served
    created = await propose(client, tokens["a-editor"], page_id="emergency", text=LONG_TEXT,
                            sources=SOURCES)
    assert created.status_code == 201, created.text
    change = created.json()["id"]
    assert (await client.post(f"/changes/{change}/submit", headers=auth(tokens["a-editor"]))).status_code == 200
    approved = await client.post(f"/changes/{change}/approve", headers=auth(tokens["b-reviewer"]))
    assert approved.status_code == 422
    assert "Telegram: the message is " in approved.text and "over the limit of 4096" in approved.text

    user = person(language_code="en")
    harness.open_chat(user)
    for messages in await ask_all(harness, user):
        assert messages, "every ask is answered"
        assert "112" in " ".join(m["text"] for m in messages)
    assert harness.fake.errors() == []
    health = (await client.get("/health")).json()
    assert health["telegram_delivery"]["refused"] == 0


async def test_what_telegram_refuses_is_still_delivered_and_counted(served) -> None:
    harness, client, _tokens = served
    harness.fake.text_limit = 1100  # lower than every check knows: the emergency page is refused
    user = person(language_code="en")
    chat = harness.open_chat(user)
    answers = await ask_all(harness, user)
    for messages in answers:
        assert messages and all(utf16_len(m["text"]) <= 1100 for m in messages)
        assert "112" in " ".join(m["text"] for m in messages)
        assert callback_data(messages[-1]), "the buttons stay, on the last piece"
        assert all("reply_markup" not in m for m in messages[:-1])
    # A button whose screen is too long: the edit is refused, the screen comes in pieces.
    home = answers[0][-1]
    await harness.press(user, home["message_id"], callback_data(home)[0])
    assert harness.fake.bot_messages(chat)[-1]["message_id"] > home["message_id"]
    refusals = [c.error for c in harness.fake.errors()]
    assert refusals and set(refusals) == {"Bad Request: message is too long"}
    counts = (await client.get("/health")).json()["telegram_delivery"]
    assert counts["refused"] >= 3 and counts["split"] >= 3
    assert counts["fallback"] == 0 and counts["unanswered"] == 0


async def test_when_every_form_is_refused_the_fallback_gives_the_numbers(harness: Harness) -> None:
    user = person(language_code="fr")
    chat = harness.open_chat(user)
    # A short reply: refused as HTML, then as plain text; then the fallback.
    harness.fake.inject("sendMessage", 400, count=2, description="Bad Request: SOMETHING_NEW")
    await harness.say(user, "/help")
    (message,) = harness.fake.bot_messages(chat)
    assert message["text"] == fallback_text("fr")
    for number in NUMBERS.values():
        assert number in message["text"]
    sos = [d for d in callback_data(message) if d.startswith("o:emergency:fr:")]
    assert sos, "the 🆘 button"
    await harness.press(user, message["message_id"], sos[0])
    assert "112" in harness.last_bot_message(chat)["text"]
    assert harness.views[-1] == ("emergency", "fr")
    stats = harness.service.stats
    assert (stats.refused, stats.plain, stats.fallback, stats.unanswered) == (2, 1, 1, 0)


async def test_when_even_the_fallback_is_refused_it_is_counted_and_the_bot_goes_on(
        harness: Harness) -> None:
    user = person(language_code="en")
    chat = harness.open_chat(user)
    harness.fake.inject("sendMessage", 400, count=4, description="Bad Request: SOMETHING_NEW")
    await harness.say(user, "/help")
    assert harness.fake.bot_messages(chat) == []
    assert harness.service.stats.unanswered == 1
    await harness.say(user, "/emergency")
    assert "112" in harness.last_bot_message(chat)["text"]


def test_the_fallback_numbers_are_those_of_the_bundled_emergency_page() -> None:
    for lang in ("nl", "en", "fr"):
        page = (CONTENT / lang / "emergency.md").read_text(encoding="utf-8")
        text = fallback_text(lang)
        for number in re.findall(r"\d[\d-]*\d", text):
            assert number in page, (lang, number)
        assert set(NUMBERS.values()) <= set(re.findall(r"\d[\d-]*\d", text))
        assert len(text) < 500
        assert lang == "en" or text != fallback_text("en"), "translated"
