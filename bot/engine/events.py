"""What can happen in a conversation; each channel turns its input into one of these."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Start:
    """A new conversation, or /start; ``payload`` is a deep link (``PAGE`` or ``LANG_PAGE``)."""

    payload: str | None = None


@dataclass(frozen=True)
class Home:
    """/menu: the main menu."""


@dataclass(frozen=True)
class OpenPage:
    page_id: str
    part: int = 0


@dataclass(frozen=True)
class Back:
    """Go to the parent of ``page_id``."""

    page_id: str


@dataclass(frozen=True)
class ChooseLanguage:
    """``lang`` None shows the language menu; a code switches to it."""

    lang: str | None = None


@dataclass(frozen=True)
class FreeText:
    text: str


@dataclass(frozen=True)
class Help:
    pass


@dataclass(frozen=True)
class Privacy:
    pass


@dataclass(frozen=True)
class Emergency:
    pass


@dataclass(frozen=True)
class ButtonPress:
    """A button's callback data, exactly as the client sent it (possibly forged)."""

    data: str


@dataclass(frozen=True)
class Unsupported:
    """A sticker, photo, voice message, file or edited message: nothing to read."""

    what: str = "other"


@dataclass(frozen=True)
class SharedPersonalData:
    """A contact or location was shared; the channel did not keep it."""


@dataclass(frozen=True)
class Forgotten:
    """/forget finished; ``deleted`` messages were removed."""

    deleted: int = 0


Event = (
    Start | Home | OpenPage | Back | ChooseLanguage | FreeText | Help | Privacy | Emergency
    | ButtonPress | Unsupported | SharedPersonalData | Forgotten
)
