"""A BM25F-style index of one language's pages, tolerant of typos.

Fields are weighted (title over search phrases over text) before BM25's saturation, as in
BM25F. A query word that is not in the vocabulary is matched to the nearest known words
(rapidfuzz), at a discount, so 'docter' still finds 'dokter'.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.content.model import PageText
from bot.search.text import fold, terms

FIELD_WEIGHTS = {"title": 3.0, "search": 2.0, "text": 1.0}
K1 = 1.2
B = 0.6
FUZZY_CUTOFF = 80.0
FUZZY_MIN_LENGTH = 4
PHRASE_FLOOR = 72.0


@dataclass(frozen=True)
class Hit:
    page_id: str
    score: float
    coverage: float


class LanguageIndex:
    def __init__(
        self, lang: str, pages: list[PageText], priors: dict[str, float] | None = None
    ) -> None:
        self.lang = lang
        self.ids = [p.id for p in pages]
        # A page's prior weight: below 1 for pages that are rarely the best answer on their own.
        self.priors = [(priors or {}).get(page_id, 1.0) for page_id in self.ids]
        self.weighted_tf: list[dict[str, float]] = []
        self.lengths: list[float] = []
        # term -> [(page index, BM25-saturated tf)]: a query touches only the pages with its words.
        self.postings: dict[str, list[tuple[int, float]]] = {}
        self.phrases: list[tuple[str, int]] = []
        df: Counter[str] = Counter()
        for index, page in enumerate(pages):
            bag: Counter[str] = Counter()
            fields = {
                "title": page.title + " " + (page.label or ""),
                "search": "\n".join(page.search),
                "text": page.plain,
            }
            for name, value in fields.items():
                for term in terms(value, lang):
                    bag[term] += FIELD_WEIGHTS[name]
            self.weighted_tf.append(dict(bag))
            self.lengths.append(sum(bag.values()))
            df.update(bag.keys())
            self.phrases.extend((fold(p), index) for p in page.search)
            self.phrases.append((fold(page.title), index))
        count = max(len(pages), 1)
        self.avg_length = (sum(self.lengths) / count) or 1.0
        for index, bag_map in enumerate(self.weighted_tf):
            norm = K1 * (1 - B + B * self.lengths[index] / self.avg_length)
            for term, tf in bag_map.items():
                self.postings.setdefault(term, []).append((index, tf * (K1 + 1) / (tf + norm)))
        self.idf = {t: math.log(1 + (count - n + 0.5) / (n + 0.5)) for t, n in df.items()}
        self.max_idf = max(self.idf.values(), default=1.0)
        self.vocabulary = list(self.idf)
        self.phrase_texts = [p for p, _ in self.phrases]

    def expand(self, term: str) -> list[tuple[str, float]]:
        """The vocabulary words a query word stands for, with how much each counts."""
        if term in self.idf:
            return [(term, 1.0)]
        if len(term) < FUZZY_MIN_LENGTH:
            return []
        found = process.extract(term, self.vocabulary, scorer=fuzz.ratio,
                                score_cutoff=FUZZY_CUTOFF, limit=3)
        matches = [(word, (score / 100.0) ** 2 * 0.8) for word, score, _ in found]
        if not matches and len(term) >= 6:
            matches = [(w, 0.5) for w in self.vocabulary
                       if len(w) >= 5 and (term.startswith(w) or w.startswith(term))][:3]
        return matches

    def search(self, query: str, limit: int = 5) -> tuple[list[Hit], float]:
        """Ranked pages and the share of the query's meaning the language knows at all.

        A word known only through a typo match counts for less than an exact one, so an
        English 'police' is not taken for Dutch because it resembles a Dutch word.
        """
        query_terms = list(dict.fromkeys(terms(query, self.lang)))
        if not query_terms:
            return [], 0.0
        expanded = {t: self.expand(t) for t in query_terms}
        default_idf = self.max_idf
        term_mass = {t: max((self.idf[w] for w, _ in expanded[t]), default=default_idf)
                     for t in query_terms}
        total_mass = sum(term_mass.values()) or 1.0
        known_mass = sum(term_mass[t] * max(w for _, w in expanded[t])
                         for t in query_terms if expanded[t])
        scores: dict[int, float] = {}
        for term in query_terms:
            words = expanded[term]
            if len(words) == 1:  # the common case: the word itself is known
                word, weight = words[0]
                factor = weight * self.idf[word]
                for index, saturated in self.postings.get(word, ()):
                    scores[index] = scores.get(index, 0.0) + factor * saturated
                continue
            best: dict[int, float] = {}
            for word, weight in words:
                factor = weight * self.idf[word]
                for index, saturated in self.postings.get(word, ()):
                    value = factor * saturated
                    if value > best.get(index, 0.0):
                        best[index] = value
            for index, value in best.items():
                scores[index] = scores.get(index, 0.0) + value
        folded = fold(query)
        for phrase, score, position in process.extract(
            folded, self.phrase_texts, scorer=fuzz.ratio, score_cutoff=PHRASE_FLOOR, limit=5
        ):
            index = self.phrases[position][1]
            if index in scores:
                scores[index] *= 1 + 0.6 * (score - PHRASE_FLOOR) / (100 - PHRASE_FLOOR)
        for index in scores:
            scores[index] *= self.priors[index]
        # Only pages scoring at least the limit-th best score need the (score, id) sort.
        positive = [v for v in scores.values() if v > 0]
        cut = heapq.nlargest(limit, positive)[-1] if len(positive) > limit else 0.0
        best_pages = sorted(((i, v) for i, v in scores.items() if v > 0 and v >= cut),
                            key=lambda item: (-item[1], self.ids[item[0]]))[:limit]
        hits = [Hit(self.ids[i], score, self._covered(i, expanded, term_mass) / total_mass)
                for i, score in best_pages]
        return hits, known_mass / total_mass

    def _covered(self, index: int, expanded: dict[str, list[tuple[str, float]]],
                 term_mass: dict[str, float]) -> float:
        """The query's meaning (idf mass) that page ``index`` contains."""
        tf_map = self.weighted_tf[index]
        return sum(mass for term, mass in term_mass.items()
                   if any(word in tf_map for word, _ in expanded[term]))
