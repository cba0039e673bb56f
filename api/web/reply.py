"""A reply as the web chat shows it: a real heading, the text, and buttons whose symbols
screen readers skip.

The engine opens every page with its title in bold; here that title becomes the answer's
``<h2>``, which keyboard focus moves to when an answer arrives and which screen reader
users jump between. A short message without a title (a notice, the language menu) gets
its first paragraph as heading, styled as ordinary text. Symbols that open or close a
button label (🆘, →, ⬅, ›) stay visible but are hidden from screen readers, which would
otherwise read "SOS button" or "rightwards arrow" before every label.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from html import escape

from bot.content.markup import Document, Emph, Inline, Paragraph, Strong
from bot.content.render import WEB_HTML, render, to_web_html
from bot.engine import Button, Reply
from bot.engine.actions import decode
from bot.i18n import text_direction

# Inline content only: a heading holds no paragraph of its own.
HEADING_HTML = replace(WEB_HTML, paragraph="{}")


@dataclass(frozen=True)
class WebButton:
    action: str
    text: str
    icon: str = ""  # a symbol before the text: shown, not read aloud
    icon_end: str = ""  # a symbol after it
    lang: str | None = None  # a language's name in the language menu is in that language


@dataclass(frozen=True)
class WebReply:
    lang: str
    dir: str
    heading: str  # inline HTML, empty when the reply has no text at all
    lead: bool  # the heading is a message's first paragraph rather than a title
    parts: tuple[str, ...]  # HTML of the text after the heading, one per screen
    buttons: tuple[tuple[WebButton, ...], ...]


def _symbol(char: str) -> bool:
    return not char.isspace() and unicodedata.category(char)[0] not in "LN"


def split_label(label: str) -> tuple[str, str, str]:
    """``"🆘 Emergency numbers"`` -> ``("🆘", "Emergency numbers", "")``; ``"Next ›"`` ->
    ``("", "Next", "›")``. Only a run of symbols set off by a space counts."""
    icon = icon_end = ""
    head, _sep, rest = label.partition(" ")
    if rest and head and all(_symbol(c) for c in head):
        icon, label = head, rest.lstrip()
    rest, _sep, tail = label.rpartition(" ")
    if rest and tail and all(_symbol(c) for c in tail):
        label, icon_end = rest.rstrip(), tail
    return icon, label, icon_end


def web_button(button: Button) -> WebButton:
    icon, text, icon_end = split_label(button.label)
    action = decode(button.action)
    lang = action.lang if action is not None and action.op == "l" else None
    return WebButton(button.action, text, icon, icon_end, lang)


def _only(block: object, kind: type) -> bool:
    return (isinstance(block, Paragraph) and len(block.inlines) == 1
            and isinstance(block.inlines[0], kind))


def split_heading(document: Document) -> tuple[tuple[Inline, ...], bool, Document]:
    """The heading's content, whether it is a lead paragraph, and the blocks left over.

    A page starts with its bold title, or with a notice in italics and then the title;
    the title is taken out wherever of the two it is, so the notice stays below it.
    """
    blocks = list(document)
    if blocks and _only(blocks[0], Strong):
        return blocks.pop(0).inlines[0].children, False, tuple(blocks)
    if len(blocks) > 1 and _only(blocks[0], Emph) and _only(blocks[1], Strong):
        return blocks.pop(1).inlines[0].children, False, tuple(blocks)
    if blocks and isinstance(blocks[0], Paragraph):
        return blocks.pop(0).inlines, True, tuple(blocks)
    return (), False, tuple(blocks)


def web_reply(reply: Reply) -> WebReply:
    first, *rest = reply.parts or ((),)
    inlines, lead, remainder = split_heading(first)
    heading = render((Paragraph(inlines),), HEADING_HTML) if inlines else ""
    parts = tuple(to_web_html(part) for part in (remainder, *rest) if part)
    buttons = tuple(tuple(web_button(b) for b in row) for row in reply.buttons)
    return WebReply(reply.lang, text_direction(reply.lang), heading, lead, parts, buttons)


def button_html(button: WebButton) -> str:
    """A button posting its action; symbols wrapped so screen readers skip them."""
    lang = f' lang="{escape(button.lang)}"' if button.lang else ""
    icon = f'<span aria-hidden="true">{escape(button.icon)}</span> ' if button.icon else ""
    end = f' <span aria-hidden="true">{escape(button.icon_end)}</span>' if button.icon_end else ""
    return (f'<button type="submit" name="a" value="{escape(button.action)}"{lang}>'
            f"{icon}{escape(button.text)}{end}</button>")


def button_json(button: WebButton) -> dict[str, str]:
    """What the page's script needs to draw the same button; empty fields left out."""
    fields = {"action": button.action, "text": button.text, "icon": button.icon,
              "icon_end": button.icon_end, "lang": button.lang or ""}
    return {key: value for key, value in fields.items() if value}


def item_html(reply: WebReply, speaker: str) -> str:
    """One answer as an item of the conversation list: who speaks, heading, text, buttons.

    ``speaker`` ("rightsbot:") is read by screen readers only; the look says it already.
    """
    who = f'<span class="visually-hidden">{escape(speaker)} </span>'
    style = ' class="lead"' if reply.lead else ' class="visually-hidden"' if not reply.heading else ""
    heading = f'<h2 tabindex="-1"{style}>{reply.heading or escape(speaker)}</h2>'
    parts = "".join(f'<div class="part">{html}</div>' for html in reply.parts)
    rows = "".join(
        '<div class="row">' + "".join(button_html(b) for b in row) + "</div>"
        for row in reply.buttons
    )
    buttons = f'<form class="buttons" method="post" action="/">{rows}</form>' if rows else ""
    return (f'<li class="bot" lang="{escape(reply.lang)}" dir="{reply.dir}">'
            f"{who}{heading}{parts}{buttons}</li>")
