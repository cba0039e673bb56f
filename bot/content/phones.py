"""Dutch phone numbers in page text: written as ``[0800-2000](tel:08002000)`` so they can be tapped.

A person in danger should not have to copy 0800-2000 into the dialler by hand, so every
phone number in a page's text is a ``tel:`` link: the web chat makes it a link that calls,
Telegram shows the number as text it links by itself, a terminal prints it plainly.

Only numbers a person in the Netherlands can call are accepted: 112 and 113, 0800 and
0900 numbers, landlines (``0xx-xxxxxxx``: ten digits with the area code) and mobiles
(``06-xxxxxxxx``). The link carries the digits, the text shows them as people write them
(``033-448 11 86``); both must be the same number, so a typo in one is caught.

:func:`bare_numbers` finds numbers written without the link: the content check refuses
them, and ``rightsbot content phones --write`` turns them into links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.i18n import N_

SCHEME = "tel:"
SHORT = {"112": "emergency", "113": "suicide prevention"}
FREE_AND_PAID = ("0800", "0900")
# Area codes of landlines and the non-geographic business ranges that work like them
# (085, 087, 088, 091); 06 is mobile. 0800/0900 have their own lengths.
LANDLINE_START = re.compile(r"^0(?:[1-57]|8[1-9]|91)")
SHOWN = re.compile(r"^[0-9][0-9 -]*$")
# A run of digit groups joined by one space or hyphen, not part of a word, an amount, a
# time, a web address or a longer number.
_RUN = re.compile(r"(?<![\w.,:/@€$+#-])\d+(?:[ -]\d+)*(?![\w@%/€]|[.,:]\w|-\w)")
_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
# How people write the start of a number: 06, an area code of 3 or 4 digits (020, 0334,
# 0800), or the whole number in one group. A date (01-02-2026) starts otherwise.
_PREFIX = re.compile(r"^(?:06|0\d{2,3}|0\d{7,10})$")

EXAMPLE = "[0800-2000](tel:08002000)"
FORMATS = N_("112, 113, an 0800 or 0900 number, a landline with its area code "
             "(020-7653801) or a mobile number (06-12345678)")


def number_problem(digits: str) -> str | None:
    """Why ``digits`` is not a Dutch number this service may show as callable; None if it is."""
    if not digits.isdigit():
        return N_("a phone number has only digits")
    if digits in SHORT:
        return None
    for prefix in FREE_AND_PAID:
        if digits.startswith(prefix):
            if len(digits) in (8, 11):
                return None
            return N_("an {prefix} number has 4 or 7 digits after {prefix}", prefix=prefix)
    if digits.startswith("06"):
        return None if len(digits) == 10 else N_("a mobile number has 10 digits (06 and 8 more)")
    if LANDLINE_START.match(digits):
        return (None if len(digits) == 10
                else N_("a landline number has 10 digits, area code included"))
    return N_("it is not one of the Dutch numbers this service shows: {formats}", formats=FORMATS)


def link_problem(shown: str, url: str) -> str | None:
    """Why ``[shown](url)`` is not a valid phone link; None when it is one."""
    target = url[len(SCHEME):]
    if not target.isdigit():
        return N_("phone link {url!r}: write only the digits after 'tel:', as in {example}",
                  url=url, example=EXAMPLE)
    link = f"[{shown}]({url})"
    if not SHOWN.match(shown.strip()):
        return N_("phone link {link}: the link text may only be the number (digits, spaces and "
                  "'-'), as in {example}", link=link, example=EXAMPLE)
    digits = re.sub(r"\D", "", shown)
    if digits != target:
        return N_("phone link {link}: the number shown ({shown}) is not the number called "
                  "({called})", link=link, shown=digits, called=target)
    if why := number_problem(target):
        return N_("phone link {link}: {problem}", link=link, problem=why)
    return None


def is_phone_link(url: str) -> bool:
    return url.startswith(SCHEME)


@dataclass(frozen=True)
class Found:
    """A number in a line of text that is not written as a phone link."""

    start: int
    end: int
    shown: str
    problem: str | None  # None: a valid number that only needs the link around it

    @property
    def digits(self) -> str:
        return re.sub(r"\D", "", self.shown)

    @property
    def markup(self) -> str:
        return f"[{self.shown}]({SCHEME}{self.digits})"


def _masked(line: str) -> str:
    """The line with every link (its text and its target) blanked out, same length."""
    return _LINK.sub(lambda m: " " * len(m.group()), line)


def _plausible(shown: str) -> bool:
    """A valid number, written the way people write one (112, 0800-2000, 033-448 11 86)."""
    groups = re.split(r"[ -]", shown)
    digits = "".join(groups)
    return number_problem(digits) is None and (digits in SHORT or bool(_PREFIX.match(groups[0])))


def _split(shown: str) -> list[tuple[int, int]]:
    """Where the numbers are in a run of digit groups, as (start, end) within the run.

    Mostly the run is one number. Two numbers with only a space between them
    (``06-12345678 020-7653801``) are told apart by taking, from each group on, the
    longest valid number that starts with 0; a short number (112) counts only as a whole
    run, so "112 000 people" is no phone number.
    """
    spans = [(m.start(), m.end()) for m in re.finditer(r"\d+", shown)]
    if _plausible(shown) or len(spans) == 1:
        return [(0, len(shown))]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        best = None
        for j in range(len(spans), i, -1):
            digits = "".join(shown[a:b] for a, b in spans[i:j])
            if (_PREFIX.match(shown[spans[i][0]:spans[i][1]]) and len(digits) >= 8
                    and number_problem(digits) is None):
                best = j
                break
        if best is None:
            i += 1
            continue
        out.append((spans[i][0], spans[best - 1][1]))
        i = best
    return out or [(0, len(shown))]  # no number inside: the run is judged as a whole


def bare_numbers(line: str) -> list[Found]:
    """Phone numbers in one line of page text that are not links yet, with typos found too.

    Numbers inside a link are left alone: a phone link is already right, and a number in
    the text of a web link (``[113.nl](https://www.113.nl)``) cannot become a second link.
    """
    found: list[Found] = []
    masked = _masked(line)
    for match in _RUN.finditer(masked):
        if masked[:match.start()].rstrip().endswith("€"):
            continue  # an amount of money
        for start, end in _split(match.group()):
            shown = match.group()[start:end]
            groups = re.split(r"[ -]", shown)
            digits = "".join(groups)
            at = match.start() + start
            if _plausible(shown):
                found.append(Found(at, at + len(shown), shown, None))
            elif 9 <= len(digits) <= 11 and _PREFIX.match(groups[0]):
                found.append(Found(at, at + len(shown), shown, number_problem(digits)))
    return found


def linked(line: str) -> tuple[str, int]:
    """The line with every valid bare number made a phone link, and how many were made."""
    out, last, count = [], 0, 0
    for item in bare_numbers(line):
        if item.problem is None:
            out += [line[last:item.start], item.markup]
            last, count = item.end, count + 1
    out.append(line[last:])
    return "".join(out), count


def _looks_like(item: Found) -> str:
    return N_("{number!r} looks like a phone number, but {problem}", number=item.shown,
              problem=item.problem)


def text_problems(text: str, first_line: int) -> list[tuple[int, str]]:
    """Every bare or mistyped phone number in a page's text, with its line."""
    problems: list[tuple[int, str]] = []
    for offset, line in enumerate(text.splitlines()):
        for item in bare_numbers(line):
            if item.problem is None:
                problems.append((first_line + offset, N_(
                    "phone number {number!r} cannot be tapped: write it as {markup}",
                    number=item.shown, markup=item.markup)))
            else:
                problems.append((first_line + offset, _looks_like(item)))
    return problems


@dataclass(frozen=True)
class Conversion:
    """What :func:`convert_page` did to one page file."""

    text: str  # the file with its numbers made links
    made: list[tuple[int, str]]  # (line, number) of every link made
    invalid: list[tuple[int, str]]  # (line, message) of numbers that are not valid


def convert_page(raw: str) -> Conversion:
    """A page file with the numbers in its text made phone links.

    The header is left alone: search phrases are what people type ("0900 8844"), and
    sources name documents, not numbers to call. Numbers that are not valid are reported,
    not changed: only a person can tell what the right number is.
    """
    lines = raw.split("\n")
    end = None
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        return Conversion(raw, [], [])
    made: list[tuple[int, str]] = []
    invalid: list[tuple[int, str]] = []
    for index in range(end + 1, len(lines)):
        found = bare_numbers(lines[index])
        made += [(index + 1, f.shown) for f in found if f.problem is None]
        invalid += [(index + 1, _looks_like(f)) for f in found if f.problem is not None]
        lines[index], _count = linked(lines[index])
    return Conversion("\n".join(lines), made, invalid)
