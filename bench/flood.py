"""A bounded flood of web-chat questions, and how fast /api/v1/health answers meanwhile.

``rightsbot serve`` runs as its own process with the per-client limits lifted (the
worst case: as many flooding clients as requests). A second process (``python -m
bench.flood URL CONNECTIONS REQUESTS SECONDS [forms]``) keeps ``CONNECTIONS`` connections
busy with 500-character questions of random words, the costliest kind of search, until
``REQUESTS`` were sent or ``SECONDS`` passed, or it gets SIGTERM; with ``forms``, every other question is a
posted form (``POST /``, answered with the whole HTML page) instead of ``POST /chat``. This process probes the health check, first
without the flood (the baseline) and then during it.
"""

from __future__ import annotations

import asyncio
import json
import random
import signal
import statistics
import string
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.procs import spawn, stop
from bench.services import start_serve
from bench.stats import ratio

TARGET_MS = 100.0
HEALTH = "/api/v1/health"


def question(rng: random.Random, length: int = 500) -> str:
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < length:
        words.append("".join(rng.choice(string.ascii_lowercase) for _ in range(6)))
    return " ".join(words)[:length]


async def flood(base: str, connections: int, requests: int, seconds: float, seed: int = 1,
                forms: bool = False, stop: asyncio.Event | None = None) -> dict[str, Any]:
    """Send up to ``requests`` questions over ``connections`` connections; count answers.
    With ``forms``, every other question is a posted form (the no-JavaScript chat); when
    ``stop`` is set, the questions still open are dropped (counted as "cancelled")."""
    rng = random.Random(seed)
    sent = 0
    codes: dict[str, int] = {}
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal sent
        while sent < requests and time.monotonic() < deadline and not (stop and stop.is_set()):
            sent += 1
            text = question(rng)
            try:
                if forms and sent % 2 == 0:
                    answer = await client.post("/", data={"q": text, "lang": "en"})
                else:
                    answer = await client.post("/chat", json={"lang": "en", "event": {"type": "text", "data": text}})
                status = str(answer.status_code)
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            except asyncio.CancelledError:
                codes["cancelled"] = codes.get("cancelled", 0) + 1
                raise
            codes[status] = codes.get(status, 0) + 1

    async def stopper(workers: list[asyncio.Task[None]]) -> None:
        assert stop is not None
        await stop.wait()
        for task in workers:
            task.cancel()

    started = time.monotonic()
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60.0) as client:
        workers = [asyncio.create_task(worker(client)) for _ in range(connections)]
        watcher = asyncio.create_task(stopper(workers)) if stop is not None else None
        await asyncio.gather(*workers, return_exceptions=True)
        if watcher is not None:
            watcher.cancel()
    elapsed = time.monotonic() - started
    return {"sent": sent, "codes": codes, "seconds": round(elapsed, 2),
            "rps": round(sent / elapsed, 1) if elapsed else 0.0}


def probe(base: str, count: int, spacing: float) -> list[float]:
    """``count`` health checks, one at a time on one kept-alive connection (as a monitor
    polls); milliseconds."""
    out: list[float] = []
    with httpx.Client(base_url=base, timeout=30.0) as client:
        client.get(HEALTH).raise_for_status()  # the connection is open before timing
        for _ in range(count):
            time.sleep(spacing)
            start = time.perf_counter()
            response = client.get(HEALTH)
            out.append((time.perf_counter() - start) * 1000)
            response.raise_for_status()
    return out


def _summary(samples: list[float]) -> dict[str, float]:
    return {"n": len(samples), "median_ms": round(statistics.median(samples), 2),
            "max_ms": round(max(samples), 2)}


def run(connections: int = 32, requests: int = 1500, seconds: float = 30.0, probes: int = 15,
        warmup: float = 1.5, **env: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        serve = start_serve(Path(tmp) / "data", HEALTH, **env)
        try:
            probe(serve.base, 3, 0.05)  # warm up
            baseline = probe(serve.base, probes, 0.1)
            flooder, _ = spawn(["-m", "bench.flood", serve.base, str(connections), str(requests), str(seconds)],
                               ready=True)
            try:
                time.sleep(warmup)  # let every flood connection get busy first
                during = probe(serve.base, probes, 0.1)
                assert flooder.stdout is not None
                out = flooder.stdout.read()  # the flood's one result line, at its end
                flooder.wait(timeout=60)
                flood_result = json.loads(out.strip().splitlines()[-1])
            finally:
                stop(flooder)
            peak = serve.peak_rss_mb
        finally:
            stop(serve.proc)
    base_s, flood_s = _summary(baseline), _summary(during)
    return {"connections": connections, "flood": flood_result, "health_baseline": base_s,
            "health_flood": flood_s, "ratio": ratio(flood_s["median_ms"], base_s["median_ms"]),
            "target_ms": TARGET_MS, "serve_peak_mb": peak, "met": flood_s["median_ms"] < TARGET_MS}


async def _until_told(base: str, connections: int, requests: int, seconds: float, forms: bool
                     ) -> dict[str, Any]:
    """The flood, ended early by SIGTERM (when whoever measures has what it needs)."""
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    print("READY", flush=True)
    return await flood(base, connections, requests, seconds, forms=forms, stop=stop)


def main(argv: list[str]) -> int:
    base, connections, requests, seconds = argv[0], int(argv[1]), int(argv[2]), float(argv[3])
    forms = argv[4:5] == ["forms"]
    print(json.dumps(asyncio.run(_until_told(base, connections, requests, seconds, forms))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
