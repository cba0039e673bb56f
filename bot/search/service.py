"""Searching a snapshot: per-language indexes, built once per content version.

When a new snapshot is published the next search builds fresh indexes for it, so search
always matches what is served.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from bot.content.model import EMERGENCY_ID, ROOT_ID, Snapshot
from bot.search.danger import detect_danger
from bot.search.index import Hit, LanguageIndex
from bot.search.text import stop_word_hits, tokens

MIN_COVERAGE = 0.5
MIN_SCORE = 2.0
# A "show this" card is something to show at a desk, not an answer to a question; the page
# it belongs to links to it, so it ranks slightly below an equally good page.
CARD_PRIOR = 0.8
# A topic is a menu: when it matches about as well as one of its pages, the page is the
# more useful answer (it still lists the topic's other pages through its buttons).
TOPIC_PRIOR = 0.85
PRIORS = {"card": CARD_PRIOR, "topic": TOPIC_PRIOR}


@dataclass(frozen=True)
class SearchResult:
    lang: str
    hits: tuple[Hit, ...]
    confident: bool
    danger: str | None

    @property
    def ids(self) -> list[str]:
        return [h.page_id for h in self.hits]


class Searcher:
    """Answers questions against whichever snapshot it is given."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version = ""
        self._indexes: dict[str, LanguageIndex] = {}

    def indexes(self, snapshot: Snapshot) -> dict[str, LanguageIndex]:
        indexes = self._indexes
        if self._version != snapshot.version:
            with self._lock:
                if self._version != snapshot.version:
                    indexes = {
                        lang: LanguageIndex(
                            lang, [p for p in snapshot.pages(lang) if p.id != ROOT_ID],
                            priors={i: PRIORS[n.kind] for i, n in snapshot.nodes.items() if n.kind in PRIORS},
                        )
                        for lang in snapshot.languages
                    }
                    self._indexes, self._version = indexes, snapshot.version
                else:
                    indexes = self._indexes
        return indexes

    def search(
        self, snapshot: Snapshot, query: str, lang: str | None = None, limit: int = 5,
        prefer: str | None = None,
    ) -> SearchResult:
        """Rank pages for ``query``.

        With ``lang``, only that language is searched. Without it, every language is
        searched once and the one that matched best is reported; ``prefer`` (the reader's
        language) wins whenever it finds a confident answer itself, so a reader is only
        switched to another language when their own gives nothing good.
        """
        indexes = self.indexes(snapshot)
        danger = detect_danger(query)
        if lang in indexes:
            chosen = lang
            hits, _ = indexes[lang].search(query, limit)
        else:
            per_lang: dict[str, tuple[list[Hit], float]] = {}
            if prefer in indexes:  # most questions are in the reader's language: try it first
                per_lang[prefer] = indexes[prefer].search(query, limit)
            if prefer in per_lang and _confident(per_lang[prefer][0]):
                chosen = prefer
            else:
                for code, index in indexes.items():
                    if code not in per_lang:
                        per_lang[code] = index.search(query, limit)
                chosen = self._best_language(per_lang, query)
                if prefer in per_lang and not _confident(per_lang[chosen][0]):
                    chosen = prefer
            hits = per_lang[chosen][0]
        confident = _confident(hits)
        if danger:
            emergency = [h for h in hits if h.page_id == EMERGENCY_ID]
            top = emergency[0] if emergency else Hit(EMERGENCY_ID, hits[0].score + 1 if hits else 1.0, 1.0)
            hits = [top] + [h for h in hits if h.page_id != EMERGENCY_ID][: limit - 1]
            confident = True
        return SearchResult(chosen, tuple(hits), confident, danger)

    @staticmethod
    def _best_language(per_lang: dict[str, tuple[list[Hit], float]], query: str) -> str:
        """The language a question is most likely written in, from its words and its matches."""
        words = max(len(tokens(query)), 1)

        def signal(lang: str) -> float:
            hits, known = per_lang[lang]
            top = hits[0].coverage if hits else 0.0
            return known + top + 1.5 * stop_word_hits(query, lang) / words

        return max(per_lang, key=signal)


def _confident(hits: list[Hit] | tuple[Hit, ...]) -> bool:
    return bool(hits) and hits[0].coverage >= MIN_COVERAGE and hits[0].score >= MIN_SCORE
