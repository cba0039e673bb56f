"""Crawl every button in every language over the bundled content, through the real bot.

Each language starts with /start from a person whose Telegram app uses that language,
then presses every distinct button it meets (breadth first) on the menu message, which
the bot edits in place. The figures go to ``test-artifacts/telegram-crawl.json``.
"""

from __future__ import annotations

import json
import logging
from collections import deque
from pathlib import Path

import pytest

from bot.content.model import Snapshot
from bot.engine.actions import decode
from tests.telegram.conftest import Harness, person

ARTIFACT = Path(__file__).resolve().parents[2] / "test-artifacts" / "telegram-crawl.json"
RUN_MARKER: list[bool] = []  # set when the crawl ran in this session, for the summary


def button_data(message: dict) -> list[str]:
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [b["callback_data"] for row in rows for b in row]


async def crawl(harness: Harness, lang: str) -> dict:
    user = person(first_name="Crawler", username=None, language_code=lang)
    chat = harness.open_chat(user)
    views_before, calls_before = len(harness.views), len(harness.fake.calls)
    await harness.say(user, "/start")
    menu = harness.last_bot_message(chat)
    queue = deque(button_data(menu))
    seen = set(queue)
    presses = 0
    while queue:
        data = queue.popleft()
        await harness.press(user, menu["message_id"], data)
        presses += 1
        shown = harness.last_bot_message(chat)
        assert shown["message_id"] == menu["message_id"], "navigation must edit in place"
        action = decode(data)
        if action is None or action.lang != lang:
            continue  # another language's menu: crawled in its own run
        for new in button_data(shown):
            if new not in seen:
                seen.add(new)
                queue.append(new)
    calls = harness.fake.calls[calls_before:]
    pages = sorted({page for page, view_lang in harness.views[views_before:] if view_lang == lang})
    return {
        "pages": len(pages),
        "page_ids": pages,
        "buttons_pressed": presses,
        "bot_api_calls": len(calls),
        "bot_api_errors": sum(1 for c in calls if not c.ok),
        # Telegram allows no tel: links: phone numbers go as text, which Telegram links.
        "tel_links_sent": sum(1 for c in calls if 'href="tel:' in str(c.params.get("text", ""))),
        "unanswered_queries": len(harness.fake.open_queries),
        "messages_in_chat": len(harness.fake.bot_messages(chat)),
    }


@pytest.mark.slow
async def test_crawl_every_button_in_every_language(
        harness: Harness, snapshot: Snapshot, caplog: pytest.LogCaptureFixture) -> None:
    results = {}
    with caplog.at_level(logging.WARNING):
        for lang in snapshot.languages:
            results[lang] = await crawl(harness, lang)
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    ARTIFACT.parent.mkdir(exist_ok=True)
    RUN_MARKER.append(True)
    ARTIFACT.write_text(json.dumps({
        "content_version": snapshot.short_version,
        "languages": {lang: {k: v for k, v in r.items() if k != "page_ids"}
                      for lang, r in results.items()},
        "logged_problems": len(problems),
    }, indent=2) + "\n")
    for lang, result in results.items():
        expected = sorted(page for (text_lang, page) in snapshot.texts if text_lang == lang)
        assert result["page_ids"] == expected, lang
        assert result["bot_api_errors"] == 0, lang
        assert result["tel_links_sent"] == 0, lang
        assert result["unanswered_queries"] == 0, lang
        assert result["messages_in_chat"] == 1, lang
    assert problems == []
