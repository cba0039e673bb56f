"""The answers waiting for the page after a posted form: given once, then gone."""

from __future__ import annotations

from api.web.handoff import Handoff
from bot.engine import Reply


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def reply(page: str) -> Reply:
    return Reply((), (), "en", page)


def test_an_answer_is_given_once() -> None:
    handoff = Handoff()
    token = handoff.put(reply("health"))
    assert len(token) >= 20 and token.replace("-", "").replace("_", "").isalnum()
    assert handoff.take(token) == reply("health")
    assert handoff.take(token) is None
    assert len(handoff) == 0


def test_tokens_are_unguessable_and_bad_ones_find_nothing() -> None:
    handoff = Handoff()
    tokens = {handoff.put(reply("home")) for _ in range(100)}
    assert len(tokens) == 100
    for bad in ("", "x", "a" * 1000, "../etc"):
        assert handoff.take(bad) is None
    assert len(handoff) == 100


def test_an_answer_not_fetched_in_time_is_forgotten() -> None:
    clock = Clock()
    handoff = Handoff(ttl=60, clock=clock)
    early = handoff.put(reply("a"))
    clock.now += 30
    late = handoff.put(reply("b"))
    clock.now += 31
    assert handoff.take(early) is None  # 61 s old
    assert handoff.take(late) == reply("b")
    clock.now += 1000
    handoff.put(reply("c"))  # putting also drops what expired
    assert len(handoff) == 1


def test_memory_stays_bounded_under_a_flood_of_posts() -> None:
    handoff = Handoff(capacity=3)
    tokens = [handoff.put(reply(str(n))) for n in range(5)]
    assert len(handoff) == 3
    assert handoff.take(tokens[0]) is None and handoff.take(tokens[1]) is None
    assert handoff.take(tokens[4]) == reply("4")
