"""One client cannot starve everyone: under a bounded loopback flood of costly web-chat
questions, the health check still answers within 100 ms (median of several probes).

The flood runs with the per-client limits lifted, so this is the event loop staying free
(search runs in worker threads), not the rate limit turning the flood away.
"""

from __future__ import annotations

import pytest

from bench import flood
from tests.figures import record

pytestmark = pytest.mark.slow


def test_health_answers_within_100_ms_during_a_flood() -> None:
    result = flood.run(connections=16, requests=300, seconds=6.0, probes=11, warmup=1.0)
    record("flood: /health median without / during a 16-connection chat flood (ms)",
           f"{result['health_baseline']['median_ms']} / {result['health_flood']['median_ms']} "
           f"(max {result['health_flood']['max_ms']}); flood {result['flood']['rps']} req/s, "
           f"answers {result['flood']['codes']}")
    # The flood really searched: /chat answers 200, a posted form 303 (to its answer).
    codes = result["flood"]["codes"]
    assert codes.get("200", 0) + codes.get("303", 0) >= 20, result
    assert result["health_flood"]["median_ms"] < flood.TARGET_MS, result
