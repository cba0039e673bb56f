"""Characters no field may hold, because the reviewer cannot see what they do.

Bidi overrides and isolates make ``Call 112`` display as another number; zero-width and
other invisible format characters hide differences in a diff; control characters (NUL,
ESC, backspace) reach terminals through ``content export`` and ``rightsbot chat``. Only a
new line (and a tab, in the page text) is allowed among them.
"""

from __future__ import annotations

import re
import unicodedata

# Invisible or direction-changing characters, named so the message says what was found.
_NAMED = {
    "\u061c": "an Arabic letter mark", "\u200e": "a left-to-right mark",
    "\u200f": "a right-to-left mark", "\u202a": "a bidi embedding", "\u202b": "a bidi embedding",
    "\u202c": "a bidi pop", "\u202d": "a bidi override", "\u202e": "a bidi override",
    "\u2066": "a bidi isolate", "\u2067": "a bidi isolate", "\u2068": "a bidi isolate",
    "\u2069": "a bidi isolate", "\u200b": "a zero-width space", "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner", "\u2060": "a word joiner", "\ufeff": "a zero-width no-break space",
    "\u00ad": "a soft hyphen", "\u180e": "a Mongolian vowel separator", "\u2028": "a line separator",
    "\u2029": "a paragraph separator",
}
_BAD_CATEGORIES = {"Cc": "a control character", "Cf": "an invisible format character",
                   "Co": "a private-use character", "Cs": "a lone surrogate"}


_PRINTABLE_ASCII = re.compile(r"[ -~]*\Z")
_PRINTABLE_ASCII_LINES = re.compile(r"[ -~\n\r\t]*\Z")


def char_problem(value: str, *, multiline: bool = False) -> str | None:
    """Why ``value`` cannot be shown as written, or None; names the first bad character."""
    if (_PRINTABLE_ASCII_LINES if multiline else _PRINTABLE_ASCII).match(value):
        return None  # the common case, checked in C: loading the content does this 7,000 times
    for index, ch in enumerate(value):
        if " " <= ch <= "~":
            continue
        if multiline and ch in "\n\r\t":
            continue
        what = _NAMED.get(ch) or _BAD_CATEGORIES.get(unicodedata.category(ch))
        if what:
            return f"contains {what} (U+{ord(ch):04X}) at position {index + 1}"
    return None
