"""Drop link targets that the validator refused, so a draft's preview never carries one."""

from __future__ import annotations

from bot.content.markup import BulletList, Document, Emph, Inline, Link, Paragraph, Strong, check_url


def _inlines(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Link):
            children = _inlines(node.children)
            if check_url(node.url) is None:
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
