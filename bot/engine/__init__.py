"""The conversation engine: (state, event) -> (state, reply), with no I/O at all."""

from bot.engine.engine import Engine
from bot.engine.events import (
    Back, ButtonPress, ChooseLanguage, Emergency, Forgotten, FreeText, Help, Home, OpenPage,
    Privacy, SharedPersonalData, Start, Unsupported,
)
from bot.engine.reply import Button, Reply, State

__all__ = [
    "Back", "Button", "ButtonPress", "ChooseLanguage", "Emergency", "Engine", "Forgotten",
    "FreeText", "Help", "Home", "OpenPage", "Privacy", "Reply", "SharedPersonalData", "Start",
    "State", "Unsupported",
]
