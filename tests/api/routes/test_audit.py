"""The audit trail records every action with organisation, role, change and content hash."""

from __future__ import annotations

import httpx

from tests.api.conftest import auth, published


async def test_audit_traces_the_workflow(client: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    change = await published(client, tokens, title="Audited")
    await client.post("/pages/health-gp/rollback", json={"lang": "en", "revision": 1}, headers=auth(tokens["admin"]))
    events = (await client.get("/audit", headers=auth(tokens["admin"]))).json()
    trail = [(e["action"], e["org"], e["role"]) for e in events if e["change_id"] == change["id"]]
    assert trail == [("change.approve", "B", "reviewer"), ("change.submit", "A", "editor"),
                     ("change.create", "A", "editor")]
    approve = next(e for e in events if e["action"] == "change.approve")
    assert approve["content_hash"] and approve["revision"] == 2 and approve["at"]
    assert events[0]["action"] == "page.rollback" and events[0]["org"] == "C"
    assert any(e["action"] == "token.create" for e in events)
    assert not any("rbt_" in str(e) for e in events)
