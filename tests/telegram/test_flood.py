"""A flood of the web chat cannot delay the Telegram bot's answer to someone in danger.

The real ``rightsbot serve`` runs with its bot pointed at the fake Bot API on loopback,
the per-client limits lifted (so this is not the rate limit turning the flood away). A
second process floods ``POST /chat`` and ``POST /`` with costly questions over 16
connections (bounded: at most 1,000 requests, 30 seconds, and stopped once the samples
are taken). Meanwhile people write "ik wil niet meer leven" or "I want to kill myself",
one at a time: every one must get the emergency page, with the median time from the
update being offered to the bot until the fake Bot API receives the reply under 0.5 s,
and ``/api/v1/health`` must answer within 100 ms (median). A web-chat question costs tens
of milliseconds of search; were the bot to wait behind the web chat's questions (in its
worker queue, or on the event loop), a danger reply would take a second or more here.
"""

from __future__ import annotations

import pytest

from bench import tgflood
from tests.figures import record

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("mode", tgflood.MODES)
def test_a_danger_message_is_answered_within_half_a_second_during_a_web_chat_flood(mode: str) -> None:
    result = tgflood.run(connections=16, requests=1000, seconds=30.0, samples=9, spacing=0.2,
                         warmup=1.0, mode=mode)
    base, during = result["telegram_baseline"], result["telegram_flood"]
    record(f"telegram flood ({mode}): danger reply median without / during a 16-connection "
           f"chat flood (ms)",
           f"{base['median_ms']} / {during['median_ms']} (max {base['max_ms']} / {during['max_ms']}); "
           f"/health {result['health_baseline']['median_ms']} / {result['health_flood']['median_ms']}; "
           f"flood {result['flood']['rps']} req/s, answers {result['flood']['codes']}")
    # The flood really searched: /chat answers 200, a posted form 303 (to its answer).
    codes = result["flood"]["codes"]
    assert codes.get("200", 0) + codes.get("303", 0) >= 20, result
    assert result["outside_flood"] == 0, result  # every sample was taken while it ran
    assert result["unanswered"] == 0, result  # every danger message got the emergency page
    assert during["n"] == 9 and during["median_ms"] < tgflood.TARGET_MS, result
    assert result["health_flood"]["median_ms"] < tgflood.HEALTH_TARGET_MS, result
