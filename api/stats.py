"""Anonymous counts of which pages are read: (page id, language, day) -> count, nothing more.

Channels call :func:`record_view` for every page they show. Counts wait in memory and are
added to the store periodically and at shutdown; no id, text or time of day is kept, and
:func:`public_counts` hides counts under :data:`MINIMUM` so a rare page cannot single
someone out.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import Counter
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.content.validate import id_problem

from api.store.models import ViewCountRow
from api.store.repository import Repository

log = logging.getLogger(__name__)
MINIMUM = 5
_LANG = re.compile(r"^[a-z]{2,3}$")


class ViewCounter:
    def __init__(self) -> None:
        self._pending: Counter[tuple[str, str, str]] = Counter()
        self._lock = threading.Lock()
        self.repo: Repository | None = None

    def record(self, page_id: str | None, lang: str | None) -> None:
        """Count one view; anything that is not a page id and a language code is ignored."""
        if not page_id or not lang or id_problem(page_id) or not _LANG.match(lang):
            return
        day = datetime.now(timezone.utc).date().isoformat()
        with self._lock:
            self._pending[(page_id, lang, day)] += 1

    def flush(self) -> int:
        """Add the pending counts to the store; return how many rows were touched."""
        repo = self.repo
        if repo is None:
            return 0
        with self._lock:
            pending, self._pending = self._pending, Counter()
        if not pending:
            return 0
        try:
            with repo.write() as s:
                for (page_id, lang, day), count in pending.items():
                    row = s.get(ViewCountRow, (page_id, lang, day))
                    if row:
                        row.count += count
                    else:
                        s.add(ViewCountRow(page_id=page_id, lang=lang, day=day, count=count))
        except Exception:
            with self._lock:
                self._pending.update(pending)  # keep them for the next try
            log.warning("could not store view counts; will retry")
            raise
        return len(pending)


def public_counts(s: Session, since: str | None = None) -> tuple[list[ViewCountRow], int]:
    """Counts of at least :data:`MINIMUM`, and how many smaller ones were hidden."""
    query = select(ViewCountRow).order_by(ViewCountRow.day.desc(), ViewCountRow.page_id, ViewCountRow.lang)
    if since:
        query = query.where(ViewCountRow.day >= since)
    rows = list(s.scalars(query))
    shown = [r for r in rows if r.count >= MINIMUM]
    return shown, len(rows) - len(shown)


COUNTER = ViewCounter()


def record_view(page_id: str | None, lang: str | None) -> None:
    """Count one anonymous view in the service's counter."""
    COUNTER.record(page_id, lang)
