"""bot.privacy: keyed, expiring, capped memory of language choice and message ids."""

from __future__ import annotations

from bot.privacy import DELETABLE_SECONDS, IDLE_SECONDS, PrivacyMemory


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_language_and_messages_are_remembered_then_forgotten() -> None:
    memory = PrivacyMemory(clock=Clock())
    assert memory.language(42) is None
    memory.set_language(42, "fr")
    memory.add_message(42, 7)
    memory.add_message(42, 8)
    memory.add_message(42, 8)
    assert memory.language(42) == "fr" and memory.language(43) is None
    assert memory.forget(42) == [7, 8]
    assert memory.language(42) is None and memory.forget(42) == [] and len(memory) == 0


def test_keys_are_keyed_hashes_not_ids() -> None:
    memory = PrivacyMemory()
    memory.set_language(918273645, "nl")
    keys = list(memory._entries)
    assert all(isinstance(k, bytes) and len(k) == 32 for k in keys)
    assert b"918273645" not in b"".join(keys)
    # A different process (another random key) cannot find the same entry.
    other = PrivacyMemory()
    assert other._digest(918273645) != memory._digest(918273645)
    assert "918273645" not in repr(memory._entries)


def test_entries_expire_after_idle_time_and_activity_keeps_them() -> None:
    clock = Clock()
    memory = PrivacyMemory(clock=clock)
    memory.set_language(1, "fr")
    memory.set_language(2, "nl")
    clock.now += IDLE_SECONDS - 1
    assert memory.language(1) == "fr"  # touched: idle time starts again
    clock.now += 2
    assert memory.language(2) is None and memory.language(1) == "fr"
    clock.now += IDLE_SECONDS
    assert len(memory) == 0


def test_size_cap_drops_the_least_recently_used() -> None:
    memory = PrivacyMemory(max_entries=3, clock=Clock())
    for chat in (1, 2, 3):
        memory.set_language(chat, "en")
    memory.language(1)
    memory.set_language(4, "nl")
    assert len(memory) == 3
    assert memory.language(2) is None and memory.language(1) == "en"


def test_only_recent_messages_under_48_hours_are_returned() -> None:
    clock = Clock()
    memory = PrivacyMemory(max_messages=3, idle_seconds=10 * DELETABLE_SECONDS, clock=clock)
    memory.add_message(5, 1)
    clock.now += DELETABLE_SECONDS
    for message_id in (2, 3, 4):
        memory.add_message(5, message_id)
    assert memory.forget(5) == [2, 3, 4]
    memory.add_message(5, 9)
    clock.now += DELETABLE_SECONDS + 1
    memory.add_message(5, 10)
    assert memory.forget(5) == [10]
