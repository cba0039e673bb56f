"""The fake Bot API refuses what Telegram refuses, so the bot's tests can fail for real."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.telegram.conftest import TOKEN, serve_app
from tests.telegram.fakebotapi import FakeBotAPI
from tests.telegram.telegram_html import EntityError, parse_html


@pytest.mark.parametrize("bad", [
    "<script>x</script>", "<b>open", "<b><i>x</b></i>", "a < b", "</b>", "<span>x</span>",
    "<a>no href</a>", "<b",
])
def test_html_that_telegram_refuses(bad: str) -> None:
    with pytest.raises(EntityError):
        parse_html(bad)


def test_html_that_telegram_accepts() -> None:
    assert parse_html('<b>a</b> &lt;i&gt; &amp; <a href="https://x.nl/?a=1&amp;b=2">l</a> &#65; AT&T') == \
        "a <i> & l A AT&T"


async def test_requests_are_parsed_and_refused_like_telegram() -> None:
    fake = FakeBotAPI(TOKEN)
    fake.chat(10, "private", first_name="A")
    async with serve_app(fake) as base_url, httpx.AsyncClient(base_url=f"{base_url}/bot{TOKEN}/") as client:
        async def call(method: str, **params: object) -> dict:
            form = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
            return (await client.post(method, data=form)).json()

        sent = await call("sendMessage", chat_id=10, text="<b>hi</b>", parse_mode="HTML")
        assert sent["ok"] and sent["result"]["text"] == "hi"
        as_json = (await client.post("sendMessage", json={"chat_id": 10, "text": "plain"})).json()
        assert as_json["ok"]
        refusals = {
            "can't parse entities": await call("sendMessage", chat_id=10, text="<x>", parse_mode="HTML"),
            "message is too long": await call("sendMessage", chat_id=10, text="é" * 4097),
            "BUTTON_DATA_INVALID": await call("sendMessage", chat_id=10, text="b", reply_markup={
                "inline_keyboard": [[{"text": "b", "callback_data": "x" * 65}]]}),
            "message to edit not found": await call("editMessageText", chat_id=10, message_id=99, text="e"),
            "message is not modified": await call("editMessageText", chat_id=10,
                                                  message_id=sent["result"]["message_id"],
                                                  text="<b>hi</b>", parse_mode="HTML"),
            "query is too old": await call("answerCallbackQuery", callback_query_id="q77"),
            "chat not found": await call("sendMessage", chat_id=11, text="x"),
            "message text is empty": await call("sendMessage", chat_id=10, text=" "),
        }
        for description, answer in refusals.items():
            assert not answer["ok"] and answer["error_code"] == 400
            assert description in answer["description"]
        long_ok = await call("sendMessage", chat_id=10, text="<b>" + "a" * 4096 + "</b>", parse_mode="HTML")
        assert long_ok["ok"]  # the limit counts text after entity parsing
        fake.inject("getMe", 429, retry_after=3)
        limited = (await client.post("getMe")).json()
        assert limited["error_code"] == 429 and limited["parameters"]["retry_after"] == 3
        assert (await client.post("getMe")).json()["ok"]
        assert (await client.post(f"{base_url}/botWRONG/getMe")).status_code == 401
    assert len(fake.errors()) == len(refusals)
