"""GET /stats (reviewers and admins): anonymous views per page, language and closed day,
coarsened so that no single reading can be seen (see :mod:`api.stats`)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.deps import RepoDep, Reviewer
from api.schemas import CountOut, StatsOut
from api.stats import GRANULARITY, MINIMUM, public_counts

router = APIRouter(tags=["stats"])


@router.get("/stats", response_model=StatsOut)
def stats(request: Request, repo: RepoDep, _who: Reviewer,
          since: Annotated[date | None, Query(description="first day to include")] = None) -> StatsOut:
    rows, through = public_counts(repo, request.app.state.counter.now(), since.isoformat() if since else None)
    counts = [CountOut(page_id=r.page_id, lang=r.lang, day=r.day, count=r.count) for r in rows]
    return StatsOut(minimum=MINIMUM, granularity=GRANULARITY, through=through.isoformat(), counts=counts)
