"""How common a word is in everyday language, from the word-frequency data wordfreq ships.

The data files of the ``wordfreq`` package are read directly (small lists: words seen at
least once per million), so the package itself is never imported.

A word that is common everywhere ("vont", "had", "for", "naam") says little about what a
question is about, even when it happens to be rare in the pages; a word that is rare in
everyday language ("huisarts", "expulser") says a lot. The same data tells a real word
from a typo, so a correct word is never "corrected" into another one.
"""

from __future__ import annotations

import gzip
from array import array
from bisect import bisect_left
import importlib.util
import threading
from functools import lru_cache
from pathlib import Path

import msgpack

from bot.search.text import fold

_LOCK = threading.Lock()
WORDLIST = "small"
# Zipf scale: 6 = once per thousand words ("the", "de"), 3 = once per million.
COMMON = 5.5
RARE = 3.3
FLOOR = 0.2
REAL_WORD = 2.8


def _data_folder() -> Path | None:
    """wordfreq's data files, found without importing wordfreq (its import costs 14 MB)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "data"


class _Table:
    """Words of one language and how common each is, in two flat arrays (8 + 1 bytes a word).

    A dict of 30,000 strings per language cost 8 MB for three languages; the sorted hashes
    of the words cost 0.8 MB and answer as fast (a hash collision is one in 2^64).
    """

    def __init__(self, pairs: dict[int, int]) -> None:
        keys = sorted(pairs)
        self.hashes = array("q", keys)
        self.values = array("b", (pairs[k] for k in keys))

    def __len__(self) -> int:
        return len(self.hashes)

    def get(self, word: str) -> int:
        key = hash(word)
        at = bisect_left(self.hashes, key)
        if at < len(self.hashes) and self.hashes[at] == key:
            return self.values[at]
        return 0


@lru_cache(maxsize=32)
def _zipf_table(lang: str) -> _Table:
    """Folded word -> ten times its Zipf frequency, for one language (empty without data).

    The file lists words in buckets of one centibel: bucket ``i`` holds the words seen with
    frequency 10^(-i/100), that is Zipf 9 - i/100.
    """
    folder = _data_folder()
    path = folder / f"{WORDLIST}_{lang}.msgpack.gz" if folder else None
    if path is None or not path.exists():
        return _Table({})
    with _LOCK, gzip.open(path, "rb") as raw:
        buckets = msgpack.load(raw, raw=False)[1:]
    pairs: dict[int, int] = {}
    for index, words in enumerate(buckets):
        value = round(90 - index / 10)
        for word in words:
            key = hash(fold(word))
            if value > pairs.get(key, 0):
                pairs[key] = value
    return _Table(pairs)


def zipf(word: str, lang: str) -> float:
    """How common ``word`` (already folded) is in ``lang``: 0 for unknown, up to ~7.5."""
    return _zipf_table(lang).get(word) / 10


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
