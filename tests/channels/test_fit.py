"""Every screen of every page, in every language, fits every channel: measured on what each
channel really sends, title, sources, "checked by" and a notice included."""

from __future__ import annotations

import dataclasses

from bot.channels.fit import NOTICE_ROOM, fit_problems, page_problems, screens
from bot.channels.telegram.adapter import outgoing
from bot.channels.telegram.limits import TEXT_LIMIT, utf16_len
from bot.content.markup import Paragraph, Text
from bot.content.model import Snapshot, Source
from bot.content.render import to_web_html, visible_text
from bot.engine import ButtonPress, ChooseLanguage, Engine, State
from bot.engine.views import open_action
from tests.figures import record
from tests.telegram.telegram_html import parse_html


def test_every_page_language_and_channel_is_within_the_limits(snapshot: Snapshot) -> None:
    largest = {"telegram_html": 0, "telegram_plain": 0, "web": 0, "buttons": 0}
    pages = screens_seen = 0
    for lang in snapshot.languages:
        for page_id in snapshot.nodes:
            pages += 1
            for reply in screens(snapshot, lang, page_id):
                screens_seen += 1
                for out in outgoing(reply):
                    # The test suite's own strict parser, not the one the check uses.
                    largest["telegram_html"] = max(largest["telegram_html"],
                                                   utf16_len(parse_html(out.html)))
                    largest["telegram_plain"] = max(largest["telegram_plain"], utf16_len(out.plain))
                for part in reply.parts:
                    largest["web"] = max(largest["web"], len(visible_text(to_web_html(part))))
                largest["buttons"] = max(largest["buttons"], len(reply.all_buttons))
    assert pages == len(snapshot.texts)  # every page in every language, each one measured
    assert max(largest["telegram_html"], largest["telegram_plain"], largest["web"]) <= TEXT_LIMIT
    assert largest["buttons"] <= 100
    assert fit_problems(snapshot) == []
    record("largest rendered message, characters (limit 4096, notice room included)", largest)
    record("screens checked (page x language, every part)", screens_seen)


def test_every_notice_of_the_engine_fits_the_room_kept_for_it(engine: Engine, snapshot: Snapshot) -> None:
    longest = 0
    for lang in snapshot.languages:
        events = [
            ButtonPress("forged"),
            ButtonPress(open_action(snapshot, lang, "health").replace(snapshot.short_version, "000000")),
            ButtonPress(open_action(snapshot, lang, "no-such-page")),
            *(ChooseLanguage(code) for code in snapshot.languages),
        ]
        for event in events:
            _state, reply = engine.handle(State(lang), event)
            assert reply.notice, event
            longest = max(longest, len(reply.notice))
    assert longest <= NOTICE_ROOM


def _with_page(snapshot: Snapshot, lang: str, page_id: str, **changes: object) -> Snapshot:
    texts = dict(snapshot.texts)
    texts[(lang, page_id)] = dataclasses.replace(texts[(lang, page_id)], **changes)
    return Snapshot.build(snapshot.languages, snapshot.nodes.values(), texts.values())


def test_a_page_that_only_fits_without_its_footer_is_refused_naming_the_part(snapshot: Snapshot) -> None:
    sources = tuple(Source(f"Source {i} " + "x" * 110, f"https://www.rijksoverheid.nl/{i}")
                    for i in range(16))
    long_paragraph = (Paragraph((Text("Call 112. " * 340),)),)  # 3,400 characters: one block
    bad = _with_page(snapshot, "en", "emergency", sources=sources, document=long_paragraph)
    problems = page_problems(bad, "en", "emergency")
    assert problems, "sources and 'checked by' must be counted"
    telegram = [p.message for p in problems if p.message.startswith("Telegram:")]
    assert any(m.startswith("Telegram: the message is ") and "over the limit of 4096" in m
               for m in telegram), telegram
    assert any(p.message.startswith("web chat:") for p in problems)
    # The same page without the long sources fits: the footer made the difference.
    assert page_problems(_with_page(bad, "en", "emergency", sources=sources[:1]), "en", "emergency") == []
    # Only that page is named, in its language.
    assert {(p.lang, p.page_id) for p in fit_problems(bad)} == {("en", "emergency")}


def test_a_long_page_split_into_parts_names_the_part(snapshot: Snapshot) -> None:
    blocks = tuple(Paragraph((Text(f"Paragraph {i}. " + "word " * 250),)) for i in range(4))
    sources = tuple(Source("S" * 120, f"https://www.rijksoverheid.nl/{i}") for i in range(16))
    bad = _with_page(snapshot, "fr", "health-gp", document=blocks + (Paragraph((Text("y" * 2000),)),),
                     sources=sources)
    messages = [p.message for p in page_problems(bad, "fr", "health-gp")]
    assert any("message 1 of 1" not in m and " of " in m for m in messages), messages
