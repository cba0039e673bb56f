"""Publishing: turn a revision into the snapshot every channel serves, all or nothing.

The store's transaction and the swap of the shared :class:`ContentHolder` happen under one
lock, so snapshots are swapped in the order their revisions were committed, and a change
that would make the snapshot invalid is refused before anything is written.
"""

from __future__ import annotations

import json
import logging
import threading
from functools import lru_cache
from datetime import date
from pathlib import Path
from typing import Any, Callable, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.channels.fit import affected_pages, fit_problems
from bot.content import load_content
from bot.content.loader import read_lexicon
from bot.content.lexicon import EMPTY_LEXICON, LEXICON_FILE, Lexicon, parse_lexicon
from bot.content.holder import ContentHolder
from bot.content.model import PageText, Snapshot
from bot.i18n import N_

from api.errors import ApiError, FieldProblem, unprocessable
from api.store import repository as rp
from api.store.models import RevisionRow
from api.store.pagedata import build_snapshot, check_fields, fields_of
from api.store.repository import Repository
from api.sync import folder_digest, record_digest, sync_content

log = logging.getLogger(__name__)
T = TypeVar("T")


class StoreError(Exception):
    """The store holds no servable content; the message says why."""


def stored_snapshot(s: Session, override: dict[tuple[str, str], PageText] | None = None
                    ) -> tuple[Snapshot | None, list[Any]]:
    """Build the snapshot from the published revisions (plus ``override``)."""
    pages = rp.page_dicts(s)
    kinds = {p["id"]: p["kind"] for p in pages}
    texts: dict[tuple[str, str], PageText] = {}
    problems: list[Any] = []
    for key, row in rp.latest_all(s).items():
        if override and key in override:
            continue
        page, found = _parsed(row, kinds.get(row.page_id, "page"))
        problems += found
        if page:
            texts[key] = page
    texts.update(override or {})
    if problems:
        return None, problems
    return build_snapshot(rp.languages(s), pages, texts, stored_lexicon(s, {p["id"] for p in pages}))


LEXICON_KEY = "lexicon"


def stored_lexicon(s: Session, page_ids: set[str]) -> Lexicon:
    """The concept lexicon the store serves (kept as JSON beside the pages)."""
    raw = rp.get_meta(s, LEXICON_KEY)
    if not raw:
        return EMPTY_LEXICON
    lexicon, _ = parse_lexicon(json.loads(raw), page_ids)
    return lexicon


def sync_lexicon(repo: Repository, lexicon: Lexicon) -> bool:
    """Store the content folder's lexicon when it differs from the stored one."""
    data = json.dumps(lexicon.as_data(), ensure_ascii=False, sort_keys=True)
    with repo.write() as s:
        if rp.get_meta(s, LEXICON_KEY) == data:
            return False
        rp.set_meta(s, LEXICON_KEY, data)
        rp.audit(s, "lexicon.import", "content folder", "system")
    log.info("stored the content folder's concept lexicon")
    return True


@lru_cache(maxsize=4096)
def _parse_cached(page_id: str, lang: str, kind: str, digest: str, raw: str) -> tuple[PageText | None, list[Any]]:
    # Published text is served as it was published: a phone number written before numbers
    # had to be links stays plain text (an upgrade never stops a store from starting).
    return check_fields(page_id, lang, kind, json.loads(raw), phone_links=False)


def _parsed(row: RevisionRow, kind: str) -> tuple[PageText | None, list[Any]]:
    """Parse a stored revision once: revisions never change, so their hash is the key."""
    raw = json.dumps(rp.revision_fields(row), ensure_ascii=False, sort_keys=True)
    return _parse_cached(row.page_id, row.lang, kind, row.content_hash, raw)


def import_content(repo: Repository, content_dir: Path) -> Snapshot | None:
    """Import ``content_dir`` as revision 1 of every page if the store is empty.

    Returns the imported snapshot, or None when the store already held content.

    Raises :class:`bot.content.ContentError` (with every ``file:line``) when the folder is
    invalid; nothing is written then.
    """
    with repo.write() as s:
        if rp.languages(s):
            return None
        snapshot = load_content(content_dir, today=date.today())
        rp.set_meta(s, "languages", json.dumps(list(snapshot.languages)))
        for node in snapshot.nodes.values():
            rp.add_page(s, node.id, node.kind, node.parent, list(node.related))
        for (lang, page_id), page in sorted(snapshot.texts.items()):
            fields = fields_of(page)
            row = rp.add_revision(s, page_id, lang, 1, fields, flush=False)
            rp.audit(s, "content.import", "content folder", "system", page_id=page_id, lang=lang,
                     revision=1, content_hash=row.content_hash)
    log.info("imported the content folder as revision 1: %d pages", len(snapshot.nodes))
    return snapshot


def load_snapshot(repo: Repository, content_dir: Path) -> Snapshot:
    """The snapshot to serve at start: the store's, after a first import if it is empty, or
    after taking a changed content folder into it (see :mod:`api.sync`).

    The concept lexicon is reviewed in the content folder like code, so each start takes
    the folder's current lexicon into the store.
    """
    digest = folder_digest(content_dir) if content_dir.is_dir() else None
    imported = import_content(repo, content_dir)
    if imported is not None:
        if digest:
            record_digest(repo, digest)
        # Just written from this very snapshot: reading it back would only validate the same
        # 264 texts a second time (a third of a second at every first start).
        sync_lexicon(repo, imported.lexicon)
        return imported
    if digest:
        sync_content(repo, content_dir, digest)
    if (content_dir / LEXICON_FILE).exists():
        with repo.read() as s:
            page_ids = {p["id"] for p in rp.page_dicts(s)}
        lexicon, problems = read_lexicon(content_dir / LEXICON_FILE, page_ids)
        if problems:
            log.warning("the content folder's lexicon was not taken: %d problem(s)", len(problems))
        else:
            sync_lexicon(repo, lexicon)
    with repo.read() as s:
        snapshot, problems = stored_snapshot(s)
    if snapshot is None:
        raise StoreError("; ".join(f"{p.field}: {p.message}" for p in problems))
    return snapshot


class Publisher:
    def __init__(self, repo: Repository, holder: ContentHolder) -> None:
        self.repo = repo
        self.holder = holder
        self._lock = threading.Lock()

    def apply(self, work: Callable[[Session], tuple[T, Snapshot | None]]) -> T:
        """Run ``work`` in one write transaction; swap in its snapshot once committed."""
        with self._lock:
            try:
                with self.repo.write() as s:
                    result, snapshot = work(s)
            except IntegrityError as exc:
                raise ApiError(409, N_("the page was changed by someone else at the same time")) from exc
            if snapshot is not None:
                self.holder.swap(snapshot)
                log.info("published snapshot %s", snapshot.short_version)
        return result

    def stage(
        self, s: Session, page_id: str, lang: str, kind: str, fields: dict[str, Any], base: int,
        change_id: int | None = None, rolled_back_from: int | None = None,
    ) -> tuple[RevisionRow, Snapshot]:
        """Add the next revision of (page, lang) if ``base`` is still the latest one."""
        current = rp.latest(s, page_id, lang)
        number = current.number if current else 0
        if number != base:
            raise ApiError(409, N_("the page changed since this edit started (revision {base}, now "
                                   "{number}); start again from the current text",
                                   base=base, number=number))
        # A rollback brings back text that was published before, as it was.
        page, problems = check_fields(page_id, lang, kind, fields,
                                      phone_links=rolled_back_from is None)
        if problems:
            raise unprocessable(problems)
        assert page is not None
        snapshot, problems = stored_snapshot(s, {(lang, page_id): page})
        if snapshot is None:
            raise unprocessable(problems)
        misfits = fit_problems(snapshot, affected_pages(snapshot, page_id))
        if misfits:  # rendered as each channel sends it, the page would be refused
            raise unprocessable([FieldProblem("text", p.described) for p in misfits])
        row = rp.add_revision(s, page_id, lang, number + 1, fields, change_id, rolled_back_from)
        return row, snapshot
