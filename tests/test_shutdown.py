"""Ctrl-C (SIGINT) stops ``rightsbot serve`` cleanly: one log line per event, no traceback."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.api.test_serve import ROOT, env_for, free_port

GUARD_SECONDS = 60.0  # a guard against a hung child; nothing here measures time


def test_sigint_stops_serve_without_a_traceback(tmp_path: Path, mini_content: Path) -> None:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve"], cwd=ROOT,
                               env=env_for(tmp_path / "data", mini_content, port),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + GUARD_SECONDS
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=GUARD_SECONDS)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert "Application shutdown complete" in output, output
    assert "Traceback" not in output and "KeyboardInterrupt" not in output, output
    lines = [line for line in output.splitlines() if line.strip()]
    assert all(line[:4].isdigit() for line in lines), output  # every line is a log event
    assert process.returncode == 130
