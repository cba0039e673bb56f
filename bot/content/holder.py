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
        """Serve ``snapshot`` from now on, once every preparer has seen it."""
        with self._lock:
            for listener in self._listeners:
                listener(snapshot)
            self._snapshot = snapshot

    def prepare_with(self, listener: Listener) -> None:
        """Call ``listener`` with each new snapshot *before* it is served.

        Derived data (the search index) is then ready when the first reader sees the new
        snapshot, instead of being built on that reader's time. A failing preparer stops the
        swap, so nothing half-prepared is served.
        """
        with self._lock:
            self._listeners.append(listener)
