"""GET /audit (admins): every action with organisation, role, time, change and content hash."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import Admin, RepoDep
from api.schemas import AuditOut
from api.store import repository as rp
from api.store.models import AuditRow

router = APIRouter(tags=["audit"])


@router.get("/audit", response_model=list[AuditOut])
def list_audit(
    repo: RepoDep, _who: Admin, limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> list[AuditRow]:
    with repo.read() as s:
        return rp.audit_list(s, limit, offset)
