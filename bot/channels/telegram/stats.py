"""Counts of replies Telegram refused, for ``/api/v1/health``: numbers only, nothing else.

A refused message used to vanish into one error log line while health said "ok"; these
counts make it visible to the operator without saying who, when or which page.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class DeliveryStats:
    refused: int = 0  # sendMessage calls Telegram refused (Bad Request), any reason
    edits_refused: int = 0  # editMessageText refused (other than "not modified")
    split: int = 0  # messages cut into smaller ones after a refusal
    plain: int = 0  # messages sent again as plain text after a refusal
    fallback: int = 0  # replies replaced by the built-in emergency fallback
    unanswered: int = 0  # replies not even the fallback could deliver
    unchanged: int = 0  # edits not sent because the message already showed the same
    dropped_updates: int = 0  # updates dropped: unreadable by the library, or a replay

    def as_dict(self) -> dict[str, int]:
        return asdict(self)
