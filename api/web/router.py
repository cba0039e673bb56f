"""Routes of the web pages: the chat (with and without JavaScript), the neutral page, the
editor and their assets. Thin handlers over :mod:`api.web.chat` and :mod:`api.web.pages`.

Nothing here logs a question, an action or a language; replies are never cached. A posted
form is answered with a redirect to a page that shows the answer once
(:mod:`api.web.handoff`), so neither Reload nor Back can post a question again.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import ValidationError

from bot.engine import ButtonPress, ChooseLanguage, Engine, FreeText, Reply, Start
from bot.engine.events import Event
from bot.engine.views import simple_action
from bot.i18n import from_accept_language, negotiate
from bot.settings import get_settings

from api.web.assets import ASSETS, IMMUTABLE
from api.web.chat import ChatRequest, RecordView, answer, reply_json, to_event
from api.web.editor_page import editor_data, editor_page
from api.web.handoff import Handoff
from api.web.headers import problems, secure
from api.web.offload import Busy, EngineRunner
from api.web.pages import DEFAULT_LEAVE_URL, NEUTRAL_PATH, chat_page, neutral_page
from api.web.tools import build_tools_router

MAX_FORM = 4096
MAX_JSON = 4096
# Query parameters a link may carry: a deep link's page, a button, a language, and the
# token of an answer to a posted form. A question (q) in a URL would land in browser
# history and proxy logs, so it is not answered.
URL_FIELDS = {"lang", "start", "a", "r"}
BUSY_SECONDS = "5"


def _browser_lang(request: Request) -> str | None:
    """The first language the browser asks for; read for this answer only, never kept."""
    header = request.headers.get("accept-language", "")
    first = header.split(",")[0].split(";")[0].strip()
    return first[:16] or None


def _form_event(fields: dict[str, str], from_post: bool) -> Event:
    """The event a no-JavaScript request stands for."""
    if fields.get("a"):
        return ButtonPress(fields["a"][:200])
    if fields.get("q", "").strip():
        return FreeText(fields["q"][:500])
    if from_post and fields.get("lang"):
        return ChooseLanguage(fields["lang"][:16])
    return Start(fields.get("start", "")[:64] or None)


def _busy(json: bool) -> Response:
    """Every engine worker is taken: say so at once rather than queue without end."""
    headers = {"Retry-After": BUSY_SECONDS}
    if json:
        return secure(JSONResponse({"detail": "busy; try again in a few seconds"}, 503, headers))
    return secure(HTMLResponse("<!doctype html><p>Busy. Please try again in a few seconds.</p>", 503, headers))


def build_web_router(
    engine: Engine, record_view: RecordView | None, *, bot_username: str | None = None,
    runner: EngineRunner | None = None, leave_url: str = DEFAULT_LEAVE_URL,
    handoff: Handoff | None = None,
) -> APIRouter:
    """The chat at ``/``, the neutral page, the editor at ``/editor`` and their helpers.

    ``record_view(page_id, lang)`` counts a page shown (anonymous counts only);
    ``bot_username`` defaults to the TELEGRAM_BOT_USERNAME setting; ``runner`` runs the
    engine in worker threads; ``leave_url`` is where "Leave quickly" goes; ``handoff``
    keeps the answers to posted forms until the browser fetches them.
    """
    router = APIRouter()
    run = runner or EngineRunner()
    waiting = handoff if handoff is not None else Handoff()
    if bot_username is None:
        bot_username = get_settings().telegram_bot_username

    def show(reply: Reply) -> Response:
        html = chat_page(reply, engine.snapshot.languages, leave_url=leave_url,
                         menu_action=simple_action(engine.snapshot, reply.lang, "L"))
        return secure(HTMLResponse(html))

    @router.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def chat_get(request: Request) -> Response:
        if set(request.query_params) - URL_FIELDS:
            # Not answered: send the browser to the plain page, so the history entry it
            # keeps is "/" and not the question.
            return secure(RedirectResponse("/", status_code=303))
        fields = {k: v for k, v in request.query_params.items() if k in URL_FIELDS}
        if "r" in fields and request.method == "GET":
            # The answer to a form posted just before; shown once, then gone. Later
            # visits (Reload, Back) get the start page instead.
            if (kept := waiting.take(fields["r"])) is not None:
                return show(kept)
        event = _form_event(fields, from_post=False)
        lang = fields.get("lang") or _browser_lang(request)
        try:
            _state, reply = await run(answer, engine, lang, event, record_view)
        except Busy:
            return _busy(json=False)
        return show(reply)

    @router.post("/", include_in_schema=False)
    async def chat_post(request: Request) -> Response:
        body = await request.body()
        if len(body) > MAX_FORM:
            return secure(HTMLResponse("<!doctype html><p>Too long.</p>", status_code=413))
        parsed = parse_qs(body.decode("utf-8", errors="replace"), max_num_fields=10)
        fields = {k: v[0] for k, v in parsed.items() if k in {"a", "q", "lang"}}
        event = _form_event(fields, from_post=True)
        try:
            _state, reply = await run(answer, engine, fields.get("lang") or _browser_lang(request),
                                      event, record_view)
        except Busy:
            return _busy(json=False)
        # Post/Redirect/Get: the address shown next names a language and a token, never
        # the question, and the question itself is not kept for the page that follows.
        target = "/?" + urlencode({"lang": reply.lang, "r": waiting.put(reply)})
        return secure(RedirectResponse(target, status_code=303))

    @router.post("/chat", include_in_schema=False)
    async def chat_json(request: Request) -> Response:
        body = await request.body()
        if len(body) > MAX_JSON:
            return secure(JSONResponse({"detail": "body too large"}, status_code=413))
        try:
            chat = ChatRequest.model_validate_json(body)
        except ValidationError as exc:
            return secure(JSONResponse({"detail": problems(exc)}, status_code=422))
        lang = negotiate(chat.lang, engine.snapshot.languages) if chat.lang else None
        try:
            _state, reply = await run(answer, engine, lang, to_event(chat.event), record_view)
        except Busy:
            return _busy(json=True)
        return secure(JSONResponse(reply_json(engine, reply)))

    @router.api_route(NEUTRAL_PATH, methods=["GET", "POST"], include_in_schema=False)
    async def neutral() -> Response:
        return secure(HTMLResponse(neutral_page()))

    def editor_lang(request: Request) -> str:
        """``?lang=`` when the volunteer chose one, else what the browser asks for."""
        languages = engine.snapshot.languages
        chosen = request.query_params.get("lang", "")[:16]
        if chosen:
            return negotiate(chosen, languages)
        return from_accept_language(request.headers.get("accept-language"), languages)

    @router.api_route("/editor", methods=["GET", "HEAD"], include_in_schema=False)
    async def editor(request: Request) -> Response:
        page = editor_page(editor_lang(request), engine.snapshot.languages)
        return secure(HTMLResponse(page, headers={"Vary": "Accept-Language"}))

    @router.get("/editor/strings", include_in_schema=False)
    async def editor_words(request: Request) -> Response:
        """The editor's words in another language, for switching without losing an edit."""
        data = editor_data(editor_lang(request), engine.snapshot.languages)
        return secure(JSONResponse(data, headers={"Vary": "Accept-Language"}))

    @router.get("/web/static/{name}", include_in_schema=False)
    async def asset(name: str, request: Request) -> Response:
        found = ASSETS.find(name)
        if found is None:
            return secure(JSONResponse({"detail": "not found"}, status_code=404))
        asset, cache = found
        # A hashed name is never asked for again; a plain one is revalidated by its ETag.
        headers = {} if cache == IMMUTABLE else {"ETag": asset.etag}
        if headers and request.headers.get("if-none-match") == asset.etag:
            return secure(Response(status_code=304, headers=headers), cache=cache)
        return secure(Response(asset.body, media_type=asset.media_type, headers=headers), cache=cache)

    router.include_router(build_tools_router(engine, bot_username))
    return router

