"""Dependencies: the lock pins every runtime dependency with a hash, the image installs
from it, and the audit says plainly when no advisory source could be reached."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import tomllib
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"


def _name(requirement: str) -> str:
    return re.split(r"[\[<>=!~ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_the_lock_pins_every_runtime_dependency_with_a_hash() -> None:
    text = LOCK.read_text(encoding="utf-8")
    entries = re.findall(r"^([a-z0-9-]+)==(\S+) \\\n    --hash=sha256:([0-9a-f]{64})$", text, re.M)
    pinned = {name: version for name, version, _ in entries}
    assert len(entries) == len(re.findall(r"^[A-Za-z0-9]", text, re.M))  # every pin has its hash
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for requirement in project["dependencies"]:
        assert _name(requirement) in pinned, requirement
    major = lambda v: tuple(int(x) for x in v.split(".")[:2])  # noqa: E731
    assert major(pinned["pip"]) >= (25, 3) and major(pinned["setuptools"]) >= (78, 1)


def test_the_image_installs_exactly_the_locked_files() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert "--require-hashes" in text and "-r requirements.lock" in text
    assert re.search(r"pip install [^\n]*--no-deps[^\n]*--no-build-isolation \.", text)


class _FakeOSV(BaseHTTPRequestHandler):
    vulnerable: set[str] = set()

    def do_POST(self) -> None:  # noqa: N802 - the http.server hook
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        results = [{"vulns": [{"id": "PYSEC-TEST-1"}]} if q["package"]["name"] in self.vulnerable else {}
                   for q in body["queries"]]
        data = json.dumps({"results": results}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def osv() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _FakeOSV)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/v1/querybatch"
    server.shutdown()
    server.server_close()


def _audit(url: str) -> subprocess.CompletedProcess[str]:
    import os
    return subprocess.run([sys.executable, "deps/audit.py"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, env={**os.environ, "RIGHTSBOT_OSV_URL": url})


def test_the_audit_says_clearly_when_no_source_is_reachable() -> None:
    import socket
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    done = _audit(f"http://127.0.0.1:{port}/v1/querybatch")
    assert done.returncode == 2
    assert "NOT AUDITED" in done.stderr and "None of the" in done.stderr
    assert "0 with known advisories" not in done.stdout


def test_the_audit_reports_advisories_and_a_clean_result(osv: str) -> None:
    _FakeOSV.vulnerable = set()
    clean = _audit(osv)
    assert clean.returncode == 0 and "0 with known advisories" in clean.stdout
    _FakeOSV.vulnerable = {"starlette"}
    found = _audit(osv)
    assert found.returncode == 1 and "starlette" in found.stdout and "PYSEC-TEST-1" in found.stdout
