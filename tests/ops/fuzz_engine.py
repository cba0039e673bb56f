"""Random conversations through the engine: every event kind, forged and stale buttons.

A seeded generator rather than Hypothesis, so 100,000 events run in about a minute and a
failure names the seed and the event number that reproduce it. Each conversation is a
random walk: half of the button presses reuse a button the engine just showed, some of
those mutated the way a forger would (another page, language, version or part; truncated;
padded past 64 bytes), the rest are random strings.
"""

from __future__ import annotations

import random
import string
from collections import Counter
from dataclasses import dataclass, field

from bot.content.parts import TELEGRAM_LIMIT
from bot.content.render import to_plain, to_telegram_html
from bot.engine import (
    Back, ButtonPress, ChooseLanguage, Emergency, Engine, Forgotten, FreeText, Help, Home,
    OpenPage, Privacy, SharedPersonalData, Start, State, Unsupported,
)
from bot.engine.actions import MAX_BYTES
from bot.engine.events import Event

LANG_CODES = ("nl", "en", "fr", "fr-BE", "nl-NL", "en_GB", "de", "ar", "", "zz-ZZ", "EN", "x" * 40)
WORDS = ("doctor", "huisarts", "médecin", "police", "politie", "school", "werk", "salaire",
         "help", "112", "ik wil niet meer leven", "je n'ai pas de papiers", "rent", "lawyer",
         "advocaat", "tandarts", "hospital", "zwanger", "violence", "geweld", "eten", "food")


def random_text(rng: random.Random, max_len: int = 300) -> str:
    """Text a person might send, or garbage: words, any Unicode, control characters, huge."""
    kind = rng.random()
    if kind < 0.4:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 8)))
    if kind < 0.6:
        return "".join(chr(rng.randint(0x20, 0x2FFF)) for _ in range(rng.randint(0, max_len)))
    if kind < 0.7:
        return "".join(chr(rng.choice((rng.randint(0, 0x1F), rng.randint(0x10000, 0x10FFFF),
                                       0x200B, 0x202E, 0xFEFF, 0xD800 + rng.randint(0, 0x7FF))))
                       for _ in range(rng.randint(1, 40)))
    if kind < 0.75:
        return rng.choice(WORDS) * rng.randint(100, 2000)  # far over any message limit
    if kind < 0.85:
        return rng.choice(("", " ", "\n\n", "*", "**", "[x](javascript:alert(1))", "<b>", "&amp;",
                           "_", "`", "```", "\\", "</i>", "%s%s%n", "{count}", "{0}"))
    return "".join(rng.choice(string.printable) for _ in range(rng.randint(0, max_len)))


def mutate(rng: random.Random, data: str, page_ids: list[str]) -> str:
    """A forged version of real callback data."""
    parts = data.split(":")
    how = rng.randrange(8)
    if how == 0 and len(parts) == 5:
        parts[1] = rng.choice(page_ids + ["", "..", "no-such-page", "a" * 33, "HOME"])
    elif how == 1 and len(parts) == 5:
        parts[2] = rng.choice(LANG_CODES)
    elif how == 2 and len(parts) == 5:
        parts[3] = rng.choice(("000000", "ffffff", "zzzzzz", "", "0" * 7))
    elif how == 3 and len(parts) == 5:
        parts[4] = str(rng.choice((-1, 99, 100, 10**6, 3)))
    elif how == 4:
        return data[: rng.randint(0, len(data))]
    elif how == 5:
        return data + rng.choice(("x" * 70, ":", "\u00e9" * 40, "\x00"))
    elif how == 6 and parts:
        parts[0] = rng.choice(("o", "l", "L", "h", "p", "x", "", "oo"))
    else:
        return ":".join(rng.sample(parts, len(parts)))
    return ":".join(parts)


@dataclass
class EngineFuzz:
    engine: Engine
    seed: int = 0
    counts: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.page_ids = sorted(self.engine.snapshot.nodes)
        self.langs = self.engine.snapshot.languages

    def event(self, shown: list[str]) -> Event:
        rng, ids = self.rng, self.page_ids
        page = rng.choice(ids) if rng.random() < 0.7 else random_text(rng, 40)
        roll = rng.random()
        if roll < 0.35:
            if shown and rng.random() < 0.5:
                data = rng.choice(shown)
                return ButtonPress(data if rng.random() < 0.5 else mutate(rng, data, ids))
            return ButtonPress(random_text(rng, 80))
        if roll < 0.50:
            return FreeText(random_text(rng))
        choices: list[Event] = [
            Start(rng.choice((None, page, f"{rng.choice(LANG_CODES)}_{page}", random_text(rng, 64)))),
            Home(), Help(), Privacy(), Emergency(), SharedPersonalData(),
            Forgotten(rng.choice((0, 1, 7, -1, 10**9))), OpenPage(page, rng.randint(-3, 60)),
            Back(page), ChooseLanguage(rng.choice((None, *LANG_CODES))),
            Unsupported(rng.choice(("sticker", "photo", "edited", "", random_text(rng, 10)))),
        ]
        return rng.choice(choices)

    def run(self, total: int) -> Counter[str]:
        """Send ``total`` events in random conversations; raise on the first broken promise."""
        sent = 0
        while sent < total:
            state = self.engine.initial_state(self.rng.choice((None, *LANG_CODES)))
            shown: list[str] = []
            for _ in range(min(self.rng.randint(1, 25), total - sent)):
                event = self.event(shown)
                try:
                    state, shown = self.check(state, event, shown)
                except Exception as exc:
                    raise AssertionError(f"seed {self.seed}, event {sent}: {event!r}: {exc!r}") from exc
                sent += 1
                self.counts[type(event).__name__] += 1
        self.counts["events"] = sent
        return self.counts

    def check(self, state: State, event: Event, shown: list[str]) -> tuple[State, list[str]]:
        snapshot = self.engine.snapshot
        state, reply = self.engine.dispatch(snapshot, state, event)  # raises what handle() hides
        assert state.lang in self.langs and reply.lang in self.langs, (state, reply.lang)
        assert reply.parts, "a reply without text"
        for part in reply.parts:
            assert len(to_telegram_html(part)) <= TELEGRAM_LIMIT, "a part over Telegram's limit"
        assert any(to_plain(p).strip() for p in reply.parts), "a reply with only empty parts"
        actions = []
        for button in reply.all_buttons:
            assert button.label.strip(), "a button without a label"
            assert 0 < len(button.action.encode()) <= MAX_BYTES, button.action
            actions.append(button.action)
        assert actions, "a reply with no way on"
        if reply.page_id is not None:
            assert reply.page_id in snapshot.nodes, reply.page_id
            self.counts["pages shown"] += 1
        if isinstance(event, ButtonPress):
            self.counts["real buttons" if event.data in shown else "forged buttons"] += 1
        return state, actions
