"""The editor's helpers on the public API: a live preview with the real validator and
renderer, and the t.me deep link and QR code of any page.

A deep link names only a language and a page (``?start=<lang>_<page>``), so a printed
poster says nothing about who scanned it.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Annotated

import segno
from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.content.markup import Document
from bot.content.model import Node, PageText, Snapshot
from bot.content.render import to_telegram_html, to_web_html
from bot.content.validate import check_header, check_text, id_problem
from bot.engine.views import page_parts

from api.web.headers import ASSET_CACHE, problems, secure
from api.web.sanitize import safe_links

MAX_PREVIEW = 64 * 1024
HEADER_FIELDS = ("title", "label", "search", "sources", "reviewed_on", "reviewed_by")
API_NAMES = {"search": "search_phrases"}
PageId = Annotated[str, Query(min_length=1, max_length=32)]
Lang = Annotated[str, Query(min_length=2, max_length=3)]


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
    parent_id: str | None = Field(default=None, max_length=64)


def _problem(field: str, message: str, line: int | None = None) -> dict[str, object]:
    return {"field": field, "line": line, "message": message}


def preview(snapshot: Snapshot, body: PreviewIn, today: date) -> tuple[int, dict[str, object]]:
    """Validate a page and render it the way the bot would send it."""
    if why := id_problem(body.page_id):
        return 422, {"detail": [{"loc": ["body", "page_id"], "msg": why, "type": "content"}]}
    if body.lang not in snapshot.languages:
        return 422, {"detail": [{"loc": ["body", "lang"], "msg": f"unknown language {body.lang!r}",
                                 "type": "content"}]}
    node = snapshot.nodes.get(body.page_id)
    if node is None:
        parent = body.parent_id if body.parent_id in snapshot.nodes else "home"
        node = Node(body.page_id, "page", parent, len(snapshot.nodes))
    current = snapshot.texts.get((body.lang, body.page_id))
    header = {
        "title": body.title, "search": body.search_phrases,
        "sources": [s.model_dump() for s in body.sources],
        "reviewed_on": today, "reviewed_by": current.reviewed_by if current else "your organisation",
    }
    if body.label is not None:
        header["label"] = body.label
    header_problems, clean = check_header(header, node.kind, HEADER_FIELDS.index, today)
    text_problems, document = check_text(body.text, 1)
    found = [_problem(API_NAMES.get(HEADER_FIELDS[i], HEADER_FIELDS[i]), m)
                for i, m in header_problems]
    found += [_problem("text", m, line) for line, m in text_problems]
    document = safe_links(document)
    page = PageText(
        id=body.page_id, lang=body.lang, title=clean["title"] or body.page_id, text=body.text,
        document=document, search=clean["search"], sources=clean["sources"],
        reviewed_on=today, reviewed_by=clean["reviewed_by"], label=clean["label"],
    )
    nodes = dict(snapshot.nodes)
    nodes[node.id] = node
    texts = dict(snapshot.texts)
    texts[(body.lang, body.page_id)] = page
    draft = Snapshot(snapshot.languages, nodes, texts, snapshot.version)
    parts: list[Document] = page_parts(draft, body.lang, body.page_id)
    return 200, {
        "ok": not found,
        "problems": found,
        "telegram_html": [to_telegram_html(p) for p in parts],
        "web_html": "".join(to_web_html(p) for p in parts),
        "characters": sum(len(to_telegram_html(p)) for p in parts),
    }


def deep_link(bot_username: str, lang: str, page_id: str) -> str:
    return f"https://t.me/{bot_username}?start={lang}_{page_id}"


def build_tools_router(engine, bot_username: str | None) -> APIRouter:  # noqa: ANN001
    router = APIRouter(prefix="/api/v1", tags=["editor tools"])

    def check_page(page_id: str, lang: str) -> JSONResponse | None:
        snapshot = engine.snapshot
        if lang not in snapshot.languages:
            return JSONResponse({"detail": f"unknown language {lang!r}"}, 404)
        if page_id not in snapshot.nodes:
            return JSONResponse({"detail": f"unknown page {page_id!r}"}, 404)
        if not bot_username:
            return JSONResponse({"detail": "deep links need TELEGRAM_BOT_USERNAME to be set"}, 404)
        return None

    @router.post("/preview", include_in_schema=True)
    async def preview_page(request: Request) -> Response:
        """Check a page with the same rules as publishing and show it as Telegram would."""
        body = await request.body()
        if len(body) > MAX_PREVIEW:
            return secure(JSONResponse({"detail": "body too large"}, status_code=413))
        try:
            data = PreviewIn.model_validate_json(body)
        except ValidationError as exc:
            return secure(JSONResponse({"detail": problems(exc)}, status_code=422))
        status, payload = preview(engine.snapshot, data, date.today())
        return secure(JSONResponse(payload, status_code=status))

    @router.get("/links/{page_id}")
    async def links(page_id: str, lang: Lang) -> Response:
        """The t.me deep link of a page in one language, and where its QR code is."""
        if problem := check_page(page_id, lang):
            return secure(problem)
        return secure(JSONResponse({
            "deep_link": deep_link(bot_username or "", lang, page_id),
            "qr_svg": f"/api/v1/links/{page_id}/qr.svg?lang={lang}",
        }))

    @router.get("/links/{page_id}/qr.svg")
    async def qr(page_id: str, lang: Lang) -> Response:
        """The deep link as a QR code (SVG) to print on a poster."""
        if problem := check_page(page_id, lang):
            return secure(problem)
        buffer = io.BytesIO()
        code = segno.make(deep_link(bot_username or "", lang, page_id), error="m")
        code.save(buffer, kind="svg", scale=6, border=4, xmldecl=False,
                  title=f"{lang}_{page_id}")
        return secure(Response(buffer.getvalue(), media_type="image/svg+xml"), cache=ASSET_CACHE)

    return router
