"""Fault tests: the Bot API answers 500, times out, or drops connections for a while.

Each test holds one conversation without faults (the baseline) and the same conversation
while the fault lasts, then checks that the person got exactly the baseline's messages:
none lost, none twice, and that the bot recovered without being restarted.
"""

from __future__ import annotations

import asyncio

from tests.ops.conftest import ProxiedBot
from tests.telegram.conftest import person
from tests.telegram.fakebotapi import FakeBotAPI

CONVERSATION = ("/start", "/help", "I need a doctor", "/privacy")
GUARD_SECONDS = 30.0  # only a guard against hanging forever; nothing here measures time


async def until(condition, what: str) -> None:  # noqa: ANN001
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.05)

    try:
        await asyncio.wait_for(poll(), GUARD_SECONDS)
    except TimeoutError:
        raise AssertionError(f"never happened: {what}") from None


async def baseline(bot: ProxiedBot) -> list[str]:
    user = person(language_code="en")
    chat = bot.open_chat(user)
    for text in CONVERSATION:
        await bot.say(user, text)
    return sorted(m["text"] for m in bot.fake.bot_messages(chat))


def queue_conversation(bot: ProxiedBot) -> tuple[int, list[int]]:
    """The person sends the whole conversation at once (Telegram keeps it for the bot)."""
    user = person(language_code="en")
    chat = bot.open_chat(user)
    return chat, [bot.fake.user_message(chat, user, text)[0] for text in CONVERSATION]


async def settle_all(bot: ProxiedBot, update_ids: list[int]) -> None:
    for update_id in update_ids:
        await bot.settle(update_id)


def texts(bot: ProxiedBot, chat: int) -> list[str]:
    """The chat's bot messages, sorted: updates fetched together are answered concurrently."""
    return sorted(m["text"] for m in bot.fake.bot_messages(chat))


def injected(fake: FakeBotAPI) -> list[str]:
    return [c.method for c in fake.calls if c.injected]


async def still_works(bot: ProxiedBot) -> None:
    user = person(language_code="fr")
    chat = bot.open_chat(user)
    await bot.say(user, "/help")
    assert len(bot.fake.bot_messages(chat)) == 1
    assert bot.service.connected


async def test_bot_api_answering_500_for_a_while(proxied: ProxiedBot) -> None:
    expected = await baseline(proxied)
    fake = proxied.fake
    fake.inject("getUpdates", 500, count=2, description="Internal Server Error")
    fake.inject("sendMessage", 500, count=3, description="Internal Server Error")
    chat, updates = queue_conversation(proxied)
    await settle_all(proxied, updates)
    await until(lambda: injected(fake).count("getUpdates") == 2, "both failed long polls")
    assert texts(proxied, chat) == expected
    assert injected(fake).count("sendMessage") == 3
    assert fake.errors() == []
    await still_works(proxied)


async def test_bot_api_closing_connections_for_a_while(proxied: ProxiedBot) -> None:
    expected = await baseline(proxied)
    proxy = proxied.proxy
    proxy.set("reset")  # every call: the connection drops before the server sees it
    await until(lambda: proxy.faults("reset", "getUpdates") >= 1, "a dropped long poll")
    chat, updates = queue_conversation(proxied)
    await until(lambda: proxy.faults("reset", "getUpdates") >= 2, "two dropped long polls")
    proxy.set("reset", ("sendMessage",), count=3)  # polling is back; sends still drop
    await settle_all(proxied, updates)
    assert proxy.faults("reset", "sendMessage") == 3
    assert texts(proxied, chat) == expected
    assert proxied.fake.errors() == []
    await still_works(proxied)


async def test_bot_api_timing_out_for_a_while(proxied: ProxiedBot) -> None:
    expected = await baseline(proxied)
    proxy = proxied.proxy
    proxy.set("hang")  # every call: swallowed, never answered
    await until(lambda: proxy.faults("hang", "getUpdates") >= 1, "a swallowed long poll")
    chat, updates = queue_conversation(proxied)
    await until(lambda: proxy.faults("hang", "getUpdates") >= 2, "a long poll timed out")
    assert not any(proxied.handled(u) for u in updates)
    proxy.set("pass")
    await settle_all(proxied, updates)
    assert texts(proxied, chat) == expected
    assert proxied.fake.errors() == []
    await still_works(proxied)


async def test_a_send_that_arrives_but_whose_answer_times_out_is_not_sent_twice(
        proxied: ProxiedBot) -> None:
    proxy = proxied.proxy
    user = person(language_code="en")
    chat = proxied.open_chat(user)
    proxy.set("slow", ("sendMessage",), count=1)  # Telegram gets it; the answer comes too late
    await proxied.say(user, "/help")
    assert proxy.faults("slow", "sendMessage") == 1
    assert len(proxied.fake.calls_to("sendMessage")) == 1
    assert len(proxied.fake.bot_messages(chat)) == 1  # delivered once, not lost, not doubled
    await still_works(proxied)


async def test_health_sees_an_outage_while_the_bot_runs(proxied: ProxiedBot) -> None:
    service = proxied.service
    await until(lambda: service.connected, "connected at start")
    proxied.proxy.set("reset")  # the network to Telegram is gone
    await until(lambda: proxied.proxy.faults("reset", "getUpdates") >= 1, "a dropped long poll")
    await until(lambda: not service.connected, "the outage seen")
    proxied.proxy.set("pass")
    await until(lambda: service.connected, "connected again")
    await still_works(proxied)
