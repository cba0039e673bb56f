"""Figures measured by tests, printed in pytest's terminal summary (and CI output)."""

from __future__ import annotations

import json
from pathlib import Path

FIGURES: dict[str, object] = {}
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def record(name: str, value: object) -> None:
    FIGURES[name] = value
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "figures.json").write_text(json.dumps(FIGURES, indent=2, ensure_ascii=False))
