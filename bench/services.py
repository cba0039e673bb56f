"""Starting ``rightsbot serve`` (and the baseline app) as real processes on loopback."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.procs import child_env, free_port, peak_rss_mb, spawn, stop

RIGHTSBOT = str(Path(sys.executable).parent / "rightsbot")
START_TIMEOUT = 60.0


@dataclass
class Service:
    proc: subprocess.Popen
    base: str
    started_s: float  # spawn until health and one page answered

    @property
    def peak_rss_mb(self) -> float | None:
        return peak_rss_mb(self.proc.pid)


# Every benchmark client comes from 127.0.0.1 and stands for many people, so the
# per-client limits (rate, open drafts) are lifted unless a benchmark sets its own.
UNLIMITED = {"RIGHTSBOT_RATE_CHAT": "100000", "RIGHTSBOT_RATE_API": "100000",
             "RIGHTSBOT_MAX_OPEN_DRAFTS": "100000"}


def serve_env(data_dir: Path, port: int, **extra: str) -> dict[str, str]:
    return child_env(RIGHTSBOT_DATA_DIR=str(data_dir), RIGHTSBOT_HOST="127.0.0.1",
                     RIGHTSBOT_PORT=str(port), RIGHTSBOT_LOG_LEVEL="WARNING", **{**UNLIMITED, **extra})


def create_token(env: dict[str, str], org: str, role: str) -> str:
    """A token made the way an operator makes one: ``rightsbot token create``."""
    done = subprocess.run([RIGHTSBOT, "token", "create", "--org", org, "--role", role], env=env,
                          capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(f"rightsbot token create failed: {done.stderr.strip()[-1000:]}")
    return done.stdout.strip().splitlines()[0]


def _wait_answers(base: str, page_path: str, proc: subprocess.Popen) -> None:
    with httpx.Client(base_url=base, timeout=5.0) as client:
        for path in ("/api/v1/health", page_path):
            deadline = time.monotonic() + START_TIMEOUT
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"the service exited: {stop(proc)[-2000:]}")
                try:
                    if client.get(path).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"no answer on {path} within {START_TIMEOUT}s")
                time.sleep(0.005)


def start_serve(data_dir: Path, page_path: str, **extra: str) -> Service:
    """Spawn ``rightsbot serve`` and wait for GET /api/v1/health and ``page_path``."""
    port = free_port()
    env = serve_env(data_dir, port, **extra)
    start = time.perf_counter_ns()
    proc, _ = spawn_cmd([RIGHTSBOT, "serve"], env)
    base = f"http://127.0.0.1:{port}"
    _wait_answers(base, page_path, proc)
    return Service(proc, base, (time.perf_counter_ns() - start) / 1e9)


def start_baseline(page_path: str) -> Service:
    port = free_port()
    start = time.perf_counter_ns()
    proc, _ = spawn(["-m", "bench.baseline_app", str(port)])
    base = f"http://127.0.0.1:{port}"
    _wait_answers(base, page_path, proc)
    return Service(proc, base, (time.perf_counter_ns() - start) / 1e9)


def spawn_cmd(cmd: list[str], env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return proc, ""


__all__ = ["Service", "create_token", "serve_env", "start_baseline", "start_serve", "stop"]
