"""One test per validation rule: each breaks a valid copy and expects file:line: message."""

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


def test_mini_content_is_valid(mini_content: Path) -> None:
    snapshot = load_content(mini_content)
    assert set(snapshot.nodes) == {"home", "emergency", "health", "health-gp"}
    assert len(snapshot.version) == 64


def test_version_changes_with_content(mini_content: Path) -> None:
    before = load_content(mini_content).version
    path = mini_content / "fr" / "health-gp.md"
    path.write_text(path.read_text().replace("insurance", "assurance"))
    assert load_content(mini_content).version != before


def add_tree(root: Path, line: str) -> None:
    with (root / "tree.yaml").open("a") as handle:
        handle.write(line + "\n")


def test_unknown_id_file(mini_content: Path) -> None:
    (mini_content / "en" / "nowhere.md").write_text(page_file("X", "x"))
    assert "en/nowhere.md:1: unknown page id 'nowhere' (not in tree.yaml)" in problems_of(mini_content)


def test_bad_id(mini_content: Path) -> None:
    add_tree(mini_content, "  - {id: Bad_Id, parent: home, kind: page}")
    assert any(p.startswith("tree.yaml:7:") and "lowercase slug" in p for p in problems_of(mini_content))


def test_too_long_id(mini_content: Path) -> None:
    add_tree(mini_content, "  - {id: " + "a" * 33 + ", parent: home, kind: page}")
    assert any("longer than 32" in p for p in problems_of(mini_content))


def test_duplicate_id(mini_content: Path) -> None:
    add_tree(mini_content, "  - {id: health, parent: home, kind: topic}")
    assert "tree.yaml:7: duplicate page id 'health'" in problems_of(mini_content)


def test_unknown_parent(mini_content: Path) -> None:
    add_tree(mini_content, "  - {id: extra, parent: nothing, kind: page}")
    assert "tree.yaml:7: unknown parent id 'nothing'" in problems_of(mini_content)


def test_cycle(mini_content: Path) -> None:
    tree = (mini_content / "tree.yaml").read_text().replace(
        "{id: health, parent: home", "{id: health, parent: health-gp")
    (mini_content / "tree.yaml").write_text(tree)
    found = problems_of(mini_content)
    assert "tree.yaml:5: page 'health' is in a cycle of parents" in found


def test_orphan(mini_content: Path) -> None:
    add_tree(mini_content, "  - {id: lost, kind: page}")
    assert "tree.yaml:7: page 'lost' has no parent (orphan)" in problems_of(mini_content)


def test_page_missing_in_a_language(mini_content: Path) -> None:
    (mini_content / "fr" / "health-gp.md").unlink()
    assert "tree.yaml:6: page 'health-gp' is missing in fr (fr/health-gp.md)" in problems_of(mini_content)


def test_empty_text(mini_content: Path) -> None:
    (mini_content / "nl" / "health.md").write_text(page_file("Zorg", "   "))
    assert any(p.startswith("nl/health.md:") and "text is empty" in p for p in problems_of(mini_content))


def test_markup_outside_subset(mini_content: Path) -> None:
    (mini_content / "en" / "health-gp.md").write_text(page_file("GP", "Fine.\n\n## Heading"))
    assert "en/health-gp.md:13: headings are not allowed" in problems_of(mini_content)


def test_link_not_https(mini_content: Path) -> None:
    (mini_content / "en" / "health-gp.md").write_text(page_file("GP", "See [x](http://a.nl)."))
    assert "en/health-gp.md:11: link 'http://a.nl' is not https" in problems_of(mini_content)


def test_source_not_https(mini_content: Path) -> None:
    text = page_file("GP", "Text.").replace("https://www.basicrights.nl/", "http://www.basicrights.nl/")
    (mini_content / "en" / "health-gp.md").write_text(text)
    assert "en/health-gp.md:5: source 1: link 'http://www.basicrights.nl/' is not https" in problems_of(mini_content)


def test_part_over_telegram_limit(mini_content: Path) -> None:
    (mini_content / "en" / "health-gp.md").write_text(page_file("GP", "word " * 900))
    assert any("over 4096 characters" in p and p.startswith("en/health-gp.md:11:") for p in problems_of(mini_content))


def test_missing_sources(mini_content: Path) -> None:
    text = page_file("GP", "Text.").replace(
        "sources:\n  - title: Basic Rights\n    url: https://www.basicrights.nl/\n", "")
    (mini_content / "en" / "health-gp.md").write_text(text)
    assert "en/health-gp.md:1: sources are missing: every fact needs its source" in problems_of(mini_content)


def test_missing_review_date(mini_content: Path) -> None:
    text = page_file("GP", "Text.").replace("reviewed_on: 2026-11-01\n", "")
    (mini_content / "en" / "health-gp.md").write_text(text)
    assert "en/health-gp.md:1: reviewed_on is missing or not a date (YYYY-MM-DD)" in problems_of(mini_content)


def test_missing_reviewer_and_unknown_field(mini_content: Path) -> None:
    text = page_file("GP", "Text.", extra="colour: red\n").replace("reviewed_by: rightsbot editors\n", "")
    (mini_content / "en" / "health-gp.md").write_text(text)
    found = problems_of(mini_content)
    assert "en/health-gp.md:1: reviewed_by is missing or empty" in found
    assert "en/health-gp.md:9: unknown field 'colour'" in found


def test_broken_yaml_header(mini_content: Path) -> None:
    (mini_content / "en" / "health.md").write_text("---\ntitle: [unclosed\n---\nText\n")
    assert any(p.startswith("en/health.md:2:") and "not valid YAML" in p for p in problems_of(mini_content))


def test_broken_tree_yaml(mini_content: Path) -> None:
    (mini_content / "tree.yaml").write_text("languages: [nl, en\npages:\n  - {id: home, kind: home}\n")
    assert any(p.startswith("tree.yaml:2:") and "not valid YAML" in p for p in problems_of(mini_content))


def test_content_check_command(mini_content: Path) -> None:
    ok = subprocess.run([sys.executable, "-m", "bot.cli", "content", "check", str(mini_content)],
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    (mini_content / "fr" / "health-gp.md").write_text(page_file("GP", "See [x](http://a.nl)."))
    bad = subprocess.run([sys.executable, "-m", "bot.cli", "content", "check", str(mini_content)],
                         capture_output=True, text=True)
    assert bad.returncode == 1
    assert "fr/health-gp.md:11: link 'http://a.nl' is not https" in bad.stdout
