"""Turning text into search terms in any script: folding, Unicode words, stop words, stems.

Words are found with Unicode word boundaries, so Arabic, Tigrinya or Cyrillic text yields
tokens as Latin text does. Folding lowercases and strips accents (and, for Arabic, the
short vowels, tatweel and letter variants that people type inconsistently).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

# Snowball stemmers by language code; a language without one is searched unstemmed.
STEMMER_NAMES = {
    "nl": "dutch", "en": "english", "fr": "french", "ar": "arabic", "de": "german",
    "es": "spanish", "pt": "portuguese", "it": "italian", "tr": "turkish", "ru": "russian",
}

# Short function words that say nothing about a topic. Frequency data (see weights.py)
# weighs the rest; these are dropped outright because they are in every page.
STOP_WORDS: dict[str, frozenset[str]] = {
    "nl": frozenset(
        "de het een en of ik je jij u mijn me mij wij we ons onze zij ze hij haar hem zijn is"
        " ben was heb heeft hebben kan kun kunnen mag mogen moet moeten wil wat waar wie hoe"
        " waarom wanneer als dan dat die dit deze er in op aan te van voor met naar om bij"
        " uit door over tot niet geen nog al ook maar want zo toch wel hier daar welke iets"
        " jullie krijg krijgen ga gaan doe doen word wordt".split()
    ),
    "en": frozenset(
        "the a an and or i you he she it we they me my mine your our us him her them is am"
        " are was were be been have has had do does did can could may might must will would"
        " shall should what where who how why when if then that this these those there in on"
        " at to of for with from by about into not no any some also but so just here which"
        " get got go going want i'm im dont don't".split()
    ),
    "fr": frozenset(
        "le la les un une des du de d l j m n s t c qu et ou je tu il elle on nous vous ils"
        " elles me te se mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs est"
        " suis es sont etre ai as a avons avez ont avoir fait faire peux peut pouvons pouvez"
        " peuvent dois doit veux veut que qui quoi ou comment pourquoi quand si ce cet cette"
        " ces ca cela dans sur au aux pour avec par pas ne plus mais donc y en est-ce".split()
    ),
}

_WORD = re.compile(r"[^\W_]+")
_ELISION = str.maketrans({"'": " ", "’": " ", "ʼ": " ", "`": " "})
# Arabic letters people write in several ways: alef forms, final yaa, taa marbuta.
_ARABIC = str.maketrans({"ـ": None, "ى": "ي", "ة": "ه", "ٱ": "ا"})


class _StripCombining(dict):  # type: ignore[type-arg]
    """A str.translate table that drops combining marks, filled in as characters are seen."""

    def __missing__(self, codepoint: int) -> int | None:
        value = None if unicodedata.combining(chr(codepoint)) else codepoint
        self[codepoint] = value
        return value


_STRIP_COMBINING = _StripCombining()


def fold(text: str) -> str:
    """Lowercase and strip accents and marks, so 'médecin', 'Medecin' and 'medecin' are one."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():
        return decomposed
    # translate() runs in C; a character-by-character generator made index builds slow.
    return decomposed.translate(_STRIP_COMBINING).translate(_ARABIC)


def tokens(text: str) -> list[str]:
    """Words of a text after folding; apostrophes split French elisions (j'ai -> j, ai)."""
    return _WORD.findall(fold(text).translate(_ELISION))


@lru_cache(maxsize=16)
def _stemmer(lang: str) -> Stemmer.Stemmer | None:
    name = STEMMER_NAMES.get(lang)
    return Stemmer.Stemmer(name) if name else None


def stem(word: str, lang: str) -> str:
    stemmer = _stemmer(lang)
    return stemmer.stemWord(word) if stemmer else word


def is_stop_word(word: str, lang: str) -> bool:
    return word in STOP_WORDS.get(lang, ())


def is_indexable(word: str, lang: str) -> bool:
    """Whether a word can be a search term in ``lang``: not a stop word, not a lone letter."""
    return (len(word) > 1 or word.isdigit()) and not is_stop_word(word, lang)


def terms(text: str, lang: str) -> list[str]:
    """Search terms of a text in one language: tokens without stop words, stemmed."""
    words = [w for w in tokens(text) if is_indexable(w, lang)]
    stemmer = _stemmer(lang)
    return stemmer.stemWords(words) if stemmer else words
