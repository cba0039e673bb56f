from datetime import date

import pytest

from bot import i18n


def test_negotiation() -> None:
    assert i18n.negotiate("fr-BE") == "fr"
    assert i18n.negotiate("nl_BE") == "nl"
    assert i18n.negotiate("EN-gb") == "en"
    assert i18n.negotiate("ar") == i18n.FALLBACK == "en"
    assert i18n.negotiate(None) == "en"
    assert i18n.negotiate("") == "en"


def test_language_names_in_their_own_language() -> None:
    assert [i18n.language_name(c) for c in ("nl", "en", "fr")] == ["Nederlands", "English", "Français"]


def test_dates_per_locale() -> None:
    day = date(2026, 11, 28)
    assert i18n.format_date(day, "nl") == "28 november 2026"
    assert i18n.format_date(day, "fr") == "28 novembre 2026"
    assert i18n.format_date(day, "en") == "November 28, 2026"


def test_catalogs_translate_every_string() -> None:
    from babel.messages.pofile import read_po
    with open(i18n.LOCALE_DIR / "messages.pot", "rb") as handle:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    for lang in ("nl", "fr"):
        with open(i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
            catalog = read_po(handle, locale=lang)
        ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
        assert template <= ids, f"{lang}: run make update ({template - ids})"
        untranslated = [m.id for m in catalog if m.id and not (m.string if isinstance(m.string, str) else all(m.string))]
        assert not untranslated, f"{lang} has untranslated strings: {untranslated}"
    assert i18n.gettext("nl")("Back") == "Terug"
    assert i18n.gettext("fr")("Back") == "Retour"


def test_rtl_ready() -> None:
    assert i18n.text_direction("ar") == "rtl"
    assert i18n.text_direction("nl") == "ltr"


def test_translations_keep_every_placeholder() -> None:
    """A translated message fills in the same values ({limit}, {url!r}) as the English one,
    or formatting it for a volunteer would fail."""
    from string import Formatter

    from babel.messages.pofile import read_po

    def fields(text: str) -> set[str]:
        return {f"{name}!{conv}" for _, name, _, conv in Formatter().parse(text) if name is not None}

    for lang in ("nl", "fr"):
        with open(i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
            catalog = read_po(handle, locale=lang)
        for message in catalog:
            if message.id and isinstance(message.id, str) and "{" in message.id:
                assert fields(message.string) == fields(message.id), (lang, message.id)


def test_a_message_says_itself_in_every_language() -> None:
    inner = i18n.N_("link {url!r} is not https", url="http://x.nl")
    outer = i18n.N_("source {number}: {problem}", number=2, problem=inner)
    assert outer == "source 2: link 'http://x.nl' is not https"  # a plain str in English
    assert i18n.say(outer, "nl") == "bron 2: link 'http://x.nl' is niet https"
    assert i18n.say(outer, "fr") == "source 2 : le lien 'http://x.nl' n'est pas en https"
    assert i18n.say("plain text", "fr") == "plain text"


@pytest.mark.parametrize("header, lang", [
    ("fr-BE,fr;q=0.9,en;q=0.8", "fr"), ("de-DE,de;q=0.9,nl;q=0.5,en;q=0.4", "nl"),
    ("en;q=0.2, nl-NL", "nl"), ("de, *;q=0.1", "en"), ("", "en"), (None, "en"),
    ("fr;q=0, nl;q=0.1", "nl"), ("xx;q=abc, fr", "fr"),
])
def test_accept_language_is_read_by_weight(header, lang) -> None:  # noqa: ANN001
    assert i18n.from_accept_language(header) == lang
