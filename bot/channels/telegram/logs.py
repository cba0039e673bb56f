"""Logging rules for the Telegram bot: quiet libraries and no secret in any log line.

At INFO, ``httpx`` logs every request URL, and the URL contains the bot token; at DEBUG,
python-telegram-bot logs whole updates (ids, names, text), and at CRITICAL it logs a whole
getUpdates batch it could not parse. The libraries' loggers are held at WARNING, and every
record they make keeps only its fixed template and the exception's class name: never its
arguments or the exception's text, which is where updates, URLs and people's messages go.
On top of that, every log record is passed through a redactor that replaces the bot token
(and the webhook secret) in the message, its arguments and the exception text. Both are
installed as the log record factory, so they apply to every logger and every handler,
including handlers configured after the bot starts, and keep each record to one line.
"""

from __future__ import annotations

import logging
import threading
import traceback
from typing import Any

QUIET_LOGGERS = ("httpx", "httpcore", "telegram", "apscheduler")
REDACTED = "[redacted]"

_secrets: set[str] = set()
_lock = threading.Lock()
_installed = False


def quiet_libraries() -> None:
    """Hold the loggers that would log tokens or whole updates at WARNING."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def redact(text: str) -> str:
    for secret in sorted(_secrets, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return text


def _secret_parts(token: str) -> list[str]:
    """The token, and its secret half (after the colon) on its own."""
    parts = [token]
    _bot_id, _sep, secret = token.partition(":")
    if len(secret) >= 8:
        parts.append(secret)
    return parts


def from_library(name: str) -> bool:
    return any(name == lib or name.startswith(lib + ".") for lib in QUIET_LOGGERS)


def template_only(record: logging.LogRecord) -> None:
    """Keep a library record's template and the exception's class; drop every value."""
    message = str(record.msg)
    exc_type = record.exc_info[0] if record.exc_info else None
    if exc_type is not None:
        message += f" ({exc_type.__name__})"
    record.msg, record.args = message, ()
    record.exc_info, record.exc_text, record.stack_info = None, None, None


def scrub(record: logging.LogRecord) -> None:
    """Rewrite a record in place so that no secret survives in what a handler formats."""
    if from_library(record.name):
        template_only(record)
    if not _secrets:
        return
    try:
        message = record.getMessage()
    except Exception:  # a bad format string: keep the template only
        message = str(record.msg)
    record.msg, record.args = redact(message), ()
    if record.exc_info and record.exc_info[0] is not None:
        text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        record.exc_text = redact(text)
        record.exc_info = None
    elif record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)


class TokenFilter(logging.Filter):
    """The same redaction as a filter, for handlers that build records themselves."""

    def filter(self, record: logging.LogRecord) -> bool:
        scrub(record)
        return True


def install_redaction(*secrets: str | None) -> None:
    """Redact these secrets from every log record created from now on."""
    global _installed
    with _lock:
        for secret in secrets:
            if secret:
                _secrets.update(_secret_parts(secret))
        if _installed:
            return
        previous = logging.getLogRecordFactory()

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = previous(*args, **kwargs)
            scrub(record)
            return record

        logging.setLogRecordFactory(factory)
        _installed = True
