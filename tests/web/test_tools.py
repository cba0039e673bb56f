"""The editor's helpers: the live preview with the real rules, translation status, deep
links and QR codes."""

from __future__ import annotations

import io

import httpx
import segno

from tests.web.conftest import BOT_USERNAME


async def preview(client: httpx.AsyncClient, **fields: object) -> httpx.Response:
    body = {"page_id": "health-gp", "lang": "en", "title": "The GP", "text": "Hello.",
            "sources": [{"title": "Basic Rights", "url": "https://www.basicrights.nl/"}], **fields}
    return await client.post("/api/v1/preview", json=body)


async def test_preview_renders_like_the_bot(client: httpx.AsyncClient, engine) -> None:
    response = await preview(client, text="You may see a **GP**.\n\n- one\n- [two](https://example.org)")
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True and body["problems"] == []
    first = body["telegram_html"][0]
    assert first.startswith("<b>The GP</b>\n\nYou may see a <b>GP</b>.")
    assert '• one\n• <a href="https://example.org">two</a>' in first
    assert "Sources:" in body["telegram_html"][-1]
    assert engine.snapshot.text("en", "health-gp").title != "The GP"  # nothing was saved


async def test_preview_names_every_problem_with_its_field(client: httpx.AsyncClient) -> None:
    response = await preview(client, title="", text="# Heading\n\nSee [x](http://10.0.0.1/).",
                             sources=[{"title": "x", "url": "ftp://x"}], search_phrases=[" "])
    body = response.json()
    assert response.status_code == 200 and body["ok"] is False
    fields = {(p["field"], p["line"]) for p in body["problems"]}
    assert {("title", None), ("sources", None), ("search_phrases", None), ("text", 1), ("text", 3)} <= fields
    assert "http://10.0.0.1" not in "".join(body["telegram_html"])  # refused links are not shown as links


async def test_preview_of_a_translation_that_does_not_exist_yet(client: httpx.AsyncClient) -> None:
    response = await preview(client, page_id="brand-new-page", parent_id="health")
    assert response.status_code == 200 and response.json()["ok"] is True


async def test_preview_refuses_bad_input_with_4xx(client: httpx.AsyncClient) -> None:
    assert (await preview(client, lang="xx")).status_code == 422
    assert (await preview(client, page_id="Bad Id")).status_code == 422
    assert (await preview(client, status="published")).status_code == 422
    assert (await client.post("/api/v1/preview", content=b"[")).status_code == 422


async def test_translation_status(client: httpx.AsyncClient, engine) -> None:
    body = (await client.get("/api/v1/translations")).json()
    assert body["languages"] == list(engine.snapshot.languages)
    ids = [p["id"] for p in body["pages"]]
    assert ids == list(engine.snapshot.nodes)
    gp = next(p for p in body["pages"] if p["id"] == "health-gp")
    assert set(gp["texts"]) == {"nl", "en", "fr"}
    assert gp["texts"]["en"]["stale"] is False


async def test_deep_link_and_qr_code(client: httpx.AsyncClient) -> None:
    links = (await client.get("/api/v1/links/health-gp", params={"lang": "fr"})).json()
    url = f"https://t.me/{BOT_USERNAME}?start=fr_health-gp"
    assert links["deep_link"] == url
    qr = await client.get(links["qr_svg"])
    assert qr.status_code == 200 and qr.headers["content-type"] == "image/svg+xml"
    expected = io.BytesIO()
    segno.make(url, error="m").save(expected, kind="svg", scale=6, border=4, xmldecl=False)
    assert qr.content == expected.getvalue()  # the code holds exactly the link, nothing more
    assert (await client.get("/api/v1/links/nope/qr.svg", params={"lang": "fr"})).status_code == 404
    assert (await client.get("/api/v1/links/health-gp", params={"lang": "xx"})).status_code == 404
    assert (await client.get("/api/v1/links/health-gp", params={"lang": "EN!"})).status_code == 422


async def test_deep_links_need_the_bot_username(engine) -> None:
    from fastapi import FastAPI
    from api.web import build_web_router

    app = FastAPI()
    app.include_router(build_web_router(engine, None, bot_username=""))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        response = await c.get("/api/v1/links/health-gp", params={"lang": "en"})
    assert response.status_code == 404 and "TELEGRAM_BOT_USERNAME" in response.json()["detail"]
