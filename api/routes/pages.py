"""Published pages: public to read (with an ETag to start an edit from); rollback by reviewers."""

from __future__ import annotations

import json

from fastapi import APIRouter, Query, Request, Response

from bot.i18n import N_

from api.deps import PublisherDep, RepoDep, Reviewer
from api.errors import FieldProblem, not_found, unprocessable
from api.schemas import Lang, PageId, PageOut, PageSummary, RevisionOut, RollbackIn
from api.store import repository as rp
from api.store.models import PageRow, RevisionRow
from api.workflow import etag, rollback

router = APIRouter(prefix="/pages", tags=["pages"])
LangQuery = Query(description="language code, e.g. nl, en or fr")


def _summary(request: Request, page: PageRow, row: RevisionRow) -> dict[str, object]:
    served = page.id in request.app.state.holder.snapshot.nodes
    return {"id": page.id, "kind": page.kind, "parent_id": page.parent_id, "lang": row.lang,
            "title": row.title, "revision": row.number, "etag": etag(row), "served": served}


def _check_lang(s: object, lang: str) -> None:
    if lang not in rp.languages(s):  # type: ignore[arg-type]
        raise unprocessable([FieldProblem("lang", N_("unknown language {lang!r}", lang=lang))])


@router.get("", response_model=list[PageSummary])
def list_pages(request: Request, repo: RepoDep, lang: Lang = LangQuery) -> list[dict[str, object]]:
    with repo.read() as s:
        _check_lang(s, lang)
        latest = rp.latest_all(s)
        return [_summary(request, p, latest[(lang, p.id)]) for p in rp.page_rows(s) if (lang, p.id) in latest]


@router.get("/{page_id}", response_model=PageOut, responses={404: {"description": "no such page"}})
def get_page(request: Request, response: Response, repo: RepoDep, page_id: PageId,
             lang: Lang = LangQuery) -> dict[str, object]:
    with repo.read() as s:
        _check_lang(s, lang)
        page = s.get(PageRow, page_id)
        row = rp.latest(s, page_id, lang) if page else None
        if page is None or row is None:
            raise not_found("page")
        response.headers["ETag"] = etag(row)
        return {**_summary(request, page, row), "label": row.label, "text": row.text,
                "search_phrases": json.loads(row.search), "sources": json.loads(row.sources),
                "reviewed_on": row.reviewed_on, "reviewed_by": row.reviewed_by,
                "recheck_by": row.recheck_by, "content_hash": row.content_hash}


@router.get("/{page_id}/revisions", response_model=list[RevisionOut])
def list_revisions(repo: RepoDep, page_id: PageId, lang: Lang = LangQuery) -> list[RevisionRow]:
    with repo.read() as s:
        _check_lang(s, lang)
        rows = rp.revision_list(s, page_id, lang)
        if not rows:
            raise not_found("page")
        return rows


@router.post("/{page_id}/rollback", response_model=PageSummary, status_code=201)
def rollback_page(request: Request, publisher: PublisherDep, who: Reviewer, page_id: PageId,
                  body: RollbackIn) -> dict[str, object]:
    row = rollback(publisher, who, page_id, body.lang, body.revision)
    with publisher.repo.read() as s:
        page = s.get(PageRow, page_id)
        assert page is not None
        return _summary(request, page, row)
