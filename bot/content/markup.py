"""The Markdown subset pages are written in, parsed into a small tree.

Only what renders the same in Telegram, on a web page and in a terminal is allowed:
paragraphs, ``**bold**``, ``*italic*``, ``[text](https://...)`` links, phone numbers as
``[0800-2000](tel:08002000)`` links (see :mod:`bot.content.phones`) and ``- `` bullet lists.
Parsing reports every construct outside that subset with its line, so an editor sees
exactly what to fix, and renderers never meet markup they cannot show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.content.phones import is_phone_link, link_problem
from bot.content.urls import check_url
from bot.i18n import N_

__all__ = ["check_url"]  # re-exported: the link rule lives in bot.content.urls


def link_target_problem(text: str, url: str) -> str | None:
    """Why a link in page text is refused: a ``tel:`` link by the phone rules (the number
    shown must be the one called), any other by the https rules; None when it is fine."""
    return link_problem(text, url) if is_phone_link(url) else check_url(url)


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Strong:
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Emph:
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Link:
    children: tuple["Inline", ...]
    url: str


Inline = Text | Strong | Emph | Link


@dataclass(frozen=True)
class Paragraph:
    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[tuple[Inline, ...], ...]


Block = Paragraph | BulletList
Document = tuple[Block, ...]


@dataclass(frozen=True)
class MarkupProblem:
    line: int
    message: str


class MarkupError(ValueError):
    """Raised by :func:`parse_strict` with every problem found."""

    def __init__(self, problems: list[MarkupProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"line {p.line}: {p.message}" for p in problems))


_BLOCK_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s*#{1,6}(\s|$)"), N_("headings are not allowed")),
    (re.compile(r"^\s*\d+[.)]\s"), N_("numbered lists are not allowed; use '- ' bullets")),
    (re.compile(r"^\s*>"), N_("quotes are not allowed")),
    (re.compile(r"^\s*[*+]\s"), N_("bullets must start with '- '")),
    (re.compile(r"^\s*\|.*\|\s*$"), N_("tables are not allowed")),
    (re.compile(r"^\s*(```|~~~)"), N_("code blocks are not allowed")),
    (re.compile(r"^\s*(-{3,}|\*{3,}|_{3,})\s*$"), N_("horizontal rules are not allowed")),
    (re.compile(r"^( {4}|\t)\S"), N_("indented code is not allowed")),
)
_INLINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"`"), N_("code (backticks) is not allowed")),
    (re.compile(r"!\["), N_("images are not allowed")),
    (re.compile(r"</?[A-Za-z!][^>]*>"), N_("HTML is not allowed")),
    (re.compile(r"__|~~"), N_("only **bold** and *italic* emphasis is allowed")),
)
_TOKEN = re.compile(r"\*\*|\*|\[|\]\(|\]")
# Bold inside a link inside italic is three levels; anything near this is a mistake or an
# attack, and the parser and renderers recurse once per level.
MAX_DEPTH = 12


class _InlineParser:
    """A tiny recursive-descent parser for bold, italic and links on one logical line."""

    def __init__(self, text: str, line: int, problems: list[MarkupProblem]) -> None:
        self.tokens = [t for t in _TOKEN.split(text)]
        self.marks = _TOKEN.findall(text)
        self.stream: list[tuple[str, str]] = []
        for i, chunk in enumerate(self.tokens):
            if chunk:
                self.stream.append(("text", chunk))
            if i < len(self.marks):
                self.stream.append(("mark", self.marks[i]))
        self.pos = 0
        self.line = line
        self.problems = problems
        self.depth = 0
        self.too_deep = False

    def problem(self, message: str) -> None:
        if not self.too_deep:  # after "nested too deeply" the rest is not parsed, so not judged
            self.problems.append(MarkupProblem(self.line, message))

    def parse(self) -> tuple[Inline, ...]:
        nodes = self._until(())
        if self.pos < len(self.stream):
            self.problem(N_("unexpected {mark!r}", mark=self.stream[self.pos][1]))
        return nodes

    def _until(self, closers: tuple[str, ...]) -> tuple[Inline, ...]:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                return self._rest_as_text()
            return self._sequence(closers)
        finally:
            self.depth -= 1

    def _rest_as_text(self) -> tuple[Inline, ...]:
        """Give up on markup nested too deeply: one problem, the rest kept as plain text."""
        self.problem(N_("bold, italic and links are nested more than {depth} levels deep",
                        depth=MAX_DEPTH))
        self.too_deep = True
        rest = "".join(value for _, value in self.stream[self.pos:])
        self.pos = len(self.stream)
        return (Text(rest),)

    def _sequence(self, closers: tuple[str, ...]) -> tuple[Inline, ...]:
        out: list[Inline] = []
        while self.pos < len(self.stream):
            kind, value = self.stream[self.pos]
            if kind == "text":
                out.append(Text(value))
                self.pos += 1
                continue
            if value in closers:
                return tuple(out)
            self.pos += 1
            if value in ("**", "*"):
                children = self._until((value,))
                if self._take(value):
                    out.append(Strong(children) if value == "**" else Emph(children))
                else:
                    self.problem(N_("'{mark}' is opened but never closed", mark=value))
            elif value == "[":
                out.append(self._link())
            else:
                self.problem(N_("unexpected {mark!r}; square brackets only make links", mark=value))
        return tuple(out)

    def _take(self, mark: str) -> bool:
        if self.pos < len(self.stream) and self.stream[self.pos] == ("mark", mark):
            self.pos += 1
            return True
        return False

    def _link(self) -> Inline:
        label = self._until(("](", "]"))
        if not self._take("]("):
            self._take("]")
            self.problem(N_("a link must look like [text](https://...) or, for a phone number, "
                            "[0800-2000](tel:08002000)"))
            return Text("[" + plain_text(label) + "]")
        url_parts: list[str] = []
        closed = False
        while self.pos < len(self.stream) and not closed:
            kind, value = self.stream[self.pos]
            if kind == "text" and ")" in value:
                before, _, after = value.partition(")")
                url_parts.append(before)
                if after:
                    self.stream[self.pos] = ("text", after)
                else:
                    self.pos += 1
                closed = True
            else:
                url_parts.append(value)
                self.pos += 1
        if not closed:
            self.problem(N_("a link's URL is not closed with ')'"))
        url = "".join(url_parts).strip()
        why = link_target_problem(plain_text(label), url)
        if why:
            self.problem(why)
        if not plain_text(label).strip():
            self.problem(N_("a link needs a visible text"))
        if _has_link(label):
            self.problem(N_("a link cannot contain another link"))
            return Link(_unlinked(label), url)
        return Link(label, url)


def _has_link(nodes: tuple[Inline, ...]) -> bool:
    return any(isinstance(n, Link) or (not isinstance(n, Text) and _has_link(n.children)) for n in nodes)


def _unlinked(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """The same inlines with inner links replaced by their text, so no <a> ever nests."""
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Link):
            out.extend(_unlinked(node.children))
        elif isinstance(node, (Strong, Emph)):
            out.append(type(node)(_unlinked(node.children)))
        else:
            out.append(node)
    return tuple(out)


def parse(source: str, first_line: int = 1) -> tuple[Document, list[MarkupProblem]]:
    """Parse page text into blocks, collecting problems instead of stopping at the first."""
    problems: list[MarkupProblem] = []
    blocks: list[Block] = []
    paragraph: list[tuple[int, str]] = []
    items: list[tuple[int, str]] = []

    def flush() -> None:
        if paragraph:
            joined = " ".join(text.strip() for _, text in paragraph)
            blocks.append(Paragraph(_inlines(joined, paragraph[0][0], problems)))
            paragraph.clear()
        if items:
            blocks.append(BulletList(tuple(_inlines(t, n, problems) for n, t in items)))
            items.clear()

    for offset, raw in enumerate(source.splitlines()):
        number = first_line + offset
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        for pattern, message in _BLOCK_RULES:
            if pattern.search(line):
                problems.append(MarkupProblem(number, message))
                break
        for pattern, message in _INLINE_RULES:
            if pattern.search(line):
                problems.append(MarkupProblem(number, message))
        stripped = line.strip()
        if stripped.startswith("- "):
            if paragraph:
                flush()
            items.append((number, stripped[2:]))
        elif items and raw.startswith((" ", "\t")):
            n, text = items[-1]
            items[-1] = (n, text + " " + stripped)
        else:
            if items:
                flush()
            paragraph.append((number, stripped))
    flush()
    return tuple(blocks), problems


def _inlines(text: str, line: int, problems: list[MarkupProblem]) -> tuple[Inline, ...]:
    return _InlineParser(text, line, problems).parse()


def parse_strict(source: str) -> Document:
    """Parse text that must be valid (used for interface strings and tests)."""
    document, problems = parse(source)
    if problems:
        raise MarkupError(problems)
    return document


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """The visible characters of some inline nodes, without any markup."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        else:
            out.append(plain_text(node.children))
    return "".join(out)


def document_text(document: Document) -> str:
    """All visible text of a document, one block per line (used for search)."""
    lines: list[str] = []
    for block in document:
        if isinstance(block, Paragraph):
            lines.append(plain_text(block.inlines))
        else:
            lines.extend(plain_text(item) for item in block.items)
    return "\n".join(lines)
