"""Whether the Bot API answered the last call, so health can report an outage.

python-telegram-bot retries failed long polls by itself and tells nobody; the service looks
"running" through a whole outage. Every HTTP call goes through :class:`TrackedRequest`, which
notes whether the server answered (any status below 500) or the call failed on the network.
"""

from __future__ import annotations

from typing import Any

from telegram.error import NetworkError
from telegram.request import HTTPXRequest


class Reachability:
    """The outcome of the most recently *started* call that has finished.

    Ordering by start matters: a long poll swallowed during an outage can time out well
    after newer calls succeeded, and must not turn the state back to unreachable.
    """

    def __init__(self) -> None:
        self.reachable = False
        self._started = 0
        self._latest = 0

    def begin(self) -> int:
        self._started += 1
        return self._started

    def finish(self, call: int, ok: bool) -> None:
        if call > self._latest:
            self._latest = call
            self.reachable = ok


class TrackedRequest(HTTPXRequest):
    """An HTTPXRequest that reports each call's outcome to a :class:`Reachability`."""

    def __init__(self, reachability: Reachability, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._reachability = reachability

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        call = self._reachability.begin()
        try:
            status, payload = await super().do_request(*args, **kwargs)
        except NetworkError:  # TimedOut is a NetworkError too
            self._reachability.finish(call, ok=False)
            raise
        self._reachability.finish(call, ok=status < 500)
        return status, payload
