"""All configuration, read once from the environment (see the README for each variable)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

BUNDLED_CONTENT = Path(__file__).resolve().parent.parent / "content"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", extra="ignore", case_sensitive=False)

    rightsbot_host: str = "127.0.0.1"
    rightsbot_port: int = Field(8000, ge=1, le=65535)
    rightsbot_data_dir: Path = Path("./data")
    rightsbot_database_url: str | None = None
    rightsbot_content_dir: Path = BUNDLED_CONTENT
    rightsbot_log_format: str = Field("text", pattern="^(text|json)$")
    rightsbot_log_level: str = "INFO"
    telegram_bot_token: SecretStr | None = None
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: SecretStr | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    # The bot's @username without "@", for t.me deep links and QR codes in the editor.
    telegram_bot_username: str | None = Field(None, pattern=r"^[A-Za-z][A-Za-z0-9_]{3,31}$")

    @property
    def database_url(self) -> str:
        if self.rightsbot_database_url:
            return self.rightsbot_database_url
        return f"sqlite:///{(self.rightsbot_data_dir / 'rightsbot.sqlite3').resolve()}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
