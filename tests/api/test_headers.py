"""Headers on every answer of the whole app: HSTS, no caching of API answers (drafts),
and the security headers also on answers no route wrote (404, 405, 413)."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from tests.api.conftest import auth, propose

ROOT = "http://rightsbot.test"


async def test_api_answers_are_never_cached_and_keep_to_https(client: httpx.AsyncClient,
                                                               tokens: dict[str, str]) -> None:
    await propose(client, tokens["a-editor"], title="A draft nobody else may keep")
    for path in ("/pages?lang=en", "/changes", "/health"):
        response = await client.get(path, headers=auth(tokens["a-editor"]))
        assert response.status_code == 200, path
        assert "no-store" in response.headers["cache-control"], path
        assert response.headers["strict-transport-security"].startswith("max-age="), path


async def test_answers_no_route_wrote_carry_the_security_headers(app: FastAPI) -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=ROOT) as client:
        answers = [
            await client.get("/nonexistent"),
            await client.delete("/api/v1/health"),
            await client.post("/api/v1/changes", content=b"x" * 300_000,
                              headers={"content-type": "application/json"}),
        ]
    assert [a.status_code for a in answers] == [404, 405, 413]
    for answer in answers:
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert "no-store" in answer.headers["cache-control"]
        assert "strict-transport-security" in answer.headers


async def test_a_chunked_body_over_the_limit_gets_413(app: FastAPI, tokens: dict[str, str]) -> None:
    async def chunks():  # no Content-Length: the body arrives in pieces
        for _ in range(40):
            yield b"x" * 10_000

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=ROOT) as client:
        response = await client.post("/api/v1/changes", content=chunks(),
                                     headers={"content-type": "application/json", **auth(tokens["a-editor"])})
    assert response.status_code == 413, response.text
    assert "over" in response.json()["detail"]


async def test_docs_load_nothing_from_other_hosts(app: FastAPI) -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=ROOT) as client:
        docs = await client.get("/docs")
        redoc = await client.get("/redoc")
        oauth = await client.get("/docs/oauth2-redirect")
        schema = await client.get("/openapi.json")
    assert docs.status_code == 200 and "POST /api/v1/changes" in docs.text
    assert "cdn" not in docs.text and "<script" not in docs.text and "http" not in docs.text.replace("/openapi.json", "")
    assert "frame-ancestors 'none'" in docs.headers["content-security-policy"]
    assert docs.headers["x-content-type-options"] == "nosniff" and "no-store" in docs.headers["cache-control"]
    assert redoc.status_code == 404 and oauth.status_code == 404
    assert schema.status_code == 200 and "/api/v1/changes" in schema.json()["paths"]
