"""Reading updates so that one unreadable update cannot stop long polling.

python-telegram-bot parses a whole getUpdates batch at once. If one update fails to parse
(a field from a newer Bot API it does not know, a type it does not expect), it logs the raw
batch at CRITICAL (ids, names and other people's messages) and does not advance the
offset, so it fetches the same batch again and again and answers nobody. Here each update
of a batch is checked on its own before the library sees it; one it cannot read, or whose
fields do not have the types the handlers rely on, is reduced to what can be read: a
message keeps only its id, date, chat and sender, so the person still gets the "I can only
read text" reply; anything else keeps only its id, so nothing handles it and the offset
moves past it.
"""

from __future__ import annotations

import logging
from typing import Any, Callable

from telegram import Update
from telegram.ext import ExtBot

from bot.channels.telegram.shape import well_formed

log = logging.getLogger(__name__)


MESSAGE_CORE = ("message_id", "date", "chat", "from")


def reduced(item: dict[str, Any], bot: Any) -> dict[str, Any]:
    """The readable core of an update that cannot be read whole."""
    stub: dict[str, Any] = {"update_id": item["update_id"]}
    for kind in ("message", "edited_message"):
        message = item.get(kind)
        if isinstance(message, dict):
            core = {key: message[key] for key in MESSAGE_CORE if key in message}
            if readable({**stub, kind: core}, bot):
                return {**stub, kind: core}
    return stub


def readable(item: Any, bot: Any) -> bool:
    """Can the handlers read this update as it is?"""
    if not well_formed(item):
        return False
    try:
        return Update.de_json(item, bot) is not None
    except Exception:
        return False


class UpdateSafeBot(ExtBot):
    """An ExtBot whose getUpdates never hands the library an update it cannot parse."""

    def __init__(self, *args: Any, on_dropped: Callable[[], None] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._on_dropped = on_dropped

    async def _post(self, endpoint: str, data: Any = None, **kwargs: Any) -> Any:
        result = await super()._post(endpoint, data, **kwargs)
        if endpoint != "getUpdates" or not isinstance(result, list):
            return result
        kept: list[Any] = []
        for item in result:
            if readable(item, self):
                kept.append(item)
                continue
            update_id = item.get("update_id") if isinstance(item, dict) else None
            log.warning("dropped an update the bot cannot read")
            if self._on_dropped is not None:
                self._on_dropped()
            if isinstance(update_id, int) and not isinstance(update_id, bool):
                kept.append(reduced(item, self))  # keeps the offset moving past it
        return kept
