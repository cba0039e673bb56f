"""Fields that could pass for something else: invisible characters, and page titles or
labels that copy the bot's own buttons (🆘 Emergency numbers, Menu, Back, ...).

A page button that looks like the emergency button, in any language, could lead a person
in danger to another page; so a title or label may not use the system buttons' symbols
nor be one of their words.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any, Callable

from bot.content.characters import char_problem
from bot.i18n import N_, SUPPORTED, gettext

# The symbols of the buttons the bot adds to every screen (bot.engine.views and
# bot.engine.engine; tests check this list against the buttons the engine makes), and
# arrows and alarms that read like them. Every system button carries one, so a title or
# label without them never looks exactly like one.
SYSTEM_SYMBOLS = ("🆘", "🏠", "⬅", "🌐", "❓", "🔒", "‹", "›", "🚨", "←", "→", "➡", "◀", "▶")
# Words that must not stand alone as a page's button either, in any interface language:
# the emergency button and the ways home. ("Back" is not among them: "Retour" is also
# the French name of the page about going back to one's country.)
SYSTEM_WORDS = ("Emergency numbers", "Menu", "All topics", "Language", "Help", "Privacy")
SINGLE_LINE = ("title", "label", "reviewed_by")


def _folded(text: str) -> str:
    """Letters and digits only, case-folded: 'MENU!', 'menu' and 'Me nu' compare equal."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())


@lru_cache(maxsize=1)
def system_labels() -> frozenset[str]:
    """The system buttons' words in every interface language, folded."""
    words = {_folded(w) for w in SYSTEM_WORDS}
    for lang in SUPPORTED:
        _ = gettext(lang)
        words |= {_folded(_(w)) for w in SYSTEM_WORDS}
    return frozenset(w for w in words if w)


def copies_system_button(text: str) -> bool:
    return any(s in text for s in SYSTEM_SYMBOLS) or _folded(text) in system_labels()


def field_problems(header: dict[str, Any], line_of: Callable[[str], int]) -> list[tuple[int, str]]:
    """Invisible characters in any header field, and titles or labels that copy a button."""
    problems: list[tuple[int, str]] = []
    for key in SINGLE_LINE:
        value = header.get(key)
        if not isinstance(value, str):
            continue
        if why := char_problem(value):
            problems.append((line_of(key), N_("{field} {problem}", field=key, problem=why)))
        elif key != "reviewed_by" and copies_system_button(value):
            problems.append((line_of(key), N_(
                "{field} {value!r} looks like one of the bot's own buttons (🆘, Menu, Back, ...); "
                "choose other words", field=key, value=value)))
    search = header.get("search")
    for index, phrase in enumerate(search if isinstance(search, list) else []):
        if isinstance(phrase, str) and (why := char_problem(phrase)):
            problems.append((line_of("search"), N_("search phrase {number} {problem}",
                                                   number=index + 1, problem=why)))
    sources = header.get("sources")
    for index, item in enumerate(sources if isinstance(sources, list) else []):
        title = item.get("title") if isinstance(item, dict) else None
        if isinstance(title, str) and (why := char_problem(title)):
            problems.append((line_of("sources"), N_("source {number}: the title {problem}",
                                                    number=index + 1, problem=why)))
    return problems
