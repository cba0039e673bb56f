"""Sending a reply so that the person always gets an answer.

When Telegram refuses a message (too long, unparsable HTML, a button it rejects, any Bad
Request), the reply is sent again in simpler forms, each only for what is not sent yet:

1. the same message, its plain text if the HTML cannot be parsed (:class:`Delivery`);
2. cut at block boundaries into messages within Telegram's limit;
3. as plain-text pieces, no parse mode;
4. the built-in fallback: the emergency numbers written out, with the menu and 🆘 buttons;
5. the same fallback without buttons.

Every refusal is counted in :class:`DeliveryStats` (shown by ``/api/v1/health``) and logged
by kind only: no chat, no text, no page.
"""

from __future__ import annotations

import logging
from typing import Callable

from telegram.error import BadRequest

from bot.channels.telegram.adapter import Outgoing
from bot.channels.telegram.delivery import Delivery, refusal
from bot.channels.telegram.fallback import bare
from bot.channels.telegram.split import html_pieces, plain_pieces
from bot.channels.telegram.stats import DeliveryStats

log = logging.getLogger(__name__)


class Unanswered(Exception):
    """Telegram refused the reply and the fallback; the cause is chained."""


class Responder:
    def __init__(self, delivery: Delivery, stats: DeliveryStats,
                 fallback: Callable[[], Outgoing]) -> None:
        self.delivery = delivery
        self.stats = stats
        self.fallback = fallback

    def _refused(self, exc: BadRequest) -> None:
        self.stats.refused += 1
        log.warning("telegram refused a message (%s); sending it another way", refusal(exc))

    async def _all(self, chat_id: int, outs: list[Outgoing], remember: bool
                   ) -> tuple[int, BadRequest | None]:
        """Send in order until Telegram refuses one: how many went, and the refusal."""
        for index, out in enumerate(outs):
            try:
                await self.delivery.send(chat_id, out, remember)
            except BadRequest as exc:
                return index, exc
        return len(outs), None

    async def _one(self, chat_id: int, out: Outgoing, remember: bool) -> bool:
        """Deliver one message of a reply in the simplest form Telegram accepts; False when
        none was accepted."""
        try:
            await self.delivery.send(chat_id, out, remember)
            return True
        except BadRequest as exc:
            self._refused(exc)
        rest = [out]
        pieces = html_pieces(out) if out.html is not None and out.document else []
        if len(pieces) > 1:
            self.stats.split += 1
            sent, refused = await self._all(chat_id, pieces, remember)
            if refused is None:
                return True
            self._refused(refused)
            rest = pieces[sent:]
        plain = [piece for part in rest for piece in plain_pieces(part)]
        self.stats.plain += 1
        _sent, refused = await self._all(chat_id, plain, remember)
        if refused is None:
            return True
        self._refused(refused)
        return False

    async def send(self, chat_id: int, outs: list[Outgoing], remember: bool = True) -> None:
        """Send a reply's messages in order; if one cannot be sent in any form, send the
        fallback instead of it and of the rest."""
        for out in outs:
            if not await self._one(chat_id, out, remember):
                await self._fall_back(chat_id, remember)
                return

    async def _fall_back(self, chat_id: int, remember: bool) -> None:
        self.stats.fallback += 1
        last = self.fallback()
        _sent, refused = await self._all(chat_id, [last], remember)
        if refused is not None:
            self._refused(refused)
            _sent, refused = await self._all(chat_id, [bare(last)], remember)
        if refused is not None:
            self._refused(refused)
            self.stats.unanswered += 1
            raise Unanswered() from refused
