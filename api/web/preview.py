"""The editor's live preview: a draft checked by the same rules as publishing and rendered
exactly as the bot would send it, inside the page tree it would live in. Nothing is saved."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from bot.channels.fit import page_problems
from bot.channels.telegram.limits import html_length
from bot.content.markup import Document
from bot.content.model import Node, PageText, Snapshot
from bot.content.render import to_telegram_html, to_web_html
from bot.content.validate import id_problem
from bot.engine.views import page_parts
from bot.i18n import N_, say

from api.store.pagedata import validate_fields
from api.web.sanitize import link_hosts, safe_links


class SourceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(max_length=300)
    url: str = Field(max_length=2000)


class PreviewIn(BaseModel):
    """A page as the editor has it now; nothing is saved."""

    model_config = ConfigDict(extra="forbid")
    page_id: str = Field(max_length=64)
    lang: str = Field(max_length=16)
    title: str = Field(default="", max_length=1000)
    label: str | None = Field(default=None, max_length=200)
    text: str = Field(default="", max_length=20_000)
    search_phrases: list[str] = Field(default_factory=list, max_length=200)
    sources: list[SourceIn] = Field(default_factory=list, max_length=50)
    recheck_by: date | None = None
    parent_id: str | None = Field(default=None, max_length=64)


def preview(snapshot: Snapshot, body: PreviewIn, today: date,
            reader: str = "en") -> tuple[int, dict[str, object]]:
    """Validate a page and render it the way the bot would send it; problems are said in
    the ``reader``'s language."""

    def _problem(field: str, message: str, line: int | None = None) -> dict[str, object]:
        return {"field": field, "line": line, "message": say(message, reader)}

    if why := id_problem(body.page_id):
        return 422, {"detail": [{"loc": ["body", "page_id"], "msg": say(why, reader),
                                 "type": "content"}]}
    if body.lang not in snapshot.languages:
        why = N_("unknown language {lang!r}", lang=body.lang)
        return 422, {"detail": [{"loc": ["body", "lang"], "msg": say(why, reader),
                                 "type": "content"}]}
    node = snapshot.nodes.get(body.page_id)
    if node is None:
        parent = body.parent_id if body.parent_id in snapshot.nodes else "home"
        node = Node(body.page_id, "page", parent, len(snapshot.nodes))
    current = snapshot.texts.get((body.lang, body.page_id))
    fields = {
        "title": body.title, "label": body.label, "text": body.text,
        "search": body.search_phrases, "sources": [s.model_dump() for s in body.sources],
        "reviewed_on": today, "reviewed_by": current.reviewed_by if current else "your organisation",
        "recheck_by": body.recheck_by.isoformat() if body.recheck_by else None,
    }
    problems, clean, document = validate_fields(fields, node.kind, today)
    found = [_problem(field, message, line) for field, line, message in problems]
    links = link_hosts(document, fields["sources"])
    document = safe_links(document)
    page = PageText(
        id=body.page_id, lang=body.lang, title=clean["title"] or body.page_id, text=body.text,
        document=document, search=clean["search"], sources=clean["sources"],
        reviewed_on=today, reviewed_by=clean["reviewed_by"], label=clean["label"],
        recheck_by=clean["recheck_by"],
    )
    nodes = dict(snapshot.nodes)
    nodes[node.id] = node
    texts = dict(snapshot.texts)
    texts[(body.lang, body.page_id)] = page
    draft = Snapshot(snapshot.languages, nodes, texts, snapshot.version)
    parts: list[Document] = page_parts(draft, body.lang, body.page_id, today)
    found += [_problem("text", p.message) for p in page_problems(draft, body.lang, body.page_id)]
    return 200, {
        "ok": not found,
        "problems": found,
        "telegram_html": [to_telegram_html(p) for p in parts],
        "web_html": "".join(to_web_html(p) for p in parts),
        "characters": sum(len(to_telegram_html(p)) for p in parts),
        "links": links,
        "telegram_characters": [html_length(to_telegram_html(p)) for p in parts],
    }
