"""The preview and publishing refuse a page that a channel would refuse once the title,
sources and "checked by" are added, and say which message and by how much."""

from __future__ import annotations

import httpx

from tests.api.conftest import auth, propose

# Within every field rule: 16 sources (the most allowed) with 110-character titles, and one
# paragraph under the old per-paragraph limit. Only the whole screen is too long.
SOURCES = [{"title": f"Source {i:02d} " + "x" * 100, "url": f"https://www.rijksoverheid.nl/{i}"}
           for i in range(16)]
LONG_TEXT = "Call **[112](tel:112)** in danger. " * 115


async def test_preview_counts_what_the_renderer_adds(client: httpx.AsyncClient) -> None:
    # The outside review's request: 16 sources with 290-character titles.
    review = [{"title": f"Source {i} " + "x" * 280, "url": f"https://www.rijksoverheid.nl/{i}"}
              for i in range(16)]
    body = {"page_id": "emergency", "lang": "en", "title": "Emergency", "text": "Call [112](tel:112)."}
    answer = (await client.post("/preview", json={**body, "sources": review})).json()
    assert answer["ok"] is False
    assert any(p["field"] == "sources" and "longer than 120" in p["message"] for p in answer["problems"])

    answer = (await client.post("/preview", json={**body, "text": LONG_TEXT, "sources": SOURCES})).json()
    assert answer["ok"] is False
    telegram = [p for p in answer["problems"] if p["message"].startswith("Telegram: the message is ")]
    assert telegram and telegram[0]["field"] == "text" and "over the limit of 4096" in telegram[0]["message"]
    assert max(answer["telegram_characters"]) > 4096 - 200

    fine = (await client.post("/preview", json={**body, "sources": SOURCES[:3]})).json()
    assert fine["ok"] is True and fine["problems"] == []


async def test_publishing_an_oversized_page_is_refused(client: httpx.AsyncClient,
                                                       tokens: dict[str, str]) -> None:
    before = (await client.get("/pages/emergency", params={"lang": "en"})).json()
    created = await propose(client, tokens["a-editor"], page_id="emergency", text=LONG_TEXT,
                            sources=SOURCES)
    assert created.status_code == 201, created.text  # a draft may still be worked on
    change = created.json()["id"]
    assert (await client.post(f"/changes/{change}/submit", headers=auth(tokens["a-editor"]))).status_code == 200
    approved = await client.post(f"/changes/{change}/approve", headers=auth(tokens["b-reviewer"]))
    assert approved.status_code == 422, approved.text
    detail = approved.json()["detail"]
    assert any(d["loc"] == ["body", "text"] and d["msg"].startswith("en/emergency: Telegram: the message is ")
               and "over the limit of 4096" in d["msg"] for d in detail), detail
    after = (await client.get("/pages/emergency", params={"lang": "en"})).json()
    assert after == before  # nothing half-written is served
