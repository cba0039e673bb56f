"""The API under concurrent clients: page reads and change writes against a real uvicorn.

``rightsbot serve`` runs as its own process on loopback with a fresh store; an
``httpx.AsyncClient`` runs a fixed number of concurrent workers here, 80% reads of a page
and 20% new changes (drafts, with If-Match) until a request count or a time limit is
reached. The same load runs against the bare FastAPI app, alternating with the subject.
"""

from __future__ import annotations

import asyncio
import itertools
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.services import Service, create_token, serve_env, start_baseline, start_serve, stop
from bench.stats import ratio, summary_ms
from bench.workload import real_snapshot

WRITE_SHARE = 0.2
PAGE = "/api/v1/pages/health-gp?lang=en"


async def _load(base: str, targets: list[tuple[str, str, str]], token: str | None,
                requests: int, seconds: float, workers: int, seed: int) -> dict[str, Any]:
    """``targets``: (page id, lang, etag). Returns rps, latency and error counts."""
    rng = random.Random(seed)
    counter = itertools.count()
    latencies: list[int] = []
    errors: dict[str, int] = {}
    deadline = time.monotonic() + seconds
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    limits = httpx.Limits(max_connections=workers, max_keepalive_connections=workers)

    async def worker(client: httpx.AsyncClient) -> None:
        while (n := next(counter)) < requests and time.monotonic() < deadline:
            page_id, lang, etag = targets[rng.randrange(len(targets))]
            start = time.perf_counter_ns()
            try:
                if rng.random() < WRITE_SHARE:
                    response = await client.post("/api/v1/changes", headers={**headers, "If-Match": etag}, json={
                        "page_id": page_id, "lang": lang, "text": f"Benchmark edit {n}.\n\nThe text of the page."})
                    ok = response.status_code == 201
                else:
                    response = await client.get(f"/api/v1/pages/{page_id}", params={"lang": lang})
                    ok = response.status_code == 200
                if not ok:
                    key = f"{response.request.method} {response.status_code}"
                    errors[key] = errors.get(key, 0) + 1
            except httpx.HTTPError as exc:
                errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
            latencies.append(time.perf_counter_ns() - start)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as client:
        start = time.perf_counter_ns()
        await asyncio.gather(*(worker(client) for _ in range(workers)))
        elapsed = (time.perf_counter_ns() - start) / 1e9
    return {"requests": len(latencies), "seconds": round(elapsed, 3),
            "rps": round(len(latencies) / elapsed, 1), "latency": summary_ms(latencies),
            "errors": sum(errors.values()), "error_kinds": errors}


def _etags(service: Service, pages: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    out = []
    with httpx.Client(base_url=service.base, timeout=10.0) as client:
        for page_id, lang in pages:
            response = client.get(f"/api/v1/pages/{page_id}", params={"lang": lang})
            response.raise_for_status()
            out.append((page_id, lang, response.headers.get("etag", "")))
    return out


def _combine(runs: list[dict[str, Any]]) -> dict[str, Any]:
    total = sum(r["requests"] for r in runs)
    seconds = sum(r["seconds"] for r in runs)
    errors = sum(r["errors"] for r in runs)
    return {"requests": total, "rps": round(total / seconds, 1) if seconds else 0.0,
            "p50_ms": max(r["latency"]["p50_ms"] for r in runs),
            "p99_ms": max(r["latency"]["p99_ms"] for r in runs), "errors": errors, "runs": runs}


def run(requests: int = 2000, seconds: float = 25.0, workers: int = 32, rounds: int = 2) -> dict[str, Any]:
    snapshot = real_snapshot()
    pages = [(p, lang) for (lang, p) in sorted(snapshot.texts)][:60]
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        token = create_token(serve_env(data, 8000), "Bench org", "editor")
        serve = start_serve(data, PAGE)
        baseline = start_baseline("/api/v1/pages/page-1?lang=en")
        try:
            targets = _etags(serve, pages)
            base_targets = [(f"page-{n}", "en", "x") for n in range(50)]
            subject_runs, base_runs = [], []
            per_round = max(requests // rounds, 1)
            for index in range(rounds):
                subject_runs.append(asyncio.run(_load(serve.base, targets, token, per_round, seconds / rounds, workers, index)))
                base_runs.append(asyncio.run(_load(baseline.base, base_targets, None, per_round, seconds / rounds, workers, index)))
            peak = serve.peak_rss_mb
        finally:
            stop(serve.proc)
            stop(baseline.proc)
    subject, base = _combine(subject_runs), _combine(base_runs)
    return {"workers": workers, "write_share": WRITE_SHARE, "serve": subject, "baseline": base,
            "rps_ratio": ratio(subject["rps"], base["rps"]), "serve_peak_mb": peak,
            "target_errors": 0, "met": subject["errors"] == 0}
