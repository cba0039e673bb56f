"""Ten times the content: real pages rewritten with shuffled and perturbed words, new ids.

Each copy of the tree hangs under a new topic below home, so menus stay the size they are
and only the amount of text grows. Words are shuffled within a line and about one in five
is misspelt (a swapped, doubled or dropped letter, or a suffix), which grows the
vocabulary the way new pages with new words would. Link targets are kept as they are.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

from bot.content.markup import parse
from bot.content.model import EMERGENCY_ID, ROOT_ID, Node, PageText, Snapshot

_LINK_TARGET = re.compile(r"(\]\([^)]*\))")
_WORD = re.compile(r"[^\W\d_]{3,}")
SUFFIXES = ("en", "s", "er", "je", "e", "ing")


def perturb(word: str, rng: random.Random) -> str:
    """A plausible misspelling or new form of a word."""
    op = rng.randrange(4)
    if op == 0 and len(word) > 3:
        i = rng.randrange(1, len(word) - 2)
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if op == 1:
        i = rng.randrange(len(word))
        return word[:i] + word[i] + word[i:]
    if op == 2 and len(word) > 4:
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + word[i + 1:]
    return word + rng.choice(SUFFIXES)


def rewrite_line(line: str, rng: random.Random, rate: float = 0.2) -> str:
    """Shuffle the words of one line (outside link targets) and misspell some of them."""
    pieces = _LINK_TARGET.split(line)
    words = [w for i, piece in enumerate(pieces) if i % 2 == 0 for w in _WORD.findall(piece)]
    rng.shuffle(words)
    words = [perturb(w, rng) if rng.random() < rate else w for w in words]
    feed = iter(words)
    out = [piece if i % 2 else _WORD.sub(lambda _m: next(feed), piece) for i, piece in enumerate(pieces)]
    return "".join(out)


def rewrite_text(text: str, rng: random.Random) -> str:
    return "\n".join(rewrite_line(line, rng) for line in text.splitlines())


def _copy_ids(nodes: list[Node], copy: int) -> dict[str, str]:
    return {node.id: f"s{copy}-{index}" for index, node in enumerate(nodes)}


def synthetic_snapshot(real: Snapshot, factor: int = 10, seed: int = 7) -> tuple[Snapshot, int]:
    """The real snapshot plus ``factor - 1`` rewritten copies; returns it and how many
    rewritten texts fell back to the original markup because the rewrite did not parse."""
    rng = random.Random(seed)
    nodes = list(real.nodes.values())
    top_order = max(n.order for n in nodes) + 1
    new_nodes: dict[str, Node] = {n.id: n for n in nodes}
    texts = list(real.texts.values())
    fallbacks = 0
    for copy in range(1, factor):
        ids = _copy_ids(nodes, copy)
        for node in nodes:
            parent = ROOT_ID if node.id == ROOT_ID else ids[node.parent or ROOT_ID]
            kind = {ROOT_ID: "topic", EMERGENCY_ID: "page"}.get(node.id, node.kind)
            new_nodes[ids[node.id]] = Node(
                ids[node.id], kind, parent, top_order + copy * len(nodes) + node.order,
                tuple(ids[c] for c in node.children if c in ids),
                tuple(ids[r] for r in node.related if r in ids))
        new_nodes[ROOT_ID] = replace(new_nodes[ROOT_ID],
                                     children=new_nodes[ROOT_ID].children + (ids[ROOT_ID],))
        for page in list(real.texts.values()):
            text = rewrite_text(page.text, rng)
            document, problems = parse(text)
            if problems or not document:
                fallbacks += 1
                text, document = page.text, page.document
            texts.append(replace(
                page, id=ids[page.id], title=rewrite_line(page.title, rng), text=text,
                document=document, search=tuple(rewrite_line(s, rng) for s in page.search),
                label=rewrite_line(page.label, rng) if page.label else None))
    return Snapshot.build(real.languages, new_nodes.values(), texts), fallbacks
