"""Bot API edge cases: the same button twice, replayed updates, updates the library cannot
parse. The real Application against the fake Bot API, in polling and webhook mode."""

from __future__ import annotations

import asyncio
import json
import time

from telegram import Update

from tests.telegram.conftest import Harness, person
from tests.telegram.test_service import hooked, post  # noqa: F401  (the webhook fixture)

GUARD_SECONDS = 20.0  # a guard against a hang; nothing here measures time


async def until(condition, what: str) -> None:  # noqa: ANN001
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.02)

    try:
        await asyncio.wait_for(poll(), GUARD_SECONDS)
    except TimeoutError:
        raise AssertionError(f"never happened: {what}") from None


def callback_data(message: dict) -> list[str]:
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [b["callback_data"] for row in rows for b in row]


async def test_the_same_button_twice_sends_no_edit_that_changes_nothing(harness: Harness) -> None:
    user = person(language_code="nl")
    chat = harness.open_chat(user)
    await harness.say(user, "/start")
    menu = harness.last_bot_message(chat)
    health = callback_data(menu)[0]
    await harness.press(user, menu["message_id"], health)
    edits = len(harness.fake.calls_to("editMessageText"))
    query = await harness.press(user, menu["message_id"], health)  # pressed again: same screen
    assert query in harness.fake.answered
    assert len(harness.fake.calls_to("editMessageText")) == edits
    assert harness.fake.errors() == []  # no "message is not modified"
    assert harness.service.stats.unchanged == 1
    # A different button still edits.
    await harness.press(user, menu["message_id"], callback_data(harness.last_bot_message(chat))[0])
    assert len(harness.fake.calls_to("editMessageText")) == edits + 1


async def test_a_replayed_update_is_answered_once_in_polling(harness: Harness) -> None:
    user = person()
    chat = harness.open_chat(user)
    update_id, _message = harness.fake.user_message(chat, user, "/help")
    await harness.settle(update_id)
    raw = {"update_id": update_id, "message": harness.fake.chats[chat].messages[1]}
    bot = harness.service.application.bot
    await harness.service.application.update_queue.put(Update.de_json(raw, bot))
    await until(lambda: harness.service.stats.dropped_updates == 1, "the replay was dropped")
    await harness.say(user, "/menu")
    assert len(harness.fake.bot_messages(chat)) == 2  # /help once, /menu once


async def test_a_replayed_webhook_update_is_answered_once(hooked) -> None:  # noqa: F811
    harness, client = hooked
    user = person()
    chat = harness.open_chat(user)
    update_id, _message = harness.fake.user_message(chat, user, "/help")
    body = json.dumps(harness.fake.take_update())
    assert await post(client, body) == 200
    await harness.settle(update_id)
    assert await post(client, body) == 200  # acknowledged, so Telegram stops resending it
    await until(lambda: harness.service.stats.dropped_updates == 1, "the replay was dropped")
    assert len(harness.fake.bot_messages(chat)) == 1


async def test_an_update_the_library_cannot_parse_does_not_stop_polling(harness: Harness) -> None:
    first, second = person(language_code="en"), person(language_code="fr")
    harness.open_chat(first)
    harness.open_chat(second)
    # A poll without its required fields: python-telegram-bot cannot build the update.
    broken = harness.fake.queue({"message": {
        "message_id": 1, "date": int(time.time()), "chat": harness.fake.chats[first["id"]].info,
        "from": first, "poll": {"id": "p1"}}})
    update_id, _message = harness.fake.user_message(second["id"], second, "/start")
    await harness.settle(update_id)
    assert harness.fake.bot_messages(second["id"]), "the next person is answered"
    await harness.settle(broken)
    # The sender of the unreadable message gets the "I can only read text" reply.
    assert len(harness.fake.bot_messages(first["id"])) == 1
    assert harness.service.stats.dropped_updates == 1
    assert len(harness.fake.calls_to("getUpdates")) < 20  # not fetched again and again


async def test_forget_deletes_in_batches_of_at_most_100(harness: Harness) -> None:
    user = person()
    chat = harness.open_chat(user)
    await harness.say(user, "/start")
    for message_id in range(1000, 1150):  # messages of this chat the memory still knows
        harness.service.memory.add_message(chat, message_id)
    await harness.say(user, "/forget")
    batches = [c.params["message_ids"] for c in harness.fake.calls_to("deleteMessages")]
    assert [len(b) for b in batches] == [100, 53]  # 150 + /start, its answer, and /forget
    assert harness.fake.calls_to("deleteMessage") == []
    assert harness.fake.errors() == []
