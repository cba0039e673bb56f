"""recheck_by (a date by which time-sensitive facts are checked again), the status report
that lists overdue pages first, and plain-language warnings that never block content."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bot.content import ContentError, load_content
from bot.content.plain import MAX_WORDS, file_warnings
from bot.content.status import content_status, format_status
from tests.conftest import ROOT, page_file

TODAY = date(2026, 11, 29)


def _set(root: Path, lang: str, page_id: str, extra: str, body: str = "Call **[112](tel:112)** in danger.") -> None:
    (root / lang / f"{page_id}.md").write_text(page_file(f"Page {lang}", body, extra))


def test_a_recheck_date_is_loaded(mini_content: Path) -> None:
    _set(mini_content, "en", "health-gp", "recheck_by: 2027-03-01\n")
    snapshot = load_content(mini_content, today=TODAY)
    assert snapshot.text("en", "health-gp").recheck_by == date(2027, 3, 1)
    assert snapshot.text("nl", "health-gp").recheck_by is None


def test_a_recheck_date_changes_the_version_but_pages_without_one_keep_theirs(mini_content: Path) -> None:
    before = load_content(mini_content, today=TODAY).version
    _set(mini_content, "en", "health-gp", "recheck_by: 2027-03-01\n")
    assert load_content(mini_content, today=TODAY).version != before


@pytest.mark.parametrize("value, message", [
    ("2026-10-01", "recheck_by (2026-10-01) must come after the review date (2026-11-01): "
                   "give a new date to check again, or remove it"),
    ("next spring", "recheck_by is not a date (YYYY-MM-DD)"),
])
def test_a_bad_recheck_date_is_an_error_at_its_line(mini_content: Path, value: str, message: str) -> None:
    _set(mini_content, "fr", "health-gp", f"recheck_by: {value}\n")
    with pytest.raises(ContentError) as info:
        load_content(mini_content, today=TODAY)
    assert [str(p) for p in info.value.problems] == [f"fr/health-gp.md:10: {message}"]


def test_a_recheck_date_in_the_past_still_loads(mini_content: Path) -> None:
    """Time passing never stops content from loading; the page is overdue instead."""
    _set(mini_content, "en", "health-gp", "recheck_by: 2026-11-15\n")
    snapshot = load_content(mini_content, today=TODAY)
    assert snapshot.text("en", "health-gp").overdue(TODAY)


def test_status_lists_overdue_pages_first_oldest_first(mini_content: Path) -> None:
    _set(mini_content, "en", "health-gp", "recheck_by: 2026-11-20\n")
    _set(mini_content, "en", "emergency", "recheck_by: 2026-11-10\n")
    _set(mini_content, "en", "health", "recheck_by: 2027-05-01\n")
    status = content_status(mini_content, TODAY)
    assert status["languages"]["en"]["overdue"] == [
        {"page": "emergency", "recheck_by": "2026-11-10"}, {"page": "health-gp", "recheck_by": "2026-11-20"}]
    assert status["languages"]["en"]["with_recheck_date"] == 3
    assert status["languages"]["nl"]["overdue"] == []
    text = format_status(status)
    assert text.index("overdue: emergency") < text.index("fr:")


def test_long_sentences_are_warnings_with_file_and_line(tmp_path: Path) -> None:
    long = " ".join(["word"] * (MAX_WORDS + 3)) + "."
    path = tmp_path / "p.md"
    path.write_text(page_file("Title", f"A short one. {long}\n\n- Fine bullet.\n- {long}"))
    warnings = [str(w) for w in file_warnings(path, "en/p.md", "en")]
    assert len(warnings) == 2
    first_body_line = path.read_text().splitlines().index(f"A short one. {long}") + 1
    assert warnings[0].startswith(f"en/p.md:{first_body_line}: warning: a sentence of {MAX_WORDS + 3} words")
    assert warnings[1].startswith(f"en/p.md:{first_body_line + 3}:")


def test_link_targets_do_not_count_as_words(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    words = " ".join(["word"] * (MAX_WORDS - 2))
    path.write_text(page_file("Title", f"{words} [see this](https://example.org/a/b/c/d/e/f/g/h/i/j)."))
    assert file_warnings(path, "en/p.md", "en") == []


def test_style_words_are_warned_per_language(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_text(page_file("Titre", "Appelez le helpdesk de l'IOM."))
    found = [str(w) for w in file_warnings(path, "fr/p.md", "fr")]
    assert any("l'OIM" in w for w in found) and any("permanence téléphonique" in w for w in found)
    assert file_warnings(path, "en/p.md", "en") == []


def test_content_check_prints_warnings_and_still_passes(mini_content: Path) -> None:
    long = " ".join(["word"] * (MAX_WORDS + 1)) + "."
    _set(mini_content, "en", "health-gp", "", body=long)
    done = subprocess.run([sys.executable, "-m", "bot.cli", "content", "check", str(mini_content)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "en/health-gp.md:" in done.stdout and "warning: a sentence of 21 words" in done.stdout
    assert "1 plain-language warning(s)" in done.stdout


def test_status_json_reports_overdue_on_the_bundled_content() -> None:
    done = subprocess.run([sys.executable, "-m", "bot.cli", "content", "status", "--json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    status = json.loads(done.stdout)
    for lang in ("nl", "en", "fr"):
        assert "overdue" in status["languages"][lang]
        assert isinstance(status["languages"][lang]["with_recheck_date"], int)
