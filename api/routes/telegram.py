"""POST /telegram/webhook: updates from Telegram when the bot runs with a webhook."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Request, Response

router = APIRouter(tags=["telegram"], include_in_schema=False)


@router.post("/telegram/webhook")
async def webhook(
    request: Request,
    secret: Annotated[str | None, Header(alias="X-Telegram-Bot-Api-Secret-Token")] = None,
) -> Response:
    service = request.app.state.telegram
    if service is None:
        return Response(status_code=404)
    body = await request.body()
    status = await service.process_webhook(body, secret)
    return Response(status_code=int(status))
