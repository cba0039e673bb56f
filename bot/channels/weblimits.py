"""The web chat's limits, measured on exactly what it shows.

The web chat has no transport limit on text, but it shows the same screens as Telegram
(one bubble per part), so a part is held to the same 4096 visible characters: a page
then reads the same in both channels and nobody scrolls through a wall of text. Its
buttons are posted back as a form field that the server reads up to 200 characters.
"""

from __future__ import annotations

from bot.content.render import to_web_html, visible_text
from bot.engine import Reply
from bot.i18n import N_

PART_LIMIT = 4096
ACTION_MAX = 200  # api.web.router reads at most this much of a posted button


def problems(reply: Reply) -> list[str]:
    """What the web chat could not show as it should; each says which part and by how much."""
    found: list[str] = []
    total = len(reply.parts)
    for number, part in enumerate(reply.parts, start=1):
        size = len(visible_text(to_web_html(part)))
        if size > PART_LIMIT:
            which = (N_("the message") if total == 1
                     else N_("message {number} of {total}", number=number, total=total))
            found.append(N_("web chat: {which} is {size} characters, {over} over the limit of "
                            "{limit} (title, sources and 'checked by' included)", which=which,
                            size=size, over=size - PART_LIMIT, limit=PART_LIMIT))
    for row in reply.buttons:
        for button in row:
            if len(button.action) > ACTION_MAX:
                found.append(N_("web chat: the button {label!r} carries more than {limit} "
                                "characters", label=button.label, limit=ACTION_MAX))
    return found
