"""The look-alike refusals over HTTP: the preview and POST /changes name the field, and a
reviewer sees every link's real host. Deep nesting is a field error, never a 500."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from tests.api.conftest import auth, propose

HOMOGRAPH = "https://www.juridischl\u043eket.nl/"
SOURCES = [{"title": "Basic Rights", "url": "https://www.basicrights.nl/"}]


async def _preview(client: httpx.AsyncClient, **fields: object) -> httpx.Response:
    body = {"page_id": "health-gp", "lang": "en", "title": "The GP", "text": "Hello.",
            "sources": SOURCES, **fields}
    return await client.post("/preview", json=body)


async def test_preview_refuses_each_spoof_with_its_field(client: httpx.AsyncClient) -> None:
    cases = {
        "sources": {"sources": [{"title": "Legal aid", "url": HOMOGRAPH}]},
        "text": {"text": "Call \u202e211\u202c now."},
        "title": {"title": "The GP\u200b"},
        "label": {"label": "🆘 Emergency numbers"},
        "search_phrases": {"search_phrases": ["doctor\x1bc"]},
    }
    for field, fields in cases.items():
        response = await _preview(client, **fields)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["ok"] is False and field in [p["field"] for p in body["problems"]], (field, body)


async def test_preview_lists_every_link_with_its_real_host(client: httpx.AsyncClient) -> None:
    response = await _preview(client, text=f"Ask [legal aid]({HOMOGRAPH}) or [the CAK](https://www.hetcak.nl/).")
    body = response.json()
    assert body["ok"] is False
    hosts = [link["host"] for link in body["links"]]
    assert hosts == ["www.xn--juridischlket-r7k.nl", "www.hetcak.nl", "www.basicrights.nl"]
    assert "juridischl\u043eket" not in "".join(body["telegram_html"])  # the refused link is dropped


async def test_nested_and_deep_markup_is_a_field_error(client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    for text in ("[" * 600, "[**" * 400, "[[a](https://www.x.nl)](https://www.y.nl)"):
        response = await _preview(client, text=text)
        assert response.status_code == 200 and response.json()["ok"] is False, response.text
        created = await propose(client, tokens["a-editor"], text=text)
        assert created.status_code == 422 and created.json()["detail"][0]["loc"][-1] == "text"


async def test_changes_with_spoofs_are_refused(client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    cases = {
        "sources": {"sources": [{"title": "Legal aid", "url": HOMOGRAPH}]},
        "text": {"text": "See [x](https://0x7f.0.0.1/)."},
        "label": {"label": "🆘 Emergency numbers"},
        "title": {"title": "Numéros d'urgence"},
    }
    for field, fields in cases.items():
        response = await propose(client, tokens["a-editor"], **fields)
        assert response.status_code == 422, (field, response.text)
        assert field in [d["loc"][-1] for d in response.json()["detail"]], response.text


async def test_the_reviewer_sees_each_links_host(app: FastAPI, client: httpx.AsyncClient,
                                                 tokens: dict[str, str]) -> None:
    created = await propose(client, tokens["a-editor"], text="Ask [legal aid](https://www.juridischloket.nl/).")
    cid = created.json()["id"]
    await client.post(f"/changes/{cid}/submit", headers=auth(tokens["a-editor"]))
    change = (await client.get(f"/changes/{cid}", headers=auth(tokens["b-reviewer"]))).json()
    assert [(link["text"], link["host"]) for link in change["links"]] == [
        ("legal aid", "www.juridischloket.nl"), ("Basic Rights", "www.basicrights.nl")]
