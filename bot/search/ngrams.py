"""Character n-gram similarity between a question and each page's titles and phrases.

Word matching fails on spellings nobody foresaw ("ziekehuis", "avoca", "papié") and on
words glued or split differently. Character n-grams of the words still overlap, so each
page gets a TF-IDF vector of the 4-grams of its titles and search phrases in every
language, and a question is compared to each by cosine similarity. Grams that occur in
most pages say nothing and are left out.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter, defaultdict

from bot.search.text import tokens

N = 4
MAX_SHARE = 0.25


def grams(text: str) -> Counter[str]:
    """4-grams of the padded words ("#dokter#" -> #dok, dokt, okte, kter, ter#); short words whole."""
    found: Counter[str] = Counter()
    for word in tokens(text):
        if len(word) < 2:
            continue
        padded = f"#{word}#"
        if len(padded) <= N:
            found[padded] += 1
            continue
        for i in range(len(padded) - N + 1):
            found[padded[i:i + N]] += 1
    return found


class GramIndex:
    def __init__(self, texts: list[str]) -> None:
        # Two passes over the texts (grams counted twice) so that no page's counts outlive
        # it: holding them all at once was the largest memory peak of a publish.
        df: Counter[str] = Counter()
        for text in texts:
            df.update(grams(text).keys())
        pages = max(len(texts), 1)
        limit = max(2, int(MAX_SHARE * pages))
        self.idf = {g: math.log(pages / n) for g, n in df.items() if n <= limit}
        del df
        # Flat arrays per gram: a third of the memory of lists of tuples.
        self.postings: dict[str, tuple[array[int], array[float]]] = {}
        for index, text in enumerate(texts):
            weights = {g: (1 + math.log(n)) * self.idf[g] for g, n in grams(text).items() if g in self.idf}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            for g, w in weights.items():
                entry = self.postings.get(g)
                if entry is None:
                    entry = self.postings[g] = (array("i"), array("d"))
                entry[0].append(index)
                entry[1].append(w / norm)

    def similarity(self, query: str) -> dict[int, float]:
        """Cosine similarity of the question with every page that shares a gram with it."""
        q = {g: (1 + math.log(n)) * self.idf[g] for g, n in grams(query).items() if g in self.idf}
        norm = math.sqrt(sum(w * w for w in q.values())) or 1.0
        scores: dict[int, float] = defaultdict(float)
        for g, w in q.items():
            weight = w / norm
            pages, values = self.postings[g]
            for index, value in zip(pages, values):
                scores[index] += weight * value
        return scores
