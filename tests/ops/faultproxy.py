"""A TCP proxy on loopback that breaks Bot API calls the way a bad network does.

It sits between the bot and the fake Bot API and decides per HTTP request (by the Bot API
method in the request line) what happens to it:

- ``pass``: forwarded both ways;
- ``reset``: the connection is closed before the request reaches the server, so the
  client sees a dropped connection and the server never sees the call;
- ``hang``: the request is swallowed and never answered, so the client times out and the
  server never sees the call;
- ``slow``: the request is forwarded (the server acts on it) but the answer is held back
  longer than the client waits, so the client times out on a call that did happen.

Every fault applied is counted in :attr:`FaultProxy.hits`, so a test can check that the
fault it meant to cause really happened.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import socket
from collections import Counter
from dataclasses import dataclass

MODES = ("pass", "reset", "hang", "slow")
_REQUEST_LINE = re.compile(rb"^(GET|POST) /bot[^/ ]+/(\w+) HTTP/1\.[01]\r\n")


@dataclass
class Rule:
    mode: str
    methods: frozenset[str] | None  # None: every method
    remaining: int | None  # None: until changed

    def matches(self, method: str) -> bool:
        return (self.methods is None or method in self.methods) and self.remaining != 0


class FaultProxy:
    def __init__(self, upstream: str, slow_seconds: float = 3.0) -> None:
        host, port = upstream.removeprefix("http://").split(":")
        self.upstream = (host, int(port))
        self.slow_seconds = slow_seconds
        self.hits: Counter[tuple[str, str]] = Counter()
        self._rule = Rule("pass", None, None)
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()
        self.url = ""

    def set(self, mode: str, methods: tuple[str, ...] | None = None, count: int | None = None) -> None:
        """Apply ``mode`` to ``methods`` (all when None), for ``count`` requests or until changed."""
        if mode not in MODES:
            raise ValueError(mode)
        self._rule = Rule(mode, frozenset(methods) if methods else None, count)

    def faults(self, mode: str, method: str | None = None) -> int:
        return sum(n for (m, meth), n in self.hits.items() if m == mode and method in (None, meth))

    def _decide(self, method: str) -> str:
        rule = self._rule
        if rule.mode == "pass" or not rule.matches(method):
            return "pass"
        if rule.remaining is not None:
            rule.remaining -= 1
        self.hits[(rule.mode, method)] += 1
        return rule.mode

    async def start(self) -> str:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self._server = await asyncio.start_server(self._connection, sock=sock)
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        return self.url

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
        for writer in list(self._writers):  # ends every pipe; no task is cancelled
            writer.close()
        if self._tasks:
            await asyncio.wait(list(self._tasks))
        if self._server is not None:
            await self._server.wait_closed()

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            writer.close()
            self._tasks.discard(task)
            return
        self._writers.update((writer, up_writer))
        state = {"mode": "pass"}
        upstream = asyncio.create_task(self._to_client(up_reader, writer, state))
        try:
            await self._to_server(reader, up_writer, state)
        except OSError:
            pass
        finally:
            if state["mode"] != "slow":
                upstream.cancel()
            with contextlib.suppress(asyncio.CancelledError, OSError):
                await upstream
            for w in (writer, up_writer):
                w.close()
                self._writers.discard(w)
            self._tasks.discard(task)

    async def _to_server(self, reader: asyncio.StreamReader, up_writer: asyncio.StreamWriter,
                         state: dict[str, str]) -> None:
        while data := await reader.read(65536):
            line = _REQUEST_LINE.match(data)
            if line:  # a new request on this connection: decide its fate
                state["mode"] = self._decide(line[2].decode())
            if state["mode"] == "reset":
                return
            if state["mode"] == "hang":
                continue
            up_writer.write(data)
            await up_writer.drain()

    async def _to_client(self, up_reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                         state: dict[str, str]) -> None:
        with contextlib.suppress(OSError):
            while data := await up_reader.read(65536):
                if state["mode"] == "slow":
                    await asyncio.sleep(self.slow_seconds)
                writer.write(data)
                await writer.drain()
        writer.close()
