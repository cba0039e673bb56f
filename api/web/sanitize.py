"""Links in drafts: drop targets the validator refused (so a preview never carries one),
and list every link with its real host for the reviewer."""

from __future__ import annotations

from bot.content.markup import (
    BulletList, Document, Emph, Inline, Link, Paragraph, Strong, link_target_problem, plain_text,
)
from bot.content.phones import is_phone_link
from bot.content.urls import real_host


def _inlines(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Link):
            children = _inlines(node.children)
            if link_target_problem(plain_text(node.children), node.url) is None:
                out.append(Link(children, node.url))
            else:
                out.extend(children)
        elif isinstance(node, (Strong, Emph)):
            out.append(type(node)(_inlines(node.children)))
        else:
            out.append(node)
    return tuple(out)


def safe_links(document: Document) -> Document:
    blocks = []
    for block in document:
        if isinstance(block, Paragraph):
            blocks.append(Paragraph(_inlines(block.inlines)))
        elif isinstance(block, BulletList):
            blocks.append(BulletList(tuple(_inlines(item) for item in block.items)))
    return tuple(blocks)


def _collect(nodes: tuple[Inline, ...], out: list[tuple[str, str]]) -> None:
    for node in nodes:
        if isinstance(node, Link):
            out.append((plain_text(node.children), node.url))
        elif isinstance(node, (Strong, Emph)):
            _collect(node.children, out)


def link_hosts(document: Document, sources: list[dict[str, str]]) -> list[dict[str, str]]:
    """Every link of a page (text links, then sources) with the host a browser would
    really contact, so a reviewer sees a look-alike host for what it is."""
    found: list[tuple[str, str]] = []
    for block in document:
        if isinstance(block, Paragraph):
            _collect(block.inlines, found)
        elif isinstance(block, BulletList):
            for item in block.items:
                _collect(item, found)
    found += [(str(s.get("title", "")), str(s.get("url", ""))) for s in sources]
    # A phone link contacts no host: the number it calls stands in its place.
    return [{"text": text, "url": url, "host": url if is_phone_link(url) else real_host(url)}
            for text, url in found]
