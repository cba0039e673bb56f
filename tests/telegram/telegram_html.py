"""Telegram's HTML parse mode, as strict as Telegram: used by the fake Bot API.

Only Telegram's tags are accepted, every tag must be closed in order, and ``<``/``>``
must be escaped elsewhere. Returns the text as the reader sees it (entities parsed).
"""

from __future__ import annotations

import html
import re

ALLOWED = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
           "tg-spoiler", "span", "blockquote", "tg-emoji"}
ENTITY = re.compile(r"&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|lt|gt|amp|quot);")
ATTR = re.compile(r'\s+([a-z-]+)\s*=\s*"([^"]*)"|\s+([a-z-]+)\s*=\s*\'([^\']*)\'|\s+([a-z-]+)')


class EntityError(ValueError):
    pass


def _attributes(rest: str, offset: int) -> dict[str, str]:
    attrs: dict[str, str] = {}
    position = 0
    while position < len(rest):
        match = ATTR.match(rest, position)
        if not match:
            if rest[position:].strip():
                raise EntityError(f"Expected equal sign in declaration of an attribute of the tag at byte offset {offset}")
            break
        name = match[1] or match[3] or match[5]
        attrs[name] = html.unescape(match[2] if match[1] else match[4] if match[3] else "")
        position = match.end()
    return attrs


def parse_html(text: str) -> str:
    """The visible text of ``text``; EntityError when Telegram would refuse it."""
    out: list[str] = []
    stack: list[str] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char == "<":
            end = text.find(">", position)
            if end == -1:
                raise EntityError(f"Can't find end of the tag starting at byte offset {position}")
            inner = text[position + 1:end]
            if inner.startswith("/"):
                name = inner[1:].strip().lower()
                if not stack:
                    raise EntityError(f'Unexpected end tag at byte offset {position}')
                if name != stack[-1]:
                    raise EntityError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
                stack.pop()
            else:
                match = re.match(r"([a-zA-Z][a-zA-Z0-9-]*)(.*)$", inner, re.S)
                if not match or match[1].lower() not in ALLOWED:
                    raise EntityError(f'Unsupported start tag "{inner.split()[0] if inner.split() else ""}" at byte offset {position}')
                name = match[1].lower()
                attrs = _attributes(match[2].rstrip("/"), position)
                if name == "a" and not attrs.get("href"):
                    raise EntityError(f"Empty href in a tag at byte offset {position}")
                if name == "span" and attrs.get("class") != "tg-spoiler":
                    raise EntityError(f'Tag "span" must have class "tg-spoiler" at byte offset {position}')
                stack.append(name)
            position = end + 1
        elif char == "&":
            match = ENTITY.match(text, position)
            if match:
                out.append(html.unescape(match[0]))
                position = match.end()
            else:  # Telegram keeps an unknown '&' as it is
                out.append("&")
                position += 1
        else:
            out.append(char)
            position += 1
    if stack:
        raise EntityError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(out)
