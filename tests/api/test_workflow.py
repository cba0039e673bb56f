"""Concurrency: two edits of one page racing to be published; exactly one wins."""

from __future__ import annotations

import asyncio

import httpx
from fastapi import FastAPI

from tests.api.conftest import auth, propose


async def test_two_concurrent_edits_exactly_one_wins(app: FastAPI, client: httpx.AsyncClient,
                                                     tokens: dict[str, str]) -> None:
    for round_ in range(5):
        ids = []
        for author in ("a-editor", "b-editor"):
            created = await propose(client, tokens[author], title=f"Round {round_} by {author}")
            assert created.status_code == 201
            ids.append(created.json()["id"])
            await client.post(f"/changes/{ids[-1]}/submit", headers=auth(tokens[author]))
        results = await asyncio.gather(
            client.post(f"/changes/{ids[0]}/approve", headers=auth(tokens["b-reviewer"])),
            client.post(f"/changes/{ids[1]}/approve", headers=auth(tokens["a-reviewer"])),
        )
        assert sorted(r.status_code for r in results) == [200, 409]
        winner = next(r.json() for r in results if r.status_code == 200)
        assert app.state.holder.snapshot.text("en", "health-gp").title == winner["title"]
    revisions = (await client.get("/pages/health-gp/revisions", params={"lang": "en"})).json()
    assert [r["number"] for r in revisions] == list(range(1, 7))


async def test_concurrent_proposals_from_one_etag_both_become_drafts(
        client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    results = await asyncio.gather(*(propose(client, tokens["a-editor"], title=f"Draft {i}") for i in range(4)))
    assert [r.status_code for r in results] == [201] * 4
