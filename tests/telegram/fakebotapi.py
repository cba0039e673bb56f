"""A Bot API server for tests: parses requests like Telegram and refuses what Telegram refuses.

It is a plain ASGI app (run with uvicorn on loopback). It keeps chats and messages, hands
queued updates to getUpdates (long polling included), records every call, and answers
errors with Telegram's own descriptions: HTML it cannot parse, text over 4096 characters,
callback data over 64 bytes, edits of messages that do not exist, unknown or twice-answered
callback queries. Faults (429 with retry_after, 502) can be injected per method.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from tests.telegram.telegram_html import EntityError, parse_html

TEXT_LIMIT = 4096
CALLBACK_LIMIT = 64
BOT_ID = 7000001
COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
UPDATE_TYPES = ("message", "edited_message", "callback_query", "channel_post", "inline_query")


class ApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after


def bad(description: str) -> ApiError:
    return ApiError(400, "Bad Request: " + description)


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    ok: bool
    error: str | None = None
    injected: bool = False


@dataclass
class Fault:
    method: str
    code: int
    retry_after: int | None
    count: int
    description: str


@dataclass
class Chat:
    info: dict[str, Any]
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    raw: dict[int, tuple[str, str | None, str | None]] = field(default_factory=dict)
    next_id: int = 1


def _coerce(value: str) -> Any:
    """Form fields arrive as strings; PTB JSON-encodes everything that is not a string."""
    try:
        return json.loads(value)
    except ValueError:
        return value


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class FakeBotAPI:
    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.chats: dict[int, Chat] = {}
        self.commands: dict[str, list[dict[str, str]]] = {}
        self.webhook: dict[str, Any] | None = None
        self.allowed_updates: list[str] | None = None
        self.open_queries: set[str] = set()
        self.answered: list[str] = []
        self._updates: list[dict[str, Any]] = []
        self._next_update = 1
        self._next_query = 1
        self._faults: list[Fault] = []
        self._arrived: asyncio.Event | None = None
        self._closed = False
        # Telegram's limit; a test lowers it to play a limit that content checks do not know.
        self.text_limit = TEXT_LIMIT

    # ---- what tests use -------------------------------------------------------------
    def inject(self, method: str, code: int = 429, retry_after: int | None = 1, count: int = 1,
               description: str | None = None) -> None:
        """Fail the next ``count`` calls of ``method`` (429 asks the client to wait)."""
        if description is None:
            description = {429: f"Too Many Requests: retry after {retry_after}",
                           502: "Bad Gateway"}.get(code, "Bad Request")
        self._faults.append(Fault(method, code, retry_after if code == 429 else None, count,
                                  description))

    def close(self) -> None:
        """Release a held getUpdates call so the server can shut down at once."""
        self._closed = True
        if self._arrived:
            self._arrived.set()

    def errors(self) -> list[Call]:
        """Calls Telegram would have refused (injected faults excluded)."""
        return [c for c in self.calls if not c.ok and not c.injected]

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def chat(self, chat_id: int, kind: str = "private", **info: Any) -> dict[str, Any]:
        chat = self.chats.get(chat_id)
        if chat is None:
            chat = Chat({"id": chat_id, "type": kind, **info})
            self.chats[chat_id] = chat
        return chat.info

    def bot_messages(self, chat_id: int) -> list[dict[str, Any]]:
        chat = self.chats.get(chat_id)
        if not chat:
            return []
        return [m for m in chat.messages.values() if m["from"]["id"] == BOT_ID]

    def queue(self, update: dict[str, Any]) -> int:
        update_id = self._next_update
        self._next_update += 1
        self._updates.append({"update_id": update_id, **update})
        if self._arrived:
            self._arrived.set()
        return update_id

    def take_update(self) -> dict[str, Any]:
        """Remove the newest queued update, to deliver it to a webhook instead."""
        return self._updates.pop()

    def user_message(self, chat_id: int, user: dict[str, Any], text: str | None = None,
                     **extra: Any) -> tuple[int, dict[str, Any]]:
        """The person sends a message; returns (update id, the message as stored)."""
        chat = self.chats[chat_id]
        message: dict[str, Any] = {
            "message_id": self._new_id(chat), "date": int(time.time()), "chat": chat.info,
            "from": user, **extra,
        }
        if text is not None:
            message["text"] = text
            if text.startswith("/"):
                command = text.split()[0]
                message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        chat.messages[message["message_id"]] = message
        return self.queue({"message": message}), message

    def edited_message(self, chat_id: int, message_id: int, text: str) -> int:
        message = dict(self.chats[chat_id].messages[message_id], text=text,
                       edit_date=int(time.time()))
        return self.queue({"edited_message": message})

    def press(self, chat_id: int, user: dict[str, Any], message_id: int, data: str) -> tuple[int, str]:
        """The person presses a button of a bot message; returns (update id, query id)."""
        message = self.chats[chat_id].messages.get(message_id)
        query_id = f"q{self._next_query}"
        self._next_query += 1
        self.open_queries.add(query_id)
        query = {"id": query_id, "from": user, "chat_instance": f"ci{chat_id}", "data": data}
        if message is not None:
            query["message"] = message
        else:  # a message Telegram no longer has: the client still sends the query
            query["message"] = {"message_id": message_id, "date": 0,
                                "chat": self.chats[chat_id].info}
        return self.queue({"callback_query": query}), query_id

    # ---- ASGI -----------------------------------------------------------------------
    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode().lower(): v.decode() for k, v in scope.get("headers", [])}
        status, payload = await self._handle(scope["path"], headers.get("content-type", ""), body)
        data = json.dumps(payload).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": data})

    async def _handle(self, path: str, content_type: str, body: bytes) -> tuple[int, dict]:
        match = re.fullmatch(r"/bot([^/]+)/(\w+)", path)
        if not match:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        if match[1] != self.token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = match[2]
        try:
            params = self._parse(content_type, body)
        except ValueError:
            return 400, {"ok": False, "error_code": 400, "description": "Bad Request: invalid body"}
        call = Call(method, params, ok=True)
        self.calls.append(call)
        try:
            fault = self._fault(method)
            if fault:
                call.injected = True
                raise ApiError(fault.code, fault.description, fault.retry_after)
            handler = getattr(self, "m_" + method.lower(), None)
            if handler is None:
                raise ApiError(404, "Not Found")
            result = await handler(params)
        except ApiError as exc:
            call.ok, call.error = False, exc.description
            payload: dict[str, Any] = {"ok": False, "error_code": exc.code, "description": exc.description}
            if exc.retry_after is not None:
                payload["parameters"] = {"retry_after": exc.retry_after}
            return exc.code, payload
        return 200, {"ok": True, "result": result}

    @staticmethod
    def _parse(content_type: str, body: bytes) -> dict[str, Any]:
        if not body:
            return {}
        if content_type.startswith("application/json"):
            parsed = json.loads(body)
            if not isinstance(parsed, dict):
                raise ValueError("not an object")
            return parsed
        if content_type.startswith("application/x-www-form-urlencoded"):
            return {k: _coerce(v) for k, v in parse_qsl(body.decode(), keep_blank_values=True)}
        raise ValueError("unsupported content type")

    def _fault(self, method: str) -> Fault | None:
        for fault in self._faults:
            if fault.method == method and fault.count > 0:
                fault.count -= 1
                return fault
        return None

    def _new_id(self, chat: Chat) -> int:
        message_id = chat.next_id
        chat.next_id += 1
        return message_id

    def _chat(self, params: dict[str, Any]) -> Chat:
        try:
            chat = self.chats.get(int(params.get("chat_id")))
        except (TypeError, ValueError):
            chat = None
        if chat is None:
            raise bad("chat not found")
        return chat

    # ---- methods --------------------------------------------------------------------
    async def m_getme(self, params: dict) -> dict:
        return {"id": BOT_ID, "is_bot": True, "first_name": "Rights", "username": "rights_test_bot",
                "can_join_groups": False, "can_read_all_group_messages": False,
                "supports_inline_queries": False}

    async def m_setmycommands(self, params: dict) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or not commands or len(commands) > 100:
            raise bad("commands must be a non-empty list")
        for command in commands:
            if not COMMAND_RE.match(str(command.get("command", ""))):
                raise bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise bad("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[params.get("language_code") or ""] = commands
        return True

    async def m_deletewebhook(self, params: dict) -> bool:
        self.webhook = None
        return True

    async def m_setwebhook(self, params: dict) -> bool:
        url = str(params.get("url", ""))
        if not url.startswith("https://"):
            raise bad("bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise bad("secret token contains unallowed characters")
        self.webhook = params
        self.allowed_updates = params.get("allowed_updates")
        return True

    async def m_getupdates(self, params: dict) -> list:
        if self.webhook:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                "use deleteWebhook to delete the webhook first")
        if "allowed_updates" in params:
            self.allowed_updates = params["allowed_updates"] or None
        offset = int(params.get("offset") or 0)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        timeout = min(float(params.get("timeout") or 0), 5.0)
        if not self._updates and timeout > 0 and not self._closed:
            self._arrived = asyncio.Event()
            try:
                await asyncio.wait_for(self._arrived.wait(), timeout)
            except asyncio.TimeoutError:
                pass
            finally:
                self._arrived = None
        allowed = self.allowed_updates or [t for t in UPDATE_TYPES if t != "chat_member"]
        # Telegram never delivers update types that are not allowed.
        self._updates = [u for u in self._updates if any(t in u for t in allowed)]
        return self._updates[: int(params.get("limit") or 100)]

    def _markup(self, params: dict) -> str | None:
        markup = params.get("reply_markup")
        if markup is None:
            return None
        if isinstance(markup, str):
            markup = _coerce(markup)
        rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
        if not isinstance(rows, list):
            raise bad("can't parse reply keyboard markup JSON object")
        for row in rows:
            for button in row:
                if not str(button.get("text", "")).strip():
                    raise bad("BUTTON_TEXT_INVALID")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode()) <= CALLBACK_LIMIT:
                    raise bad("BUTTON_DATA_INVALID")
                url = button.get("url")
                if url is not None and not re.match(r"^(https?|tg)://", str(url)):
                    raise bad("BUTTON_URL_INVALID")
                if data is None and url is None:
                    raise bad("BUTTON_TYPE_INVALID")
        return json.dumps(markup, sort_keys=True)

    def _text(self, params: dict) -> str:
        raw = params.get("text")
        if not isinstance(raw, str) or not raw.strip():
            raise bad("message text is empty")
        mode = params.get("parse_mode")
        text = raw
        if mode and str(mode).upper() == "HTML":
            try:
                text = parse_html(raw)
            except EntityError as exc:
                raise bad(f"can't parse entities: {exc}") from None
        elif mode:
            raise bad(f"unsupported parse_mode {mode}")
        if not text.strip():
            raise bad("message text is empty")
        if utf16_len(text) > self.text_limit:
            raise bad("message is too long")
        return text

    async def m_sendmessage(self, params: dict) -> dict:
        chat = self._chat(params)
        text = self._text(params)
        markup = self._markup(params)
        message: dict[str, Any] = {
            "message_id": self._new_id(chat), "date": int(time.time()), "chat": chat.info,
            "from": (await self.m_getme({})), "text": text,
        }
        if markup:
            message["reply_markup"] = json.loads(markup)
        chat.messages[message["message_id"]] = message
        chat.raw[message["message_id"]] = (str(params["text"]), params.get("parse_mode"), markup)
        return message

    async def m_editmessagetext(self, params: dict) -> dict:
        chat = self._chat(params)
        message = chat.messages.get(int(params.get("message_id") or 0))
        if message is None:
            raise bad("message to edit not found")
        if message["from"]["id"] != BOT_ID:
            raise bad("message can't be edited")
        text = self._text(params)
        markup = self._markup(params)
        raw = (str(params["text"]), params.get("parse_mode"), markup)
        if chat.raw.get(message["message_id"]) == raw:
            raise bad("message is not modified: specified new message content and reply markup "
                      "are exactly the same as a current content and reply markup of the message")
        message["text"] = text
        message["edit_date"] = int(time.time())
        message.pop("reply_markup", None)
        if markup:
            message["reply_markup"] = json.loads(markup)
        chat.raw[message["message_id"]] = raw
        return message

    async def m_answercallbackquery(self, params: dict) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        if query_id not in self.open_queries:
            raise bad("query is too old and response timeout expired or query ID is invalid")
        if len(str(params.get("text", ""))) > 200:
            raise bad("MESSAGE_TOO_LONG")
        self.open_queries.discard(query_id)
        self.answered.append(query_id)
        return True

    async def m_deletemessage(self, params: dict) -> bool:
        chat = self._chat(params)
        if chat.messages.pop(int(params.get("message_id") or 0), None) is None:
            raise bad("message to delete not found")
        return True

    async def m_deletemessages(self, params: dict) -> bool:
        chat = self._chat(params)
        ids = params.get("message_ids")
        if isinstance(ids, str):
            ids = _coerce(ids)
        if not isinstance(ids, list) or not 1 <= len(ids) <= 100:
            raise bad("message_ids must be a list of 1 to 100 ids")
        for message_id in ids:
            chat.messages.pop(int(message_id), None)
        return True
