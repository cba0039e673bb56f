"""An API over a small content folder in a temporary store, with tokens for two
organisations in every role (org A, org B) plus an admin, entered with its lifespan."""

from __future__ import annotations

from pathlib import Path
from typing import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from api.app import create_app
from api.auth import create_token
from api.stats import ViewCounter
from bot.settings import Settings

BASE = "http://rightsbot.test/api/v1"
WHO = ("a-editor", "a-reviewer", "b-editor", "b-reviewer", "admin")


def make_settings(tmp_path: Path, content: Path) -> Settings:
    return Settings(rightsbot_data_dir=tmp_path / "data", rightsbot_content_dir=content,
                    rightsbot_database_url=None, telegram_bot_token=None)


def issue_tokens(app: FastAPI) -> dict[str, str]:
    tokens: dict[str, str] = {}
    with app.state.repo.write() as s:
        for name in WHO:
            org, role = ("C", "admin") if name == "admin" else (name[0].upper(), name.split("-")[1])
            tokens[name], _ = create_token(s, org, role)
    return tokens


@pytest.fixture
def settings(tmp_path: Path, mini_content: Path) -> Settings:
    return make_settings(tmp_path, mini_content)


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(settings, counter=ViewCounter())
    async with application.router.lifespan_context(application):
        yield application
    application.state.repo.close()


@pytest.fixture
def tokens(app: FastAPI) -> dict[str, str]:
    return issue_tokens(app)


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE) as c:
        yield c


def auth(token: str, **headers: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **headers}


async def propose(client: httpx.AsyncClient, token: str, page_id: str = "health-gp",
                  lang: str = "en", **fields: object) -> httpx.Response:
    """Read the page's ETag, then POST a change from it."""
    page = await client.get(f"/pages/{page_id}", params={"lang": lang})
    body = {"page_id": page_id, "lang": lang, **(fields or {"title": "The GP, updated"})}
    return await client.post("/changes", json=body, headers=auth(token, **{"If-Match": page.headers["etag"]}))


async def published(client: httpx.AsyncClient, tokens: dict[str, str], **fields: object) -> dict[str, object]:
    """Propose (org A editor), submit, and approve (org B reviewer); return the approved change."""
    created = await propose(client, tokens["a-editor"], **fields)
    assert created.status_code == 201, created.text
    cid = created.json()["id"]
    assert (await client.post(f"/changes/{cid}/submit", headers=auth(tokens["a-editor"]))).status_code == 200
    approved = await client.post(f"/changes/{cid}/approve", headers=auth(tokens["b-reviewer"]))
    assert approved.status_code == 200, approved.text
    return approved.json()
