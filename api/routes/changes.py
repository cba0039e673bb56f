"""Changes: propose (any token), submit (the author's organisation), approve or reject (reviewers)."""

from __future__ import annotations

import json
from typing import Annotated, Literal

from fastapi import APIRouter, Header, Path, Query, Request

from api.deps import CurrentUser, PublisherDep, RepoDep, Reviewer
from api.schemas import ChangeIn, ChangeOut, RejectIn
from api.store import repository as rp
from api.store.models import ChangeRow
from api.web.sanitize import link_hosts
from bot.content.markup import parse
from api import workflow

router = APIRouter(prefix="/changes", tags=["changes"])
ChangeId = Annotated[int, Path(ge=1, le=2**62)]
Status = Literal["draft", "submitted", "approved", "rejected"]


def out(row: ChangeRow) -> ChangeOut:
    fields = json.loads(row.fields)
    return ChangeOut(
        id=row.id, page_id=row.page_id, lang=row.lang, status=row.status,
        base_revision=row.base_revision, author_org=row.author_org, reviewer_org=row.reviewer_org,
        reason=row.reason, revision=row.revision, content_hash=row.content_hash,
        created_at=row.created_at, updated_at=row.updated_at, title=fields["title"],
        label=fields.get("label"), text=fields["text"], search_phrases=fields.get("search") or [],
        sources=fields.get("sources") or [], parent_id=fields.get("parent_id"),
        links=link_hosts(parse(fields["text"])[0], fields.get("sources") or []),
    )


@router.post("", response_model=ChangeOut, status_code=201, responses={
    412: {"description": "If-Match is stale"}, 428: {"description": "If-Match is missing"}})
def create_change(
    request: Request, repo: RepoDep, who: CurrentUser, body: ChangeIn,
    if_match: Annotated[str | None, Header(description="the ETag the edit started from")] = None,
    if_none_match: Annotated[str | None, Header(description="'*' for a page with no text yet")] = None,
) -> ChangeOut:
    cap = request.app.state.api_settings.max_open_drafts
    return out(workflow.create_change(repo, who, body, if_match, if_none_match, max_open=cap))


@router.get("", response_model=list[ChangeOut])
def list_changes(
    repo: RepoDep, who: CurrentUser, status: Status | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100, offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> list[ChangeOut]:
    with repo.read() as s:
        rows = rp.change_list(s, status, who.org, who.reviews, limit, offset)
        return [out(r) for r in rows]


@router.get("/{change_id}", response_model=ChangeOut)
def get_change(repo: RepoDep, who: CurrentUser, change_id: ChangeId) -> ChangeOut:
    return out(workflow.get_change(repo, who, change_id))


@router.post("/{change_id}/submit", response_model=ChangeOut)
def submit_change(repo: RepoDep, who: CurrentUser, change_id: ChangeId) -> ChangeOut:
    return out(workflow.submit(repo, who, change_id))


@router.post("/{change_id}/approve", response_model=ChangeOut)
def approve_change(request: Request, publisher: PublisherDep, who: Reviewer, change_id: ChangeId) -> ChangeOut:
    same_org = request.app.state.api_settings.review_same_org
    return out(workflow.approve(publisher, who, change_id, allow_same_org=same_org))


@router.post("/{change_id}/reject", response_model=ChangeOut)
def reject_change(repo: RepoDep, who: Reviewer, change_id: ChangeId, body: RejectIn) -> ChangeOut:
    return out(workflow.reject(repo, who, change_id, body.reason))
