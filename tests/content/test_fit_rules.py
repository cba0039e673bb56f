"""The footer a page carries is bounded, and ``rightsbot content check`` refuses a page whose
screens do not fit a channel once the title, sources and "checked by" are added."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bot.content import ContentError, load_content
from tests.conftest import page_file


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_content(root, today=date(2026, 11, 28))
    return [str(p) for p in info.value.problems]


def with_sources(count: int, title: str = "Rijksoverheid", url: str = "https://www.rijksoverheid.nl/") -> str:
    items = "".join(f"  - title: {title} {i}\n    url: {url}{i}\n" for i in range(count))
    return page_file("GP", "Text.").replace(
        "sources:\n  - title: Basic Rights\n    url: https://www.basicrights.nl/\n", "sources:\n" + items)


def test_at_most_sixteen_sources(mini_content: Path) -> None:
    (mini_content / "en" / "health-gp.md").write_text(with_sources(17))
    assert any(p.startswith("en/health-gp.md:5: at most 16 sources (17 given)") for p in problems_of(mini_content))
    (mini_content / "en" / "health-gp.md").write_text(with_sources(16))
    load_content(mini_content, today=date(2026, 11, 28))


def test_source_titles_and_urls_are_bounded(mini_content: Path) -> None:
    (mini_content / "en" / "health-gp.md").write_text(with_sources(1, title="x" * 130))
    assert "en/health-gp.md:5: source 1: the title is longer than 120 characters (132)" in problems_of(mini_content)
    (mini_content / "en" / "health-gp.md").write_text(
        with_sources(1, url="https://www.rijksoverheid.nl/" + "a" * 300))
    assert "en/health-gp.md:5: source 1: the url is longer than 300 characters" in problems_of(mini_content)


def test_checked_by_is_bounded(mini_content: Path) -> None:
    text = page_file("GP", "Text.").replace("reviewed_by: rightsbot editors", "reviewed_by: " + "o" * 81)
    (mini_content / "en" / "health-gp.md").write_text(text)
    assert "en/health-gp.md:9: reviewed_by is longer than 80 characters" in problems_of(mini_content)


def check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli", "content", "check", str(root)],
                          capture_output=True, text=True, timeout=120)


def test_content_check_counts_the_footer_and_names_the_part(mini_content: Path) -> None:
    # Every rule of its own passes: one paragraph under the old per-block limit, 16 sources
    # with titles of 110 characters. Together with the footer, Telegram would refuse it.
    body = "Call **[112](tel:112)** in danger. " * 115
    text = with_sources(16, title="t" * 105).replace("Text.\n", body + "\n")
    (mini_content / "en" / "emergency.md").write_text(text)
    load_content(mini_content, today=date(2026, 11, 28))  # the page rules alone accept it
    result = check(mini_content)
    assert result.returncode == 1, result.stdout
    lines = result.stdout.splitlines()
    assert any(line.startswith("en/emergency.md:1: Telegram: the message is ")
               and "over the limit of 4096" in line for line in lines), lines
    assert any(line.startswith("en/emergency.md:1: web chat: the message is ") for line in lines)
    assert all(line.startswith("en/emergency.md:") for line in lines)


def test_content_check_passes_the_bundled_content() -> None:
    result = check(Path(__file__).resolve().parents[2] / "content")
    assert result.returncode == 0, result.stdout + result.stderr
