"""Reading and writing the store in short transactions.

Every write runs in :meth:`Repository.write`, which on SQLite takes the write lock at the
start (``BEGIN IMMEDIATE``), so a read-then-write such as "is the base still the latest
revision?" cannot interleave with another writer.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any, Iterator

from sqlalchemy import Engine, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from api.store.models import AuditRow, ChangeRow, Meta, PageRow, RevisionRow
from api.store.pagedata import content_hash


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


class Repository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(engine.execution_options(immediate=True), expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read.begin() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._write.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


# Meta ----------------------------------------------------------------------------------

def get_meta(s: Session, key: str) -> str | None:
    row = s.get(Meta, key)
    return row.value if row else None


def set_meta(s: Session, key: str, value: str) -> None:
    row = s.get(Meta, key)
    if row:
        row.value = value
    else:
        s.add(Meta(key=key, value=value))


def languages(s: Session) -> tuple[str, ...]:
    raw = get_meta(s, "languages")
    return tuple(json.loads(raw)) if raw else ()


# Pages and revisions -------------------------------------------------------------------

def page_rows(s: Session) -> list[PageRow]:
    return list(s.scalars(select(PageRow).order_by(PageRow.position)))


def page_dicts(s: Session) -> list[dict[str, Any]]:
    return [
        {"id": p.id, "kind": p.kind, "parent_id": p.parent_id, "related": json.loads(p.related)}
        for p in page_rows(s)
    ]


def add_page(s: Session, page_id: str, kind: str, parent_id: str | None, related: list[str]) -> PageRow:
    last = s.scalar(select(func.max(PageRow.position))) or 0
    row = PageRow(id=page_id, kind=kind, parent_id=parent_id, position=last + 1, related=json.dumps(related))
    s.add(row)
    s.flush()
    return row


def latest(s: Session, page_id: str, lang: str) -> RevisionRow | None:
    return s.scalar(
        select(RevisionRow).where(RevisionRow.page_id == page_id, RevisionRow.lang == lang)
        .order_by(RevisionRow.number.desc()).limit(1)
    )


def latest_all(s: Session) -> dict[tuple[str, str], RevisionRow]:
    """The published revision of every (lang, page): the highest number of each."""
    top = (
        select(RevisionRow.page_id, RevisionRow.lang, func.max(RevisionRow.number).label("n"))
        .group_by(RevisionRow.page_id, RevisionRow.lang).subquery()
    )
    rows = s.scalars(select(RevisionRow).join(
        top, (RevisionRow.page_id == top.c.page_id) & (RevisionRow.lang == top.c.lang)
        & (RevisionRow.number == top.c.n)
    ))
    return {(r.lang, r.page_id): r for r in rows}


def revision_list(s: Session, page_id: str, lang: str) -> list[RevisionRow]:
    return list(s.scalars(
        select(RevisionRow).where(RevisionRow.page_id == page_id, RevisionRow.lang == lang)
        .order_by(RevisionRow.number)
    ))


def revision(s: Session, page_id: str, lang: str, number: int) -> RevisionRow | None:
    return s.scalar(select(RevisionRow).where(
        RevisionRow.page_id == page_id, RevisionRow.lang == lang, RevisionRow.number == number))


def revision_fields(row: RevisionRow) -> dict[str, Any]:
    return {
        "title": row.title, "label": row.label, "text": row.text,
        "search": json.loads(row.search), "sources": json.loads(row.sources),
        "reviewed_on": row.reviewed_on, "reviewed_by": row.reviewed_by,
        "recheck_by": row.recheck_by,
    }


def add_revision(
    s: Session, page_id: str, lang: str, number: int, fields: dict[str, Any],
    change_id: int | None = None, rolled_back_from: int | None = None, flush: bool = True,
) -> RevisionRow:
    """Add one revision; ``flush=False`` lets a bulk import write all rows in one go."""
    row = RevisionRow(
        page_id=page_id, lang=lang, number=number, title=fields["title"], label=fields.get("label"),
        text=fields["text"], search=json.dumps(fields.get("search") or [], ensure_ascii=False),
        sources=json.dumps(fields.get("sources") or [], ensure_ascii=False),
        reviewed_on=str(fields["reviewed_on"]), reviewed_by=fields["reviewed_by"],
        recheck_by=str(fields["recheck_by"]) if fields.get("recheck_by") else None,
        content_hash=content_hash(fields), change_id=change_id,
        rolled_back_from=rolled_back_from, created_at=now(),
    )
    s.add(row)
    if flush:
        s.flush()
    return row


# Changes -------------------------------------------------------------------------------

def change(s: Session, change_id: int) -> ChangeRow | None:
    return s.get(ChangeRow, change_id)


def change_list(s: Session, status: str | None, org: str, everyone_submitted: bool,
                limit: int, offset: int) -> list[ChangeRow]:
    """Changes of ``org``; with ``everyone_submitted`` (reviewers) also every other
    organisation's changes that left the draft stage."""
    query = select(ChangeRow).order_by(ChangeRow.id)
    if status:
        query = query.where(ChangeRow.status == status)
    own = func.lower(ChangeRow.author_org) == org.lower()
    query = query.where(or_(own, ChangeRow.status != "draft") if everyone_submitted else own)
    return list(s.scalars(query.limit(limit).offset(offset)))


def open_changes(s: Session, token_id: int) -> int:
    """How many drafts and submitted changes one token has waiting."""
    return s.scalar(select(func.count()).select_from(ChangeRow).where(
        ChangeRow.author_token == token_id, ChangeRow.status.in_(("draft", "submitted")))) or 0


# Audit ---------------------------------------------------------------------------------

def audit(
    s: Session, action: str, org: str, role: str, *, change_id: int | None = None,
    page_id: str | None = None, lang: str | None = None, revision: int | None = None,
    content_hash: str | None = None, detail: str | None = None,
) -> None:
    s.add(AuditRow(
        at=now(), action=action, org=org, role=role, change_id=change_id, page_id=page_id,
        lang=lang, revision=revision, content_hash=content_hash, detail=detail,
    ))


def audit_list(s: Session, limit: int, offset: int) -> list[AuditRow]:
    return list(s.scalars(select(AuditRow).order_by(AuditRow.id.desc()).limit(limit).offset(offset)))
