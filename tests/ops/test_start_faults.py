"""Fault tests: ``rightsbot serve`` started with content files that have a syntax error.

With an empty store the service must refuse to start and name the file and line; with a
store that already holds published content it must start and keep serving that content.
Both run the real command in a child process on a free loopback port.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from api.app import create_app
from api.stats import ViewCounter
from bot.settings import Settings
from tests.conftest import ROOT, write_mini_content

START_GUARD_SECONDS = 60.0  # a guard against a hung child; nothing here measures time


def broken_content(root: Path) -> Path:
    """A valid folder, then one page header with an unclosed bracket on its line 2."""
    write_mini_content(root)
    page = root / "en" / "health-gp.md"
    lines = page.read_text().splitlines(keepends=True)
    assert lines[1].startswith("title: ")
    lines[1] = lines[1].replace("title: ", "title: [", 1)
    page.write_text("".join(lines))
    return root


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def service_env(data_dir: Path, content_dir: Path, port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("RIGHTSBOT_", "TELEGRAM_"))}
    env.update(RIGHTSBOT_DATA_DIR=str(data_dir), RIGHTSBOT_CONTENT_DIR=str(content_dir),
               RIGHTSBOT_HOST="127.0.0.1", RIGHTSBOT_PORT=str(port), **extra)
    return env


def serve_command() -> list[str]:
    return [sys.executable, "-m", "bot.cli", "serve"]


def test_bad_content_and_an_empty_store_refuses_to_start_naming_file_and_line(tmp_path: Path) -> None:
    content = broken_content(tmp_path / "content")
    port = free_port()
    done = subprocess.run(serve_command(), cwd=ROOT, capture_output=True, text=True,
                          timeout=START_GUARD_SECONDS,
                          env=service_env(tmp_path / "data", content, port))
    assert done.returncode == 1, done.stderr
    # YAML notices the unclosed bracket where the next line starts.
    assert re.search(r"^en/health-gp\.md:[23]: header is not valid YAML", done.stderr, re.M)
    assert "Traceback" not in done.stderr
    with socket.socket() as probe:  # and nothing is listening
        assert probe.connect_ex(("127.0.0.1", port)) != 0


def test_bad_content_and_a_stored_snapshot_serves_the_last_good_content(tmp_path: Path) -> None:
    data = tmp_path / "data"
    good = write_mini_content(tmp_path / "good")
    first = create_app(Settings(rightsbot_data_dir=data, rightsbot_content_dir=good),
                       counter=ViewCounter())
    stored_version = first.state.holder.snapshot.version
    short_version = first.state.holder.snapshot.short_version
    first.state.repo.close()

    port = free_port()
    env = service_env(data, broken_content(tmp_path / "broken"), port, RIGHTSBOT_LOG_FORMAT="json")
    child = subprocess.Popen(serve_command(), cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        health = wait_for_health(child, f"http://127.0.0.1:{port}/api/v1/health")
        assert health["content_version"] == stored_version
        assert health["telegram"] == "off" and health["status"] == "ok"
        page = httpx.get(f"http://127.0.0.1:{port}/api/v1/pages/health-gp", params={"lang": "en"})
        assert page.status_code == 200 and page.json()["title"] == "The GP en"
    finally:
        child.send_signal(signal.SIGTERM)
        _out, err = child.communicate(timeout=START_GUARD_SECONDS)
    assert child.returncode in (0, -signal.SIGTERM), err  # uvicorn re-raises the signal it stopped on
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines, "the service logged nothing"
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    assert any(r["message"] == f"serving content {short_version}" for r in records), records


def wait_for_health(child: subprocess.Popen[str], url: str) -> dict[str, object]:
    deadline = time.monotonic() + START_GUARD_SECONDS
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise AssertionError(f"the service exited: {child.communicate()[1]}")
        try:
            answer = httpx.get(url, timeout=2)
            if answer.status_code == 200:
                return dict(answer.json())
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError("the service never answered its health check")


def test_the_refusal_is_json_lines_when_logs_are_json(tmp_path: Path) -> None:
    content = broken_content(tmp_path / "content")
    env = {**service_env(tmp_path / "data", content, free_port()), "RIGHTSBOT_LOG_FORMAT": "json"}
    done = subprocess.run(serve_command(), cwd=ROOT, capture_output=True, text=True,
                          timeout=START_GUARD_SECONDS, env=env)
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stderr.splitlines() if line.strip()]
    assert any(re.match(r"en/health-gp\.md:[23]: header is not valid YAML", r["message"]) for r in records)
    assert all(r["level"] == "ERROR" for r in records)
