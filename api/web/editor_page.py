"""The editor in the volunteer's language: its labels, messages and help from the Babel catalogs.

The page is rendered in the language the browser asks for (or ``?lang=``); the script gets
the same words as JSON and can switch language in place, so text being edited is never
lost. The choice is kept in the browser (a language code in localStorage), not in a cookie.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

from bot.i18n import gettext, language_name

TEMPLATE = Path(__file__).resolve().parent / "static" / "editor.html"
_SLOT = re.compile(r"\{\{([a-z0-9_.]+)\}\}")


def editor_strings(lang: str) -> dict[str, str]:
    """Every word the editor shows, by key; ``{name}`` marks a value the script fills in."""
    _ = gettext(lang)
    return {
        "title": _("rightsbot editor"),
        "ui_language": _("Language of the editor"),
        "tab.pages": _("Pages"),
        "tab.review": _("Changes to review"),
        "signout": _("Sign out"),
        "noscript": _("The editor needs JavaScript. The chat works without it."),
        "signin.title": _("Sign in"),
        "signin.token": _("API token of your organisation"),
        "signin.button": _("Sign in"),
        "signin.note": _("The token stays in this browser tab only and is forgotten when you "
                         "close it."),
        "signin.invalid": _("This token is not valid."),
        "pages.language": _("Language of the pages"),
        "pages.page": _("Page"),
        "pages.title": _("Title"),
        "pages.status": _("Status"),
        "pages.missing": _("missing"),
        "pages.stale": _("stale: checked {date}"),
        "pages.checked": _("checked {date}"),
        "pages.overdue": _("overdue: check again by {date}"),
        "pages.summary": _("{count} pages: {overdue} overdue, {missing} missing, {stale} stale in "
                           "{language}"),
        "edit.back": _("← All pages"),
        "edit.heading": _("{page} ({language})"),
        "edit.base": _("Editing revision {revision}, checked by {organisation} on {date}."),
        "edit.new": _("This page has no text in this language yet: write the translation."),
        "field.title": _("Title"),
        "field.label": _("Short button text (optional)"),
        "field.text": _("Text"),
        "field.hint": _("Paragraphs separated by an empty line; **bold**, *italic*, "
                        "[link text](https://...), phone numbers as [0800-2000](tel:08002000) "
                        "and lines starting with \"- \" for lists."),
        "field.search": _("Search phrases (one per line: what people would type)"),
        "field.sources": _("Sources (one per line: title | https://...)"),
        "field.recheck": _("Check again by (optional; for facts that change, such as shelter, "
                           "hours, fees, new laws)"),
        "field.recheck_by": _("Check again by"),
        "field.search_phrases": _("Search phrases"),
        "field.sources_short": _("Sources"),
        "field.line": _("{field}, line {line}: {message}"),
        "field.problem": _("{field}: {message}"),
        "save": _("Save as draft"),
        "submit": _("Submit for review"),
        "saved": _("Saved as draft (change {id}). Submit it when it is ready for review."),
        "stale_edit": _("Someone published a newer version since you opened this page. Open it "
                        "again and redo your edit."),
        "submitted.person": _("Change {id} is submitted: another person will check it."),
        "submitted.org": _("Change {id} is submitted: a reviewer of another organisation will "
                           "check it."),
        "preview.title": _("Preview in Telegram"),
        "preview.links": _("Where the links go"),
        "preview.poster": _("Link and QR code for a poster"),
        "preview.qr": _("QR code of the link above"),
        "preview.private": _("The link and the code name only the page and the language, "
                             "nobody who uses them."),
        "history.title": _("History"),
        "history.revision": _("Revision"),
        "history.checked_by": _("Checked by"),
        "history.date": _("Date"),
        "history.actions": _("Actions"),
        "history.back_to": _("{number} (back to {revision})"),
        "history.rollback": _("Roll back to {number}"),
        "history.done": _("Published revision {revision} with the text of revision {number}."),
        "review.show": _("Show"),
        "status.submitted": _("Waiting for review"),
        "status.draft": _("Drafts"),
        "status.approved": _("Approved"),
        "status.rejected": _("Rejected"),
        "review.note": _("You cannot approve a change your own organisation wrote: a second "
                         "organisation checks it. You can undo only the latest publish; older "
                         "text goes through review again."),
        "review.note_same_org": _("You cannot approve a change you wrote: another person checks "
                                  "it."),
        "review.change": _("Change {id}: {page} ({language})"),
        "review.by": _("By {organisation}, {status}, from revision {revision}"),
        "review.reason": _("{text}. Reason: {reason}"),
        "state.draft": _("draft"),
        "state.submitted": _("submitted"),
        "state.approved": _("approved"),
        "state.rejected": _("rejected"),
        "review.hosts": _("Links go to these hosts:"),
        "review.why": _("Why reject? (needed to reject)"),
        "review.reason_label": _("Reason"),
        "review.approve": _("Approve and publish"),
        "review.reject": _("Reject"),
        "review.empty": _("Nothing here."),
        "review.approved": _("Approved: revision {revision} is published and served now."),
        "review.write_reason": _("Write a reason first."),
        "review.rejected": _("Rejected."),
        "review.submitted": _("Submitted for review."),
        "diff.title": _("Title:"),
        "diff.label": _("Button:"),
        "diff.search": _("Search phrases:"),
        "diff.sources": _("Sources:"),
        "server": _("The server answered {status}."),
    }


def editor_data(lang: str, languages: tuple[str, ...]) -> dict[str, object]:
    """What the script needs to speak ``lang``: the words, and every language's own name."""
    return {
        "lang": lang,
        "strings": editor_strings(lang),
        "languages": [{"code": code, "name": language_name(code)} for code in languages],
    }


def editor_page(lang: str, languages: tuple[str, ...]) -> str:
    """The editor's HTML with every ``{{key}}`` replaced by its words in ``lang``."""
    strings = editor_strings(lang)
    page = _SLOT.sub(lambda m: escape(strings[m.group(1)]), TEMPLATE.read_text(encoding="utf-8"))
    options = "".join(
        f'<option value="{escape(code)}" lang="{escape(code)}"'
        f'{" selected" if code == lang else ""}>{escape(language_name(code))}</option>'
        for code in languages
    )
    # A data block, never run: the strict Content-Security-Policy allows it.
    data = json.dumps(editor_data(lang, languages), ensure_ascii=False).replace("<", "\\u003c")
    return (page.replace('lang="en"', f'lang="{escape(lang)}"', 1)
            .replace("<!--ui-languages-->", options)
            .replace("<!--editor-data-->",
                     f'<script type="application/json" id="editor-data">{data}</script>'))
