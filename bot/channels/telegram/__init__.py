"""The Telegram channel: python-telegram-bot 22 as a thin adapter over the engine."""
