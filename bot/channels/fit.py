"""Does every screen of a page fit every channel? Checked with the channels' own renderers.

A page is not just its text: the engine adds the title (with "(2/3)" when split), the
sources, "checked by ... on ...", the Dutch text under a card, and sometimes a notice in
front ("This information was updated ..."). Counting the text alone let a page with many
long sources pass every check and then be refused by Telegram. So the check here renders
each part exactly as the engine answers it (:func:`bot.engine.views.page_view`) and measures
it with each channel's own limits, keeping room for the longest notice the engine can add.
``rightsbot content check``, publishing through the API and the editor's preview all use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable

from bot.channels import weblimits
from bot.channels.telegram import limits as telegram_limits
from bot.content.model import Snapshot
from bot.engine import Reply
from bot.engine.views import page_parts, page_view
from bot.i18n import N_

# Room kept in front of every part for a notice of the engine (the longest today is about
# 130 characters); tests check every notice in every language against it.
NOTICE_ROOM = 200
_NOTICE_STAND_IN = "x" * NOTICE_ROOM

CHANNELS: dict[str, Callable[[Reply], list[str]]] = {
    "telegram": telegram_limits.problems,
    "web": weblimits.problems,
}


@dataclass(frozen=True, order=True)
class FitProblem:
    lang: str
    page_id: str
    message: str

    def __str__(self) -> str:
        return self.described

    @property
    def described(self) -> str:
        """The problem with the language and page it is in (a translatable message)."""
        return N_("{where}: {problem}", where=f"{self.lang}/{self.page_id}", problem=self.message)


def screens(snapshot: Snapshot, lang: str, page_id: str) -> list[Reply]:
    """Every screen of a page as the engine answers it, each with a notice in front."""
    count = len(page_parts(snapshot, lang, page_id, date.max))
    return [page_view(snapshot, lang, page_id, part, notice=_NOTICE_STAND_IN, today=date.max)
            for part in range(count)]


def page_problems(snapshot: Snapshot, lang: str, page_id: str) -> list[FitProblem]:
    found: list[FitProblem] = []
    for reply in screens(snapshot, lang, page_id):
        for check in CHANNELS.values():
            for message in check(reply):
                found.append(FitProblem(lang, page_id, _with_room_note(message)))
    return sorted(set(found))


def _with_room_note(message: str) -> str:
    """A message about length says that room for a notice was kept (it counts too)."""
    if "characters," not in message:
        return message
    return N_("{problem}; {room} characters are kept for a notice", problem=message,
              room=NOTICE_ROOM)


def fit_problems(snapshot: Snapshot, page_ids: Iterable[str] | None = None) -> list[FitProblem]:
    """Every page (or the given ones) in every language, against every channel's limits."""
    ids = list(snapshot.nodes) if page_ids is None else [p for p in page_ids if p in snapshot.nodes]
    found: list[FitProblem] = []
    for lang in snapshot.languages:
        for page_id in ids:
            if (lang, page_id) in snapshot.texts:
                found.extend(page_problems(snapshot, lang, page_id))
    return found


def affected_pages(snapshot: Snapshot, page_id: str) -> list[str]:
    """The pages whose screens show something of ``page_id``: itself (in every language,
    since a card shows its Dutch text under the others), its parent and related pages
    (they carry its button)."""
    pages = [page_id]
    for other in snapshot.nodes.values():
        if page_id in other.children or page_id in other.related:
            pages.append(other.id)
    return pages
