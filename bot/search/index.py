"""One BM25F index over every language's pages, fused per page, tolerant of typos.

Pages are parallel across languages, so a question is scored against all of them at once:
each word of the question counts once, through whichever language knows it best (the
reader's own language a little more). "kan ik work zonder papers" finds the work pages
through the English "work" and the Dutch "zonder". A word counts by how rare it is in the
pages (idf) and in everyday language (frequency data), so "vont" or "had" cannot decide an
answer. A word no language knows, and that is not a real word either, is matched to the
nearest page word of the same language ("huisarst" -> "huisarts"); a real word is never
"corrected" into another ("verwachting" is not "verkrachting").
"""

from __future__ import annotations

import heapq
from array import array
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.content.lexicon import Lexicon
from bot.content.model import PageText
from bot.search.frequency import has_data, is_real_word, specificity
from bot.search.ngrams import GramIndex
from bot.search.text import fold, is_indexable, is_stop_word, stem, tokens

FIELD_WEIGHTS = {"title": 3.0, "search": 2.0, "text": 1.0}
K1 = 1.2
B = 0.6
FUZZY_MIN_LENGTH = 4
PHRASE_FLOOR = 72.0
PHRASE_BOOST = 1.0
PHRASE_DEPTH = 20
# A word matched in a language other than the reader's counts a little less, so the
# reader's language decides between near-equal pages.
OTHER_LANGUAGE = 0.9
TYPO_WEIGHT = 0.8
CONCEPT_KEY = "@"
# How much the character n-gram similarity adds, relative to the best word score.
GRAM_WEIGHT = 0.6
# Everyday words (low frequency weight) are left out of the n-gram comparison.
GRAM_MIN_WEIGHT = 0.0
# Only this many best pages of each signal are mixed (the rest cannot reach the top).
FUSE_DEPTH = 40


@dataclass(frozen=True)
class Hit:
    page_id: str
    score: float
    coverage: float


@dataclass(frozen=True)
class Ranking:
    """Ranked pages, and the page each signal (words, n-grams) would pick on its own."""

    hits: list[Hit]
    word_top: str | None = None
    gram_top: str | None = None


@dataclass(frozen=True)
class Candidate:
    """One way a question word can match: a term of one language (or a concept), and how much it counts."""

    lang: str
    term: str
    weight: float


class _Field:
    """Postings of one language (or of the concepts): term -> (page indexes, saturated tfs).

    Two flat arrays per term instead of a list of tuples: a third of the memory, and an
    index held twice during a publish (old and new) has to fit the service's budget.
    """

    def __init__(self, bags: list[Counter[str]], page_count: int) -> None:
        lengths = [sum(b.values()) for b in bags]
        average = (sum(lengths) / max(len(lengths), 1)) or 1.0
        df: Counter[str] = Counter()
        self.postings: dict[str, tuple[array[int], array[float]]] = {}
        for index, bag in enumerate(bags):
            norm = K1 * (1 - B + B * lengths[index] / average)
            df.update(bag.keys())
            for term, tf in bag.items():
                entry = self.postings.get(term)
                if entry is None:
                    entry = self.postings[term] = (array("i"), array("d"))
                entry[0].append(index)
                entry[1].append(tf * (K1 + 1) / (tf + norm))
        self.idf = {t: math.log(1 + (page_count - n + 0.5) / (n + 0.5)) for t, n in df.items()}

    def has(self, term: str, index: int) -> bool:
        return index in self.postings[term][0]


class PageIndex:
    def __init__(
        self,
        pages_by_lang: dict[str, list[PageText]],
        priors: dict[str, float] | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        self.languages = tuple(pages_by_lang)
        for lang in self.languages:  # load the frequency data now, not on the first question
            has_data(lang)
        ids: list[str] = []
        for pages in pages_by_lang.values():
            ids.extend(p.id for p in pages if p.id not in ids)
        self.ids = ids
        position = {page_id: i for i, page_id in enumerate(ids)}
        self.priors = [(priors or {}).get(page_id, 1.0) for page_id in ids]
        lexicon = lexicon or Lexicon()
        self._concepts_by_term = self._concept_terms(lexicon)
        self.places = {position[p]: self._place_phrases(words) for p, words in lexicon.places.items()
                       if p in position}
        self.fields: dict[str, _Field] = {}
        self.surface: dict[str, dict[str, str]] = {}
        self.vocabulary: dict[str, list[str]] = {}
        concept_bags = [Counter[str]() for _ in ids]
        self.phrases_of: list[list[str]] = [[] for _ in ids]
        gram_texts = ["" for _ in ids]
        for lang, pages in pages_by_lang.items():
            bags = [Counter[str]() for _ in ids]
            surface: dict[str, str] = {}
            for page in pages:
                index = position[page.id]
                page_concepts: Counter[str] = Counter()
                for name, value in (("title", page.title + "\n" + (page.label or "")),
                                    ("search", "\n".join(page.search)), ("text", page.plain)):
                    words = [w for w in tokens(value) if is_indexable(w, lang)]
                    stems = [stem(w, lang) for w in words]
                    for word, term in zip(words, stems):
                        surface.setdefault(word, term)
                        bags[index][term] += FIELD_WEIGHTS[name]
                    for concepts in self._concepts_in(lang, stems).values():
                        for concept in concepts:
                            page_concepts[concept] += FIELD_WEIGHTS[name]
                for concept, tf in page_concepts.items():
                    concept_bags[index][concept] = max(concept_bags[index][concept], tf)
                self.phrases_of[index].extend(fold(p) for p in (*page.search, page.title))
                gram_texts[index] += "\n".join((page.title, page.label or "", *page.search)) + "\n"
            self.fields[lang] = _Field(bags, len(ids))
            self.surface[lang] = surface
            self.vocabulary[lang] = [w for w in surface if len(w) >= FUZZY_MIN_LENGTH and not w.isdigit()]
        self.fields[CONCEPT_KEY] = _Field(concept_bags, len(ids))
        self.grams = GramIndex(gram_texts)
        self.max_idf = max((max(f.idf.values(), default=1.0) for f in self.fields.values()), default=1.0)

    # --- building -------------------------------------------------------------------------

    @staticmethod
    def _place_phrases(words: tuple[str, ...]) -> list[tuple[str, ...]]:
        return [tuple(tokens(w)) for w in words if tokens(w)]

    def _concept_terms(self, lexicon: Lexicon) -> dict[tuple[str, ...], set[str]]:
        """Stem sequence (language-tagged, stop words left out) -> the concepts it names."""
        table: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for concept, words in lexicon.concepts.items():
            for word in words:
                for lang in self.languages:
                    parts = [stem(p, lang) for p in tokens(word) if is_indexable(p, lang)]
                    if 0 < len(parts) <= 3:
                        table[(lang, *parts)].add(concept)
        return dict(table)

    def _concepts_in(self, lang: str, stems: list[str]) -> dict[int, set[str]]:
        """The concepts whose words occur (as stems, in order) in ``stems``, by start position."""
        found: dict[int, set[str]] = defaultdict(set)
        table = self._concepts_by_term
        if not table:
            return found
        for start in range(len(stems)):
            for length in (1, 2, 3):
                key = (lang, *stems[start:start + length])
                if len(key) == length + 1 and key in table:
                    found[start] |= table[key]
        return found

    # --- searching ------------------------------------------------------------------------

    def candidates(self, words: list[str], prefer: str | None) -> list[list[Candidate]]:
        """For each question word, the terms it can stand for, across languages and concepts."""
        out: list[list[Candidate]] = []
        concepts_at = self._question_concepts(words)
        for position, word in enumerate(words):
            found: list[Candidate] = []
            if any(is_stop_word(word, lang) for lang in self.languages) or (len(word) < 2 and not word.isdigit()):
                out.append(found)
                continue
            # A word common in any language is an everyday word, whichever page uses it.
            weight = min(specificity(word, lang) for lang in self.languages)
            for lang in self.languages:
                term = stem(word, lang)
                if term in self.fields[lang].idf:
                    factor = 1.0 if lang == prefer or prefer is None else OTHER_LANGUAGE
                    found.append(Candidate(lang, term, factor * weight))
            if not found and self._typo_candidate(word):
                found = self._typo_matches(word, prefer)
            for concept in concepts_at.get(position, ()):
                found.append(Candidate(CONCEPT_KEY, concept, 1.0))
            out.append(found)
        return out

    def _typo_candidate(self, word: str) -> bool:
        return (len(word) >= FUZZY_MIN_LENGTH and not word.isdigit()
                and not is_real_word(word, self.languages))

    def _typo_matches(self, word: str, prefer: str | None) -> list[Candidate]:
        cutoff = 75.0 if len(word) <= 5 else 80.0
        found: list[Candidate] = []
        for lang in self.languages:
            factor = 1.0 if lang == prefer or prefer is None else OTHER_LANGUAGE
            surface = self.surface[lang]
            matches = process.extract(word, self.vocabulary[lang], scorer=fuzz.ratio,
                                      score_cutoff=cutoff, limit=2)
            for match, score, _ in matches:
                found.append(Candidate(lang, surface[match], factor * TYPO_WEIGHT * (score / 100.0) ** 2))
        return found

    def _question_concepts(self, words: list[str]) -> dict[int, set[str]]:
        """Concepts the question names, by the position of the word that starts each."""
        found: dict[int, set[str]] = defaultdict(set)
        if not self._concepts_by_term:
            return found
        for lang in self.languages:
            kept = [(i, w) for i, w in enumerate(words) if is_indexable(w, lang)]
            for start, concepts in self._concepts_in(lang, [stem(w, lang) for _, w in kept]).items():
                found[kept[start][0]] |= concepts
        return found

    def named_places(self, words: list[str]) -> set[int]:
        """Place pages whose name occurs in the question (a long name also with a typo)."""
        named: set[int] = set()
        text = " " + " ".join(words) + " "
        for index, phrases in self.places.items():
            for phrase in phrases:
                if " " + " ".join(phrase) + " " in text:
                    named.add(index)
                elif len(phrase) == 1 and len(phrase[0]) >= 7 and any(
                        len(w) >= 6 and fuzz.ratio(w, phrase[0]) >= 85 for w in words):
                    named.add(index)
        return named

    def rank(self, query: str, limit: int = 5, prefer: str | None = None,
             place_prior: float = 0.5) -> Ranking:
        """Pages ranked for ``query``, each with the share of the question's meaning it covers,
        and the page words and n-grams would each pick alone."""
        words = list(dict.fromkeys(tokens(query)))
        if not words:
            return Ranking([])
        per_word = self.candidates(words, prefer)
        scores, masses = self._word_scores(words, per_word)
        word_top = max(scores, key=lambda i: (scores[i], -i)) if scores else None
        similarity = self._similarity(words, per_word)
        gram_top = max(similarity, key=lambda i: (similarity[i], -i)) if similarity else None
        if GRAM_WEIGHT:
            scores = self._fuse_grams(scores, similarity)
        # A question that is (nearly) one of a page's own phrases is strong evidence for it.
        # Only the best pages are compared phrase by phrase: the others cannot reach the top.
        folded = fold(query)
        for _, index in heapq.nlargest(PHRASE_DEPTH, ((v, i) for i, v in scores.items())):
            match = process.extractOne(folded, self.phrases_of[index], scorer=fuzz.ratio,
                                       score_cutoff=PHRASE_FLOOR)
            if match:
                scores[index] *= 1 + PHRASE_BOOST * (match[1] - PHRASE_FLOOR) / (100 - PHRASE_FLOOR)
        priors = self.priors
        for index in scores:
            scores[index] *= priors[index]
        if self.places:
            named = self.named_places(words)
            top_other = max((v for i, v in scores.items() if i not in self.places), default=0.0)
            for index in self.places:
                if index in named:
                    scores[index] = scores.get(index, 0.0) + top_other
                elif index in scores:
                    scores[index] *= place_prior
        best = heapq.nlargest(limit, ((v, -i) for i, v in scores.items() if v > 0))
        best_pages = sorted(((-i, v) for v, i in best), key=lambda item: (-item[1], self.ids[item[0]]))
        total_mass = sum(masses) or 1.0
        hits = [Hit(self.ids[i], v, min(self._covered(i, per_word, masses) / total_mass, 1.0))
                for i, v in best_pages]
        return Ranking(hits, self.ids[word_top] if word_top is not None else None,
                       self.ids[gram_top] if gram_top is not None else None)

    def _word_scores(self, words: list[str], per_word: list[list[Candidate]]
                     ) -> tuple[dict[int, float], list[float]]:
        """BM25F per page: each word counts once, through its best-matching term."""
        scores: dict[int, float] = {}
        masses: list[float] = []
        fields = self.fields
        for word, found in zip(words, per_word):
            if not found:
                if not is_real_word(word, self.languages):
                    masses.append(0.5 * self.max_idf)  # unknown words lower the coverage
                else:
                    masses.append(0.0)
                continue
            factors = [(c.weight * fields[c.lang].idf[c.term], fields[c.lang].postings[c.term]) for c in found]
            masses.append(max(f for f, _ in factors))
            if len(factors) == 1:
                factor, (pages, values) = factors[0]
                for index, saturated in zip(pages, values):
                    scores[index] = scores.get(index, 0.0) + factor * saturated
                continue
            best: dict[int, float] = {}
            for factor, (pages, values) in factors:
                for index, saturated in zip(pages, values):
                    value = factor * saturated
                    if value > best.get(index, 0.0):
                        best[index] = value
            for index, value in best.items():
                scores[index] = scores.get(index, 0.0) + value
        return scores, masses

    def _similarity(self, words: list[str], per_word: list[list[Candidate]]) -> dict[int, float]:
        """N-gram similarity of the words that mean something here (or are typos)."""
        return self.grams.similarity(" ".join(
            w for w, found in zip(words, per_word)
            if any(c.lang != CONCEPT_KEY and c.weight >= GRAM_MIN_WEIGHT for c in found)
            or not is_real_word(w, self.languages)))

    def _fuse_grams(self, scores: dict[int, float], similarity: dict[int, float]) -> dict[int, float]:
        """Word scores and n-gram similarity on one scale (the best page of each = 1), mixed.

        Only the best pages of either signal can end up on top, so only those are mixed.
        """
        top = max(scores.values(), default=0.0) or 1.0
        top_similarity = max(similarity.values(), default=0.0) or 1.0
        keep = {i for _, i in heapq.nlargest(FUSE_DEPTH, ((v, i) for i, v in scores.items()))}
        keep |= {i for _, i in heapq.nlargest(FUSE_DEPTH, ((v, i) for i, v in similarity.items()))}
        keep |= self.places.keys() & scores.keys()
        word_share, gram_share = (1 - GRAM_WEIGHT) / top, GRAM_WEIGHT / top_similarity
        return {i: word_share * scores.get(i, 0.0) + gram_share * similarity.get(i, 0.0) for i in keep}

    def _covered(self, index: int, per_word: list[list[Candidate]], masses: list[float]) -> float:
        """The question's meaning (its words' weight) that page ``index`` contains."""
        fields = self.fields
        return sum(mass for found, mass in zip(per_word, masses)
                   if found and any(fields[c.lang].has(c.term, index) for c in found))
