"""The review workflow over HTTP: preconditions, validation, second-person approval."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from tests.api.conftest import auth, propose, published


async def test_full_workflow_serves_the_new_text_at_once(app: FastAPI, client: httpx.AsyncClient,
                                                         tokens: dict[str, str]) -> None:
    before = app.state.holder.snapshot.version
    change = await published(client, tokens, text="You may see a GP.\n\n**Next step:** call one today.")
    assert change["status"] == "approved" and change["reviewer_org"] == "B" and change["revision"] == 2
    served = app.state.holder.snapshot
    assert served.version != before
    assert served.text("en", "health-gp").text.endswith("call one today.")
    assert served.text("en", "health-gp").reviewed_by == "B"
    page = (await client.get("/pages/health-gp", params={"lang": "en"})).json()
    assert page["revision"] == 2 and "call one today" in page["text"]


async def test_if_match_is_required_and_must_be_fresh(client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    body = {"page_id": "health-gp", "lang": "en", "title": "New title"}
    missing = await client.post("/changes", json=body, headers=auth(tokens["a-editor"]))
    assert missing.status_code == 428
    page = await client.get("/pages/health-gp", params={"lang": "en"})
    old_etag = page.headers["etag"]
    await published(client, tokens, title="Changed meanwhile")
    stale = await client.post("/changes", json=body, headers=auth(tokens["a-editor"], **{"If-Match": old_etag}))
    assert stale.status_code == 412


async def test_stale_draft_cannot_be_approved(client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    first = (await propose(client, tokens["a-editor"], title="First")).json()
    second = (await propose(client, tokens["b-editor"], title="Second")).json()
    for change, token in ((first, "a-editor"), (second, "b-editor")):
        await client.post(f"/changes/{change['id']}/submit", headers=auth(tokens[token]))
    ok = await client.post(f"/changes/{first['id']}/approve", headers=auth(tokens["b-reviewer"]))
    late = await client.post(f"/changes/{second['id']}/approve", headers=auth(tokens["admin"]))
    assert ok.status_code == 200 and late.status_code == 409


async def test_unknown_fields_are_refused(client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    for extra in ({"status": "approved"}, {"author_org": "B"}, {"revision": 9}):
        response = await propose(client, tokens["a-editor"], title="x", **extra)
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"][-1] == next(iter(extra))


async def test_content_rules_name_the_field(client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    cases = {
        "text": {"text": "# A heading"},
        "sources": {"sources": [{"title": "x", "url": "http://example.org/"}]},
        "title": {"title": "t" * 500},
        "search_phrases": {"search_phrases": [""]},
    }
    for field, body in cases.items():
        response = await propose(client, tokens["a-editor"], **body)
        assert response.status_code == 422, (field, response.text)
        assert field in [d["loc"][-1] for d in response.json()["detail"]], response.text
    for url in ("https://192.168.1.1/x", "https://xn--80ak6aa92e.com/"):
        response = await propose(client, tokens["a-editor"], sources=[{"title": "x", "url": url}])
        assert response.status_code == 422 and response.json()["detail"][0]["loc"][-1] == "sources"


async def test_oversized_body_gets_413(client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    response = await propose(client, tokens["a-editor"], text="word " * 100_000)
    assert response.status_code == 413


async def test_author_cannot_approve_and_editor_cannot_review(client: httpx.AsyncClient,
                                                              tokens: dict[str, str]) -> None:
    change = (await propose(client, tokens["a-reviewer"], title="Own change")).json()
    await client.post(f"/changes/{change['id']}/submit", headers=auth(tokens["a-reviewer"]))
    own = await client.post(f"/changes/{change['id']}/approve", headers=auth(tokens["a-reviewer"]))
    assert own.status_code == 403
    editor = await client.post(f"/changes/{change['id']}/approve", headers=auth(tokens["b-editor"]))
    assert editor.status_code == 403
    draft_only = await client.post(f"/changes/{change['id']}/submit", headers=auth(tokens["a-reviewer"]))
    assert draft_only.status_code == 409


async def test_reject_keeps_the_published_text(app: FastAPI, client: httpx.AsyncClient,
                                               tokens: dict[str, str]) -> None:
    before = app.state.holder.snapshot.version
    change = (await propose(client, tokens["a-editor"], title="Rejected idea")).json()
    await client.post(f"/changes/{change['id']}/submit", headers=auth(tokens["a-editor"]))
    no_reason = await client.post(f"/changes/{change['id']}/reject", json={}, headers=auth(tokens["b-reviewer"]))
    assert no_reason.status_code == 422
    rejected = await client.post(f"/changes/{change['id']}/reject", json={"reason": "source is outdated"},
                                 headers=auth(tokens["b-reviewer"]))
    assert rejected.json()["status"] == "rejected" and rejected.json()["reason"] == "source is outdated"
    assert app.state.holder.snapshot.version == before
    again = await client.post(f"/changes/{change['id']}/approve", headers=auth(tokens["admin"]))
    assert again.status_code == 409


async def test_new_page_is_served_once_every_language_is_published(
        app: FastAPI, client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    body = {"page_id": "health-dentist", "parent_id": "health", "text": "See a dentist in pain.",
            "sources": [{"title": "Basic Rights", "url": "https://www.basicrights.nl/"}]}
    no_precondition = await client.post("/changes", json={**body, "lang": "en", "title": "Dentist"},
                                        headers=auth(tokens["a-editor"]))
    assert no_precondition.status_code == 428
    for lang in ("nl", "en", "fr"):
        created = await client.post("/changes", json={**body, "lang": lang, "title": f"Dentist {lang}"},
                                    headers=auth(tokens["a-editor"], **{"If-None-Match": "*"}))
        assert created.status_code == 201, created.text
        cid = created.json()["id"]
        await client.post(f"/changes/{cid}/submit", headers=auth(tokens["a-editor"]))
        assert (await client.post(f"/changes/{cid}/approve", headers=auth(tokens["b-reviewer"]))).status_code == 200
        assert app.state.holder.snapshot.has("health-dentist") == (lang == "fr")
    assert "health-dentist" in app.state.holder.snapshot.nodes["health"].children


async def test_editors_see_only_their_organisation(client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    change = (await propose(client, tokens["a-editor"], title="A's draft")).json()
    mine = await client.get("/changes", headers=auth(tokens["a-editor"]))
    theirs = await client.get("/changes", headers=auth(tokens["b-editor"]))
    reviewer = await client.get("/changes", params={"status": "draft"}, headers=auth(tokens["b-reviewer"]))
    own_reviewer = await client.get("/changes", params={"status": "draft"}, headers=auth(tokens["a-reviewer"]))
    assert [c["id"] for c in mine.json()] == [change["id"]]
    assert theirs.json() == []
    assert reviewer.json() == []  # a draft stays with its organisation until it is submitted
    assert [c["id"] for c in own_reviewer.json()] == [change["id"]]
    hidden = await client.post(f"/changes/{change['id']}/submit", headers=auth(tokens["b-editor"]))
    assert hidden.status_code == 404
    foreign = await client.post(f"/changes/{change['id']}/submit", headers=auth(tokens["b-reviewer"]))
    assert foreign.status_code == 404
    await client.post(f"/changes/{change['id']}/submit", headers=auth(tokens["a-editor"]))
    submitted = await client.get("/changes", params={"status": "submitted"}, headers=auth(tokens["b-reviewer"]))
    assert [c["id"] for c in submitted.json()] == [change["id"]]
