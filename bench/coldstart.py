"""Cold start of ``rightsbot serve`` and its peak memory, beside a bare FastAPI app.

Each start gets a fresh data folder, so it includes importing the content folder into
a new store. Timed from spawning the process until GET /api/v1/health and one page
have both answered 200; memory is the process's peak resident set (VmHWM).
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path
from typing import Any

from bench.services import start_baseline, start_serve, stop

TARGET_S = 2.0
TARGET_MB = 120.0
PAGE = "/api/v1/pages/health-gp?lang=en"
BASELINE_PAGE = "/api/v1/pages/page-1?lang=en"


def run(rounds: int = 3) -> dict[str, Any]:
    serve_s: list[float] = []
    base_s: list[float] = []
    serve_mb: list[float] = []
    base_mb: list[float] = []
    for index in range(rounds):
        for kind in (("serve", "baseline") if index % 2 == 0 else ("baseline", "serve")):
            if kind == "serve":
                with tempfile.TemporaryDirectory() as tmp:
                    service = start_serve(Path(tmp) / "data", PAGE)
                    serve_s.append(service.started_s)
                    serve_mb.append(service.peak_rss_mb or 0.0)
                    stop(service.proc)
            else:
                service = start_baseline(BASELINE_PAGE)
                base_s.append(service.started_s)
                base_mb.append(service.peak_rss_mb or 0.0)
                stop(service.proc)
    p50, base_p50 = statistics.median(serve_s), statistics.median(base_s)
    return {"rounds": rounds, "serve_s": [round(s, 3) for s in serve_s],
            "baseline_s": [round(s, 3) for s in base_s], "serve_p50_s": round(p50, 3),
            "serve_max_s": round(max(serve_s), 3), "baseline_p50_s": round(base_p50, 3),
            "ratio": round(p50 / base_p50, 2), "serve_peak_mb": max(serve_mb),
            "baseline_peak_mb": max(base_mb), "target_s": TARGET_S, "target_mb": TARGET_MB,
            "met": max(serve_s) < TARGET_S and max(serve_mb) < TARGET_MB}
