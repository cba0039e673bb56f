"""The last answer: short, built in, with the emergency numbers written out and the 🆘 button.

Sent only when Telegram refused a reply in every form (HTML, smaller pieces, plain text),
so it depends on no page of the content. The numbers are those the bundled emergency page
gives in every language (a test checks each against ``content/*/emergency.md``); they are
filled in here, not in the translations, so no translation can change a digit.
"""

from __future__ import annotations

from bot.channels.telegram.adapter import Outgoing, keyboard
from bot.content.markup import Paragraph, Text
from bot.content.model import Snapshot
from bot.content.render import to_plain
from bot.engine.views import notice_view
from bot.i18n import gettext

NUMBERS = {"emergency": "112", "suicide": "113", "suicide_free": "0800-0113",
           "violence": "0800-2000"}


def fallback_text(lang: str) -> str:
    _ = gettext(lang)
    return _(
        "Sorry, this answer could not be shown here. Are you in danger? Call {emergency} "
        "(free, day and night). Thinking about suicide? Call {suicide} or {suicide_free} "
        "(free and anonymous). Violence at home: Veilig Thuis {violence} (free). "
        "Press 🆘 for all emergency numbers."
    ).format(**NUMBERS)


def fallback(snapshot: Snapshot | None, lang: str) -> Outgoing:
    """The fallback as plain text (no parse mode to refuse), with the menu and 🆘 buttons."""
    text = fallback_text(lang)
    markup = None
    if snapshot is not None:
        try:
            markup = keyboard(notice_view(snapshot, lang, text))
        except Exception:  # the buttons are a help; the numbers are what matters
            markup = None
    return Outgoing(None, text, markup, (Paragraph((Text(text),)),))


def bare(out: Outgoing) -> Outgoing:
    """The same message without buttons, should Telegram refuse even those."""
    return Outgoing(None, out.plain or to_plain(out.document), None, out.document)
