"""Phone numbers as tel: links: the rule, finding bare numbers, converting, rendering, checking."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.content import ContentError, load_content
from bot.content.markup import parse
from bot.content.phones import bare_numbers, convert_page, link_problem, linked, number_problem
from bot.content.render import to_plain, to_telegram_html, to_web_html
from tests.conftest import page_file


@pytest.mark.parametrize("digits", [
    "112", "113", "08002000", "08000113", "08003388776", "09008844", "09008020",
    "0207653801", "0104747015", "0334481186", "0612345678", "0880767000", "0851234567",
    "0912345678",
])
def test_dutch_numbers_are_accepted(digits: str) -> None:
    assert number_problem(digits) is None


@pytest.mark.parametrize("digits, why", [
    ("114", "not one of the Dutch numbers"),
    ("911", "not one of the Dutch numbers"),
    ("0800200", "4 or 7 digits after 0800"),
    ("090088441", "4 or 7 digits after 0900"),
    ("020765380", "10 digits, area code included"),
    ("06123456789", "10 digits (06 and 8 more)"),
    ("0032123456789", "not one of the Dutch numbers"),  # a Belgian number dialled from abroad
    ("31207653801", "not one of the Dutch numbers"),
    ("12345", "not one of the Dutch numbers"),
])
def test_other_numbers_are_refused_with_the_reason(digits: str, why: str) -> None:
    assert why in (number_problem(digits) or "")


@pytest.mark.parametrize("shown, url, why", [
    ("0800-2000", "tel:08002000", None),
    ("033-448 11 86", "tel:0334481186", None),
    ("0800-2000", "tel:08002001", "the number shown (08002000) is not the number called (08002001)"),
    ("0800-2000", "tel:0800-2000", "write only the digits after 'tel:'"),
    ("0800-2000", "tel:+318002000", "write only the digits after 'tel:'"),
    ("Call 112", "tel:112", "the link text may only be the number"),
    ("911", "tel:911", "not one of the Dutch numbers"),
])
def test_a_phone_link_shows_the_number_it_calls(shown: str, url: str, why: str | None) -> None:
    problem = link_problem(shown, url)
    assert (problem is None) if why is None else (why in (problem or ""))


def test_bare_numbers_are_found_and_other_numbers_left_alone() -> None:
    line = ("Call **112**. Veilig Thuis 0800-2000, CoMensha 033-448 11 86, police 0900 8844; "
            "[113.nl](https://www.113.nl), open 9:00-17:00, costs € 113, in 2024-2025, "
            "112 000 people, 0900 numbers, bill 36855, on 01-02-2026, 06-12345678 0612345678")
    found = bare_numbers(line)
    assert [(f.shown, f.problem) for f in found] == [
        ("112", None), ("0800-2000", None), ("033-448 11 86", None), ("0900 8844", None),
        ("06-12345678", None), ("0612345678", None),
    ]
    assert found[2].markup == "[033-448 11 86](tel:0334481186)"


def test_a_mistyped_number_is_found() -> None:
    [found] = bare_numbers("Call the desk on 020-765380 before you go.")
    assert found.shown == "020-765380" and "10 digits" in (found.problem or "")
    assert linked("Call the desk on 020-765380.") == ("Call the desk on 020-765380.", 0)


def test_numbers_already_in_links_are_not_touched() -> None:
    line = "Call **[112](tel:112)** or chat at [113.nl](https://www.113.nl), or [call 113](https://x.nl)."
    assert bare_numbers(line) == []
    assert linked(line) == (line, 0)


def test_converting_is_idempotent_and_keeps_the_header() -> None:
    raw = page_file("Help", "Call **112** or 0800-2000.\n\n- Police: 0900-8844.").replace(
        "  - help\n", "  - help\n  - 0900 8844\n")
    result = convert_page(raw)
    new, changes = result.text, result.made
    assert result.invalid == []
    assert [shown for _, shown in changes] == ["112", "0800-2000", "0900-8844"]
    assert "Call **[112](tel:112)** or [0800-2000](tel:08002000)." in new
    assert "- Police: [0900-8844](tel:09008844)." in new
    assert "  - 0900 8844\n" in new  # search phrases stay as people type them
    assert convert_page(new).text == new and convert_page(new).made == []
    lines = raw.split("\n")
    assert all(lines[n - 1] != new.split("\n")[n - 1] for n, _ in changes)  # right line numbers


def test_the_three_channels_render_a_phone_link() -> None:
    document, problems = parse("Call **[112](tel:112)** or [0900-8844](tel:09008844), "
                               "or read [113.nl](https://www.113.nl).")
    assert problems == []
    web = to_web_html(document)
    assert '<strong><a class="tel" href="tel:112">112</a></strong>' in web
    assert '<a class="tel" href="tel:09008844">0900-8844</a>' in web
    assert 'href="https://www.113.nl" rel="noopener noreferrer" target="_blank">113.nl</a>' in web
    telegram = to_telegram_html(document)
    assert "tel:" not in telegram  # Telegram allows no tel: links; it links the number itself
    assert telegram == ('Call <b>112</b> or 0900-8844, or read '
                        '<a href="https://www.113.nl">113.nl</a>.')
    assert to_plain(document) == "Call 112 or 0900-8844, or read 113.nl (https://www.113.nl)."


def test_content_check_names_file_and_line(mini_content: Path, capsys: pytest.CaptureFixture) -> None:
    path = mini_content / "en" / "health-gp.md"
    path.write_text(page_file("The GP en", "You may see a GP.\n\nDesk: 020-7653801.\n\n"
                              "Or [0800-2000](tel:08002001), or [020-765380](tel:020765380)."))
    with pytest.raises(ContentError) as error:
        load_content(mini_content)
    lines = str(error.value).splitlines()
    assert lines == [
        "en/health-gp.md:13: phone number '020-7653801' cannot be tapped: write it as "
        "[020-7653801](tel:0207653801)",
        "en/health-gp.md:15: phone link [020-765380](tel:020765380): a landline number has 10 "
        "digits, area code included",
        "en/health-gp.md:15: phone link [0800-2000](tel:08002001): the number shown (08002000) "
        "is not the number called (08002001)",
    ]
    assert main(["content", "check", str(mini_content)]) == 1
    assert "en/health-gp.md:13: phone number '020-7653801'" in capsys.readouterr().out


def test_the_phones_command_lists_then_writes(mini_content: Path, capsys: pytest.CaptureFixture) -> None:
    path = mini_content / "nl" / "emergency.md"
    path.write_text(page_file("Noodgeval nl", "Bel **112**. Veilig Thuis: 0800-2000."))
    before = path.read_text()
    assert main(["content", "phones", str(mini_content)]) == 0
    out = capsys.readouterr().out
    assert "nl/emergency.md:11: 112 -> [112](tel:112)" in out
    assert "nl/emergency.md:11: 0800-2000 -> [0800-2000](tel:08002000)" in out
    assert path.read_text() == before  # only listed
    assert main(["content", "phones", "--write", str(mini_content)]) == 0
    assert "Bel **[112](tel:112)**. Veilig Thuis: [0800-2000](tel:08002000)." in path.read_text()
    assert main(["content", "check", str(mini_content)]) == 0
    path.write_text(page_file("Noodgeval nl", "Bel 020-765380."))
    capsys.readouterr()
    assert main(["content", "phones", "--write", str(mini_content)]) == 1
    assert "nl/emergency.md:11: '020-765380' looks like a phone number" in capsys.readouterr().err


def test_every_number_in_the_bundled_content_is_a_valid_link(snapshot) -> None:  # noqa: ANN001
    """The bundled pages load (so no bare or invalid number is left), and the emergency
    page carries its numbers as links in every language."""
    for lang in snapshot.languages:
        web = to_web_html(snapshot.text(lang, "emergency").document)
        for digits in ("112", "113", "08000113", "09008844", "08002000"):
            assert f'href="tel:{digits}"' in web, (lang, digits)
