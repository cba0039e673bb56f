from datetime import date

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
