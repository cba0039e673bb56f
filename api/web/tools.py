"""The editor's helpers on the public API: the live preview, the translation status, and
the t.me deep link and QR code of any page.

A deep link names only a language and a page (``?start=<lang>_<page>``), so a printed
poster says nothing about who scanned it.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Annotated, Any

import segno
from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from bot.content.status import STALE_AFTER
from bot.engine import Engine
from bot.i18n import N_, say

from api.errors import reader_language

from api.web.headers import ASSET_CACHE, secure
from api.web.preview import PreviewIn, preview

PageId = Annotated[str, Path(min_length=1, max_length=32, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
Lang = Annotated[str, Query(pattern=r"^[a-z]{2,3}$", description="language code, e.g. nl")]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "no such page or language"}}


def deep_link(bot_username: str, lang: str, page_id: str) -> str:
    return f"https://t.me/{bot_username}?start={lang}_{page_id}"


def translation_status(engine: Engine, today: date) -> dict[str, Any]:
    """Every page in tree order with, per language, its title and review dates, or nothing
    when the translation is missing; ``stale`` means not checked for over a year,
    ``overdue`` past the date its time-sensitive facts were to be checked again."""
    snapshot = engine.snapshot
    pages = []
    for node in snapshot.nodes.values():
        texts: dict[str, Any] = {}
        for lang in snapshot.languages:
            text = snapshot.texts.get((lang, node.id))
            if text is not None:
                texts[lang] = {"title": text.title, "reviewed_on": text.reviewed_on.isoformat(),
                               "stale": today - text.reviewed_on > STALE_AFTER,
                               "recheck_by": text.recheck_by.isoformat() if text.recheck_by else None,
                               "overdue": text.overdue(today)}
        pages.append({"id": node.id, "kind": node.kind, "parent_id": node.parent, "texts": texts})
    return {"version": snapshot.short_version, "languages": list(snapshot.languages),
            "stale_after_days": STALE_AFTER.days, "pages": pages}


def build_tools_router(engine: Engine, bot_username: str | None) -> APIRouter:
    router = APIRouter(prefix="/api/v1", tags=["editor tools"])

    def missing(page_id: str, lang: str, reader: str) -> JSONResponse | None:
        snapshot = engine.snapshot
        why = None
        if lang not in snapshot.languages:
            why = N_("unknown language {lang!r}", lang=lang)
        elif page_id not in snapshot.nodes:
            why = N_("unknown page {page_id!r}", page_id=page_id)
        elif not bot_username:
            why = N_("deep links need TELEGRAM_BOT_USERNAME to be set")
        return JSONResponse({"detail": say(why, reader)}, 404) if why else None

    @router.post("/preview", responses={422: {"description": "a field is malformed"}})
    def preview_page(body: PreviewIn, request: Request) -> Response:
        """Check a draft with the same rules as publishing and show it as Telegram would;
        problems are explained in the language the client asks for (Accept-Language)."""
        status, payload = preview(engine.snapshot, body, date.today(), reader_language(request))
        return secure(JSONResponse(payload, status_code=status))

    @router.get("/translations")
    def translations() -> Response:
        """Which pages each language has, which are missing, which are stale."""
        return secure(JSONResponse(translation_status(engine, date.today())))

    @router.get("/links/{page_id}", responses=NOT_FOUND)
    def links(page_id: PageId, lang: Lang, request: Request) -> Response:
        """The t.me deep link of a page in one language, and where its QR code is."""
        if problem := missing(page_id, lang, reader_language(request)):
            return secure(problem)
        return secure(JSONResponse({
            "deep_link": deep_link(bot_username or "", lang, page_id),
            "qr_svg": f"/api/v1/links/{page_id}/qr.svg?lang={lang}",
        }))

    @router.get("/links/{page_id}/qr.svg", responses=NOT_FOUND)
    def qr(page_id: PageId, lang: Lang, request: Request) -> Response:
        """The deep link as a QR code (SVG) to print on a poster."""
        if problem := missing(page_id, lang, reader_language(request)):
            return secure(problem)
        buffer = io.BytesIO()
        code = segno.make(deep_link(bot_username or "", lang, page_id), error="m")
        code.save(buffer, kind="svg", scale=6, border=4, xmldecl=False)
        return secure(Response(buffer.getvalue(), media_type="image/svg+xml"), cache=ASSET_CACHE)

    return router
