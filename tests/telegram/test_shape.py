"""Webhook bodies whose fields have the wrong types are refused before the handlers."""

from __future__ import annotations

import pytest

from bot.channels.telegram.shape import well_formed

CHAT = {"id": 5, "type": "private"}
MESSAGE = {"message_id": 1, "date": 0, "chat": CHAT, "from": {"id": 5}, "text": "hi"}
QUERY = {"id": "q1", "from": {"id": 5}, "data": "o:home:en:abcdef:0", "message": MESSAGE}


@pytest.mark.parametrize("data", [
    {"update_id": 1, "message": MESSAGE},
    {"update_id": 1, "message": {k: v for k, v in MESSAGE.items() if k != "text"}},
    {"update_id": 1, "callback_query": QUERY},
    {"update_id": 1, "callback_query": {"id": "q", "from": {"id": 5}}},
    {"update_id": 1, "poll": {"anything": True}},
])
def test_updates_as_telegram_sends_them_pass(data: dict) -> None:
    assert well_formed(data)


@pytest.mark.parametrize("data", [
    [], "x", {"update_id": "1"}, {"update_id": True},
    {"update_id": 1, "message": {**MESSAGE, "chat": None}},
    {"update_id": 1, "message": {**MESSAGE, "text": []}},
    {"update_id": 1, "message": {**MESSAGE, "from": "x"}},
    {"update_id": 1, "edited_message": {**MESSAGE, "message_id": "1"}},
    {"update_id": 1, "message": {**MESSAGE, "chat": {"id": 5}}},
    {"update_id": 1, "callback_query": {**QUERY, "data": 5}},
    {"update_id": 1, "callback_query": {**QUERY, "id": 5}},
    {"update_id": 1, "callback_query": {**QUERY, "message": {"chat": CHAT}}},
])
def test_updates_with_wrong_types_are_refused(data: object) -> None:
    assert not well_formed(data)
