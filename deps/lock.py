"""Write ``requirements.lock``: every package the image installs, pinned, with hashes.

``python deps/lock.py`` resolves the runtime dependencies of ``pyproject.toml`` (and the
build tools pip, setuptools and wheel) for the image's platform (CPython 3.11, Linux
x86_64), downloads each wheel once, and records its SHA-256. The Dockerfile installs with
``--require-hashes``, so a changed or substituted file fails the build.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
BUILD_TOOLS = ("pip>=25.3", "setuptools>=78.1.1", "wheel>=0.46")
PLATFORM = ("--platform", "manylinux_2_17_x86_64", "--platform", "manylinux2014_x86_64",
            "--platform", "manylinux_2_28_x86_64", "--python-version", "3.11",
            "--implementation", "cp", "--abi", "cp311", "--only-binary=:all:")
WHEEL = re.compile(r"^(?P<name>[^-]+)-(?P<version>[^-]+)-")


def requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [*project["dependencies"], *BUILD_TOOLS]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--dest", tmp, *PLATFORM,
                        *requirements()], check=True)
        lines = []
        for wheel in sorted(Path(tmp).glob("*.whl"), key=lambda p: p.name.lower()):
            match = WHEEL.match(wheel.name)
            if match is None:
                raise SystemExit(f"unexpected file {wheel.name}")
            name = match["name"].replace("_", "-").lower()
            digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
            lines.append(f"{name}=={match['version']} \\\n    --hash=sha256:{digest}")
    header = ("# Made by `python deps/lock.py` from pyproject.toml for CPython 3.11 on Linux x86_64;\n"
              "# the Dockerfile installs exactly these files (pip --require-hashes).\n")
    LOCK.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {LOCK.name}: {len(lines)} packages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
