"""The web chat's JSON exchange: events in, rendered replies out, nothing kept."""

from __future__ import annotations

import logging

import httpx
import pytest

from api.web.chat import ChatEvent, to_event
from bot.engine import ButtonPress, ChooseLanguage, FreeText, Start


async def chat(client: httpx.AsyncClient, lang: str | None, type_: str, data: str | None = None) -> httpx.Response:
    return await client.post("/chat", json={"lang": lang, "event": {"type": type_, "data": data}})


def test_web_events_map_to_engine_events() -> None:
    assert to_event(ChatEvent(type="start", data="en_health-gp")) == Start("en_health-gp")
    assert to_event(ChatEvent(type="start")) == Start(None)
    assert to_event(ChatEvent(type="button", data="o:home:en:abcdef:0")) == ButtonPress("o:home:en:abcdef:0")
    assert to_event(ChatEvent(type="text", data="hi")) == FreeText("hi")
    assert to_event(ChatEvent(type="language", data="fr")) == ChooseLanguage("fr")
    assert to_event(ChatEvent(type="language")) == ChooseLanguage(None)


async def test_start_then_button_then_text(client: httpx.AsyncClient, engine, views) -> None:
    start = (await chat(client, "en", "start")).json()
    assert start["lang"] == "en" and start["dir"] == "ltr" and start["page_id"] == "home"
    # The page's title is the answer's heading; the text follows it.
    assert start["heading"] == engine.snapshot.text("en", "home").title and not start["lead"]
    assert start["parts"][0].startswith("<p>") and start["heading"] not in start["parts"][0]
    assert {"code": "fr", "name": "Français"} in start["languages"]
    health = next(b for row in start["buttons"] for b in row if b["action"].startswith("o:health:"))
    opened = (await chat(client, "en", "button", health["action"])).json()
    assert opened["page_id"] == "health"
    answer = (await chat(client, opened["lang"], "text", "j'ai très mal aux dents, je cherche un dentiste")).json()
    assert answer["lang"] == "fr" and answer["ui"]["leave"] == "Partir vite"
    assert answer["page_id"] == "health-dentist"
    assert views == [("home", "en"), ("health", "en"), (answer["page_id"], "fr")]


async def test_language_switch_and_rtl_ready(client: httpx.AsyncClient) -> None:
    reply = (await chat(client, "en", "language", "nl")).json()
    assert reply["lang"] == "nl" and reply["ui"]["send"] == "Stuur"
    unknown = (await chat(client, "ar", "start")).json()
    assert unknown["lang"] == "en" and unknown["dir"] == "ltr"


@pytest.mark.parametrize("body", [
    {"lang": "en"},
    {"lang": "en", "event": {"type": "hack"}},
    {"lang": "en", "event": {"type": "text", "data": "x"}, "user": 1},
    {"lang": "en", "event": {"type": "text", "data": "x" * 1001}},
    [],
])
async def test_bad_events_get_422_naming_the_field(client: httpx.AsyncClient, body) -> None:
    response = await client.post("/chat", json=body)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail and all(d["loc"][0] == "body" and d["msg"] for d in detail)
    assert "x" * 100 not in response.text  # what was sent is not echoed back


async def test_bad_json_and_huge_bodies(client: httpx.AsyncClient) -> None:
    assert (await client.post("/chat", content=b"{not json")).status_code == 422
    assert (await client.post("/chat", content=b"x" * 5000)).status_code == 413


async def test_questions_never_reach_a_log(client: httpx.AsyncClient, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "zwanger zonder papieren amsterdam"
    await chat(client, "nl", "text", secret)
    await client.post("/", data={"q": secret, "lang": "nl"})
    assert secret not in caplog.text and "zwanger" not in caplog.text


async def test_a_failing_counter_does_not_cost_the_answer(engine, caplog) -> None:
    from fastapi import FastAPI
    from api.web import build_web_router

    def broken(page: str, lang: str) -> None:
        raise RuntimeError("database down")

    app = FastAPI()
    app.include_router(build_web_router(engine, broken, bot_username=None))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        reply = await c.post("/chat", json={"lang": "en", "event": {"type": "start"}})
    assert reply.status_code == 200 and reply.json()["page_id"] == "home"
    assert "RuntimeError" in caplog.text


async def test_a_posted_question_is_not_kept_for_the_page_that_follows(engine) -> None:
    from fastapi import FastAPI
    from api.web import build_web_router
    from api.web.handoff import Handoff

    handoff = Handoff()
    app = FastAPI()
    app.include_router(build_web_router(engine, None, bot_username=None, handoff=handoff))
    secret = "zwanger zonder papieren amsterdam"
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        posted = await c.post("/", data={"q": secret, "lang": "nl"})
        assert len(handoff) == 1
        kept = repr(list(handoff._waiting.values()))
        assert "zwanger" not in kept and "papieren" not in kept  # only the reply waits
        assert "zwanger" not in posted.headers["location"]
        shown = await c.get(posted.headers["location"])
    assert shown.status_code == 200 and len(handoff) == 0
