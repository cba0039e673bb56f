"""Fixtures for the web pages: the web router on a small app, a real uvicorn server on a
free loopback port, and headless Chromium (Debian's, never a downloaded one)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from api.web import build_web_router
from bot.engine import Engine
from tests.conftest import CONTENT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
BOT_USERNAME = "rightsbot_test_bot"
# "Leave quickly" goes here; browser tests answer it themselves, nothing leaves the machine.
LEAVE_URL = "https://www.example.org/"


@pytest.fixture
def views() -> list[tuple[str, str]]:
    return []


@pytest.fixture
def web_app(engine: Engine, views: list[tuple[str, str]]) -> FastAPI:
    app = FastAPI()
    app.include_router(build_web_router(engine, lambda page, lang: views.append((page, lang)),
                                        bot_username=BOT_USERNAME, leave_url=LEAVE_URL))
    return app


@pytest.fixture
async def client(web_app: FastAPI):
    transport = httpx.ASGITransport(app=web_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """An app served by uvicorn in a thread, on 127.0.0.1 and a free port."""

    def __init__(self, app: FastAPI) -> None:
        self.port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                access_log=False, lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


@pytest.fixture
def live_web(web_app: FastAPI) -> Iterator[LiveServer]:
    with LiveServer(web_app) as server:
        yield server


@pytest.fixture(scope="module")
def full_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """The whole service as ``rightsbot serve`` builds it, middleware included (security
    headers, compression, rate limits), on the bundled content in a temporary store."""
    from api.app import create_app
    from api.config import ApiSettings
    from api.stats import ViewCounter
    from bot.settings import Settings

    settings = Settings(rightsbot_data_dir=tmp_path_factory.mktemp("store"),
                        rightsbot_content_dir=CONTENT, rightsbot_database_url=None,
                        telegram_bot_token=None)
    app = create_app(settings, counter=ViewCounter(),
                     api_settings=ApiSettings(leave_url=LEAVE_URL, rate_chat=10_000))
    yield app
    app.state.repo.close()


@pytest.fixture(scope="module")
def full_live(full_app: FastAPI) -> Iterator[LiveServer]:
    with LiveServer(full_app) as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium driven by Playwright; the test skips when Chromium is absent.

    Module-scoped: Playwright's sync API holds an event loop on this thread while it runs,
    which must be gone again before the next module's asyncio tests start.
    """
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (see .ci/run)")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def page(browser):
    """A fresh browser context (no shared storage) with a phone-sized window."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, service_workers="block")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.errors = errors  # type: ignore[attr-defined]
    yield tab
    context.close()


def screenshot(tab, name: str, full_page: bool = True) -> Path:
    """Save what the page shows; ``full_page=False`` keeps the phone's own view, where the
    sticky bars sit where a reader sees them."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=full_page)
    return path
