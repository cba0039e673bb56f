"""The rules a page must meet, shared by ``rightsbot content check`` and the content API.

Each rule returns problems rather than raising, so an editor sees all of them at once.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Callable

from bot.content.characters import char_problem
from bot.content.lookalike import field_problems
from bot.content.markup import Document, parse, check_url
from bot.content.model import PAGE_KINDS, ROOT_ID, Node, Source
from bot.content.parts import BLOCK_LIMIT, rendered_size
from bot.content.phones import text_problems as phone_problems
from bot.i18n import N_

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_MAX = 32
FIELDS = {"title", "label", "search", "sources", "reviewed_on", "reviewed_by", "recheck_by"}
NEEDS_SOURCES = {"page", "card", "emergency"}
TITLE_MAX = 120
LABEL_MAX = 40
TEXT_MAX = 12_000
PHRASE_MAX = 200
PHRASES_MAX = 60
# Sources and "checked by" are shown under every page; bounded so the footer stays readable
# (the bundled content uses up to 14 sources, with titles up to 87 characters).
SOURCES_MAX = 16
SOURCE_TITLE_MAX = 120
SOURCE_URL_MAX = 300
REVIEWED_BY_MAX = 80

LineOf = Callable[[str], int]


def id_problem(page_id: Any) -> str | None:
    if not isinstance(page_id, str) or not page_id:
        return N_("a page id must be a non-empty string")
    if len(page_id) > ID_MAX:
        return N_("page id {page_id!r} is longer than {limit} characters", page_id=page_id,
                  limit=ID_MAX)
    if not ID_PATTERN.match(page_id):
        return N_("page id {page_id!r} must be a lowercase slug (a-z, 0-9 and '-')",
                  page_id=page_id)
    return None


def check_header(
    header: dict[str, Any], kind: str, line_of: LineOf, today: date | None = None
) -> tuple[list[tuple[int, str]], dict[str, Any]]:
    """Check a page's header fields; return problems and the cleaned values."""
    problems: list[tuple[int, str]] = []
    clean: dict[str, Any] = {}
    for key in header:
        if key not in FIELDS:
            problems.append((line_of(key), N_("unknown field {field!r}", field=key)))

    title = header.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append((line_of("title"), N_("title is missing or empty")))
    elif len(title) > TITLE_MAX:
        problems.append((line_of("title"), N_("title is longer than {limit} characters",
                                              limit=TITLE_MAX)))
    clean["title"] = title.strip() if isinstance(title, str) else ""

    label = header.get("label")
    if label is not None and (not isinstance(label, str) or not label.strip()):
        problems.append((line_of("label"), N_("label must be a non-empty text")))
    elif isinstance(label, str) and len(label) > LABEL_MAX:
        problems.append((line_of("label"), N_("label is longer than {limit} characters",
                                              limit=LABEL_MAX)))
    clean["label"] = label.strip() if isinstance(label, str) and label.strip() else None

    search = header.get("search", [])
    if not isinstance(search, list) or not all(isinstance(s, str) and s.strip() for s in search):
        problems.append((line_of("search"), N_("search must be a list of non-empty phrases")))
        search = []
    elif len(search) > PHRASES_MAX or any(len(s) > PHRASE_MAX for s in search):
        problems.append((line_of("search"), N_("at most {count} phrases of {limit} characters",
                                               count=PHRASES_MAX, limit=PHRASE_MAX)))
    clean["search"] = tuple(s.strip() for s in search)

    clean["sources"] = _check_sources(header.get("sources"), kind, line_of, problems)

    reviewed_on = _date_of(header.get("reviewed_on"))
    if reviewed_on is None:
        problems.append((line_of("reviewed_on"),
                         N_("reviewed_on is missing or not a date (YYYY-MM-DD)")))
    elif today and reviewed_on > today:
        problems.append((line_of("reviewed_on"), N_("reviewed_on is in the future")))
    clean["reviewed_on"] = reviewed_on
    clean["recheck_by"] = _check_recheck_by(header.get("recheck_by"), reviewed_on, line_of, problems)

    reviewed_by = header.get("reviewed_by")
    if not isinstance(reviewed_by, str) or not reviewed_by.strip():
        problems.append((line_of("reviewed_by"), N_("reviewed_by is missing or empty")))
    elif len(reviewed_by) > REVIEWED_BY_MAX:
        problems.append((line_of("reviewed_by"), N_(
            "reviewed_by is longer than {limit} characters", limit=REVIEWED_BY_MAX)))
    clean["reviewed_by"] = reviewed_by.strip() if isinstance(reviewed_by, str) else ""
    problems += field_problems(header, line_of)
    return problems, clean


def _date_of(value: Any) -> date | None:
    """A YAML date, or text in ``YYYY-MM-DD`` form, as a date; None for anything else."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return value if isinstance(value, date) else None


def _check_recheck_by(
    value: Any, reviewed_on: date | None, line_of: LineOf, problems: list[tuple[int, str]]
) -> date | None:
    """Optional; when given, a date after ``reviewed_on``. A date already past is not an
    error (the page is overdue, which ``content status`` reports), so content never stops
    loading because time went by."""
    if value is None:
        return None
    value = _date_of(value)
    if value is None:
        problems.append((line_of("recheck_by"), N_("recheck_by is not a date (YYYY-MM-DD)")))
        return None
    if reviewed_on and value <= reviewed_on:
        problems.append((line_of("recheck_by"), N_(
            "recheck_by ({date}) must come after the review date ({reviewed_on}): give a new "
            "date to check again, or remove it", date=value.isoformat(),
            reviewed_on=reviewed_on.isoformat())))
        return None
    return value


def _check_sources(
    sources: Any, kind: str, line_of: LineOf, problems: list[tuple[int, str]]
) -> tuple[Source, ...]:
    line = line_of("sources")
    if sources in (None, []):
        if kind in NEEDS_SOURCES:
            problems.append((line, N_("sources are missing: every fact needs its source")))
        return ()
    if not isinstance(sources, list):
        problems.append((line, N_("sources must be a list of {{title, url}}")))
        return ()
    if len(sources) > SOURCES_MAX:
        problems.append((line, N_("at most {limit} sources ({count} given); keep the ones that "
                                  "support a fact on this page", limit=SOURCES_MAX,
                                  count=len(sources))))
        return ()
    out: list[Source] = []
    for index, item in enumerate(sources):
        if not isinstance(item, dict) or set(item) != {"title", "url"}:
            problems.append((line, N_("source {number} must have exactly a title and a url",
                                      number=index + 1)))
            continue
        title, url = item["title"], item["url"]
        if not isinstance(title, str) or not title.strip():
            problems.append((line, N_("source {number} has no title", number=index + 1)))
            continue
        if len(title.strip()) > SOURCE_TITLE_MAX:
            problems.append((line, N_("source {number}: the title is longer than {limit} "
                                      "characters ({count})", number=index + 1,
                                      limit=SOURCE_TITLE_MAX, count=len(title.strip()))))
            continue
        if isinstance(url, str) and len(url.strip()) > SOURCE_URL_MAX:
            problems.append((line, N_("source {number}: the url is longer than {limit} characters",
                                      number=index + 1, limit=SOURCE_URL_MAX)))
            continue
        why = check_url(url) if isinstance(url, str) else N_("source url must be a text")
        if why:
            problems.append((line, N_("source {number}: {problem}", number=index + 1,
                                      problem=why)))
            continue
        out.append(Source(title.strip(), url.strip()))
    return tuple(out)


def check_text(text: Any, first_line: int, *, phone_links: bool = True
               ) -> tuple[list[tuple[int, str]], Document]:
    """Check a page body: not empty, inside the Markdown subset, every phone number a
    tappable link, every part small enough.

    ``phone_links=False`` skips only the rule that numbers be written as links: text
    published before that rule (and kept in a store, or rolled back to) is still served as
    it was, with its numbers as plain text, until someone edits it.
    """
    if not isinstance(text, str) or not text.strip():
        return [(first_line, N_("text is empty"))], ()
    if len(text) > TEXT_MAX:
        return [(first_line, N_("text is longer than {limit} characters", limit=TEXT_MAX))], ()
    if why := char_problem(text, multiline=True):
        return [(first_line + text[:_bad_at(text)].count("\n"), N_("text {problem}", problem=why))], ()
    document, markup_problems = parse(text, first_line)
    problems = [(p.line, p.message) for p in markup_problems]
    if phone_links:
        problems += phone_problems(text, first_line)
    for block in document:
        size = rendered_size((block,))
        if size > BLOCK_LIMIT:
            problems.append((first_line, N_(
                "a rendered message part is over 4096 characters ({size} for one paragraph or "
                "list; split it)", size=size)))
    return problems, document


def _bad_at(text: str) -> int:
    """Where the first refused character is, to name its line."""
    return next((i for i in range(len(text)) if char_problem(text[i], multiline=True)), 0)


def check_tree(entries: list[tuple[int, dict[str, Any]]]) -> tuple[list[tuple[int, str]], list[Node]]:
    """Check the language-neutral structure: ids, kinds, parents, cycles and orphans."""
    problems: list[tuple[int, str]] = []
    raw: dict[str, tuple[int, dict[str, Any]]] = {}
    for line, entry in entries:
        unknown = set(entry) - {"id", "parent", "kind", "related"}
        if unknown:
            problems.append((line, f"unknown field(s) {sorted(unknown)}"))
        why = id_problem(entry.get("id"))
        if why:
            problems.append((line, why))
            continue
        if entry["id"] in raw:
            problems.append((line, f"duplicate page id {entry['id']!r}"))
            continue
        if entry.get("kind") not in PAGE_KINDS:
            problems.append((line, f"kind must be one of {', '.join(PAGE_KINDS)}"))
        raw[entry["id"]] = (line, entry)

    if ROOT_ID not in raw:
        problems.append((1, f"the root page {ROOT_ID!r} is missing"))
    for page_id, (line, entry) in raw.items():
        parent = entry.get("parent")
        if page_id == ROOT_ID:
            if parent is not None:
                problems.append((line, "the root page has no parent"))
        elif parent is None:
            problems.append((line, f"page {page_id!r} has no parent (orphan)"))
        elif parent not in raw:
            problems.append((line, f"unknown parent id {parent!r}"))
        related = entry.get("related", [])
        if not isinstance(related, list):
            problems.append((line, "related must be a list of page ids"))
        else:
            for other in related:
                if other not in raw:
                    problems.append((line, f"unknown related id {other!r}"))

    for page_id, (line, _) in raw.items():
        seen: set[str] = set()
        current: str | None = page_id
        while current is not None and current in raw:
            if current in seen:
                problems.append((line, f"page {page_id!r} is in a cycle of parents"))
                break
            seen.add(current)
            current = raw[current][1].get("parent")

    nodes: list[Node] = []
    for order, (page_id, (_, entry)) in enumerate(raw.items()):
        children = tuple(c for c, (_, e) in raw.items() if e.get("parent") == page_id)
        related = entry.get("related", [])
        nodes.append(Node(
            id=page_id, kind=str(entry.get("kind")), parent=entry.get("parent"), order=order,
            children=children,
            related=tuple(r for r in related if r in raw) if isinstance(related, list) else (),
        ))
    return problems, nodes
