"""Free-text search over the content, in every language, with emergencies first."""

from bot.search.danger import detect_danger
from bot.search.service import SearchResult, Searcher

__all__ = ["SearchResult", "Searcher", "detect_danger"]
