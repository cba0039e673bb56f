"""Characters no field may hold, because the reviewer cannot see what they do.

Bidi overrides and isolates make ``Call 112`` display as another number; zero-width and
other invisible format characters hide differences in a diff; control characters (NUL,
ESC, backspace) reach terminals through ``content export`` and ``rightsbot chat``. Only a
new line (and a tab, in the page text) is allowed among them.
"""

from __future__ import annotations

import re
import unicodedata

from bot.i18n import N_

# Invisible or direction-changing characters, named so the message says what was found.
_NAMED = {
    "\u061c": N_("an Arabic letter mark"), "\u200e": N_("a left-to-right mark"),
    "\u200f": N_("a right-to-left mark"), "\u202a": N_("a bidi embedding"),
    "\u202b": N_("a bidi embedding"), "\u202c": N_("a bidi pop"), "\u202d": N_("a bidi override"),
    "\u202e": N_("a bidi override"), "\u2066": N_("a bidi isolate"), "\u2067": N_("a bidi isolate"),
    "\u2068": N_("a bidi isolate"), "\u2069": N_("a bidi isolate"),
    "\u200b": N_("a zero-width space"), "\u200c": N_("a zero-width non-joiner"),
    "\u200d": N_("a zero-width joiner"), "\u2060": N_("a word joiner"),
    "\ufeff": N_("a zero-width no-break space"), "\u00ad": N_("a soft hyphen"),
    "\u180e": N_("a Mongolian vowel separator"), "\u2028": N_("a line separator"),
    "\u2029": N_("a paragraph separator"),
}
_BAD_CATEGORIES = {"Cc": N_("a control character"), "Cf": N_("an invisible format character"),
                   "Co": N_("a private-use character"), "Cs": N_("a lone surrogate")}


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
            return N_("contains {what} ({code}) at position {position}", what=what,
                      code=f"U+{ord(ch):04X}", position=index + 1)
    return None
