"""The FastAPI application: the content API, the Telegram webhook, and the shared content.

One :class:`ContentHolder` is shared by the API, the Telegram bot and the web chat, so an
approved change is served everywhere the moment it is published. ``create_app`` builds
everything it is not given, which is what ``rightsbot serve`` and the tests both use.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import inspect
import logging
import time
from typing import Any, AsyncIterator, Awaitable, Callable

from fastapi import FastAPI, Request, Response
from starlette.middleware.gzip import GZipMiddleware
from sqlalchemy.exc import OperationalError

from bot.content.holder import ContentHolder
from bot.engine import Engine
from bot.settings import Settings

from api.auth import Throttle
from api.config import ApiSettings
from api.docs import build_docs_router
from api.errors import ApiError, api_error_handler, store_error_handler
from api.limits import BodyLimit
from api.ratelimit import RateLimit
from api.security import SecurityHeaders
from api.publish import Publisher, load_snapshot
from api.routes import audit, changes, health, pages, stats
from api.routes import telegram as telegram_routes
from api.stats import ViewCounter
from api.store import open_database
from api.store.repository import Repository
from api.web import build_web_router
from api.web.offload import EngineRunner

log = logging.getLogger("api")
API_PREFIX = "/api/v1"
FLUSH_SECONDS = 60.0
GZIP_MIN_BYTES = 500


async def _maybe_await(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


def _telegram_service(settings: Settings, engine: Engine, counter: ViewCounter) -> Any:
    from bot.channels.telegram.service import TelegramService  # only when a token is set

    return TelegramService(settings, engine, counter.record)


async def _flush_forever(counter: ViewCounter, every: float) -> None:
    while True:
        await asyncio.sleep(every)
        try:
            await asyncio.to_thread(counter.flush)
        except Exception:  # logged in flush; the next round retries
            pass


WARM_UP_AFTER_S = 2.0


def _warm_up(engine: Engine, holder: ContentHolder) -> None:
    threading.Thread(target=engine.searcher.index, args=(holder.snapshot,),
                     name="search-warm-up", daemon=True).start()


def create_app(
    settings: Settings, *, repo: Repository | None = None, holder: ContentHolder | None = None,
    counter: ViewCounter | None = None, telegram: Any = None, flush_seconds: float = FLUSH_SECONDS,
    api_settings: ApiSettings | None = None,
) -> FastAPI:
    """Build the app; raises ``ContentError`` if the store is empty and content/ is invalid."""
    repo = repo or Repository(open_database(settings.database_url))
    holder = holder or ContentHolder(load_snapshot(repo, settings.rightsbot_content_dir))
    counter = counter or ViewCounter()  # one per app: nothing shared between apps
    counter.repo = repo
    engine = Engine(holder)
    if telegram is None and settings.telegram_bot_token is not None:
        telegram = _telegram_service(settings, engine, counter)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        flusher = asyncio.create_task(_flush_forever(counter, flush_seconds))
        # The search index (and the danger patterns) are built in the background once the
        # service has started, so start-up is not slowed by it and the first question rarely
        # waits (a question that comes sooner builds the index itself).
        asyncio.get_running_loop().call_later(WARM_UP_AFTER_S, _warm_up, engine, holder)
        if telegram is not None:
            await _maybe_await(telegram.start())
        log.info("serving content %s", holder.snapshot.short_version)
        try:
            yield
        finally:
            if telegram is not None:
                await _maybe_await(telegram.stop())
            flusher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await flusher
            await asyncio.to_thread(counter.flush)

    app = FastAPI(
        title="rightsbot content API", version="1",
        description="Organisations propose changes to the bot's content; a reviewer of another "
                    "organisation approves; the bot serves the published text at once.",
        lifespan=lifespan, docs_url=None, redoc_url=None,  # /docs is our own page, below
    )
    app.state.settings = settings
    config = app.state.api_settings = api_settings or ApiSettings()
    app.state.repo = repo
    app.state.holder = holder
    app.state.engine = engine
    app.state.publisher = Publisher(repo, holder)
    app.state.throttle = Throttle()
    app.state.counter = counter
    app.state.record_view = counter.record
    app.state.telegram = telegram
    app.add_exception_handler(ApiError, api_error_handler)
    app.add_exception_handler(OperationalError, store_error_handler)
    for module in (health, pages, changes, audit, stats):
        app.include_router(module.router, prefix=API_PREFIX)
    app.include_router(telegram_routes.router)
    app.include_router(build_docs_router(app))
    app.include_router(build_web_router(
        engine, counter.record, bot_username=settings.telegram_bot_username,
        runner=EngineRunner(config.engine_threads), leave_url=config.leave_url))
    app.middleware("http")(_log_requests)
    app.add_middleware(BodyLimit)
    app.add_middleware(RateLimit, chat=config.rate_chat, api=config.rate_api, header=config.client_header)
    app.add_middleware(SecurityHeaders, hsts=config.hsts)
    # Text answers (pages, scripts, JSON) shrink to a third: readers are often on prepaid data.
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES, compresslevel=9)
    return app


async def _log_requests(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """One line per API request: method, path and status; no client address or query."""
    started = time.monotonic()
    response = await call_next(request)
    if request.url.path.startswith(API_PREFIX) and request.url.path != API_PREFIX + "/health":
        log.info("%s %s %d %.0fms", request.method, request.url.path, response.status_code,
                 (time.monotonic() - started) * 1000)
    return response
