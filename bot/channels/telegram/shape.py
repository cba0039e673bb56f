"""Is a webhook body shaped like an Update the handlers can read?

python-telegram-bot builds objects from JSON without checking field types, so a body with
a message but no chat, or a list where the text should be, would reach its filters and our
handlers and fail there. Telegram never sends such updates; anyone else who reaches the
webhook could. Checking the few fields the handlers rely on turns that into a plain 400.
"""

from __future__ import annotations

from typing import Any

MESSAGE_KINDS = ("message", "edited_message", "channel_post", "edited_channel_post")


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _chat_ok(chat: Any) -> bool:
    return isinstance(chat, dict) and _int(chat.get("id")) and isinstance(chat.get("type"), str)


def _user_ok(user: Any) -> bool:
    return isinstance(user, dict) and _int(user.get("id"))


def _message_ok(message: Any) -> bool:
    if not (isinstance(message, dict) and _int(message.get("message_id"))
            and _int(message.get("date")) and _chat_ok(message.get("chat"))):
        return False
    if "from" in message and not _user_ok(message["from"]):
        return False
    return "text" not in message or isinstance(message["text"], str)


def _query_ok(query: Any) -> bool:
    if not (isinstance(query, dict) and isinstance(query.get("id"), str)
            and _user_ok(query.get("from"))):
        return False
    if "data" in query and not isinstance(query["data"], str):
        return False
    return "message" not in query or _message_ok(query["message"])


def well_formed(data: Any) -> bool:
    """True when ``data`` is an Update whose message or callback query fields have the
    types Telegram gives them (other update kinds are not read, so not checked)."""
    if not isinstance(data, dict) or not _int(data.get("update_id")):
        return False
    if any(kind in data and not _message_ok(data[kind]) for kind in MESSAGE_KINDS):
        return False
    return "callback_query" not in data or _query_ok(data["callback_query"])
