"""Anonymous counts: per page, language and day; counts under five are never shown."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from tests.api.conftest import auth


async def test_counts_under_five_are_suppressed(app: FastAPI, client: httpx.AsyncClient,
                                                tokens: dict[str, str]) -> None:
    record = app.state.record_view
    for _ in range(7):
        record("health-gp", "en")
    for _ in range(4):
        record("emergency", "nl")
    record("not a page id!", "en")
    record("health-gp", "Dutch language")
    stats = (await client.get("/stats", headers=auth(tokens["b-reviewer"]))).json()
    assert stats["minimum"] == 5 and stats["suppressed"] == 1
    assert [(c["page_id"], c["lang"], c["count"]) for c in stats["counts"]] == [("health-gp", "en", 7)]


async def test_flush_moves_pending_counts_to_the_store(app: FastAPI) -> None:
    app.state.record_view("health", "fr")
    assert app.state.counter.flush() == 1
    assert app.state.counter.flush() == 0
