"""A recheck date through the API: proposed, reviewed, published, served, exported; a date
not after today is refused on its own field; the organisation that reviewed is named."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import httpx
from fastapi import FastAPI

from tests.api.conftest import auth, propose, published


async def test_a_recheck_date_is_published_and_served(app: FastAPI, client: httpx.AsyncClient,
                                                      tokens: dict[str, str]) -> None:
    later = (date.today() + timedelta(days=90)).isoformat()
    await published(client, tokens, title="Shelter, checked", recheck_by=later)
    page = (await client.get("/pages/health-gp", params={"lang": "en"})).json()
    assert page["recheck_by"] == later and page["reviewed_by"] == "B"
    served = app.state.holder.snapshot.text("en", "health-gp")
    assert served.recheck_by == date.fromisoformat(later) and served.reviewed_by == "B"
    # Changing only the date is a change; removing it again is one too.
    assert (await propose(client, tokens["a-editor"], recheck_by=None)).status_code == 201


async def test_a_recheck_date_not_after_today_is_refused_on_its_field(
        client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    response = await propose(client, tokens["a-editor"], recheck_by=date.today().isoformat())
    assert response.status_code == 422
    fields = [d["loc"][-1] for d in response.json()["detail"]]
    assert fields == ["recheck_by"]
    assert "give a new date" in response.json()["detail"][0]["msg"]


async def test_a_malformed_recheck_date_is_a_clear_error(client: httpx.AsyncClient,
                                                         tokens: dict[str, str]) -> None:
    response = await propose(client, tokens["a-editor"], recheck_by="next spring")
    assert response.status_code == 422 and "recheck_by" in response.text


async def test_the_editor_list_marks_overdue_texts(app: FastAPI, client: httpx.AsyncClient) -> None:
    body = (await client.get("http://rightsbot.test/api/v1/translations")).json()
    gp = next(p for p in body["pages"] if p["id"] == "health-gp")
    assert gp["texts"]["en"]["overdue"] is False and gp["texts"]["en"]["recheck_by"] is None


async def test_export_writes_the_recheck_date(app: FastAPI, client: httpx.AsyncClient,
                                              tokens: dict[str, str], tmp_path: Path) -> None:
    from api.export import page_file

    later = (date.today() + timedelta(days=30)).isoformat()
    await published(client, tokens, recheck_by=later)
    text = page_file(app.state.holder.snapshot.text("en", "health-gp"))
    assert f"recheck_by: {later}" in text
