"""The store's files are for this service's user only: the folder 0700, files 0600.

They hold token hashes, unpublished drafts, the audit trail and the counts. SQLite gives
its ``-wal`` and ``-shm`` files the mode of the database file, so creating that file 0600
before SQLite opens it is enough; existing files are narrowed on every start.
"""

from __future__ import annotations

import os
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600
SIDE_FILES = ("-wal", "-shm", "-journal")


def private_dir(path: Path) -> None:
    """Create ``path`` (0700), or narrow it to 0700 when it is ours."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if path.stat().st_uid == os.geteuid():
        path.chmod(DIR_MODE)


def private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 if missing; narrow it and its SQLite side files."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE)
    os.close(fd)
    for candidate in (path, *(path.with_name(path.name + s) for s in SIDE_FILES)):
        if candidate.exists() and candidate.stat().st_uid == os.geteuid():
            candidate.chmod(FILE_MODE)
