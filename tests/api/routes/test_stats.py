"""Anonymous counts cannot single anyone out: only closed days are released, each count
with a secret fixed offset and rounded down to a multiple of ten; the two attacks of the
outside review (differencing between polls, padding to recover a hidden count) fail."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, timezone

import httpx
from fastapi import FastAPI

from api.stats import GRANULARITY, MINIMUM, last_closed_day, released
from tests.api.conftest import auth

DAY = datetime(2026, 11, 20, 14, 30, tzinfo=timezone.utc)


def _at(app: FastAPI, when: datetime) -> None:
    app.state.counter.now = lambda: when


async def _stats(client: httpx.AsyncClient, tokens: dict[str, str]) -> dict[str, object]:
    response = await client.get("/stats", headers=auth(tokens["b-reviewer"]))
    assert response.status_code == 200, response.text
    return response.json()


def test_a_day_is_released_an_hour_after_it_ends() -> None:
    assert last_closed_day(datetime(2026, 11, 21, 0, 30, tzinfo=timezone.utc)).isoformat() == "2026-11-19"
    assert last_closed_day(datetime(2026, 11, 21, 1, 0, tzinfo=timezone.utc)).isoformat() == "2026-11-20"


async def test_todays_views_are_never_shown_and_reading_does_not_flush(
        app: FastAPI, client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    _at(app, DAY)
    for _ in range(40):
        app.state.record_view("health-gp", "en")
    first = await _stats(client, tokens)
    assert first["counts"] == [] and first["through"] == "2026-11-19"
    assert app.state.counter.flush() == 1  # the read left the pending counts alone
    assert (await _stats(client, tokens))["counts"] == []


async def test_attack_a_differencing_between_polls_shows_nothing(
        app: FastAPI, client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    """The attacker pads a page, polls, a victim reads it once, the attacker polls again."""
    _at(app, DAY)
    for _ in range(5):
        app.state.record_view("health-gp", "fr")  # the attacker's padding
    app.state.counter.flush()
    before = await _stats(client, tokens)
    app.state.record_view("health-gp", "fr")  # the victim
    app.state.counter.flush()
    after = await _stats(client, tokens)
    assert before == after  # no reading shows up while the day is open
    _at(app, DAY + timedelta(days=1, hours=2))  # the day is closed: one final, coarse value
    closed = [await _stats(client, tokens) for _ in range(3)]
    assert closed[0] == closed[1] == closed[2]
    for count in closed[0]["counts"]:  # type: ignore[union-attr]
        assert count["count"] % GRANULARITY == 0 and count["count"] >= MINIMUM


async def test_attack_b_padding_cannot_recover_a_hidden_count(
        app: FastAPI, client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    """The victim reads a rare page twice; the attacker adds one view at a time and polls
    for the moment the row appears. Nothing appears that day, whatever is added."""
    _at(app, DAY)
    app.state.record_view("emergency", "nl")
    app.state.record_view("emergency", "nl")
    app.state.counter.flush()
    seen = []
    for _ in range(12):
        app.state.record_view("emergency", "nl")
        app.state.counter.flush()
        seen.append(await _stats(client, tokens))
    assert all(s == seen[0] for s in seen) and seen[0]["counts"] == []
    assert "suppressed" not in seen[0]  # no count of hidden rows either


def test_the_edge_padding_looks_for_is_somewhere_else_for_every_page_and_day() -> None:
    """With a fixed, secret offset per (page, language, day), the padding an attacker needs
    to reach the next multiple is unknown: one more reader changes what is released for
    only about one in ten pages and days, and the attacker cannot tell which."""
    key = bytes(range(32))
    keys = [(f"page-{n}", "fr", f"2026-11-{d:02d}") for n in range(20) for d in range(1, 11)]
    edges = Counter(next(x for x in range(GRANULARITY + 1) if released(x, key, *k)) for k in keys)
    assert len(edges) == GRANULARITY  # every edge from 1 to 10 occurs
    assert max(edges.values()) < len(keys) / 5
    padding = 9  # the attacker's best single guess
    differs = sum(released(padding, key, *k) != released(padding + 1, key, *k) for k in keys)
    assert differs < len(keys) / 5


async def test_released_counts_survive_a_restart_unchanged(
        app: FastAPI, client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    _at(app, DAY)
    for _ in range(57):
        app.state.record_view("health", "nl")
    app.state.counter.flush()
    _at(app, DAY + timedelta(days=2))
    shown = (await _stats(client, tokens))["counts"]
    assert [(c["page_id"], c["day"]) for c in shown] == [("health", "2026-11-20")]  # type: ignore[union-attr,index]
    assert shown[0]["count"] in (50, 60)  # type: ignore[index]
    from api.stats import _offset_key
    assert _offset_key(app.state.repo) == _offset_key(app.state.repo)  # kept in the store


async def test_flush_moves_pending_counts_to_the_store(app: FastAPI) -> None:
    app.state.record_view("health", "fr")
    app.state.record_view("not a page id!", "en")
    app.state.record_view("health-gp", "Dutch language")
    assert app.state.counter.flush() == 1
    assert app.state.counter.flush() == 0
