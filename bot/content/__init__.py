"""The content model: pages, their Markdown subset, loading and validation."""

from bot.content.model import Node, PageText, Snapshot, Source
from bot.content.loader import load_content, ContentError

__all__ = ["Node", "PageText", "Snapshot", "Source", "load_content", "ContentError"]
