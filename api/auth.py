"""API tokens: random bearer secrets of which the store keeps only a SHA-256 hash.

A token belongs to an organisation and has one role. Failed logins are slowed down per
client (a keyed hash of its address, kept in memory only; see :mod:`api.clients`), so
guessing costs time while good tokens go through at once, and one client's failures
cannot lock out everyone else. Token values are never logged; only org and role are.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.store.models import TokenRow
from api.store.repository import audit, now

ROLES = ("editor", "reviewer", "admin")
PREFIX = "rbt_"


@dataclass(frozen=True)
class Principal:
    token_id: int
    org: str
    role: str

    @property
    def reviews(self) -> bool:
        return self.role in ("reviewer", "admin")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def create_token(s: Session, org: str, role: str) -> tuple[str, TokenRow]:
    """Make a new token; return its value (shown once) and its stored row."""
    org = org.strip()
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if not org or len(org) > 100:
        raise ValueError("the organisation name must be 1 to 100 characters")
    value = PREFIX + secrets.token_urlsafe(32)
    row = TokenRow(token_hash=hash_token(value), org=org, role=role, created_at=now())
    s.add(row)
    s.flush()
    audit(s, "token.create", org, role, detail=f"token {row.id}")
    return value, row


def list_tokens(s: Session) -> list[TokenRow]:
    return list(s.scalars(select(TokenRow).order_by(TokenRow.id)))


def revoke_token(s: Session, token_id: int) -> TokenRow | None:
    row = s.get(TokenRow, token_id)
    if row and row.revoked_at is None:
        row.revoked_at = now()
        audit(s, "token.revoke", row.org, row.role, detail=f"token {row.id}")
    return row


def lookup(s: Session, token: str) -> Principal | None:
    row = s.scalar(select(TokenRow).where(TokenRow.token_hash == hash_token(token)))
    if row is None or row.revoked_at is not None:
        return None
    return Principal(row.id, row.org, row.role)


class Throttle:
    """Delays a client's failed logins more the more of them it had in the last minute."""

    def __init__(self, free: int = 10, window: float = 60.0, max_delay: float = 2.0,
                 refuse_after: int = 200, max_clients: int = 10_000) -> None:
        self.free = free
        self.window = window
        self.max_delay = max_delay
        self.refuse_after = refuse_after
        self.max_clients = max_clients
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def _recent(self, client: str) -> int:
        failures = self._failures.get(client)
        if failures is None:
            return 0
        cutoff = time.monotonic() - self.window
        while failures and failures[0] < cutoff:
            failures.popleft()
        if not failures:
            del self._failures[client]
            return 0
        return len(failures)

    def blocked(self, client: str) -> bool:
        with self._lock:
            return self._recent(client) >= self.refuse_after

    async def failed(self, client: str) -> None:
        """Record a failure of ``client`` and wait before answering it."""
        with self._lock:
            failures = self._failures.pop(client, None) or deque(maxlen=self.refuse_after + 1)
            failures.append(time.monotonic())
            self._failures[client] = failures  # most recent last
            while len(self._failures) > self.max_clients:
                self._failures.popitem(last=False)
            excess = self._recent(client) - self.free
        if excess > 0:
            await asyncio.sleep(min(self.max_delay, 0.05 * 2 ** min(excess, 10)))
