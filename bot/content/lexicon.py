"""The concept lexicon: the everyday words people use for one thing, in any language.

Pages are parallel across languages, but people mix them ("ik zoek een lawyer") and use
words no page uses ("avoca", "dokter", "IND"). A concept lists such words once; a question
with any of them reaches every page that uses any of them. Places list the words for a
city, so a question naming a city finds that city's page. It is data in ``content/``,
reviewed like the pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

LEXICON_FILE = "lexicon.yaml"
MAX_WORD = 60
MAX_WORDS = 200
_CONCEPT_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


@dataclass(frozen=True)
class Lexicon:
    """Concept id -> its words; place page id -> the words that name the place."""

    concepts: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    places: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))

    def as_data(self) -> dict[str, dict[str, list[str]]]:
        return {"concepts": {k: list(v) for k, v in sorted(self.concepts.items())},
                "places": {k: list(v) for k, v in sorted(self.places.items())}}


EMPTY_LEXICON = Lexicon()


def _word_lists(data: Any, section: str, problems: list[str]) -> dict[str, tuple[str, ...]]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.append(f"{section} must be a mapping of id -> list of words")
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for key, words in data.items():
        if not isinstance(key, str) or not _CONCEPT_ID.match(key):
            problems.append(f"{section}: {key!r} is not a lowercase id (a-z, 0-9, -)")
            continue
        if not isinstance(words, list) or not words or len(words) > MAX_WORDS:
            problems.append(f"{section}.{key}: give a list of 1 to {MAX_WORDS} words")
            continue
        clean = []
        for word in words:
            if not isinstance(word, str) or not word.strip() or len(word) > MAX_WORD:
                problems.append(f"{section}.{key}: {word!r} must be text of 1 to {MAX_WORD} characters")
                continue
            if not word.isprintable():
                problems.append(f"{section}.{key}: {word!r} has control characters")
                continue
            clean.append(" ".join(word.split()))
        out[key] = tuple(dict.fromkeys(clean))
    return out


def parse_lexicon(data: Any, page_ids: set[str]) -> tuple[Lexicon, list[str]]:
    """A lexicon from parsed YAML or JSON, and the problems found (empty when valid)."""
    problems: list[str] = []
    if data is None:
        return EMPTY_LEXICON, problems
    if not isinstance(data, dict) or set(data) - {"concepts", "places"}:
        return EMPTY_LEXICON, ["the lexicon must be a mapping with 'concepts' and 'places'"]
    concepts = _word_lists(data.get("concepts"), "concepts", problems)
    places = _word_lists(data.get("places"), "places", problems)
    for page_id in places:
        if page_id not in page_ids:
            problems.append(f"places: {page_id!r} is not a page id")
    return Lexicon(MappingProxyType(concepts), MappingProxyType(places)), problems
