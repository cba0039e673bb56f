"""Building the screens the engine answers with: pages, menus, notices and buttons."""

from __future__ import annotations

from datetime import date

from bot.content.markup import Block, Document, Emph, Link, Paragraph, Strong, Text
from bot.content.model import EDITORS, EMERGENCY_ID, ROOT_ID, PageText, Snapshot
from bot.content.parts import pack
from bot.engine.actions import Action
from bot.engine.reply import Button, Reply
from bot.i18n import format_date, gettext, language_name

ABOUT_PRIVACY_ID = "about-privacy"


def paragraph(text: str, style: type[Strong] | type[Emph] | None = None) -> Paragraph:
    inline = Text(text)
    return Paragraph((style((inline,)),) if style else (inline,))


def open_action(snapshot: Snapshot, lang: str, page_id: str, part: int = 0) -> str:
    return Action("o", page_id, lang, snapshot.short_version, part).encode()


def simple_action(snapshot: Snapshot, lang: str, op: str, page: str = "") -> str:
    return Action(op, page, lang, snapshot.short_version, 0).encode()


def page_button(snapshot: Snapshot, lang: str, page_id: str, prefix: str = "") -> Button:
    return Button(prefix + snapshot.text(lang, page_id).button_label, open_action(snapshot, lang, page_id))


def emergency_row(snapshot: Snapshot, lang: str, page_id: str | None) -> tuple[Button, ...] | None:
    """The 🆘 button, on every screen but the emergency page itself."""
    if page_id == EMERGENCY_ID or not snapshot.has(EMERGENCY_ID):
        return None
    _ = gettext(lang)
    return (Button("🆘 " + _("Emergency numbers"), open_action(snapshot, lang, EMERGENCY_ID)),)


def emergency_first(snapshot: Snapshot, page_id: str | None) -> bool:
    """Screens where a person may be in danger now: 🆘 is their first button, right under
    the text, not the last of fifteen. These are home, the pages that point to the
    emergency page (``related: [emergency]`` in the tree: urgent care, suicidal thoughts,
    violence at home) and the topic menus that hold such pages (health, violence)."""
    node = snapshot.nodes.get(page_id) if page_id else None
    if node is None:
        return False
    if node.id == ROOT_ID or EMERGENCY_ID in node.related:
        return True
    return node.kind == "topic" and any(
        EMERGENCY_ID in snapshot.nodes[child].related
        for child in node.children if child in snapshot.nodes)


def nav_rows(snapshot: Snapshot, lang: str, page_id: str | None) -> list[tuple[Button, ...]]:
    """Back, menu and emergency: the way out that every screen offers."""
    _ = gettext(lang)
    rows: list[tuple[Button, ...]] = []
    node = snapshot.nodes.get(page_id) if page_id else None
    row: list[Button] = []
    if node and node.parent and node.parent != ROOT_ID:
        row.append(Button("⬅ " + _("Back"), open_action(snapshot, lang, node.parent)))
    if page_id != ROOT_ID:
        row.append(Button("🏠 " + _("Menu"), open_action(snapshot, lang, ROOT_ID)))
    if row:
        rows.append(tuple(row))
    if sos := emergency_row(snapshot, lang, page_id):
        rows.append(sos)
    return rows


def provenance(snapshot: Snapshot, lang: str, page_id: str) -> list[Block]:
    """Where a page's facts come from and who checked them when."""
    _ = gettext(lang)
    page = snapshot.text(lang, page_id)
    blocks: list[Block] = []
    if page.sources:
        inlines: list = [Text(_("Sources:") + " ")]
        for index, source in enumerate(page.sources):
            if index:
                inlines.append(Text("; "))
            inlines.append(Link((Text(source.title),), source.url))
        blocks.append(Paragraph((Emph(tuple(inlines)),)))
    checked = _("Checked by {organisation} on {date}.").format(
        organisation=reviewer_name(page.reviewed_by, lang), date=format_date(page.reviewed_on, lang)
    )
    blocks.append(paragraph(checked, Emph))
    return blocks


def reviewer_name(reviewed_by: str, lang: str) -> str:
    """The reviewer as the reader's language says it: the house editors are translated, an
    organisation that reviewed the page through the API keeps its own name."""
    _ = gettext(lang)
    return _("the rightsbot editors") if reviewed_by == EDITORS else reviewed_by


def overdue_notice(page: PageText, lang: str, today: date | None) -> Paragraph | None:
    """A warning for a page whose time-sensitive facts were due to be checked again."""
    if today is None or page.recheck_by is None or not page.overdue(today):
        return None
    _ = gettext(lang)
    return paragraph("⚠ " + _(
        "This information may be out of date: it should have been checked again by {date}. "
        "Before you act on it, ask one of the organisations named on this page."
    ).format(date=format_date(page.recheck_by, lang)), Emph)


def page_parts(snapshot: Snapshot, lang: str, page_id: str, today: date | None = None) -> list[Document]:
    """A page split into screens; the provenance closes the last one. With ``today``, a page
    past its recheck date opens with a warning (``date.max`` shows it for every page that
    has a recheck date, as the size checks need)."""
    _ = gettext(lang)
    page = snapshot.text(lang, page_id)
    warning = overdue_notice(page, lang, today)
    body: list[Block] = ([warning] if warning else []) + list(page.document)
    node = snapshot.nodes[page_id]
    if node.kind == "card" and lang != "nl" and ("nl", page_id) in snapshot.texts:
        body.append(paragraph(_("In Dutch, to show:"), Strong))
        body.extend(snapshot.text("nl", page_id).document)
    parts = [list(p) for p in pack(tuple(body))]
    parts[-1].extend(provenance(snapshot, lang, page_id))
    total = len(parts)
    for number, part in enumerate(parts, start=1):
        title = page.title if total == 1 else f"{page.title} ({number}/{total})"
        part.insert(0, paragraph(title, Strong))
    return [tuple(p) for p in parts]


def page_view(
    snapshot: Snapshot, lang: str, page_id: str, part: int = 0, notice: str | None = None,
    today: date | None = None,
) -> Reply:
    _ = gettext(lang)
    parts = page_parts(snapshot, lang, page_id, today)
    part = min(max(part, 0), len(parts) - 1)
    node = snapshot.nodes[page_id]
    rows: list[tuple[Button, ...]] = []
    if len(parts) > 1:
        paging: list[Button] = []
        if part > 0:
            paging.append(Button("‹ " + _("Previous"), open_action(snapshot, lang, page_id, part - 1)))
        if part < len(parts) - 1:
            paging.append(Button(_("Next") + " ›", open_action(snapshot, lang, page_id, part + 1)))
        rows.append(tuple(paging))
    for child in node.children:
        if (lang, child) in snapshot.texts and child != EMERGENCY_ID:
            rows.append((page_button(snapshot, lang, child),))
    for other in node.related:
        # The emergency page is always reached through 🆘; a second button to it would
        # only make the list longer.
        if (lang, other) in snapshot.texts and other != EMERGENCY_ID:
            rows.append((page_button(snapshot, lang, other, "→ "),))
    if page_id == ROOT_ID:
        rows.append((
            Button("🌐 " + _("Language"), simple_action(snapshot, lang, "L")),
            Button("❓ " + _("Help"), simple_action(snapshot, lang, "h")),
            Button("🔒 " + _("Privacy"), simple_action(snapshot, lang, "p")),
        ))
    nav = nav_rows(snapshot, lang, page_id)
    sos = emergency_row(snapshot, lang, page_id)
    if sos and emergency_first(snapshot, page_id):
        nav.remove(sos)
        rows.insert(0, sos)
    rows.extend(nav)
    document = parts[part]
    if notice:
        document = (paragraph(notice, Emph),) + document
    return Reply((document,), tuple(rows), lang, page_id, notice)


def notice_view(
    snapshot: Snapshot, lang: str, text: str, extra: list[tuple[Button, ...]] | None = None
) -> Reply:
    """A short message with a way back to the menu and to the emergency numbers."""
    rows = list(extra or [])
    rows.extend(nav_rows(snapshot, lang, None))
    return Reply(((paragraph(text),),), tuple(rows), lang)


def language_menu(snapshot: Snapshot, lang: str) -> Reply:
    _ = gettext(lang)
    rows = [
        (Button(language_name(code), simple_action(snapshot, code, "l")),)
        for code in snapshot.languages
    ]
    return notice_view(snapshot, lang, _("Choose your language."), rows)
