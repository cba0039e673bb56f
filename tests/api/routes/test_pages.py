"""Reading published pages, their revisions and ETags; rollback as a new revision."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from tests.api.conftest import auth, published


async def test_list_and_read_pages(client: httpx.AsyncClient) -> None:
    pages = (await client.get("/pages", params={"lang": "fr"})).json()
    assert [p["id"] for p in pages] == ["home", "emergency", "health", "health-gp"]
    page = await client.get("/pages/health-gp", params={"lang": "fr"})
    assert page.status_code == 200 and page.json()["title"] == "The GP fr"
    assert page.headers["etag"] == page.json()["etag"]


async def test_bad_reads_are_4xx(client: httpx.AsyncClient) -> None:
    assert (await client.get("/pages/nope", params={"lang": "en"})).status_code == 404
    unknown = await client.get("/pages/health-gp", params={"lang": "de"})
    assert unknown.status_code == 422 and unknown.json()["detail"][0]["loc"][-1] == "lang"
    assert (await client.get("/pages")).status_code == 422
    assert (await client.get("/pages/NOT_AN_ID", params={"lang": "en"})).status_code == 422


async def test_rollback_publishes_an_old_revision_again(app: FastAPI, client: httpx.AsyncClient,
                                                        tokens: dict[str, str]) -> None:
    original = app.state.holder.snapshot.text("en", "health-gp").title
    await published(client, tokens, title="Wrong title")
    assert app.state.holder.snapshot.text("en", "health-gp").title == "Wrong title"
    response = await client.post("/pages/health-gp/rollback", json={"lang": "en", "revision": 1},
                                  headers=auth(tokens["b-reviewer"]))
    assert response.status_code == 201 and response.json()["revision"] == 3
    assert app.state.holder.snapshot.text("en", "health-gp").title == original
    revisions = (await client.get("/pages/health-gp/revisions", params={"lang": "en"})).json()
    assert [(r["number"], r["rolled_back_from"]) for r in revisions] == [(1, None), (2, None), (3, 1)]
    assert revisions[0]["content_hash"] == revisions[2]["content_hash"]
    missing = await client.post("/pages/health-gp/rollback", json={"lang": "en", "revision": 9},
                                headers=auth(tokens["admin"]))
    assert missing.status_code == 404
    same = await client.post("/pages/health-gp/rollback", json={"lang": "en", "revision": 3},
                             headers=auth(tokens["admin"]))
    assert same.status_code == 409
