"""The token redactor: no bot token or webhook secret in any log line or traceback."""

from __future__ import annotations

import logging

import pytest

from bot.channels.telegram.logs import REDACTED, TokenFilter, install_redaction, quiet_libraries

SECRET_TOKEN = "123456789:AAHredactionTestSecretPart-xyz"


def test_token_is_removed_from_messages_arguments_and_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    install_redaction(SECRET_TOKEN)
    log = logging.getLogger("bot.test.redaction")
    with caplog.at_level(logging.DEBUG, logger="bot.test.redaction"):
        log.info("POST https://api.telegram.org/bot%s/getMe", SECRET_TOKEN)
        log.warning("secret half %s", SECRET_TOKEN.split(":")[1])
        try:
            raise RuntimeError(f"failed https://x/bot{SECRET_TOKEN}/sendMessage")
        except RuntimeError:
            log.exception("request failed")
    text = caplog.text
    assert SECRET_TOKEN not in text and SECRET_TOKEN.split(":")[1] not in text
    assert text.count(REDACTED) >= 3 and "RuntimeError" in text


def test_filter_redacts_records_made_elsewhere() -> None:
    install_redaction(SECRET_TOKEN)
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "token %s", (SECRET_TOKEN,), None)
    record.exc_text = f"Traceback ... {SECRET_TOKEN}"
    assert TokenFilter().filter(record)
    assert SECRET_TOKEN not in record.getMessage() and SECRET_TOKEN not in record.exc_text


def test_libraries_that_log_tokens_or_updates_are_held_at_warning() -> None:
    quiet_libraries()
    for name in ("httpx", "telegram", "telegram.ext"):
        assert logging.getLogger(name).getEffectiveLevel() >= logging.WARNING


def test_library_records_keep_their_template_only(caplog: pytest.LogCaptureFixture) -> None:
    """python-telegram-bot logs a batch it cannot parse at CRITICAL, with the raw updates."""
    install_redaction(SECRET_TOKEN)
    batch = [{"update_id": 1, "message": {"from": {"id": 918273645, "first_name": "Qwilhelmina"},
                                          "text": "canary question zebrafinch"}}]
    with caplog.at_level(logging.DEBUG):
        try:
            raise TypeError(f"Poll.__init__() got {batch!r}")
        except TypeError as exc:
            logging.getLogger("telegram.ext.Updater").critical(
                "Error while parsing updates! Received data was %r", batch, exc_info=exc)
        logging.getLogger("httpx").warning("HTTP Request: POST %s", f"https://x/bot{SECRET_TOKEN}/getMe")
    lines = caplog.text.splitlines()
    assert not [line for line in lines for c in ("918273645", "Qwilhelmina", "zebrafinch",
                                                  SECRET_TOKEN) if c in line]
    assert any(line.endswith("Received data was %r (TypeError)") for line in lines), lines
    assert len(lines) == 2  # one line per event: no traceback
