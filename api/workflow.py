"""The review workflow: draft -> submitted -> approved (published) | rejected, and rollback.

Routes call these functions; each runs in one transaction and writes one audit event, so
every action can be traced to an organisation, a role, a change and a content hash.

Review means another organisation: the approver's organisation must differ from the
author's (unless the deployment allows same-organisation review), a draft is visible only
to its own organisation until it is submitted, a change whose author's token was revoked
can no longer be approved, and a rollback by one reviewer may only undo the latest
publish (back to the revision just before it), never republish an arbitrary old revision.
"""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from bot.i18n import N_

from api.auth import Principal
from api.errors import ApiError, FieldProblem, not_found, unprocessable
from api.publish import Publisher
from api.schemas import ChangeIn
from api.store import repository as rp
from api.store.models import ChangeRow, PageRow, RevisionRow, TokenRow
from api.store.pagedata import check_fields, content_hash
from api.store.repository import Repository, now

log = logging.getLogger(__name__)
PARENT_KINDS = ("home", "topic")
NEW_PAGE_KIND = "page"
BODY_FIELDS = (("title", "title"), ("label", "label"), ("text", "text"),
               ("search_phrases", "search"), ("sources", "sources"), ("recheck_by", "recheck_by"))


def etag(row: RevisionRow) -> str:
    return f'"{row.page_id}.{row.lang}.{row.number}.{row.content_hash[:16]}"'


def _same_text(a: dict[str, Any], b: dict[str, Any]) -> bool:
    keys = ("title", "label", "text", "search", "sources", "recheck_by")
    return all(a.get(k) == b.get(k) for k in keys)


def _base_for(s: Session, body: ChangeIn, if_match: str | None, if_none_match: str | None
              ) -> tuple[PageRow | None, RevisionRow | None]:
    if body.lang not in rp.languages(s):
        raise unprocessable([FieldProblem("lang", N_("unknown language {lang!r}", lang=body.lang))])
    page = s.get(PageRow, body.page_id)
    current = rp.latest(s, body.page_id, body.lang) if page else None
    if current is not None:
        if if_match is None:
            raise ApiError(428, N_("If-Match is required: send the ETag of the page your edit "
                                   "started from"))
        if if_match.strip() != etag(current):
            raise ApiError(412, N_("the page changed since your edit started (If-Match is stale); "
                                   "read it again and redo the edit"))
    else:
        if if_match is not None:
            raise ApiError(412, N_("the page has no text in this language yet; send "
                                   "If-None-Match: * instead"))
        if (if_none_match or "").strip() != "*":
            raise ApiError(428, N_("If-None-Match: * is required to write a page that has no "
                                   "text yet"))
    if page is not None and body.parent_id not in (None, page.parent_id):
        raise unprocessable([FieldProblem("parent_id", N_("only a new page can be given a parent"))])
    if page is None:
        parent = s.get(PageRow, body.parent_id) if body.parent_id else None
        if body.parent_id is None:
            raise unprocessable([FieldProblem("parent_id", N_("a new page needs a parent_id"))])
        if parent is None or parent.kind not in PARENT_KINDS:
            raise unprocessable([FieldProblem("parent_id",
                                              N_("the parent must be an existing topic or home"))])
    return page, current


def same_org(a: str, b: str) -> bool:
    """Organisation names compared the way a person reads them (case and spaces ignored)."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def create_change(repo: Repository, who: Principal, body: ChangeIn,
                  if_match: str | None, if_none_match: str | None, max_open: int = 50) -> ChangeRow:
    with repo.write() as s:
        if rp.open_changes(s, who.token_id) >= max_open:
            raise ApiError(429, N_("you have {count} open changes; submit, or ask a reviewer to "
                                   "reject, some of them before writing more", count=max_open))
        page, current = _base_for(s, body, if_match, if_none_match)
        fields = rp.revision_fields(current) if current else {"label": None, "search": [], "sources": []}
        for name, key in BODY_FIELDS:
            if name in body.model_fields_set:
                value = getattr(body, name)
                if name == "sources" and value:
                    value = [v.model_dump() for v in value]
                elif name == "recheck_by" and value:
                    value = value.isoformat()
                fields[key] = value
        fields["reviewed_on"] = date.today().isoformat()
        fields["reviewed_by"] = who.org
        kind = page.kind if page else NEW_PAGE_KIND
        _, problems = check_fields(body.page_id, body.lang, kind, fields)
        if problems:
            raise unprocessable(problems)
        if current and _same_text(fields, rp.revision_fields(current)):
            raise unprocessable([FieldProblem("text", N_("the change changes nothing"))])
        if page is None:
            fields["parent_id"] = body.parent_id
        stamp = now()
        row = ChangeRow(
            page_id=body.page_id, lang=body.lang, base_revision=current.number if current else 0,
            fields=json.dumps(fields, ensure_ascii=False), content_hash=content_hash(fields),
            status="draft", author_token=who.token_id, author_org=who.org,
            created_at=stamp, updated_at=stamp,
        )
        s.add(row)
        s.flush()
        rp.audit(s, "change.create", who.org, who.role, change_id=row.id, page_id=row.page_id,
                 lang=row.lang, revision=row.base_revision, content_hash=row.content_hash)
    log.info("change %d created by org=%s role=%s", row.id, who.org, who.role)
    return row


def visible(row: ChangeRow | None, who: Principal) -> ChangeRow:
    """Editors see their own organisation's changes; reviewers and admins also see other
    organisations' changes once they are submitted (a draft stays with its organisation)."""
    if row is None:
        raise not_found("change")
    if same_org(row.author_org, who.org):
        return row
    if not who.reviews or row.status == "draft":
        raise not_found("change")
    return row


def get_change(repo: Repository, who: Principal, change_id: int) -> ChangeRow:
    with repo.read() as s:
        return visible(rp.change(s, change_id), who)


def submit(repo: Repository, who: Principal, change_id: int) -> ChangeRow:
    with repo.write() as s:
        row = visible(rp.change(s, change_id), who)
        if not same_org(row.author_org, who.org):
            raise ApiError(403, N_("only the author's organisation can submit this change"))
        if row.status != "draft":
            raise ApiError(409, N_("only a draft can be submitted; this change is {status}",
                                   status=N_(row.status)))
        row.status, row.updated_at = "submitted", now()
        rp.audit(s, "change.submit", who.org, who.role, change_id=row.id, page_id=row.page_id,
                 lang=row.lang, content_hash=row.content_hash)
    log.info("change %d submitted by org=%s role=%s", row.id, who.org, who.role)
    return row


def _check_reviewer(s: Session, row: ChangeRow, who: Principal, allow_same_org: bool) -> None:
    if row.author_token == who.token_id:
        raise ApiError(403, N_("a second person must approve: the author cannot approve their "
                               "own change"))
    if not allow_same_org and same_org(row.author_org, who.org):
        raise ApiError(403, N_("a reviewer of another organisation must approve this change: "
                               "your organisation wrote it"))
    author = s.get(TokenRow, row.author_token)
    if author is None or author.revoked_at is not None:
        raise ApiError(409, N_("the token that wrote this change was revoked, so it can no "
                               "longer be approved; reject it, and write it again if it is still "
                               "wanted"))


def approve(publisher: Publisher, who: Principal, change_id: int, allow_same_org: bool = False) -> ChangeRow:
    def work(s: Session) -> tuple[ChangeRow, Any]:
        row = visible(rp.change(s, change_id), who)
        _check_reviewer(s, row, who, allow_same_org)
        if row.status != "submitted":
            raise ApiError(409, N_("only a submitted change can be approved; this change is "
                                   "{status}", status=N_(row.status)))
        fields = json.loads(row.fields)
        parent_id = fields.pop("parent_id", None)
        fields["reviewed_on"] = date.today().isoformat()
        fields["reviewed_by"] = who.org
        page = s.get(PageRow, row.page_id)
        if page is None:
            parent = s.get(PageRow, parent_id) if parent_id else None
            if parent is None or parent.kind not in PARENT_KINDS:
                raise ApiError(409, N_("the parent of this new page no longer exists"))
            page = rp.add_page(s, row.page_id, NEW_PAGE_KIND, parent_id, [])
        elif parent_id not in (None, page.parent_id):
            raise ApiError(409, N_("this page was created meanwhile under another parent"))
        revision, snapshot = publisher.stage(s, row.page_id, row.lang, page.kind, fields,
                                             row.base_revision, change_id=row.id)
        row.status, row.updated_at = "approved", now()
        row.reviewer_token, row.reviewer_org, row.revision = who.token_id, who.org, revision.number
        rp.audit(s, "change.approve", who.org, who.role, change_id=row.id, page_id=row.page_id,
                 lang=row.lang, revision=revision.number, content_hash=revision.content_hash)
        return row, snapshot

    row = publisher.apply(work)
    log.info("change %d approved and published by org=%s role=%s", row.id, who.org, who.role)
    return row


def reject(repo: Repository, who: Principal, change_id: int, reason: str) -> ChangeRow:
    with repo.write() as s:
        row = visible(rp.change(s, change_id), who)
        if row.status not in ("draft", "submitted"):
            raise ApiError(409, N_("only an open change can be rejected; this change is {status}",
                                   status=N_(row.status)))
        row.status, row.reason, row.updated_at = "rejected", reason, now()
        row.reviewer_token, row.reviewer_org = who.token_id, who.org
        rp.audit(s, "change.reject", who.org, who.role, change_id=row.id, page_id=row.page_id,
                 lang=row.lang, content_hash=row.content_hash)
    log.info("change %d rejected by org=%s role=%s", row.id, who.org, who.role)
    return row


def rollback(publisher: Publisher, who: Principal, page_id: str, lang: str, number: int) -> RevisionRow:
    def work(s: Session) -> tuple[RevisionRow, Any]:
        page = s.get(PageRow, page_id)
        old = rp.revision(s, page_id, lang, number) if page else None
        current = rp.latest(s, page_id, lang) if page else None
        if page is None or old is None or current is None:
            raise not_found("revision")
        if current.number == number:
            raise ApiError(409, N_("revision {number} is already the published one",
                                   number=number))
        if current.rolled_back_from is not None:
            raise ApiError(409, N_("revision {number} is itself a rollback; to publish other "
                                   "text, propose it as a change so another organisation "
                                   "reviews it", number=current.number))
        if number != current.number - 1:
            raise ApiError(409, N_("a rollback can only undo the latest publish (back to "
                                   "revision {number}); to publish older text, propose it as a "
                                   "change so another organisation reviews it",
                                   number=current.number - 1))
        revision, snapshot = publisher.stage(s, page_id, lang, page.kind, rp.revision_fields(old),
                                             current.number, rolled_back_from=number)
        rp.audit(s, "page.rollback", who.org, who.role, page_id=page_id, lang=lang,
                 revision=revision.number, content_hash=revision.content_hash,
                 detail=f"republished revision {number}")
        return revision, snapshot

    row = publisher.apply(work)
    log.info("page rolled back to an earlier revision by org=%s role=%s", who.org, who.role)
    return row
