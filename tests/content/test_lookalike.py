"""What the reviewer sees is what readers get: look-alike hosts, numeric hosts,
backslashes, invisible characters, nested links and copies of the bot's own buttons are
refused, each with a message naming the field."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bot.content import ContentError, load_content
from bot.content.lookalike import SYSTEM_SYMBOLS, copies_system_button
from bot.content.markup import MAX_DEPTH, Link, parse
from bot.content.urls import check_url, real_host
from bot.i18n import SUPPORTED
from tests.conftest import CONTENT, ROOT

REFUSED_URLS = {
    "https://www.juridischl\u043eket.nl/": "not plain ASCII (www.xn--juridischlket-r7k.nl)",
    "https://0x7f.0.0.1/": "IP address",
    "https://2130706433/": "IP address",
    "https://0177.0.0.1/": "IP address",
    "https://127.1/": "IP address",
    "https://example.0x1f/": "IP address",
    "https://evil.example\\.juridischloket.nl/": "backslash",
    "https://www.juridischloket.nl\\@evil.example/": "backslash",
    "https://www.juridischloket.nl/\u202eexe.nl": "bidi override",
    "https://www.juridischloket.nl/\u200b": "zero-width space",
    "https://www.juridischloket.nl/\x00": "control character",
    "https://xn--80ak6aa92e.com/": "punycode",
    "https://a_b.nl/": "characters other than",
    "https://user@www.juridischloket.nl/": "user name",
}


@pytest.mark.parametrize("url,why", REFUSED_URLS.items())
def test_refused_link_targets(url: str, why: str) -> None:
    problem = check_url(url)
    assert problem is not None and why in problem, problem


@pytest.mark.parametrize("url", ["https://www.113.nl", "https://www.juridischloket.nl/",
                                 "https://fr.wikipedia.org/wiki/\u00c9cole", "https://www.basicrights.nl/?page_id=740"])
def test_ordinary_links_pass(url: str) -> None:
    assert check_url(url) is None


def test_real_host_shows_punycode() -> None:
    assert real_host("https://www.juridischl\u043eket.nl/x") == "www.xn--juridischlket-r7k.nl"
    assert real_host("https://evil.example\\.juridischloket.nl/") == "evil.example"


@pytest.mark.parametrize("text,why", [
    ("Call \u202e211\u202c now.", "bidi override (U+202E)"),
    ("Call 1\u200b12.", "zero-width space"),
    ("Bell\x00", "control character (U+0000)"),
    ("Clear\x1bc screen", "control character (U+001B)"),
    ("Back\x08space", "control character (U+0008)"),
    ("Isolate \u2067x\u2069", "bidi isolate"),
])
def test_invisible_characters_in_the_text_are_refused(text: str, why: str) -> None:
    from bot.content.validate import check_text
    problems, _ = check_text(f"First line.\n\n{text}", 1)
    assert problems and problems[0][0] == 3 and why in problems[0][1], problems


def test_nested_links_are_refused_and_never_nest() -> None:
    document, problems = parse("[[a](https://www.x.nl)](https://www.y.nl)")
    assert [p.message for p in problems] == ["a link cannot contain another link"]
    outer = document[0].inlines[0]  # type: ignore[union-attr]
    assert isinstance(outer, Link) and not any(isinstance(c, Link) for c in outer.children)


@pytest.mark.parametrize("text", ["[" * 600, "[**" * 400, "*a **a " * 400, "[" * 5000])
def test_deep_nesting_is_a_problem_not_a_crash(text: str) -> None:
    _document, problems = parse(text)
    assert any(f"more than {MAX_DEPTH} levels" in p.message for p in problems)


def test_every_system_button_is_refused_as_a_label(snapshot) -> None:  # noqa: ANN001
    """The list of system buttons in bot.content.lookalike matches the buttons the engine makes."""
    from bot.engine.views import nav_rows, page_view
    for lang in SUPPORTED:
        buttons = [b for row in nav_rows(snapshot, lang, "health-gp") for b in row]
        buttons += [b for row in page_view(snapshot, lang, "home").buttons for b in row
                    if b.label[0] in SYSTEM_SYMBOLS or not b.action.startswith("o")]
        assert len(buttons) >= 4
        for button in buttons:
            assert copies_system_button(button.label), (lang, button.label)
            words = button.label.lstrip("".join(SYSTEM_SYMBOLS) + " ")
            if words.casefold() not in ("back", "terug", "retour", "previous", "next"):
                assert copies_system_button(words), (lang, words)


@pytest.mark.parametrize("label", ["🆘 Emergency numbers", "Noodnummers", "Numéros d'urgence", "MENU",
                                   "🚨 Help now", "Alle onderwerpen", "Langue", "➡ Next page"])
def test_labels_that_copy_system_buttons(label: str) -> None:
    assert copies_system_button(label)


def test_the_bundled_labels_and_titles_pass(snapshot) -> None:  # noqa: ANN001
    for text in snapshot.texts.values():
        assert not copies_system_button(text.button_label), text.id


def _broken_copy(tmp_path: Path, lang: str, page: str, old: str, new: str) -> Path:
    import shutil
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    path = root / lang / f"{page}.md"
    source = path.read_text()
    assert old in source
    path.write_text(source.replace(old, new, 1))
    return root


def test_content_check_names_each_field(tmp_path: Path) -> None:
    root = _broken_copy(tmp_path, "en", "emergency", 'label: "Emergency"', 'label: "🆘 Emergency numbers"')
    with pytest.raises(ContentError) as info:
        load_content(root, today=date.today())
    assert any("en/emergency.md:3: label" in str(p) and "bot's own buttons" in str(p)
               for p in info.value.problems), info.value.problems


def test_content_check_reports_deep_nesting_with_file_and_line(tmp_path: Path) -> None:
    root = _broken_copy(tmp_path, "en", "health-gp", "\n---\n", "\n---\n" + "[" * 600 + "\n\n")
    result = subprocess.run([sys.executable, "-m", "bot.cli", "content", "check", str(root)],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stdout + result.stderr
    assert "en/health-gp.md:" in result.stdout + result.stderr and "levels" in result.stdout + result.stderr
