"""Security headers on every response, including those no route wrote (404, 405, 413, 429).

The web pages set their own (:mod:`api.web.headers`); this adds whatever is missing, so
API answers with drafts are never cached and browsers keep to https (HSTS).
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable

from api.web.headers import BASE, NO_STORE

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

HSTS = "max-age=31536000; includeSubDomains"


class SecurityHeaders:
    def __init__(self, app: ASGIApp, *, hsts: bool = True) -> None:
        self.app = app
        extra = {**BASE, "Cache-Control": NO_STORE}
        if hsts:
            extra["Strict-Transport-Security"] = HSTS
        self.extra = [(k.lower().encode(), v.encode()) for k, v in extra.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                present = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in self.extra if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
