"""Bringing a newer content folder into a store that already holds content.

A release can correct a fact (the winter shelter, a helpline's number) or add pages. A
store made by an earlier release would otherwise keep serving the old text for ever, since
the folder is only imported into an empty store. At each start the folder is compared with
the one last taken (a digest of its files, so an unchanged folder costs a few milliseconds),
and when it changed:

- a text the store still holds as the folder gave it (no organisation edited it through the
  API since) becomes a new revision with the folder's text;
- a text an organisation edited or rolled back through the API is kept, and counted in the
  log, so the network's own work is never overwritten;
- a page new in the folder is added in the folder's place in the tree;
- the tree's order, parents and "see also" links follow the folder for the folder's pages.

All of it is one transaction, checked by building the snapshot it would serve: an invalid
result is rolled back and the store's content is served as it was.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from bot.content import ContentError, load_content
from bot.content.model import Snapshot

from api.store import repository as rp
from api.store.pagedata import content_hash, fields_of
from api.store.repository import Repository

log = logging.getLogger(__name__)
DIGEST_KEY = "content_folder_digest"
ACTOR = "content folder"


def folder_digest(content_dir: Path) -> str:
    """A digest of every file that makes up the content (names and bytes)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in content_dir.rglob("*") if p.is_file() and p.suffix in (".md", ".yaml")):
        digest.update(str(path.relative_to(content_dir)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass
class SyncResult:
    updated: int = 0
    added_pages: int = 0
    kept_edits: int = 0
    skipped: str | None = None  # why nothing was taken, when nothing was


class _Invalid(Exception):
    pass


def sync_content(repo: Repository, content_dir: Path, digest: str | None = None) -> SyncResult:
    """Take a changed content folder into the store (see the module's docstring)."""
    digest = digest or folder_digest(content_dir)
    with repo.read() as s:
        if rp.get_meta(s, DIGEST_KEY) == digest:
            return SyncResult(skipped="unchanged")
    try:
        folder = load_content(content_dir, today=date.today())
    except ContentError as exc:
        log.warning("the content folder was not taken: %d problem(s); run `rightsbot content check`",
                    len(exc.problems))
        return SyncResult(skipped="invalid folder")
    try:
        with repo.write() as s:
            result = _apply(s, folder)
            rp.set_meta(s, DIGEST_KEY, digest)
            _check_servable(s)
    except _Invalid as exc:
        log.warning("the content folder was not taken: the result would not be servable (%s)", exc)
        return SyncResult(skipped="not servable")
    if result.updated or result.added_pages:
        log.info("took the content folder: %d texts updated, %d pages added, %d texts kept as "
                 "organisations edited them", result.updated, result.added_pages, result.kept_edits)
    return result


def _apply(s: Session, folder: Snapshot) -> SyncResult:
    result = SyncResult()
    languages = set(rp.languages(s))
    rows = {row.id: row for row in rp.page_rows(s)}
    offset = len(folder.nodes)
    for row in rows.values():  # pages made through the API stay after the folder's pages
        if row.id not in folder.nodes:
            row.position += offset
    for node in folder.nodes.values():
        page = rows.get(node.id)
        if page is None:
            page = rp.add_page(s, node.id, node.kind, node.parent, list(node.related))
            result.added_pages += 1
        page.kind, page.parent_id, page.position = node.kind, node.parent, node.order
        page.related = json.dumps(list(node.related))
    s.flush()
    latest = rp.latest_all(s)
    for (lang, page_id), text in sorted(folder.texts.items()):
        if lang not in languages:
            continue
        fields = fields_of(text)
        current = latest.get((lang, page_id))
        if current is not None and current.content_hash == content_hash(fields):
            continue
        if current is not None and (current.change_id is not None or current.rolled_back_from is not None):
            result.kept_edits += 1
            continue
        number = current.number + 1 if current else 1
        revision = rp.add_revision(s, page_id, lang, number, fields, flush=False)
        rp.audit(s, "content.sync", ACTOR, "system", page_id=page_id, lang=lang, revision=number,
                 content_hash=revision.content_hash)
        result.updated += 1
    s.flush()
    return result


def _check_servable(s: Session) -> None:
    from api.publish import stored_snapshot  # publish imports this module

    snapshot, problems = stored_snapshot(s)
    if snapshot is None:
        raise _Invalid("; ".join(f"{p.field}: {p.message}" for p in problems[:3]))


def record_digest(repo: Repository, digest: str) -> None:
    with repo.write() as s:
        rp.set_meta(s, DIGEST_KEY, digest)
