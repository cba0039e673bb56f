"""The chat without JavaScript: every answer and button is in the server's HTML."""

from __future__ import annotations

import re
from html import unescape

import httpx

from bot.engine.actions import decode

BUTTON = re.compile(r'<button type="submit" name="a" value="([^"]+)"[^>]*>(.*?)</button>')
TAG = re.compile(r"<[^>]+>")


def buttons(html: str) -> list[tuple[str, str]]:
    """Every posting button: its action and its label as shown (symbols included)."""
    return [(unescape(a), unescape(TAG.sub("", label))) for a, label in BUTTON.findall(html)]


async def follow(client: httpx.AsyncClient, response: httpx.Response) -> httpx.Response:
    """A posted form is answered by a 303 to the page that shows the answer once."""
    assert response.status_code == 303, response.text
    assert "no-store" in response.headers["cache-control"]
    return await client.get(response.headers["location"])


async def test_home_page_is_complete_html_with_posting_buttons(client: httpx.AsyncClient) -> None:
    response = await client.get("/", headers={"Accept-Language": "nl-NL,nl;q=0.9"})
    assert response.status_code == 200
    html = response.text
    assert '<html lang="nl" dir="ltr">' in html
    assert '<form class="buttons" method="post" action="/">' in html
    found = buttons(html)
    assert len(found) >= 5
    assert all(decode(action) is not None for action, _ in found)
    assert 'id="leave"' in html and 'href="https://www.example.org/"' in html
    assert "Snel weg" in html and "cookies" in html
    assert '<form id="ask" class="ask" method="post" action="/"' in html
    assert "<script>" not in html and "style=" not in html  # nothing inline: the CSP forbids it


async def test_pressing_a_button_by_form_opens_that_page(client: httpx.AsyncClient, engine, views) -> None:
    home = (await client.get("/?lang=en")).text
    action, label = next((a, l) for a, l in buttons(home) if decode(a).op == "o")
    page_id = decode(action).page
    response = await follow(client, await client.post("/", data={"a": action}))
    assert response.status_code == 200
    title = engine.snapshot.text("en", page_id).title
    assert f'<h2 tabindex="-1">{title}' in unescape(response.text)  # (1/2) when in screens
    assert (page_id, "en") in views
    same = await client.get("/", params={"a": action})
    assert f'<h2 tabindex="-1">{title}' in unescape(same.text)


async def test_a_posted_question_is_answered_after_a_redirect_that_names_nothing(
    client: httpx.AsyncClient, engine, views
) -> None:
    posted = await client.post("/", data={"q": "huisarts zonder verzekering", "lang": "nl"})
    assert posted.status_code == 303
    location = posted.headers["location"]
    assert location.startswith("/?lang=nl&r=") and "huisarts" not in location
    assert "huisarts" not in posted.text
    response = await client.get(location)
    assert response.status_code == 200 and "no-store" in response.headers["cache-control"]
    assert "huisarts zonder verzekering" not in response.text  # the question is not kept
    assert '<html lang="nl"' in response.text
    page_id, lang = views[-1]
    assert lang == "nl" and page_id.startswith("health")
    assert engine.snapshot.text("nl", page_id).title in unescape(response.text)
    # Shown once: Reload (or Back after leaving) gets the start page, not the answer.
    again = await client.get(location)
    assert again.status_code == 200
    assert engine.snapshot.text("nl", page_id).title not in unescape(again.text)
    assert engine.snapshot.text("nl", "home").title in unescape(again.text)
    assert len(views) == 2  # the start page was counted, the answer not twice


async def test_head_does_not_use_up_an_answer(client: httpx.AsyncClient, engine) -> None:
    posted = await client.post("/", data={"a": "o:emergency:en:" + engine.snapshot.short_version + ":0"})
    location = posted.headers["location"]
    assert (await client.head(location)).status_code == 200
    shown = await client.get(location)
    assert engine.snapshot.text("en", "emergency").title in unescape(shown.text)


async def test_language_choice_by_form_switches_the_whole_page(client: httpx.AsyncClient) -> None:
    response = await follow(client, await client.post("/", data={"lang": "fr"}))
    assert '<html lang="fr" dir="ltr">' in response.text
    assert "Partir vite" in response.text and "Écrivez votre question" in response.text
    assert "<title>Questions et réponses</title>" in response.text


async def test_typed_html_is_escaped(client: httpx.AsyncClient) -> None:
    posted = await client.post("/", data={"q": "<script>alert(1)</script>", "lang": "en"})
    response = await follow(client, posted)
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.text and "alert(1)" not in posted.headers["location"]


async def test_forged_and_oversized_input_gets_a_clear_answer(client: httpx.AsyncClient) -> None:
    forged = await follow(client, await client.post("/", data={"a": "o:../../etc:en:zzzzzz:0"}))
    assert forged.status_code == 200 and "did not work" in forged.text
    huge = await client.post("/", data={"q": "x" * 10_000})
    assert huge.status_code == 413
    unknown = await client.get("/", params={"r": "not-a-token" * 10})
    assert unknown.status_code == 200 and "<h2" in unknown.text


async def test_deep_link_start_payload_opens_the_page(client: httpx.AsyncClient, views) -> None:
    response = await client.get("/", params={"start": "fr_health-gp"})
    assert '<html lang="fr"' in response.text
    assert views == [("health-gp", "fr")]


async def test_security_headers_and_no_caching(client: httpx.AsyncClient) -> None:
    for path in ("/", "/n", "/editor"):
        response = await client.get(path)
        assert response.status_code == 200, path
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp and "http" not in csp
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "no-store" in response.headers["cache-control"]
        assert "set-cookie" not in response.headers
    chat = await client.post("/chat", json={"lang": "en", "event": {"type": "start"}})
    assert "no-store" in chat.headers["cache-control"]


async def test_pages_reference_only_their_own_assets(client: httpx.AsyncClient) -> None:
    for path in ("/", "/n", "/editor"):
        html = (await client.get(path)).text
        refs = re.findall(r'src="([^"]+)"', html) + re.findall(r'<link [^>]*href="([^"]+)"', html)
        assert len(refs) >= 2
        for ref in refs:
            assert ref.startswith("/"), (path, ref)
            if ref.startswith("/web/static/"):
                asset = await client.get(ref)
                assert asset.status_code == 200, ref
    missing = await client.get("/web/static/../router.py")
    assert missing.status_code == 404


async def test_neutral_page_says_nothing_about_the_service(client: httpx.AsyncClient) -> None:
    response = await client.get("/n")
    text = response.text.lower()
    for word in ("right", "help", "rechten", "droits", "leave", "chat"):
        assert word not in text


def test_right_to_left_languages_turn_the_page() -> None:
    from api.web.pages import chat_page
    from bot.content.markup import Paragraph, Text
    from bot.engine import Reply

    reply = Reply(((Paragraph((Text("مرحبا"),)),),), (), "ar")
    html = chat_page(reply, ("ar", "en"))
    assert '<html lang="ar" dir="rtl">' in html
    assert '<li class="bot" lang="ar" dir="rtl">' in html
    assert '<h2 tabindex="-1" class="lead">مرحبا</h2>' in html
    assert ">العربية</button>" in html


async def test_head_requests_are_answered(client: httpx.AsyncClient) -> None:
    for path in ("/", "/editor"):
        response = await client.head(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")


async def test_a_question_in_the_url_is_not_answered(client: httpx.AsyncClient, views) -> None:
    response = await client.get("/", params={"q": "ik heb geen verzekering, huisarts"})
    assert response.status_code == 303 and response.headers["location"] == "/"
    assert "verzekering" not in response.text and views == []  # nothing searched, nothing counted
    assert "no-store" in response.headers["cache-control"]
    for params in ({"q": "x", "lang": "en"}, {"start": "en_health-gp", "q": "x"}, {"foo": "bar"}):
        assert (await client.get("/", params=params)).status_code == 303


async def test_leave_quickly_goes_to_the_configured_outside_site(engine) -> None:
    from fastapi import FastAPI
    from api.web import build_web_router
    app = FastAPI()
    app.include_router(build_web_router(engine, None, bot_username="x_bot", leave_url="https://www.weather.com/"))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        html = (await client.get("/")).text
    assert '<a id="leave" class="leave" href="https://www.weather.com/" rel="noreferrer">' in html


def test_the_leave_url_setting_must_be_a_plain_https_site(monkeypatch) -> None:
    import pytest
    from pydantic import ValidationError
    from api.config import ApiSettings
    assert ApiSettings().leave_url.startswith("https://")
    monkeypatch.setenv("RIGHTSBOT_LEAVE_URL", "https://www.nos.nl/")
    assert ApiSettings().leave_url == "https://www.nos.nl/"
    for bad in ("javascript:alert(1)", "http://www.nos.nl/", "/n"):
        monkeypatch.setenv("RIGHTSBOT_LEAVE_URL", bad)
        with pytest.raises(ValidationError):
            ApiSettings()


async def test_the_page_is_built_for_screen_readers(client: httpx.AsyncClient, engine) -> None:
    html = (await client.get("/", params={"lang": "nl"})).text
    home = engine.snapshot.text("nl", "home").title
    assert '<h1 class="visually-hidden">Je rechten en waar je hulp vindt</h1>' in html
    assert "<title>Vragen en antwoorden</title>" in html  # what history keeps: neutral
    assert '<ol id="conversation" class="conversation"' in html and 'data-you="Jij:"' in html
    assert ('<li class="bot" lang="nl" dir="ltr"><span class="visually-hidden">rightsbot: </span>'
            f'<h2 tabindex="-1">{home}</h2>') in unescape(html)
    assert '<span aria-hidden="true">🆘</span> Noodnummers</button>' in html
    assert '<span aria-hidden="true">\U0001F310</span> <span class="label">Taal</span>' in html
    assert '<label id="ask-label" for="q">Typ je vraag</label>' in html
    assert 'aria-labelledby="ask-label"' in html and "placeholder" not in html
    assert "aria-live" not in html  # focus moves to each new answer instead
    for code in ("nl", "en", "fr"):
        assert f'name="lang" value="{code}" lang="{code}"' in html
