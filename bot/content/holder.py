"""The one place that knows which snapshot is being served right now.

Publishing replaces the reference in a single assignment, which is atomic in Python, so a
reader holds either the old or the new snapshot, never a mix.
"""

from __future__ import annotations

import threading
from typing import Callable

from bot.content.model import Snapshot

Listener = Callable[[Snapshot], None]


class ContentHolder:
    def __init__(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    def swap(self, snapshot: Snapshot) -> None:
        """Serve ``snapshot`` from now on and tell every listener."""
        with self._lock:
            self._snapshot = snapshot
            listeners = list(self._listeners)
        for listener in listeners:
            listener(snapshot)

    def subscribe(self, listener: Listener) -> None:
        with self._lock:
            self._listeners.append(listener)
