"""Load the ``content/`` folder into a validated :class:`Snapshot`.

Loading never stops at the first problem: it reports every ``file:line: message`` it finds,
and builds a snapshot only when there are none, so nothing half-valid is ever served.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from bot.content.lexicon import EMPTY_LEXICON, LEXICON_FILE, Lexicon, parse_lexicon
from bot.content.model import Node, PageText, Snapshot
from bot.content.problems import Problem
from bot.content.validate import check_header, check_text, check_tree, id_problem

TREE_FILE = "tree.yaml"


# libyaml's C parser when it is installed: the pure-Python one made every start of
# ``rightsbot serve`` with a new store spend seconds reading page headers.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse YAML once into both its data and its node tree (the nodes carry line numbers)."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


def _precise(text: str, exc: yaml.YAMLError) -> tuple[int, str]:
    """The 0-based line and message of a YAML error, as the pure-Python parser reports them.

    libyaml often marks an unclosed bracket at the end of the text; the pure-Python parser
    points at the line that opened it, which is what an editor needs. Errors are rare, so
    parsing once more here costs nothing that matters.
    """
    try:
        yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as pure:
        exc = pure
    mark = getattr(exc, "problem_mark", None)
    return (mark.line if mark else 0), str(getattr(exc, "problem", None) or exc)


class ContentError(Exception):
    """The content has problems; ``problems`` lists every one."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def _mapping_lines(node: yaml.Node | None, base: int) -> dict[str, int]:
    """Map each top-level key of a YAML mapping to its 1-based line."""
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode):
                lines[str(key.value)] = base + key.start_mark.line
    return lines


def _load_tree(
    path: Path, problems: list[Problem]
) -> tuple[tuple[str, ...], list[Node], dict[str, int]]:
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
        data, composed = _parse(text)
    except FileNotFoundError:
        problems.append(Problem(name, 1, "the structure file is missing"))
        return (), [], {}
    except UnicodeDecodeError:
        problems.append(Problem(name, 1, "the file is not UTF-8 text"))
        return (), [], {}
    except yaml.YAMLError as exc:
        line, message = _precise(text, exc)
        problems.append(Problem(name, line + 1, f"not valid YAML: {message}"))
        return (), [], {}
    if not isinstance(data, dict) or not isinstance(data.get("pages"), list):
        problems.append(Problem(name, 1, "expected 'languages' and a list of 'pages'"))
        return (), [], {}
    languages = data.get("languages")
    if not isinstance(languages, list) or not all(isinstance(l, str) for l in languages) or not languages:
        problems.append(Problem(name, 1, "'languages' must list language codes"))
        languages = []
    page_nodes: list[yaml.Node] = []
    for key, value in composed.value:  # type: ignore[union-attr]
        if key.value == "pages":
            page_nodes = list(value.value)
    entries: list[tuple[int, dict[str, Any]]] = []
    for item, node in zip(data["pages"], page_nodes):
        line = node.start_mark.line + 1
        if not isinstance(item, dict):
            problems.append(Problem(name, line, "each page entry must be a mapping"))
            continue
        entries.append((line, item))
    tree_problems, nodes = check_tree(entries)
    problems.extend(Problem(name, line, message) for line, message in tree_problems)
    id_lines = {str(item.get("id")): line for line, item in entries}
    return tuple(languages), nodes, id_lines


def parse_page_file(
    path: Path, display: str, page_id: str, lang: str, kind: str, today: date | None
) -> tuple[PageText | None, list[Problem]]:
    """Parse one ``<lang>/<id>.md`` file: YAML header between ``---`` lines, then text."""
    problems: list[Problem] = []
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(display, 1, "the file is not UTF-8 text")]
    lines = raw.splitlines()
    if not lines or lines[0].strip() != "---":
        return None, [Problem(display, 1, "the file must start with a '---' header line")]
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        return None, [Problem(display, 1, "the header is not closed with a '---' line")]
    header_text = "\n".join(lines[1:end])
    try:
        header, composed = _parse(header_text)
        header = header or {}
    except yaml.YAMLError as exc:
        line, message = _precise(header_text, exc)
        return None, [Problem(display, line + 2, f"header is not valid YAML: {message}")]
    if not isinstance(header, dict):
        return None, [Problem(display, 2, "the header must be a mapping of fields")]
    key_lines = _mapping_lines(composed, 2)
    header_problems, clean = check_header(header, kind, lambda key: key_lines.get(key, 1), today)
    problems.extend(Problem(display, line, message) for line, message in header_problems)
    body_first = end + 2
    text = "\n".join(lines[end + 1:]).strip("\n")
    leading = next((i for i, l in enumerate(lines[end + 1:]) if l.strip()), 0)
    text_problems, document = check_text(text, body_first + leading)
    problems.extend(Problem(display, line, message) for line, message in text_problems)
    if problems:
        return None, problems
    return PageText(
        id=page_id, lang=lang, title=clean["title"], text=text, document=document,
        search=clean["search"], sources=clean["sources"], reviewed_on=clean["reviewed_on"],
        reviewed_by=clean["reviewed_by"], label=clean["label"], recheck_by=clean["recheck_by"],
    ), []


def load_content(root: Path | str, today: date | None = None) -> Snapshot:
    """Load and validate a content folder; raise :class:`ContentError` listing every problem."""
    root = Path(root)
    problems: list[Problem] = []
    if not root.is_dir():
        raise ContentError([Problem(str(root), 1, "content folder not found")])
    languages, nodes, tree_lines = _load_tree(root / TREE_FILE, problems)
    by_id = {n.id: n for n in nodes}
    texts: list[PageText] = []
    for lang in languages:
        folder = root / lang
        if not folder.is_dir():
            problems.append(Problem(TREE_FILE, 1, f"language folder {lang}/ is missing"))
            continue
        for path in sorted(folder.iterdir()):
            display = f"{lang}/{path.name}"
            if path.suffix != ".md":
                problems.append(Problem(display, 1, "unexpected file; pages are <id>.md"))
                continue
            page_id = path.stem
            why = id_problem(page_id)
            if why or page_id not in by_id:
                problems.append(Problem(display, 1, why or f"unknown page id {page_id!r} (not in {TREE_FILE})"))
                continue
            page, page_problems = parse_page_file(path, display, page_id, lang, by_id[page_id].kind, today)
            problems.extend(page_problems)
            if page:
                texts.append(page)
        for node in nodes:
            if not (folder / f"{node.id}.md").exists():
                problems.append(Problem(
                    TREE_FILE, tree_lines.get(node.id, 1),
                    f"page {node.id!r} is missing in {lang} ({lang}/{node.id}.md)",
                ))
    lexicon = _load_lexicon(root / LEXICON_FILE, set(by_id), problems)
    if problems:
        raise ContentError(problems)
    return Snapshot.build(languages, nodes, texts, lexicon)


def read_lexicon(path: Path, page_ids: set[str]) -> tuple[Lexicon, list[Problem]]:
    """A lexicon file on its own (the store takes it at each start) and its problems."""
    problems: list[Problem] = []
    return _load_lexicon(path, page_ids, problems), problems


def _load_lexicon(path: Path, page_ids: set[str], problems: list[Problem]) -> Lexicon:
    """The folder's concept lexicon; a folder without one has an empty lexicon."""
    if not path.exists():
        return EMPTY_LEXICON
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        problems.append(Problem(LEXICON_FILE, line, f"not valid YAML: {exc}".splitlines()[0]))
        return EMPTY_LEXICON
    lexicon, found = parse_lexicon(data, page_ids)
    problems.extend(Problem(LEXICON_FILE, 1, message) for message in found)
    return lexicon
