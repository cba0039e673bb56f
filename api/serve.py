"""``rightsbot serve``: the composition root. One process serves the API, the web pages
and (when ``TELEGRAM_BOT_TOKEN`` is set) the Telegram bot, all from one content holder."""

from __future__ import annotations

import logging
import sys

from bot.content import ContentError
from bot.logs import JsonFormatter, TextFormatter
from bot.settings import Settings

from api.publish import StoreError

QUIET_LOGGERS = ("httpx", "httpcore", "telegram", "apscheduler", "uvicorn.access")


def configure_logging(settings: Settings) -> None:
    """One line per event; the loggers that would print tokens or updates stay at WARNING."""
    handler = logging.StreamHandler(sys.stderr)
    if settings.rightsbot_log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(TextFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.rightsbot_log_level.upper())
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def refuse(settings: Settings, headline: str, details: list[str]) -> int:
    """Say why the service will not start: plain lines for a person at a terminal, or one
    JSON log record per line when the logs go to a collector (RIGHTSBOT_LOG_FORMAT=json)."""
    if settings.rightsbot_log_format == "json":
        log = logging.getLogger("rightsbot")
        log.error(headline)
        for detail in details:
            log.error("%s", detail)
    else:
        print(f"rightsbot: {headline}", file=sys.stderr)
        for detail in details:
            print(detail, file=sys.stderr)
    return 1


def serve(settings: Settings) -> int:
    import uvicorn

    from api.app import create_app

    configure_logging(settings)
    try:
        app = create_app(settings)
    except ContentError as exc:
        return refuse(settings, "the store is empty and the content folder has problems:",
                      [str(problem) for problem in exc.problems])
    except StoreError as exc:
        return refuse(settings, f"the store holds no servable content: {exc}", [])
    config = uvicorn.Config(
        app, host=settings.rightsbot_host, port=settings.rightsbot_port, access_log=False,
        log_config=None, proxy_headers=False, server_header=False,
    )
    uvicorn.Server(config).run()
    return 0
