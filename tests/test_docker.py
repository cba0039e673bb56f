"""The Dockerfile is linted with hadolint (offline) and keeps the rules the README promises."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HADOLINT = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")


def lint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([HADOLINT, "--no-color", str(path)], capture_output=True, text=True, timeout=60)


def test_hadolint_passes() -> None:
    done = lint(ROOT / "Dockerfile")
    assert done.returncode == 0, done.stdout + done.stderr


def test_hadolint_would_catch_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python:latest\nRUN apt-get install curl\nUSER root\n")
    assert lint(bad).returncode != 0


def test_image_rules() -> None:
    text = (ROOT / "Dockerfile").read_text()
    froms = re.findall(r"^FROM (\S+)", text, re.M)
    assert len(froms) >= 2 and all("slim" in f for f in froms), "multi-stage on a slim base"
    users = re.findall(r"^USER (\S+)", text, re.M)
    assert users and re.fullmatch(r"\d+(:\d+)?", users[-1]), "a numeric non-root user"
    assert not users[-1].startswith("0")
    assert re.search(r"^HEALTHCHECK .*\n?.*/api/v1/health", text, re.M)
    assert re.search(r'^ENTRYPOINT \["rightsbot"\]', text, re.M)
    assert 'CMD ["serve"]' in text


@pytest.mark.parametrize("name", ["compose.yaml"])
def test_compose_uses_a_named_volume(name: str) -> None:
    import yaml
    compose = yaml.safe_load((ROOT / name).read_text())
    assert "rightsbot-data" in compose["volumes"]
    assert "rightsbot-data:/data" in compose["services"]["rightsbot"]["volumes"]
