"""Plain-language warnings for ``rightsbot content check``: sentences over 20 words (B1
writing keeps them shorter) and a few words each language's style guide replaces.

These are warnings, not errors: a long sentence is worth fixing but never a reason to stop
serving a page. They point at ``file:line`` in the page body.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from bot.content.problems import Problem

MAX_WORDS = 20
# Link targets are not read aloud; only their text counts.
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# A sentence ends at . ! ? or … followed by a space; a bullet or paragraph line ends one too.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_WORD = re.compile(r"\w", re.UNICODE)
# (language, pattern, what to write instead), from the translation review's style points.
STYLE = (
    ("fr", re.compile(r"\bl'IOM\b"), "l'OIM"),
    ("fr", re.compile(r"\bhelpdesk\b", re.IGNORECASE), "permanence téléphonique"),
    ("fr", re.compile(r"\b(Groningue|Leyde)\b"), "the Dutch place name (Groningen, Leiden)"),
    ("nl", re.compile(r"\b(runt|gerund)\b"), "regelt, beheert, leidt"),
)


def _body(lines: list[str]) -> tuple[int, list[str]]:
    """The body lines after the ``---`` header, with the number of the first one (1-based)."""
    if not lines or lines[0].strip() != "---":
        return 1, []
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    return (1, []) if end is None else (end + 2, lines[end + 1:])


def sentences(line: str) -> Iterator[str]:
    plain = _LINK.sub(r"\1", line.lstrip("- ").replace("**", "").replace("*", ""))
    for sentence in _SENTENCE_END.split(plain):
        if sentence.strip():
            yield sentence.strip()


def word_count(sentence: str) -> int:
    return sum(1 for token in sentence.split() if _WORD.search(token))


def file_warnings(path: Path, display: str, lang: str) -> list[Problem]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []  # content check reports unreadable files as errors already
    first, body = _body(lines)
    found: list[Problem] = []
    for offset, line in enumerate(body):
        number = first + offset
        for sentence in sentences(line):
            words = word_count(sentence)
            if words > MAX_WORDS:
                start = " ".join(sentence.split()[:8])
                found.append(Problem(display, number, f"warning: a sentence of {words} words (plain "
                                                      f"language keeps to {MAX_WORDS}): \"{start} …\""))
        for style_lang, pattern, instead in STYLE:
            if style_lang == lang and (match := pattern.search(line)):
                found.append(Problem(display, number, f"warning: write {instead} instead of "
                                                      f"\"{match.group(0)}\""))
    return found


def plain_language_warnings(root: Path, languages: tuple[str, ...], page_ids: list[str]) -> list[Problem]:
    """Every warning for every page file, in tree order per language."""
    found: list[Problem] = []
    for lang in languages:
        for page_id in page_ids:
            path = root / lang / f"{page_id}.md"
            if path.exists():
                found += file_warnings(path, f"{lang}/{page_id}.md", lang)
    return found
