"""Text published before phone numbers had to be links: still served, rolled back to, and
only new text must write numbers as links."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from api.publish import stored_snapshot
from api.store import repository as rp
from tests.api.conftest import auth, propose, published


def publish_bare_number(app: FastAPI) -> int:
    """A revision as an older release stored it: '112' as plain text."""
    with app.state.repo.write() as s:
        current = rp.latest(s, "health-gp", "en")
        fields = rp.revision_fields(current)
        fields["text"] = "You may see a GP. In danger? Call 112."
        number = current.number + 1
        rp.add_revision(s, "health-gp", "en", number, fields)
    return number


async def test_an_old_text_with_a_bare_number_is_served_and_new_text_must_link(
        app: FastAPI, client: httpx.AsyncClient, tokens) -> None:  # noqa: ANN001
    number = publish_bare_number(app)
    with app.state.repo.read() as s:
        snapshot, problems = stored_snapshot(s)
    assert problems == [] and snapshot is not None
    assert "Call 112." in snapshot.text("en", "health-gp").text

    refused = await propose(client, tokens["a-editor"], text="You may see a GP. Call 113 at night.")
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["msg"] == (
        "phone number '113' cannot be tapped: write it as [113](tel:113)")

    # Undoing a publish brings the older text back as it was, bare number included.
    change = await published(client, tokens, text="You may see a GP. In danger? Call [112](tel:112).")
    assert change["revision"] == number + 1
    undone = await client.post("/pages/health-gp/rollback", json={"lang": "en", "revision": number},
                               headers=auth(tokens["b-reviewer"]))
    assert undone.status_code == 201, undone.text
    page = await client.get("/pages/health-gp", params={"lang": "en"})
    assert page.json()["text"] == "You may see a GP. In danger? Call 112."
