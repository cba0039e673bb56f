"""Check every locked package against a public advisory database (OSV), or say plainly
that none could be reached.

``python deps/audit.py [LOCKFILE]`` sends the names and versions of ``requirements.lock``
to OSV's batch query (``RIGHTSBOT_OSV_URL`` overrides the address) and lists what is
known. Exit codes: 0 every package was checked and none has an advisory; 1 some do; 2 no
advisory source answered, so NOTHING was audited (never reported as "no vulnerabilities").
"""

from __future__ import annotations

import json
import os
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OSV_URL = "https://api.osv.dev/v1/querybatch"
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s\\;]+)", re.M)


def pins(lock: Path) -> list[tuple[str, str]]:
    return PIN.findall(lock.read_text(encoding="utf-8"))


def query(url: str, packages: list[tuple[str, str]], timeout: float = 20.0) -> list[list[str]]:
    """The advisory ids of each package, in order; raises OSError when unreachable."""
    body = {"queries": [{"package": {"name": n, "ecosystem": "PyPI"}, "version": v} for n, v in packages]}
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - https or a test's loopback
        results = json.load(response).get("results", [])
    if len(results) != len(packages):
        raise OSError(f"the advisory source answered for {len(results)} of {len(packages)} packages")
    return [[v["id"] for v in r.get("vulns", [])] for r in results]


def main(argv: list[str]) -> int:
    lock = Path(argv[0]) if argv else ROOT / "requirements.lock"
    packages = pins(lock)
    url = os.environ.get("RIGHTSBOT_OSV_URL", OSV_URL)
    try:
        found = query(url, packages)
    except (OSError, urllib.error.URLError, ValueError) as exc:
        print(f"NOT AUDITED: no advisory source could be reached ({url}: {exc}).\n"
              f"None of the {len(packages)} packages in {lock.name} was checked; run this where "
              "the advisory source is reachable.", file=sys.stderr)
        return 2
    bad = [(name, version, ids) for (name, version), ids in zip(packages, found) if ids]
    for name, version, ids in bad:
        print(f"{name} {version}: {', '.join(ids)}")
    print(f"audited {len(packages)} packages from {lock.name} against {url}: "
          f"{len(bad)} with known advisories")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
