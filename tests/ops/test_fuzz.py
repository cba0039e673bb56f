"""A smaller run of ``make fuzz`` inside ``make test``: the same generators, fewer cases."""

from __future__ import annotations

from bot.engine import Engine
from tests.ops.fuzz_engine import EngineFuzz
from tests.ops.fuzz_updates import UpdateFuzz

EVENTS = 3000
UPDATES = 1500


def test_random_events_and_forged_buttons_through_the_engine(engine: Engine) -> None:
    counts = EngineFuzz(engine, seed=7).run(EVENTS)
    assert counts["events"] == EVENTS
    assert counts["forged buttons"] > EVENTS // 10 and counts["real buttons"] > 0
    assert counts["FreeText"] > EVENTS // 10


async def test_random_telegram_updates_through_the_webhook_and_handlers(engine: Engine) -> None:
    counts = await UpdateFuzz(engine, seed=7).run(UPDATES)
    assert counts["updates"] == UPDATES
    assert counts["webhook 200"] > UPDATES // 2 and counts["webhook 400"] > 0
    assert counts["bot sendMessage"] > 0 and counts["bot answerCallbackQuery"] > 0
