"""What the engine answers: text parts (in the Markdown-subset tree) plus buttons."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.content.markup import Document


@dataclass(frozen=True)
class Button:
    label: str
    action: str


@dataclass(frozen=True)
class State:
    """All the engine remembers between events: the reader's language."""

    lang: str


@dataclass(frozen=True)
class Reply:
    parts: tuple[Document, ...]
    buttons: tuple[tuple[Button, ...], ...] = ()
    lang: str = "en"
    page_id: str | None = None
    notice: str | None = None
    results: tuple[tuple[str, float], ...] = field(default=())

    @property
    def all_buttons(self) -> list[Button]:
        return [b for row in self.buttons for b in row]
