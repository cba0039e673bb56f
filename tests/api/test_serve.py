"""``rightsbot serve`` for real: uvicorn on a free loopback port, tokens from the CLI, and
the refusal to start on broken content when the store has nothing better to serve."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def env_for(data: Path, content: Path, port: int = 8000) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RIGHTSBOT_", "TELEGRAM_"))}
    env.update(RIGHTSBOT_DATA_DIR=str(data), RIGHTSBOT_CONTENT_DIR=str(content),
               RIGHTSBOT_HOST="127.0.0.1", RIGHTSBOT_PORT=str(port))
    return env


def rightsbot(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def server(tmp_path: Path, mini_content: Path) -> Iterator[tuple[str, dict[str, str]]]:
    port = free_port()
    env = env_for(tmp_path / "data", mini_content, port)
    process = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve"], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/api/v1"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    try:
        yield base, env
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
        assert "rbt_" not in output  # token values are never logged
        assert "Application shutdown complete" in output, output  # lifespan ran: counts flushed
        assert process.returncode in (0, -signal.SIGTERM), output


@pytest.mark.slow
def test_workflow_against_a_real_server(server: tuple[str, dict[str, str]]) -> None:
    base, env = server
    editor = rightsbot(env, "token", "create", "--org", "Walk-in Centre", "--role", "editor").stdout.strip()
    reviewer = rightsbot(env, "token", "create", "--org", "Legal Desk", "--role", "reviewer").stdout.strip()
    assert editor.startswith("rbt_") and reviewer.startswith("rbt_")
    with httpx.Client(base_url=base, timeout=30) as client:
        page = client.get("/pages/health-gp", params={"lang": "nl"})
        change = client.post("/changes", json={"page_id": "health-gp", "lang": "nl", "title": "De huisarts"},
                             headers={"Authorization": f"Bearer {editor}", "If-Match": page.headers["etag"]})
        assert change.status_code == 201, change.text
        cid = change.json()["id"]
        assert client.post(f"/changes/{cid}/submit", headers={"Authorization": f"Bearer {editor}"}).status_code == 200
        approved = client.post(f"/changes/{cid}/approve", headers={"Authorization": f"Bearer {reviewer}"})
        assert approved.status_code == 200, approved.text
        health = client.get("/health").json()
        assert client.get("/pages/health-gp", params={"lang": "nl"}).json()["title"] == "De huisarts"
    listing = rightsbot(env, "token", "list").stdout
    assert "Walk-in Centre\teditor" in listing and "rbt_" not in listing
    assert health["telegram"] == "off"


def test_serve_refuses_broken_content_with_an_empty_store(tmp_path: Path, mini_content: Path) -> None:
    (mini_content / "en" / "health-gp.md").write_text("---\ntitle: [unclosed\n---\nText\n")
    result = rightsbot(env_for(tmp_path / "data", mini_content), "serve")
    assert result.returncode == 1
    assert "en/health-gp.md:2:" in result.stderr


def test_serve_keeps_a_good_store_when_content_breaks(tmp_path: Path, mini_content: Path) -> None:
    from api.publish import load_snapshot
    from api.store import Repository, open_database
    from tests.api.conftest import make_settings

    settings = make_settings(tmp_path, mini_content)
    repo = Repository(open_database(settings.database_url))
    good = load_snapshot(repo, mini_content)
    (mini_content / "tree.yaml").write_text("languages: [nl\n")
    assert load_snapshot(repo, mini_content).version == good.version
    repo.close()
