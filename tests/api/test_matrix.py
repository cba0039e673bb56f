"""Every endpoint by role and organisation: who may do what, and what the others get.

Org A's editor writes each change under test, so "same organisation" and "other
organisation" are both covered; the admin belongs to a third organisation.
"""

from __future__ import annotations

from typing import Awaitable, Callable

import httpx
import pytest
from fastapi import FastAPI

from api.auth import revoke_token
from tests.api.conftest import WHO, auth, propose, published

Setup = Callable[[httpx.AsyncClient, dict[str, str]], Awaitable[tuple[str, str, dict[str, object] | None]]]
ANON = "anonymous"


async def _draft(client: httpx.AsyncClient, tokens: dict[str, str], title: str) -> int:
    response = await propose(client, tokens["a-editor"], title=title)
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


async def _submitted(client: httpx.AsyncClient, tokens: dict[str, str], title: str) -> int:
    cid = await _draft(client, tokens, title)
    assert (await client.post(f"/changes/{cid}/submit", headers=auth(tokens["a-editor"]))).status_code == 200
    return cid


def fixed(method: str, path: str, body: dict[str, object] | None = None) -> Setup:
    async def setup(client: httpx.AsyncClient, tokens: dict[str, str]) -> tuple[str, str, dict[str, object] | None]:
        return method, path, body
    return setup


async def _latest_undone(client: httpx.AsyncClient, tokens: dict[str, str]) -> tuple[str, str, dict[str, object]]:
    """A fresh publish, then the rollback that undoes it (to the revision just before)."""
    change = await published(client, tokens, title=f"Matrix rollback {next(_ROLLS)}")
    return "POST", "/pages/health-gp/rollback", {"lang": "en", "revision": int(str(change["revision"])) - 1}


_ROLLS = iter(range(10_000))


def on_change(action: str, make: Callable[..., Awaitable[int]], body: dict[str, object] | None = None) -> Setup:
    counter = iter(range(10_000))

    async def setup(client: httpx.AsyncClient, tokens: dict[str, str]) -> tuple[str, str, dict[str, object] | None]:
        cid = await make(client, tokens, f"Matrix {action} {next(counter)}")
        return ("GET" if action == "" else "POST"), f"/changes/{cid}{'/' + action if action else ''}", body
    return setup


#                  anonymous a-editor a-reviewer b-editor b-reviewer admin
MATRIX: list[tuple[str, Setup, tuple[int, ...]]] = [
    ("health", fixed("GET", "/health"), (200, 200, 200, 200, 200, 200)),
    ("list pages", fixed("GET", "/pages?lang=en"), (200, 200, 200, 200, 200, 200)),
    ("read page", fixed("GET", "/pages/health-gp?lang=nl"), (200, 200, 200, 200, 200, 200)),
    ("revisions", fixed("GET", "/pages/health-gp/revisions?lang=fr"), (200, 200, 200, 200, 200, 200)),
    ("list changes", fixed("GET", "/changes"), (401, 200, 200, 200, 200, 200)),
    ("read draft", on_change("", _draft), (401, 200, 200, 404, 404, 404)),
    ("read submitted", on_change("", _submitted), (401, 200, 200, 404, 200, 200)),
    ("submit", on_change("submit", _draft), (401, 200, 200, 404, 404, 404)),
    ("approve", on_change("approve", _submitted), (401, 403, 403, 403, 200, 200)),
    ("reject draft", on_change("reject", _draft, {"reason": "no"}), (401, 403, 200, 403, 404, 404)),
    ("reject", on_change("reject", _submitted, {"reason": "no"}), (401, 403, 200, 403, 200, 200)),
    ("rollback", _latest_undone, (401, 403, 201, 403, 201, 201)),
    ("audit", fixed("GET", "/audit"), (401, 403, 403, 403, 403, 200)),
    ("stats", fixed("GET", "/stats"), (401, 403, 200, 403, 200, 200)),
]


@pytest.mark.parametrize("name,setup,expected", MATRIX, ids=[m[0] for m in MATRIX])
async def test_matrix(client: httpx.AsyncClient, tokens: dict[str, str], name: str, setup: Setup,
                      expected: tuple[int, ...]) -> None:
    await published(client, tokens, title="Published before the matrix")
    for who, status in zip((ANON, *WHO), expected, strict=True):
        method, path, body = await setup(client, tokens)
        headers = {} if who == ANON else auth(tokens[who])
        response = await client.request(method, path, json=body, headers=headers)
        assert response.status_code == status, (name, who, response.text)


async def test_create_change_by_every_role(client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    anonymous = await client.post("/changes", json={"page_id": "health-gp", "lang": "en", "title": "x"})
    assert anonymous.status_code == 401
    for who in WHO:
        response = await propose(client, tokens[who], title=f"Proposed by {who}")
        assert response.status_code == 201, (who, response.text)


async def test_revoked_and_forged_tokens_are_refused(app: FastAPI, client: httpx.AsyncClient,
                                                     tokens: dict[str, str]) -> None:
    with app.state.repo.write() as s:
        revoke_token(s, 1)  # a-editor
    assert (await client.get("/changes", headers=auth(tokens["a-editor"]))).status_code == 401
    assert (await client.get("/changes", headers=auth("rbt_forged"))).status_code == 401
    assert (await client.get("/changes", headers=auth(tokens["b-editor"]))).status_code == 200


async def test_repeated_failed_logins_are_refused(app: FastAPI, client: httpx.AsyncClient,
                                                  tokens: dict[str, str]) -> None:
    throttle = app.state.throttle
    throttle.free, throttle.max_delay, throttle.refuse_after = 0, 0.01, 5
    statuses = [(await client.get("/changes", headers=auth(f"rbt_guess{i}"))).status_code for i in range(8)]
    assert statuses[:5] == [401] * 5 and set(statuses[5:]) == {429}
    assert (await client.get("/changes", headers=auth(tokens["b-editor"]))).status_code == 200
    # Another client is not locked out by this one's failures: a mistyped token still
    # gets 401, not 429.
    other = httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=("192.0.2.7", 4711)),
                              base_url=str(client.base_url))
    async with other:
        assert (await other.get("/changes", headers=auth("rbt_typo"))).status_code == 401
        assert (await other.get("/changes", headers=auth(tokens["b-editor"]))).status_code == 200
