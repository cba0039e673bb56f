"""Logging rules for the Telegram bot: quiet libraries and no secret in any log line.

At INFO, ``httpx`` logs every request URL, and the URL contains the bot token; at DEBUG,
python-telegram-bot logs whole updates (ids, names, text). Both loggers are held at
WARNING. On top of that, every log record is passed through a redactor that replaces the
bot token (and the webhook secret) in the message, its arguments and the exception text.
It is installed as the log record factory, so it applies to every logger and every
handler, including handlers configured after the bot starts.
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


def scrub(record: logging.LogRecord) -> None:
    """Rewrite a record in place so that no secret survives in what a handler formats."""
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
