"""Telegram messages -> engine events, and replies -> messages with buttons on the last."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from telegram import (
    Chat, Checklist, ChecklistTask, Contact, Location, Message, PhotoSize, Sticker, User, Voice,
    WriteAccessAllowed,
)

from bot.channels.telegram.adapter import Forget, command_of, event_for_message, outgoing
from bot.content.markup import Paragraph, Text
from bot.engine import (
    Button, ChooseLanguage, Emergency, FreeText, Help, Home, Privacy, Reply, SharedPersonalData,
    Start, Unsupported,
)

CHAT = Chat(1, Chat.PRIVATE)
USER = User(1, "A", False)


def message(**fields: object) -> Message:
    return Message(1, datetime.now(timezone.utc), CHAT, from_user=USER, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("text, event", [
    ("/start", Start(None)), ("/start fr_health", Start("fr_health")),
    ("/start@rights_bot health", Start("health")), ("/menu", Home()), ("/help", Help()),
    ("/language", ChooseLanguage()), ("/privacy", Privacy()), ("/emergency", Emergency()),
    ("/forget", Forget()), ("/MENU", Home()), ("/nonsense", Help()),
    ("where can I see a doctor", FreeText("where can I see a doctor")),
])
def test_text_and_commands(text: str, event: object) -> None:
    assert event_for_message(message(text=text)) == event


def test_unreadable_and_personal_content() -> None:
    sticker = Sticker("f", "u", 1, 1, False, False, Sticker.REGULAR)
    assert event_for_message(message(sticker=sticker)) == Unsupported("sticker")
    assert event_for_message(message(photo=(PhotoSize("f", "u", 1, 1),))) == Unsupported("photo")
    assert event_for_message(message(voice=Voice("f", "u", 2))) == Unsupported("voice")
    assert event_for_message(message(contact=Contact("+31600000000", "A"))) == SharedPersonalData()
    assert event_for_message(message(location=Location(4.9, 52.3))) == SharedPersonalData()



def test_a_caption_is_read_as_the_question() -> None:
    photo = (PhotoSize("f", "u", 1, 1),)
    assert event_for_message(message(photo=photo, caption="doctor without insurance")) == \
        FreeText("doctor without insurance")
    assert event_for_message(message(photo=photo, caption="/emergency")) == Emergency()
    assert event_for_message(message(photo=photo, caption="")) == Unsupported("photo")


def test_every_kind_a_person_sends_gets_a_reply_and_service_messages_none() -> None:
    checklist = Checklist("Shopping", (ChecklistTask(1, "milk"),))
    assert event_for_message(message(checklist=checklist)) == Unsupported("checklist")
    # A kind python-telegram-bot does not know yet arrives in api_kwargs only.
    live = message(api_kwargs={"live_photo": {"photo": [{"file_id": "f"}]}})
    assert event_for_message(live) == Unsupported("other")
    assert event_for_message(message()) == Unsupported("other")
    assert event_for_message(message(pinned_message=message(text="x"))) is None
    assert event_for_message(message(write_access_allowed=WriteAccessAllowed())) is None
    assert event_for_message(message(new_chat_title="Neighbours")) is None


def test_command_of() -> None:
    assert command_of("hello /start") is None
    assert command_of("/start   ") == ("start", None)


def doc(text: str) -> tuple:
    return (Paragraph((Text(text),)),)


def test_several_parts_become_several_messages_with_the_buttons_on_the_last() -> None:
    reply = Reply((doc("one <b>"), doc("two & three")),
                  ((Button("Menu", "o:home:en:abcdef:0"),), (Button("x", "y" * 65),)), "en")
    first, second = outgoing(reply)
    assert first.markup is None and first.html == "one &lt;b&gt;" and first.plain == "one <b>"
    assert second.html == "two &amp; three"
    rows = second.markup.inline_keyboard
    assert [[b.callback_data for b in row] for row in rows] == [["o:home:en:abcdef:0"]]


def test_a_reply_without_buttons_has_no_keyboard() -> None:
    (only,) = outgoing(Reply((doc("hello"),), (), "en"))
    assert only.markup is None
