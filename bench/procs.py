"""Child processes for the benchmarks: spawn, read a ready line, measure memory, stop."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child: this one, minus anything that would reach Telegram."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "RIGHTSBOT_"))}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def spawn(args: Sequence[str], env: dict[str, str] | None = None, ready: bool = False) -> tuple[subprocess.Popen, str]:
    """Start ``python args``; with ``ready``, wait for its first stdout line (``READY <port>``)."""
    proc = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env or child_env(),
                            stdout=subprocess.PIPE if ready else subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    line = ""
    if ready:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        if not line.startswith("READY"):
            stop(proc)
            raise RuntimeError(f"child did not start: {proc.stderr.read() if proc.stderr else ''}")
    return proc, line


def peak_rss_mb(pid: int) -> float | None:
    """The process's peak resident memory (VmHWM) in MB, from /proc."""
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def stop(proc: subprocess.Popen, timeout: float = 10.0) -> str:
    """SIGINT (uvicorn's clean shutdown), then SIGKILL; returns what it wrote to stderr."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    err = proc.stderr.read() if proc.stderr else ""
    for stream in (proc.stdout, proc.stderr):
        if stream:
            stream.close()
    return err or ""


def wait_until(check, timeout: float, every: float = 0.005) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(every)
    return False
