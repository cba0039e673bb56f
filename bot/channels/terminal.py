"""The conversation in a terminal: numbered buttons, free text, and a few slash commands."""

from __future__ import annotations

from typing import IO

from bot.content.render import to_plain
from bot.engine import (
    ButtonPress, ChooseLanguage, Emergency, Engine, FreeText, Help, Home, Privacy, Reply, Start,
)
from bot.engine.events import Event
from bot.i18n import gettext

COMMANDS: dict[str, Event] = {
    "/start": Start(), "/menu": Home(), "/help": Help(), "/privacy": Privacy(),
    "/emergency": Emergency(), "/language": ChooseLanguage(),
}
QUIT = {"/quit", "/exit", "/q"}


def render(reply: Reply) -> str:
    """A reply as plain text with its buttons numbered from 1."""
    lines = [to_plain(part) for part in reply.parts]
    buttons = reply.all_buttons
    if buttons:
        lines.append("\n".join(f"  [{i}] {b.label}" for i, b in enumerate(buttons, start=1)))
    return "\n\n".join(lines)


def event_for(line: str, last: Reply | None) -> Event:
    """What a typed line means: a button number, a command, or a question."""
    text = line.strip()
    if last and text.isdigit():
        index = int(text) - 1
        buttons = last.all_buttons
        if 0 <= index < len(buttons):
            return ButtonPress(buttons[index].action)
    if text.lower() in COMMANDS:
        return COMMANDS[text.lower()]
    return FreeText(text)


def run(engine: Engine, stdin: IO[str], stdout: IO[str], lang: str | None = None) -> int:
    """Hold a conversation until end of input or /quit."""
    state = engine.initial_state(lang)
    state, reply = engine.handle(state, Start())
    _ = gettext(state.lang)
    stdout.write(render(reply) + "\n\n")
    stdout.write(_("Type a number to press a button, type a question, or /quit to stop.") + "\n")
    while True:
        stdout.write("> ")
        stdout.flush()
        line = stdin.readline()
        if not line or line.strip().lower() in QUIT:
            stdout.write("\n")
            return 0
        if not line.strip():
            continue
        state, reply = engine.handle(state, event_for(line, reply))
        stdout.write("\n" + render(reply) + "\n\n")
