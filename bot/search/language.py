"""Which language a question is written in, so the answer comes in that language.

Counts, per language, the question's function words and its ordinary words (from the
word-frequency data). The reader's own language wins unless the question is clearly in
another one: a Dutch reader who types "kan ik work zonder papers" stays in Dutch.
"""

from __future__ import annotations

from bot.search.frequency import zipf
from bot.search.text import is_stop_word

ORDINARY = 3.0
# The reader's language is kept while it explains at least this share of the best signal.
KEEP_READER = 0.7


def language_signal(words: list[str], lang: str) -> float:
    signal = 0.0
    for word in words:
        if is_stop_word(word, lang):
            signal += 1.0
        elif len(word) > 2 and zipf(word, lang) >= ORDINARY:
            signal += 0.5
    return signal


def choose_language(words: list[str], languages: tuple[str, ...], prefer: str | None) -> str:
    """The language to answer in: ``prefer`` unless another clearly fits the words better."""
    if not languages:
        return prefer or "en"
    signals = {lang: language_signal(words, lang) for lang in languages}
    best = max(languages, key=lambda lang: (signals[lang], lang == prefer))
    if prefer in signals and signals[prefer] >= KEEP_READER * signals[best]:
        return prefer
    if signals[best] == 0:
        return prefer if prefer in signals else ("en" if "en" in signals else languages[0])
    return best
