"""The slash commands every channel offers, with descriptions for command menus."""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark a string for translation without translating it yet."""
    return message


COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", N_("Start and show the main menu")),
    ("menu", N_("All topics")),
    ("help", N_("How to use this service")),
    ("language", N_("Change the language")),
    ("privacy", N_("What this service keeps: nothing about you")),
    ("forget", N_("Delete our recent messages")),
    ("emergency", N_("Emergency numbers")),
)
