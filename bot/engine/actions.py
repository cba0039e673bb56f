"""Button actions packed into at most 64 bytes, so answering a button needs no memory.

Format: ``<op>:<page>:<lang>:<version>:<part>`` with ops ``o`` (open a page), ``l`` (choose
a language; ``page`` is empty), ``L`` (the language menu), ``h`` (help) and ``p`` (privacy).
Clients can forge callback data, so :func:`decode` accepts only this exact shape and
returns None for anything else; the engine then answers with a helpful menu.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_BYTES = 64
_PATTERN = re.compile(
    r"^(?P<op>[olLhp]):(?P<page>[a-z0-9-]{0,32}):(?P<lang>[a-z]{2,3}):"
    r"(?P<version>[0-9a-f]{6}):(?P<part>\d{1,2})$"
)


@dataclass(frozen=True)
class Action:
    op: str
    page: str
    lang: str
    version: str
    part: int = 0

    def encode(self) -> str:
        data = f"{self.op}:{self.page}:{self.lang}:{self.version}:{self.part}"
        if len(data.encode()) > MAX_BYTES:  # ids are at most 32 characters, so this cannot happen
            raise ValueError("button action over 64 bytes")
        return data


def decode(data: str | bytes | None) -> Action | None:
    """Parse callback data strictly; None when it is malformed or forged."""
    if isinstance(data, bytes):
        try:
            data = data.decode("ascii")
        except UnicodeDecodeError:
            return None
    if not isinstance(data, str) or len(data) > MAX_BYTES:
        return None
    match = _PATTERN.match(data)
    if not match:
        return None
    return Action(match["op"], match["page"], match["lang"], match["version"], int(match["part"]))
