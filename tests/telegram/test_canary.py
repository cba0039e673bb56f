"""The canary audit: seeded ids, names, usernames, text and the token leave no trace.

A whole conversation (every command, buttons, free text, odd updates, contact and
location, groups, forged buttons, flood control, a failing update, /forget) runs with
unique values. Afterwards none of them may appear in the captured logs (the rightsbot
loggers at DEBUG, everything else at the level production uses) or in any file written
under the test's data directory. python-telegram-bot's own per-chat and per-user stores
must be empty too.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import AsyncIterator

import pytest

from bot.channels.telegram.service import TelegramService
from bot.engine import Engine
from tests.telegram.conftest import TOKEN, Harness, make_settings, serve_app
from tests.telegram.fakebotapi import FakeBotAPI

USER_ID = 918273645
GROUP_ID = -1009182736455
FIRST_NAME = "Qwilhelmina"
LAST_NAME = "Zarkovskaya"
USERNAME = "canary_user_x7q"
LANGUAGE = "fr-CH"
PHONE = "+31687650123"
QUESTION = "canary question zebrafinch 4471 doctor"
GROUP_TITLE = "Canary neighbours 5830"
CANARIES = [str(USER_ID), str(GROUP_ID), FIRST_NAME, LAST_NAME, USERNAME, LANGUAGE, PHONE,
            QUESTION, "zebrafinch", GROUP_TITLE, TOKEN, TOKEN.split(":")[1], "52.918273"]


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
async def audited(tmp_path: Path, engine: Engine) -> AsyncIterator[tuple[Harness, Capture, Path]]:
    capture = Capture()
    root = logging.getLogger()
    levels = {name: logging.getLogger(name).level for name in ("", "bot", "api")}
    root.addHandler(capture)  # every logger's records reach it: CRITICAL from telegram.ext too
    root.setLevel(logging.INFO)  # production: RIGHTSBOT_LOG_LEVEL=INFO
    logging.getLogger("bot").setLevel(logging.DEBUG)
    logging.getLogger("api").setLevel(logging.DEBUG)
    data_dir = tmp_path / "data"
    fake = FakeBotAPI(TOKEN)
    try:
        async with serve_app(fake) as base_url:
            service = TelegramService(make_settings(base_url, data_dir), engine)
            harness = Harness(fake, service, [])
            await service.start()
            try:
                yield harness, capture, data_dir
            finally:
                await service.stop()
    finally:
        root.removeHandler(capture)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


async def test_no_canary_in_logs_or_files(audited: tuple[Harness, Capture, Path]) -> None:
    harness, capture, data_dir = audited
    fake = harness.fake
    user = {"id": USER_ID, "is_bot": False, "first_name": FIRST_NAME, "last_name": LAST_NAME,
            "username": USERNAME, "language_code": LANGUAGE}
    fake.chat(USER_ID, "private", first_name=FIRST_NAME, last_name=LAST_NAME, username=USERNAME)
    fake.chat(GROUP_ID, "supergroup", title=GROUP_TITLE)

    for command in ("/start", "/menu", "/help", "/language", "/privacy", "/emergency",
                    "/start fr_health", "/unknown"):
        await harness.say(user, command)
    await harness.say(user, QUESTION)
    menu = harness.last_bot_message(USER_ID)
    rows = menu["reply_markup"]["inline_keyboard"]
    for data in [b["callback_data"] for row in rows for b in row][:5] + ["forged", QUESTION[:60]]:
        await harness.press(user, menu["message_id"], data)
    await harness.say(user, contact={"phone_number": PHONE, "first_name": FIRST_NAME,
                                     "user_id": USER_ID})
    await harness.say(user, location={"latitude": 52.918273, "longitude": 4.8})
    await harness.say(user, sticker={"file_id": "s", "file_unique_id": "u", "width": 1,
                                     "height": 1, "is_animated": False, "is_video": False,
                                     "type": "regular"})
    update_id, _message = fake.user_message(GROUP_ID, user, QUESTION)
    await harness.settle(update_id)
    # An update the library cannot parse (a poll without its fields), then another message
    # in the same batch: python-telegram-bot logged the whole batch at CRITICAL.
    broken = fake.queue({"message": {"message_id": 9999, "date": 1, "chat": {
        "id": USER_ID, "type": "private", "first_name": FIRST_NAME, "username": USERNAME},
        "from": user, "text": QUESTION, "poll": {"id": QUESTION}}})
    await harness.say(user, QUESTION)
    await harness.settle(broken)
    fake.inject("sendMessage", 429, retry_after=1)
    await harness.say(user, "/help")
    fake.inject("sendMessage", 403, description=f"Forbidden: user {USERNAME} blocked the bot")
    await harness.say(user, QUESTION)
    fake.inject("answerCallbackQuery", 400, description=f"Bad Request: query of {FIRST_NAME}")
    await harness.press(user, menu["message_id"], "forged")
    await harness.say(user, "/forget")

    assert any("telegram update failed: Forbidden" in line for line in capture.lines)
    assert any("dropped an update the bot cannot read" in line for line in capture.lines)
    assert not harness.service.application.chat_data
    assert not harness.service.application.user_data
    leaks = [(canary, line) for line in capture.lines for canary in CANARIES if canary in line]
    assert leaks == []
    written = [p for p in data_dir.rglob("*") if p.is_file()] if data_dir.exists() else []
    for path in written:
        content = path.read_bytes().decode("utf-8", "replace")
        assert not [c for c in CANARIES if c in content], path
