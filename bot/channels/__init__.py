"""Channels: thin adapters between a medium (terminal, Telegram, web) and the engine."""
