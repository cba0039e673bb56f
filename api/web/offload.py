"""Running the engine off the event loop, a bounded number at a time.

A free-text question costs tens of milliseconds of search; run on the event loop, a few
dozen of them at once delay every other answer (health checks, the API, the Telegram
webhook). Here each runs in a worker thread, at most ``threads`` at once, with at most
``queue`` more waiting; beyond that the caller gets :class:`Busy` (a 503) at once.
"""

from __future__ import annotations

from typing import Any, Callable, TypeVar

import anyio
import anyio.to_thread

T = TypeVar("T")


class Busy(Exception):
    """Every worker is taken and the queue is full."""


class EngineRunner:
    def __init__(self, threads: int = 1, queue: int = 64) -> None:
        self.threads = threads
        self.queue = queue
        self._limiter: anyio.CapacityLimiter | None = None

    def _get_limiter(self) -> anyio.CapacityLimiter:
        if self._limiter is None:  # made inside the running event loop, on first use
            self._limiter = anyio.CapacityLimiter(self.threads)
        return self._limiter

    async def __call__(self, fn: Callable[..., T], *args: Any) -> T:
        limiter = self._get_limiter()
        if limiter.statistics().tasks_waiting >= self.queue:
            raise Busy
        return await anyio.to_thread.run_sync(fn, *args, limiter=limiter)
