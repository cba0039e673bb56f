"""Interface languages: gettext catalogs, locale negotiation, dates and language names.

Interface strings live in ``bot/locale/<lang>/LC_MESSAGES/messages.po``. Compiled ``.mo``
files are used when present; otherwise the ``.po`` is compiled in memory, so a fresh
checkout works before ``make compile``.

Negotiation: a client's code such as Telegram's ``fr-BE`` maps to the best supported
language (``fr``). When nothing matches, the fallback is English, the language most
newcomers without Dutch share; the person can switch at any time with the language menu.
"""

from __future__ import annotations

import io
from datetime import date
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

SUPPORTED: tuple[str, ...] = ("nl", "en", "fr")
FALLBACK = "en"
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"


def negotiate(code: str | None, supported: tuple[str, ...] = SUPPORTED) -> str:
    """Map a client language code (``fr-BE``, ``nl_NL``, ``EN``) to a supported language."""
    if not code:
        return FALLBACK if FALLBACK in supported else supported[0]
    cleaned = code.strip().replace("_", "-")
    found = Locale.negotiate([cleaned], list(supported), sep="-")
    if found:
        return str(found)
    primary = cleaned.split("-")[0].lower()
    if primary in supported:
        return primary
    return FALLBACK if FALLBACK in supported else supported[0]


def from_accept_language(header: str | None, supported: tuple[str, ...] = SUPPORTED) -> str:
    """The supported language a browser's ``Accept-Language`` prefers most.

    ``fr-BE,fr;q=0.9,nl;q=0.8`` -> ``fr``; ``de,nl;q=0.5`` -> ``nl`` (the first one that is
    supported, by weight); nothing usable -> the fallback, as :func:`negotiate` does.
    """
    wanted: list[tuple[float, int, str]] = []
    for index, item in enumerate((header or "")[:500].split(",")):
        code, _sep, params = item.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            name, _eq, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if code.strip() and code.strip() != "*" and weight > 0:
            wanted.append((-weight, index, code.strip()[:16]))
    for _weight, _index, code in sorted(wanted):
        primary = code.replace("_", "-").split("-")[0].lower()
        if primary in supported:
            return primary
    return negotiate(None, supported)


def scope_language(scope: dict) -> str:  # type: ignore[type-arg]
    """:func:`from_accept_language` for an ASGI request scope (middleware has no Request)."""
    for name, value in scope.get("headers") or ():
        if name == b"accept-language":
            return from_accept_language(value.decode("latin-1"))
    return from_accept_language(None)


@lru_cache(maxsize=None)
def translations(lang: str) -> NullTranslations:
    """The gettext catalog of one language (English is the source language)."""
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    mo = folder / f"{DOMAIN}.mo"
    po = folder / f"{DOMAIN}.po"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as handle:
            return Translations(handle, domain=DOMAIN)
    if po.exists():
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return Translations(buffer, domain=DOMAIN)
    return NullTranslations()


def gettext(lang: str):  # noqa: ANN201 - returns the bound gettext function
    """The ``_`` function for one language."""
    return translations(lang).gettext


@lru_cache(maxsize=None)
def language_name(lang: str) -> str:
    """A language's name in that language itself, as the language menu shows it."""
    try:
        name = Locale.parse(lang).get_display_name(lang) or lang
    except (UnknownLocaleError, ValueError):
        return lang
    return name[:1].upper() + name[1:]


def text_direction(lang: str) -> str:
    """``ltr`` or ``rtl``, for the web page's ``dir`` attribute."""
    try:
        return "rtl" if Locale.parse(lang).text_direction == "rtl" else "ltr"
    except (UnknownLocaleError, ValueError):
        return "ltr"


def format_date(day: date, lang: str) -> str:
    """A date the way a reader of ``lang`` writes it, e.g. 28 november 2026."""
    return babel_format_date(day, format="long", locale=lang)


class Message(str):
    """A message in English that can be said again in another language.

    ``N_("title is longer than {limit} characters", limit=120)`` is the English text, so
    code, logs and ``rightsbot content check`` use it as a plain string; ``say(message,
    "nl")`` translates the template through the catalogs and fills in the values, which may
    be messages themselves. Rules deep in the content model can so explain themselves to a
    volunteer in their own language without knowing who asks.
    """

    msgid: str
    values: dict[str, object]

    def __new__(cls, msgid: str, **values: object) -> "Message":
        message = super().__new__(cls, msgid.format(**values))
        message.msgid = msgid
        message.values = values
        return message

    def in_language(self, lang: str) -> str:
        values = {name: say(value, lang) for name, value in self.values.items()}
        return gettext(lang)(self.msgid).format(**values)


N_ = Message


def say(text: object, lang: str) -> object:
    """``text`` in ``lang`` when it is a :class:`Message`; anything else as it is."""
    return text.in_language(lang) if isinstance(text, Message) else text
