"""End to end: the real python-telegram-bot Application against the fake Bot API."""

from __future__ import annotations

import logging

import pytest

from bot.content.render import to_plain, to_telegram_html
from bot.engine import Engine, FreeText, Help, SharedPersonalData, State, Unsupported
from bot.i18n import gettext, translations
from tests.telegram.conftest import Harness, person
from tests.telegram.telegram_html import parse_html

STICKER = {"file_id": "s1", "file_unique_id": "u1", "width": 512, "height": 512,
           "is_animated": False, "is_video": False, "type": "regular"}
PHOTO = [{"file_id": "p1", "file_unique_id": "u2", "width": 90, "height": 90}]
VOICE = {"file_id": "v1", "file_unique_id": "u3", "duration": 3}
DOCUMENT = {"file_id": "d1", "file_unique_id": "u4"}
CONTACT = {"phone_number": "+31612345678", "first_name": "Amina"}
LOCATION = {"latitude": 52.37, "longitude": 4.89}


def shown(engine: Engine, lang: str, event: object) -> str:
    """The text Telegram shows for the engine's reply (HTML entities parsed)."""
    _state, reply = engine.handle(State(lang), event)  # type: ignore[arg-type]
    return parse_html(to_telegram_html(reply.parts[-1]))


def shown_first(engine: Engine, lang: str, event: object) -> str:
    _state, reply = engine.handle(State(lang), event)  # type: ignore[arg-type]
    return parse_html(to_telegram_html(reply.parts[0]))


def buttons(message: dict) -> list[str]:
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [b["callback_data"] for row in rows for b in row]


async def test_every_command_is_answered_and_menus_set_per_language(harness: Harness) -> None:
    fake = harness.fake
    assert set(fake.commands) == {"", "nl", "en", "fr"}
    assert [c["command"] for c in fake.commands["nl"]] == [
        "start", "menu", "help", "language", "privacy", "forget", "emergency"]
    assert fake.commands["nl"][1]["description"] == gettext("nl")("All topics")
    assert harness.service.connected
    user = person(language_code="nl")
    chat = harness.open_chat(user)
    for command in ("/start", "/menu", "/help", "/language", "/privacy", "/emergency", "/forget"):
        before = len(fake.calls_to("sendMessage"))
        await harness.say(user, command)
        assert len(fake.calls_to("sendMessage")) == before + 1, command
    assert ("home", "nl") in harness.views and ("emergency", "nl") in harness.views
    polls = fake.calls_to("getUpdates")
    assert polls and all(c.params["allowed_updates"] == ["message", "edited_message", "callback_query"]
                         for c in polls)
    assert fake.errors() == []


async def test_language_choice_is_remembered_for_later_messages(harness: Harness, engine: Engine) -> None:
    user = person(language_code="en")
    chat = harness.open_chat(user)
    await harness.say(user, "/language")
    menu = harness.last_bot_message(chat)
    french = [d for d in buttons(menu) if d.startswith("l::fr:")]
    assert french
    await harness.press(user, menu["message_id"], french[0])
    assert harness.last_bot_message(chat)["message_id"] == menu["message_id"]  # edited in place
    await harness.say(user, "/help")
    assert harness.last_bot_message(chat)["text"] == shown(engine, "fr", Help())
    assert harness.service.memory.language(chat) == "fr"


@pytest.mark.parametrize("payload, page, lang", [
    ("fr_health", "health", "fr"), ("health", "health", "nl"), ("nonsense-page", "home", "nl"),
    ("xx_health", "home", "nl"),
])
async def test_deep_links(harness: Harness, payload: str, page: str, lang: str) -> None:
    user = person(language_code="nl")
    harness.open_chat(user)
    await harness.say(user, f"/start {payload}")
    assert harness.views[-1] == (page, lang)


async def test_free_text_goes_to_search(harness: Harness, engine: Engine) -> None:
    user = person(language_code="en")
    chat = harness.open_chat(user)
    await harness.say(user, "my tooth hurts so much i need a dentist")
    _state, reply = engine.handle(State("en"), FreeText(
        "my tooth hurts so much i need a dentist"))
    assert reply.page_id and harness.views[-1] == (reply.page_id, reply.lang)
    assert harness.last_bot_message(chat)["text"] == parse_html(to_telegram_html(reply.parts[0]))


async def test_odd_updates_get_a_kind_reply_and_nothing_is_kept(harness: Harness, engine: Engine) -> None:
    user = person(language_code="fr")
    chat = harness.open_chat(user)
    unsupported = engine.handle(State("fr"), Unsupported())[1]
    personal = engine.handle(State("fr"), SharedPersonalData())[1]
    for extra in ({"sticker": STICKER}, {"photo": PHOTO}, {"voice": VOICE}, {"document": DOCUMENT}):
        await harness.say(user, **extra)
        assert harness.last_bot_message(chat)["text"] == parse_html(to_telegram_html(unsupported.parts[0]))
    for extra in ({"contact": CONTACT}, {"location": LOCATION}):
        await harness.say(user, **extra)
        assert harness.last_bot_message(chat)["text"] == parse_html(to_telegram_html(personal.parts[0]))
    sent = len(harness.fake.calls_to("sendMessage"))
    await harness.say(user, write_access_allowed={})  # a service message: nothing to answer
    assert len(harness.fake.calls_to("sendMessage")) == sent
    # Channel posts are not among the allowed updates: never delivered.
    post = harness.fake.queue({"channel_post": {"message_id": 1, "date": 0, "text": "hi",
                                                "chat": {"id": -1009, "type": "channel"}}})
    await harness.say(user, "/menu")
    assert not harness.handled(post)
    assert harness.fake.errors() == []


async def test_an_edited_question_is_answered_as_edited(harness: Harness, engine: Engine) -> None:
    user = person(language_code="en")
    chat = harness.open_chat(user)
    asked = await harness.say(user, "hello")
    update_id = harness.fake.edited_message(chat, asked["message_id"], "I want to kill myself")
    await harness.settle(update_id)
    first = harness.fake.bot_messages(chat)[1]
    assert first["text"] == shown_first(engine, "en", FreeText("I want to kill myself"))
    assert harness.views[-1] == ("emergency", "en")


async def test_a_question_typed_under_a_photo_is_answered(harness: Harness, engine: Engine) -> None:
    user = person(language_code="en")
    chat = harness.open_chat(user)
    await harness.say(user, photo=PHOTO, caption="I want to kill myself")
    assert harness.fake.bot_messages(chat)[0]["text"] == shown_first(
        engine, "en", FreeText("I want to kill myself"))


@pytest.mark.parametrize("kind", [
    {"checklist": {"title": "Papers", "tasks": [{"id": 1, "text": "passport"}]}},
    {"live_photo": {"file_id": "v", "file_unique_id": "w", "width": 1, "height": 1,
                    "duration": 1, "photo": PHOTO}},
    {"some_kind_from_a_later_bot_api": {"x": 1}},
    {"live_photo": {"photo": PHOTO}},  # fields the library cannot read: still answered
])
async def test_every_kind_of_message_gets_a_reply(harness: Harness, engine: Engine, kind: dict) -> None:
    user = person(language_code="fr")
    chat = harness.open_chat(user)
    await harness.say(user, **kind)
    unsupported = engine.handle(State("fr"), Unsupported())[1]
    assert harness.last_bot_message(chat)["text"] == parse_html(to_telegram_html(unsupported.parts[0]))
    assert harness.fake.errors() == []


async def test_group_and_supergroup_chats_get_no_answer(harness: Harness) -> None:
    user = person()
    for chat_id, kind in ((-4001, "group"), (-1004002, "supergroup")):
        harness.fake.chat(chat_id, kind, title="Neighbours")
        for text in ("/start", "/help", "doctor", "/forget"):
            update_id, _message = harness.fake.user_message(chat_id, user, text)
            await harness.settle(update_id)
        update_id, query_id = harness.fake.press(chat_id, user, 999, "o:home:en:000000:0")
        await harness.settle(update_id)
        assert query_id in harness.fake.answered
    touched = [c for c in harness.fake.calls if str(c.params.get("chat_id", "")).startswith("-")]
    assert touched == []


@pytest.mark.parametrize("data", [
    "forged", "o:../../etc:en:abcdef:0", "o:home:xx:abcdef:0", "o:no-such-page:en:abcdef:0",
    "o:health:en:000000:0", "l::de:abcdef:0", "\u00e9" * 30,
])
async def test_forged_and_stale_buttons_are_answered_with_a_way_back(harness: Harness, data: str) -> None:
    user = person()
    chat = harness.open_chat(user)
    await harness.say(user, "/start")
    menu = harness.last_bot_message(chat)
    query_id = await harness.press(user, menu["message_id"], data)
    assert query_id in harness.fake.answered
    assert harness.fake.open_queries == set()
    after = harness.last_bot_message(chat)
    assert after["message_id"] == menu["message_id"] and buttons(after)
    assert harness.fake.errors() == []


async def test_button_on_a_message_telegram_no_longer_has_sends_a_new_one(harness: Harness) -> None:
    user = person()
    chat = harness.open_chat(user)
    await harness.say(user, "/start")
    data = buttons(harness.last_bot_message(chat))[0]
    query_id = await harness.press(user, 9999, data)
    assert query_id in harness.fake.answered
    assert len(harness.fake.bot_messages(chat)) == 2


async def test_forget_deletes_known_messages_and_drops_the_memory(harness: Harness) -> None:
    user = person(language_code="en")
    chat = harness.open_chat(user)
    await harness.say(user, "/start fr_health")
    page = harness.last_bot_message(chat)
    await harness.press(user, page["message_id"], buttons(page)[0])
    await harness.say(user, "médecin")
    assert harness.service.memory.language(chat) == "fr"
    known = set(harness.fake.chats[chat].messages)
    await harness.say(user, "/forget")
    assert harness.fake.calls_to("deleteMessage") == []  # one deleteMessages call, not one per id
    (call,) = harness.fake.calls_to("deleteMessages")
    deleted = set(call.params["message_ids"])
    assert deleted == known | {max(known) + 1}  # every message, the /forget itself included
    remaining = list(harness.fake.chats[chat].messages.values())
    assert len(remaining) == 1
    plural = "Done. I deleted {count} messages and forgot your language choice."
    expected = translations("fr").ngettext(plural.replace("messages", "message"), plural,
                                           len(deleted)).format(count=len(deleted))
    assert remaining[0]["text"].startswith(expected)
    assert harness.service.memory.language(chat) is None and len(harness.service.memory) == 0
    # The bot's answer to /forget is not remembered: a second /forget deletes only itself.
    await harness.say(user, "/forget")
    assert len(harness.fake.chats[chat].messages) == 2
    assert harness.fake.errors() == []


@pytest.mark.parametrize("method", ["sendMessage", "editMessageText", "answerCallbackQuery"])
async def test_flood_control_is_waited_out_and_nothing_is_lost_or_doubled(harness: Harness, method: str) -> None:
    user = person()
    chat = harness.open_chat(user)
    await harness.say(user, "/start")
    menu = harness.last_bot_message(chat)
    harness.fake.inject(method, 429, retry_after=1)
    if method == "sendMessage":
        await harness.say(user, "/help")
    else:
        query_id = await harness.press(user, menu["message_id"], buttons(menu)[0])
        assert query_id in harness.fake.answered
    calls = harness.fake.calls_to(method)
    assert [c.injected for c in calls if not c.ok] == [True]
    assert harness.fake.errors() == []
    assert len(harness.fake.bot_messages(chat)) == (2 if method == "sendMessage" else 1)
    assert len(harness.fake.answered) == len(set(harness.fake.answered))


async def test_network_fault_is_retried_once_without_duplicates(harness: Harness) -> None:
    user = person()
    chat = harness.open_chat(user)
    harness.fake.inject("sendMessage", 502)
    await harness.say(user, "/start")
    assert len(harness.fake.bot_messages(chat)) == 1


@pytest.mark.parametrize("method", ["sendMessage", "editMessageText"])
async def test_refused_html_falls_back_to_plain_text(harness: Harness, engine: Engine, method: str) -> None:
    user = person()
    chat = harness.open_chat(user)
    await harness.say(user, "/start")
    menu = harness.last_bot_message(chat)
    harness.fake.inject(method, 400, description="Bad Request: can't parse entities: Unsupported start tag")
    if method == "sendMessage":
        await harness.say(user, "/help")
    else:
        await harness.press(user, menu["message_id"], buttons(menu)[0])
    last = harness.fake.calls_to(method)[-1]
    assert last.ok and "parse_mode" not in last.params
    stats = harness.service.stats
    assert (stats.refused, stats.edits_refused) == ((1, 0) if method == "sendMessage" else (0, 1))
    assert buttons(harness.last_bot_message(chat))
    if method == "sendMessage":
        _state, reply = engine.handle(State("en"), Help())
        assert last.params["text"] == to_plain(reply.parts[0])


async def test_a_failing_update_is_logged_by_class_only_and_the_bot_keeps_running(
        harness: Harness, caplog: pytest.LogCaptureFixture) -> None:
    user = person()
    chat = harness.open_chat(user)
    harness.fake.inject("sendMessage", 403, description="Forbidden: bot was blocked by the user")
    with caplog.at_level(logging.DEBUG, logger="bot"):
        await harness.say(user, "/start")
    failures = [r.getMessage() for r in caplog.records if r.name.startswith("bot.channels")]
    assert failures == ["telegram update failed: Forbidden"]  # no page: with the time, it says
    # what someone was reading
    await harness.say(user, "/menu")
    assert len(harness.fake.bot_messages(chat)) == 1


async def test_a_reply_in_several_parts_is_several_messages_with_buttons_on_the_last(
        harness: Harness, engine: Engine) -> None:
    user = person(language_code="en")
    chat = harness.open_chat(user)
    await harness.say(user, "my husband hits me")
    _state, reply = engine.handle(State("en"), FreeText("my husband hits me"))
    assert len(reply.parts) == 2
    first, second = harness.fake.bot_messages(chat)
    assert first["text"] == parse_html(to_telegram_html(reply.parts[0]))
    assert "reply_markup" not in first and buttons(second)
    assert harness.views[-1] == ("emergency", "en")


@pytest.mark.parametrize("lang", ["nl", "en", "fr"])
async def test_phone_numbers_reach_telegram_as_text_and_sos_comes_first(
        harness: Harness, lang: str) -> None:
    """What is really sent: numbers as plain text that Telegram links by itself (the Bot
    API allows no tel: links), and 🆘 as the first button of the main menu."""
    user = person(language_code=lang)
    chat = harness.open_chat(user)
    await harness.say(user, "/start")
    menu = harness.last_bot_message(chat)
    first = menu["reply_markup"]["inline_keyboard"][0]
    assert len(first) == 1 and first[0]["text"].startswith("🆘")
    assert first[0]["callback_data"].startswith(f"o:emergency:{lang}:")
    await harness.press(user, menu["message_id"], first[0]["callback_data"])
    sent_html, shown = [], []
    while True:  # every screen of the emergency page, pressing "Next" while there is one
        sent = harness.fake.calls_to("editMessageText")[-1].params
        assert sent["parse_mode"] == "HTML"
        sent_html.append(sent["text"])
        message = harness.last_bot_message(chat)
        shown.append(message["text"])
        data = [b["callback_data"] for row in message["reply_markup"]["inline_keyboard"]
                for b in row if b["text"].endswith("›")]
        if not data:
            break
        await harness.press(user, menu["message_id"], data[0])
    assert not any('href="tel:' in html for html in sent_html)
    assert any('<a href="https:' in html for html in sent_html)  # the web links stay links
    for number in ("112", "113", "0800-0113", "0900-8844", "0800-2000"):
        assert number in "\n".join(shown), number
    assert harness.fake.errors() == []
