"""Shared fixtures: the real bundled content, and small content folders to break on purpose."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from bot.content import load_content
from bot.content.holder import ContentHolder
from bot.content.model import Snapshot
from bot.engine import Engine
from bot.search import Searcher

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"

MINI_TREE = """\
languages: [nl, en, fr]
pages:
  - {id: home, kind: home}
  - {id: emergency, parent: home, kind: emergency}
  - {id: health, parent: home, kind: topic}
  - {id: health-gp, parent: health, kind: page, related: [emergency]}
"""

MINI_TEXT = {
    "home": ("Welcome", "Choose a topic."),
    "emergency": ("Emergency", "Call **[112](tel:112)** in danger."),
    "health": ("Health", "Care when you are ill."),
    "health-gp": ("The GP", "You may see a *GP*.\n\n- Tell them you have no insurance.\n- Ask about the [CAK](https://www.hetcak.nl)."),
}


def page_file(title: str, body: str, extra: str = "") -> str:
    return textwrap.dedent(f"""\
        ---
        title: {title}
        search:
          - {title.lower()}
        sources:
          - title: Basic Rights
            url: https://www.basicrights.nl/
        reviewed_on: 2026-11-01
        reviewed_by: rightsbot editors
        ---
        """).replace("editors\n---", "editors\n" + extra + "---") + body + "\n"


def write_mini_content(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "tree.yaml").write_text(MINI_TREE)
    for lang in ("nl", "en", "fr"):
        (root / lang).mkdir(exist_ok=True)
        for page_id, (title, body) in MINI_TEXT.items():
            (root / lang / f"{page_id}.md").write_text(page_file(f"{title} {lang}", body))
    return root


@pytest.fixture
def mini_content(tmp_path: Path) -> Path:
    return write_mini_content(tmp_path / "content")


@pytest.fixture(scope="session")
def snapshot() -> Snapshot:
    return load_content(CONTENT, today=date.today())


@pytest.fixture(scope="session")
def searcher() -> Searcher:
    return Searcher()


@pytest.fixture(scope="session")
def engine(snapshot: Snapshot, searcher: Searcher) -> Engine:
    return Engine(ContentHolder(snapshot), searcher)


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001
    from tests.figures import FIGURES
    if FIGURES:
        terminalreporter.section("measured figures")
        for name, value in FIGURES.items():
            terminalreporter.write_line(f"{name}: {value}")
