"""``content export`` writes the published content back as a content folder that
``content check`` accepts and that loads into the very same snapshot."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import httpx
from fastapi import FastAPI

from api.export import export
from bot.cli import main as rightsbot
from bot.content import load_content
from tests.api.conftest import published
from tests.api.test_serve import ROOT, env_for


async def test_export_round_trip(app: FastAPI, client: httpx.AsyncClient, tokens: dict[str, str],
                                 tmp_path: Path) -> None:
    await published(client, tokens, title="Exported: title with a colon", search_phrases=["gp: where?", "huisarts"])
    served = app.state.holder.snapshot
    target = tmp_path / "export"
    assert export(served, target) == 12
    assert rightsbot(["content", "check", str(target)]) == 0
    assert load_content(target, today=date.today()).version == served.version


def test_export_command(tmp_path: Path, mini_content: Path) -> None:
    target = tmp_path / "out"
    env = env_for(tmp_path / "data", mini_content)
    done = subprocess.run([sys.executable, "-m", "bot.cli", "content", "export", str(target)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    check = subprocess.run([sys.executable, "-m", "bot.cli", "content", "check", str(target)],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert check.returncode == 0 and check.stdout.startswith("ok: 4 pages"), check.stdout + check.stderr
