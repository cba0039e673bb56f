"""Searching a snapshot: one multilingual index per content version, danger first.

When a new snapshot is published the next search builds a fresh index for it, so search
always matches what is served. A page is reported as *the* answer only when the evidence
is clear; otherwise the caller offers the best few and asks which one fits.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from bot.content.model import EMERGENCY_ID, ROOT_ID, Snapshot
from bot.search.danger import detect_danger, warm_up
from bot.search.index import Hit, PageIndex
from bot.search.language import choose_language
from bot.search.text import tokens

# Calibrated on the development part of the blind question set (see README, "Evaluation").
MIN_COVERAGE = 0.3
MIN_MARGIN = 0.3
# A "show this" card is something to show at a desk, not an answer to a question; the page
# it belongs to links to it, so it ranks slightly below an equally good page.
CARD_PRIOR = 0.8
# A topic is a menu: when it matches about as well as one of its pages, the page is the
# more useful answer (it still lists the topic's other pages through its buttons).
TOPIC_PRIOR = 0.85
HOME_PRIOR = 0.7
PRIORS = {"card": CARD_PRIOR, "topic": TOPIC_PRIOR, "home": HOME_PRIOR}
# A city's page answers a question that names the city; otherwise the topic page is better.
PLACE_PRIOR = 0.5
# Search reads the start of a message; danger detection reads all of it (up to 2,000).
SEARCH_LENGTH = 500


@dataclass(frozen=True)
class SearchResult:
    lang: str
    hits: tuple[Hit, ...]
    confident: bool
    danger: str | None

    @property
    def ids(self) -> list[str]:
        return [h.page_id for h in self.hits]


def family(snapshot: Snapshot, page_id: str) -> set[str]:
    """A page and its close kin: the pages it links to as "see also" and those that link to it.

    Kin are not rivals: the answer's own card close behind it does not make the answer less
    clear, since the card is one button away. A topic and its pages stay rivals: the
    question may be about one page of the topic and not another.
    """
    node = snapshot.nodes.get(page_id)
    if node is None:
        return {page_id}
    kin = {page_id, *node.related}
    kin |= {other.id for other in snapshot.nodes.values() if page_id in other.related}
    return kin


def is_clear(hits: list[Hit] | tuple[Hit, ...], kin: set[str] | None = None) -> bool:
    """Whether the best page is clearly the answer: enough of the question, ahead of its rivals.

    A rival is any page outside the best page's family (see :func:`family`).
    """
    if not hits or hits[0].coverage < MIN_COVERAGE:
        return False
    kin = kin or {hits[0].page_id}
    rivals = [h for h in hits[1:] if h.page_id not in kin]
    if not rivals:
        return True
    return 1 - rivals[0].score / hits[0].score >= MIN_MARGIN


class Searcher:
    """Answers questions against whichever snapshot it is given."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version = ""
        self._index: PageIndex | None = None

    def index(self, snapshot: Snapshot) -> PageIndex:
        index = self._index
        if self._version != snapshot.version or index is None:
            with self._lock:
                if self._version != snapshot.version or self._index is None:
                    self._index = build_index(snapshot)
                    self._version = snapshot.version
                index = self._index
        return index

    def search(
        self, snapshot: Snapshot, query: str, lang: str | None = None, limit: int = 5,
        prefer: str | None = None,
    ) -> SearchResult:
        """Rank pages for ``query`` in every language at once.

        The answer's language is ``lang`` when given; otherwise the language the question is
        written in, where ``prefer`` (the reader's language) wins unless the question is
        clearly in another one.
        """
        index = self.index(snapshot)
        danger = detect_danger(query)
        query = query[:SEARCH_LENGTH]
        words = tokens(query)
        chosen = lang if lang in snapshot.languages else choose_language(
            words, snapshot.languages, prefer)
        ranking = index.rank(query, limit=max(limit, 4), prefer=chosen, place_prior=PLACE_PRIOR)
        hits = ranking.hits
        kin = family(snapshot, hits[0].page_id) if hits else set()
        # Words and n-grams, each on its own, must pick the answer or one of its kin.
        agree = bool(hits) and ranking.word_top in kin and ranking.gram_top in kin
        confident = agree and is_clear(hits, kin)
        if danger:
            rest = [h for h in hits if h.page_id != EMERGENCY_ID]
            top = Hit(EMERGENCY_ID, (hits[0].score if hits else 0.0) + 1.0, 1.0)
            hits = [top] + rest
            confident = True
        return SearchResult(chosen, tuple(hits[:limit]), confident, danger)


def build_index(snapshot: Snapshot) -> PageIndex:
    warm_up()  # compile the danger patterns with the index, not on the first question
    pages = {lang: snapshot.pages(lang) for lang in snapshot.languages}
    priors = {i: PRIORS[n.kind] for i, n in snapshot.nodes.items() if n.kind in PRIORS}
    priors.setdefault(ROOT_ID, HOME_PRIOR)
    return PageIndex(pages, priors=priors, lexicon=snapshot.lexicon)
