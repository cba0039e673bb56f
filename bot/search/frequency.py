"""How common a word is in everyday language, from the word-frequency data wordfreq ships.

A word that is common everywhere ("vont", "had", "for", "naam") says little about what a
question is about, even when it happens to be rare in the pages; a word that is rare in
everyday language ("huisarts", "expulser") says a lot. The same data tells a real word
from a typo, so a correct word is never "corrected" into another one.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from bot.search.text import fold

try:  # the data ships inside the package; a language it does not know gets no weighting
    from wordfreq import available_languages, get_frequency_dict
except ImportError:  # pragma: no cover - wordfreq is a declared dependency
    available_languages = None  # type: ignore[assignment]

_LOCK = threading.Lock()
WORDLIST = "small"
# Zipf scale: 6 = once per thousand words ("the", "de"), 3 = once per million.
COMMON = 5.5
RARE = 3.3
FLOOR = 0.2
REAL_WORD = 2.8


@lru_cache(maxsize=32)
def _zipf_table(lang: str) -> dict[str, float]:
    """Folded word -> Zipf frequency for one language (empty when there is no data)."""
    if available_languages is None or lang not in available_languages(WORDLIST):
        return {}
    import math
    with _LOCK:
        table: dict[str, float] = {}
        for word, freq in get_frequency_dict(lang, WORDLIST).items():
            key = fold(word)
            zipf = math.log10(freq) + 9 if freq > 0 else 0.0
            if zipf > table.get(key, 0.0):
                table[key] = round(zipf, 2)
        get_frequency_dict.cache_clear()  # keep only the folded table in memory
        return table


def zipf(word: str, lang: str) -> float:
    """How common ``word`` (already folded) is in ``lang``: 0 for unknown, up to ~7.5."""
    return _zipf_table(lang).get(word, 0.0)


def has_data(lang: str) -> bool:
    return bool(_zipf_table(lang))


def specificity(word: str, lang: str) -> float:
    """From FLOOR (an everyday word) to 1.0 (a rare word): how much a word can decide."""
    value = zipf(word, lang)
    if value <= RARE:
        return 1.0
    if value >= COMMON:
        return FLOOR
    return 1.0 - (1.0 - FLOOR) * (value - RARE) / (COMMON - RARE)


def is_real_word(word: str, langs: tuple[str, ...]) -> bool:
    """Whether ``word`` is an ordinary word of any of ``langs`` (so not a typo to correct)."""
    return any(zipf(word, lang) >= REAL_WORD for lang in langs)
