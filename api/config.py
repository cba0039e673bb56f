"""Settings of the web side only (review rule, rate limits, the leave-quickly target, docs).

Read from the environment like :class:`bot.settings.Settings`; kept apart so the bot's
channels do not carry settings they never read. Each one is in the README's table.
"""

from __future__ import annotations

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.content.markup import check_url

from api.web.pages import DEFAULT_LEAVE_URL


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RIGHTSBOT_", extra="ignore", case_sensitive=False)

    # A deployment with a single organisation may let a second person of the same
    # organisation approve; the default needs another organisation. Shown in /health.
    review_same_org: bool = False
    # Where "Leave quickly" goes: a neutral site elsewhere, so the address bar and the
    # history entry no longer name this service.
    leave_url: str = DEFAULT_LEAVE_URL
    # Requests per client and minute: the web chat (pages and /chat) and the API.
    rate_chat: int = Field(60, ge=1, le=100_000)
    rate_api: int = Field(300, ge=1, le=100_000)
    # Behind a trusted proxy, the header it puts the client's address in (e.g.
    # X-Forwarded-For); unset, the connection's address is the client.
    client_header: str | None = None
    # Engine runs (searches) at once in worker threads; more wait their turn. One is best:
    # search is pure Python, so a second thread adds no speed, only contention for the
    # interpreter lock with the event loop (health answers 10x slower under a flood).
    engine_threads: int = Field(1, ge=1, le=64)
    # Open drafts (not yet submitted) one organisation may hold at once.
    max_open_drafts: int = Field(50, ge=1, le=100_000)
    # Send Strict-Transport-Security (turn off only for plain-http development).
    hsts: bool = True

    @field_validator("leave_url")
    @classmethod
    def _https(cls, value: str) -> str:
        if why := check_url(value):
            raise ValueError(why)
        return value
