"""The immutable content snapshot every channel reads from.

A snapshot is built once (from files or from the API's store), validated, and then only
read: publishing makes a new snapshot and swaps it in whole, so a reader never sees half of
a change. Its ``version`` is a hash of everything in it, short enough for button data.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Iterable, Mapping

from bot.content.lexicon import EMPTY_LEXICON, Lexicon
from bot.content.markup import Document, document_text

PAGE_KINDS = ("home", "topic", "page", "emergency", "card", "info")
ROOT_ID = "home"
EMERGENCY_ID = "emergency"


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Node:
    """The language-neutral place of a page in the menu tree."""

    id: str
    kind: str
    parent: str | None
    order: int
    children: tuple[str, ...] = ()
    related: tuple[str, ...] = ()


# The reviewer of content no organisation has reviewed yet; shown translated.
EDITORS = "rightsbot editors"


@dataclass(frozen=True)
class PageText:
    """One page in one language."""

    id: str
    lang: str
    title: str
    text: str
    document: Document
    search: tuple[str, ...]
    sources: tuple[Source, ...]
    reviewed_on: date
    reviewed_by: str
    label: str | None = None
    recheck_by: date | None = None  # time-sensitive facts must be checked again by then

    def overdue(self, today: date) -> bool:
        """Past its recheck date: readers are told the facts may be out of date."""
        return self.recheck_by is not None and today > self.recheck_by

    @property
    def button_label(self) -> str:
        return self.label or self.title

    @property
    def plain(self) -> str:
        return document_text(self.document)


@dataclass(frozen=True)
class Snapshot:
    languages: tuple[str, ...]
    nodes: Mapping[str, Node]
    texts: Mapping[tuple[str, str], PageText]
    version: str = field(default="")
    lexicon: Lexicon = field(default=EMPTY_LEXICON)

    @classmethod
    def build(
        cls, languages: Iterable[str], nodes: Iterable[Node], texts: Iterable[PageText],
        lexicon: Lexicon = EMPTY_LEXICON,
    ) -> "Snapshot":
        node_map = {n.id: n for n in sorted(nodes, key=lambda n: n.order)}
        text_map = {(t.lang, t.id): t for t in texts}
        langs = tuple(languages)
        version = _version_of(langs, node_map, text_map, lexicon)
        return cls(langs, MappingProxyType(node_map), MappingProxyType(text_map), version, lexicon)

    def has(self, page_id: str) -> bool:
        return page_id in self.nodes

    def text(self, lang: str, page_id: str) -> PageText:
        return self.texts[(lang, page_id)]

    def pages(self, lang: str) -> list[PageText]:
        """Every page in one language, in tree order."""
        return [self.texts[(lang, i)] for i in self.nodes if (lang, i) in self.texts]

    @property
    def short_version(self) -> str:
        return self.version[:6]


def _version_of(
    languages: tuple[str, ...],
    nodes: Mapping[str, Node],
    texts: Mapping[tuple[str, str], PageText],
    lexicon: Lexicon,
) -> str:
    payload = {
        "languages": languages,
        "nodes": [[n.id, n.kind, n.parent, n.order, n.children, n.related] for n in nodes.values()],
        "texts": [
            [t.lang, t.id, t.title, t.label, t.text, t.search,
             [[s.title, s.url] for s in t.sources], t.reviewed_on.isoformat(), t.reviewed_by]
            # a recheck date only when set: versions of content without one stay as they were
            + ([t.recheck_by.isoformat()] if t.recheck_by else [])
            for _, t in sorted(texts.items())
        ],
    }
    if lexicon != EMPTY_LEXICON:  # versions of content without a lexicon stay as they were
        payload["lexicon"] = lexicon.as_data()
    raw = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()
    return hashlib.sha256(raw).hexdigest()
