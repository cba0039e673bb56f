"""Turning stored revisions into validated page texts and a servable snapshot.

The store keeps plain fields; this module applies the same rules as ``rightsbot content
check`` (via :mod:`bot.content.validate`) and names the field at fault, so a change that
would break the snapshot is refused before anything is written.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any, Iterable, Mapping

from bot.content.lexicon import EMPTY_LEXICON, Lexicon
from bot.content.markup import Document
from bot.content.model import PageText, Snapshot
from bot.content.validate import check_header, check_text, check_tree

from api.errors import FieldProblem

HEADER_KEYS = ("title", "label", "search", "sources", "reviewed_on", "reviewed_by", "recheck_by")
API_NAMES = {"search": "search_phrases"}

Fields = dict[str, Any]


def fields_of(page: PageText) -> Fields:
    """The plain, storable fields of a page text."""
    return {
        "title": page.title, "label": page.label, "text": page.text,
        "search": list(page.search),
        "sources": [{"title": s.title, "url": s.url} for s in page.sources],
        "reviewed_on": page.reviewed_on.isoformat(), "reviewed_by": page.reviewed_by,
        "recheck_by": page.recheck_by.isoformat() if page.recheck_by else None,
    }


def content_hash(fields: Mapping[str, Any]) -> str:
    keys = ("title", "label", "text", "search", "sources", "reviewed_on", "reviewed_by")
    data = {k: fields.get(k) for k in keys}
    if fields.get("recheck_by"):  # only when set, so texts without one keep their hash
        data["recheck_by"] = str(fields["recheck_by"])
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(raw.encode()).hexdigest()


def validate_fields(
    fields: Mapping[str, Any], kind: str, today: date | None = None, *, phone_links: bool = True
) -> tuple[list[tuple[str, int | None, str]], dict[str, Any], Document]:
    """Apply ``content check``'s rules to plain fields.

    Returns every problem as (API field name, line within the text or None, message), with
    the cleaned header values and the parsed text, so a caller can still render a draft
    that has problems (the editor's preview does).
    """
    header = {k: fields.get(k) for k in HEADER_KEYS if fields.get(k) is not None}
    problems, clean = check_header(header, kind, HEADER_KEYS.index, today)
    text_problems, document = check_text(fields.get("text"), 1, phone_links=phone_links)
    found = [(API_NAMES.get(HEADER_KEYS[i], HEADER_KEYS[i]), None, m) for i, m in problems]
    found += [("text", line, m) for line, m in text_problems]
    return found, clean, document


def check_fields(
    page_id: str, lang: str, kind: str, fields: Mapping[str, Any], today: date | None = None,
    *, phone_links: bool = True,
) -> tuple[PageText | None, list[FieldProblem]]:
    """Validate fields as ``content check`` would; return the page text or the problems.

    ``phone_links=False`` for text that was already published (see
    :func:`bot.content.validate.check_text`)."""
    problems, clean, document = validate_fields(fields, kind, today, phone_links=phone_links)
    if problems:
        return None, [FieldProblem(field, message) for field, _, message in problems]
    return PageText(
        id=page_id, lang=lang, title=clean["title"], text=fields["text"], document=document,
        search=clean["search"], sources=clean["sources"], reviewed_on=clean["reviewed_on"],
        reviewed_by=clean["reviewed_by"], label=clean["label"], recheck_by=clean["recheck_by"],
    ), []


def build_snapshot(
    languages: Iterable[str],
    pages: list[dict[str, Any]],
    texts: Mapping[tuple[str, str], PageText],
    lexicon: Lexicon = EMPTY_LEXICON,
) -> tuple[Snapshot | None, list[FieldProblem]]:
    """Build the servable snapshot from the tree, the published texts and the lexicon.

    A page is served once it has published text in every language and its parent is
    served: a new page proposed in one language waits for its translations instead of
    breaking the menu of the other languages.
    """
    langs = tuple(languages)
    complete = {p["id"] for p in pages if all((lang, p["id"]) in texts for lang in langs)}
    by_id = {p["id"]: p for p in pages}
    served: set[str] = set()
    for page in pages:
        chain, current, ok = set(), page, True
        while current is not None:
            if current["id"] not in complete or current["id"] in chain:
                ok = False
                break
            chain.add(current["id"])
            current = by_id.get(current["parent_id"]) if current["parent_id"] else None
        if ok:
            served.add(page["id"])
    entries = []
    for line, page in enumerate(pages, start=1):
        if page["id"] not in served:
            continue
        entry: dict[str, Any] = {"id": page["id"], "kind": page["kind"]}
        if page["parent_id"]:
            entry["parent"] = page["parent_id"]
        related = [r for r in page.get("related", []) if r in served]
        if related:
            entry["related"] = related
        entries.append((line, entry))
    tree_problems, nodes = check_tree(entries)
    if tree_problems:
        return None, [FieldProblem("parent_id", m) for _, m in tree_problems]
    served_texts = [t for (lang, pid), t in texts.items() if pid in served and lang in langs]
    served_places = {p: w for p, w in lexicon.places.items() if p in served}
    if served_places != dict(lexicon.places):  # a place page not served yet is left out
        lexicon = Lexicon(lexicon.concepts, served_places)
    return Snapshot.build(langs, nodes, served_texts, lexicon), []
