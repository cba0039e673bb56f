"""Anonymous counts of which pages are read: (page id, language, day) -> count, nothing more.

Channels call :meth:`ViewCounter.record` for every page they show. Counts wait in memory and are
added to the store periodically and at shutdown; no id, text or time of day is kept.

What :func:`public_counts` releases cannot single anyone out:

- only closed days, once :data:`GRACE` has passed after the day ended (UTC), so a count
  never changes between two reads and nobody can watch it grow;
- each count plus a secret offset from 0 to 9, fixed per page, language and day (an HMAC
  with a key kept in the store), rounded down to a multiple of :data:`GRANULARITY`; what
  is under :data:`MINIMUM` is left out. Someone who adds views of their own (padding) to
  find where a count turns into the next multiple cannot know where that edge is, so
  whether one more person read a page stays hidden.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
import threading
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from typing import Callable

from sqlalchemy import select

from bot.content.validate import id_problem

from api.store import repository as rp
from api.store.models import ViewCountRow
from api.store.repository import Repository

log = logging.getLogger(__name__)
MINIMUM = 10
GRANULARITY = 10
# Counts are stored every minute and at shutdown; an hour after midnight every view of the
# day before is in the store, so its count is final when it is released.
GRACE = timedelta(hours=1)
_LANG = re.compile(r"^[a-z]{2,3}$")
_KEY_NAME = "stats_offset_key"


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class ViewCounter:
    def __init__(self, now: Callable[[], datetime] = utc_now) -> None:
        self._pending: Counter[tuple[str, str, str]] = Counter()
        self._lock = threading.Lock()
        self.repo: Repository | None = None
        self.now = now

    def record(self, page_id: str | None, lang: str | None) -> None:
        """Count one view; anything that is not a page id and a language code is ignored."""
        if not page_id or not lang or id_problem(page_id) or not _LANG.match(lang):
            return
        day = self.now().date().isoformat()
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


def last_closed_day(now: datetime) -> date:
    """The newest day whose counts may be released at ``now``."""
    return (now - GRACE).date() - timedelta(days=1)


def _offset_key(repo: Repository) -> bytes:
    """The store's secret for the offsets, made once; kept so a restart changes nothing."""
    with repo.read() as s:
        value = rp.get_meta(s, _KEY_NAME)
    if value is None:
        with repo.write() as s:
            value = rp.get_meta(s, _KEY_NAME)
            if value is None:
                value = secrets.token_hex(32)
                rp.set_meta(s, _KEY_NAME, value)
    return bytes.fromhex(value)


def released(count: int, key: bytes, page_id: str, lang: str, day: str) -> int:
    """The count as released: plus the fixed secret offset, rounded down; 0 means hidden."""
    digest = hmac.new(key, f"{page_id}\0{lang}\0{day}".encode(), hashlib.sha256).digest()
    offset = int.from_bytes(digest[:4], "big") % GRANULARITY
    shown = (count + offset) // GRANULARITY * GRANULARITY
    return shown if shown >= MINIMUM else 0


def public_counts(repo: Repository, now: datetime, since: str | None = None) -> tuple[list[ViewCountRow], date]:
    """The releasable counts (closed days only, offset and coarsened), newest day first,
    and the last day they cover."""
    through = last_closed_day(now)
    key = _offset_key(repo)
    query = (select(ViewCountRow).where(ViewCountRow.day <= through.isoformat())
             .order_by(ViewCountRow.day.desc(), ViewCountRow.page_id, ViewCountRow.lang))
    if since:
        query = query.where(ViewCountRow.day >= since)
    out: list[ViewCountRow] = []
    with repo.read() as s:
        for row in s.scalars(query):
            shown = released(row.count, key, row.page_id, row.lang, row.day)
            if shown:
                out.append(ViewCountRow(page_id=row.page_id, lang=row.lang, day=row.day, count=shown))
    return out, through
