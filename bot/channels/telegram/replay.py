"""A bounded memory of recent update ids, so a replayed update is not answered twice.

Telegram may deliver an update again (a webhook answer that got lost), and anyone holding
the webhook secret could replay one. Update ids are the bot's own sequence numbers, not
about any person; only the most recent ones are kept, in memory.
"""

from __future__ import annotations

from collections import deque

RECENT = 10_000


class RecentUpdates:
    def __init__(self, size: int = RECENT) -> None:
        self._order: deque[int] = deque()
        self._seen: set[int] = set()
        self._size = size

    def first_time(self, update_id: int) -> bool:
        """True the first time an id is seen; remembers it (forgetting the oldest)."""
        if update_id in self._seen:
            return False
        self._seen.add(update_id)
        self._order.append(update_id)
        if len(self._order) > self._size:
            self._seen.discard(self._order.popleft())
        return True
