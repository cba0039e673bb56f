"""Log formatting for the service: one line per record, as text or as one JSON object.

A traceback normally spans many lines, which log collectors split into unrelated events,
and exception messages can carry input (pydantic, for one, echoes the rejected value, which
may be a person's question). So an exception is logged on the record's own line as its
class names and frames only ("ValueError at bot/x.py:12 in f < ..."), never its message.
"""

from __future__ import annotations

import json
import logging
import re

_FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line (?P<line>\d+), in (?P<func>\S+)')
_EXC = re.compile(r"^(?P<name>[A-Za-z_][\w.]*)(?::|$)")
_SKIP = ("Traceback (most recent call last)", "During handling of the above exception",
         "The above exception was the direct cause")


def _short(path: str) -> str:
    """A path from its package on (``bot/...``, ``telegram/...``), not the machine's."""
    for marker in ("/site-packages/", "/bot/", "/api/"):
        if marker in path:
            head = marker.strip("/")
            rest = path.rsplit(marker, 1)[1]
            return rest if head == "site-packages" else f"{head}/{rest}"
    return path.rsplit("/", 1)[-1]


def exception_summary(traceback_text: str) -> str:
    """Class names and the innermost frames of a formatted traceback, without messages."""
    names: list[str] = []
    frames: list[str] = []
    for line in traceback_text.splitlines():
        frame = _FRAME.match(line)
        if frame:
            frames.append(f"{_short(frame['file'])}:{frame['line']} in {frame['func']}")
            continue
        if line.startswith(_SKIP[0]):
            frames = []  # a new block of a chain: keep the frames of the exception raised last
            continue
        if line.startswith((" ", "\t")) or not line.strip() or line.startswith(_SKIP):
            continue
        name = _EXC.match(line)
        if name:
            names.append(name["name"])
    innermost = " < ".join(reversed(frames[-4:]))
    return f"{' from '.join(reversed(names)) or 'exception'} at {innermost or '?'}"


def _exception(formatter: logging.Formatter, record: logging.LogRecord) -> str | None:
    if record.exc_info and record.exc_info[0] is not None:
        return exception_summary(formatter.formatException(record.exc_info))
    if record.exc_text:  # already formatted (e.g. by the token redactor)
        return exception_summary(record.exc_text)
    return None


def _one_line(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")


class TextFormatter(logging.Formatter):
    """``time LEVEL logger: message [exception summary]`` on one line."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        line = f"{self.formatTime(record)} {record.levelname} {record.name}: {record.getMessage()}"
        exc = _exception(self, record)
        return _one_line(line + (f" [{exc}]" if exc else ""))


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, and ``exc`` when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": self.formatTime(record), "level": record.levelname,
                 "logger": record.name, "message": record.getMessage()}
        exc = _exception(self, record)
        if exc:
            entry["exc"] = exc
        return json.dumps(entry)  # ASCII: a stray surrogate cannot break the stream
