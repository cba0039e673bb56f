"""Review means another organisation, and no path publishes with one person alone.

Each test is one way the outside review found to publish or advance content alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from api.app import create_app
from api.auth import create_token, revoke_token
from api.config import ApiSettings
from api.stats import ViewCounter
from bot.settings import Settings
from tests.api.conftest import BASE, auth, issue_tokens, propose, published


async def _submitted(client: httpx.AsyncClient, token: str, title: str) -> int:
    created = await propose(client, token, title=title)
    assert created.status_code == 201, created.text
    cid = int(created.json()["id"])
    assert (await client.post(f"/changes/{cid}/submit", headers=auth(token))).status_code == 200
    return cid


async def test_a_reviewer_of_the_authors_organisation_cannot_approve(
        app: FastAPI, client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    before = app.state.holder.snapshot.version
    cid = await _submitted(client, tokens["a-editor"], "Same organisation")
    alone = await client.post(f"/changes/{cid}/approve", headers=auth(tokens["a-reviewer"]))
    assert alone.status_code == 403 and "another organisation" in alone.json()["detail"]
    assert app.state.holder.snapshot.version == before
    other = await client.post(f"/changes/{cid}/approve", headers=auth(tokens["b-reviewer"]))
    assert other.status_code == 200 and other.json()["reviewer_org"] == "B"


async def test_organisation_names_match_whatever_their_case(
        app: FastAPI, client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    with app.state.repo.write() as s:
        lower_a, _ = create_token(s, "a", "reviewer")
    cid = await _submitted(client, tokens["a-editor"], "Case of names")
    response = await client.post(f"/changes/{cid}/approve", headers=auth(lower_a))
    assert response.status_code == 403


async def test_health_says_who_may_approve(client: httpx.AsyncClient) -> None:
    assert (await client.get("/health")).json()["review"] == "another organisation"


@pytest.fixture
async def one_org_client(tmp_path: Path, mini_content: Path) -> AsyncIterator[tuple[httpx.AsyncClient, dict[str, str]]]:
    settings = Settings(rightsbot_data_dir=tmp_path / "one", rightsbot_content_dir=mini_content,
                        rightsbot_database_url=None, telegram_bot_token=None)
    app = create_app(settings, counter=ViewCounter(), api_settings=ApiSettings(review_same_org=True))
    async with app.router.lifespan_context(app):
        tokens = issue_tokens(app)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE) as client:
            yield client, tokens
    app.state.repo.close()


async def test_a_one_organisation_deployment_may_allow_same_organisation_review(
        one_org_client: tuple[httpx.AsyncClient, dict[str, str]]) -> None:
    client, tokens = one_org_client
    assert (await client.get("/health")).json()["review"] == "same organisation allowed"
    cid = await _submitted(client, tokens["a-editor"], "One organisation")
    assert (await client.post(f"/changes/{cid}/approve", headers=auth(tokens["a-reviewer"]))).status_code == 200
    own = await _submitted(client, tokens["a-reviewer"], "Still a second person")
    assert (await client.post(f"/changes/{own}/approve", headers=auth(tokens["a-reviewer"]))).status_code == 403


async def test_an_admin_cannot_submit_another_organisations_draft(
        client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    draft = (await propose(client, tokens["a-editor"], title="Unfinished")).json()
    submit = await client.post(f"/changes/{draft['id']}/submit", headers=auth(tokens["admin"]))
    assert submit.status_code == 404
    approve = await client.post(f"/changes/{draft['id']}/approve", headers=auth(tokens["admin"]))
    assert approve.status_code == 404
    mine = await client.get(f"/changes/{draft['id']}", headers=auth(tokens["a-editor"]))
    assert mine.json()["status"] == "draft"


async def test_changes_of_a_revoked_token_can_no_longer_be_approved(
        app: FastAPI, client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    cid = await _submitted(client, tokens["a-editor"], "Written before the revocation")
    with app.state.repo.write() as s:
        revoke_token(s, 1)  # a-editor
    response = await client.post(f"/changes/{cid}/approve", headers=auth(tokens["b-reviewer"]))
    assert response.status_code == 409 and "revoked" in response.json()["detail"]
    reject = await client.post(f"/changes/{cid}/reject", json={"reason": "author gone"},
                               headers=auth(tokens["b-reviewer"]))
    assert reject.status_code == 200


async def test_reviewers_cannot_read_or_reject_other_organisations_drafts(
        client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    draft = (await propose(client, tokens["a-editor"], title="Private draft")).json()
    for who in ("b-reviewer", "admin"):
        assert (await client.get(f"/changes/{draft['id']}", headers=auth(tokens[who]))).status_code == 404
        rejected = await client.post(f"/changes/{draft['id']}/reject", json={"reason": "x"},
                                     headers=auth(tokens[who]))
        assert rejected.status_code == 404
        listed = await client.get("/changes", headers=auth(tokens[who]))
        assert draft["id"] not in [c["id"] for c in listed.json()]


async def test_rollback_only_undoes_the_latest_publish(
        app: FastAPI, client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    await published(client, tokens, title="Good second text")          # revision 2
    await published(client, tokens, title="Third text")                # revision 3
    older = await client.post("/pages/health-gp/rollback", json={"lang": "en", "revision": 1},
                              headers=auth(tokens["a-reviewer"]))
    assert older.status_code == 409 and "revision 2" in older.json()["detail"]
    undo = await client.post("/pages/health-gp/rollback", json={"lang": "en", "revision": 2},
                             headers=auth(tokens["a-reviewer"]))
    assert undo.status_code == 201 and undo.json()["revision"] == 4
    assert app.state.holder.snapshot.text("en", "health-gp").title == "Good second text"
    # The undone revision 3 is now just before the latest, but a rollback of a rollback
    # would let one reviewer put back what was taken down.
    redo = await client.post("/pages/health-gp/rollback", json={"lang": "en", "revision": 3},
                             headers=auth(tokens["b-reviewer"]))
    assert redo.status_code == 409 and "itself a rollback" in redo.json()["detail"]
    assert app.state.holder.snapshot.text("en", "health-gp").title == "Good second text"


async def test_a_huge_rollback_revision_is_a_field_error(client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    response = await client.post("/pages/health-gp/rollback", json={"lang": "en", "revision": 2**63},
                                 headers=auth(tokens["b-reviewer"]))
    assert response.status_code == 422 and response.json()["detail"][0]["loc"][-1] == "revision"


async def test_an_editors_open_changes_are_capped(tmp_path: Path, mini_content: Path) -> None:
    settings = Settings(rightsbot_data_dir=tmp_path / "cap", rightsbot_content_dir=mini_content,
                        rightsbot_database_url=None, telegram_bot_token=None)
    app = create_app(settings, counter=ViewCounter(), api_settings=ApiSettings(max_open_drafts=3))
    async with app.router.lifespan_context(app):
        tokens = issue_tokens(app)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE) as client:
            codes = [(await propose(client, tokens["a-editor"], title=f"Draft {i}")).status_code for i in range(4)]
            assert codes == [201, 201, 201, 429]
            other = await propose(client, tokens["b-editor"], title="Another editor is not affected")
            assert other.status_code == 201
    app.state.repo.close()
