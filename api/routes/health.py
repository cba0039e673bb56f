"""GET /health: is the service up, which content version it serves, is Telegram connected."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.schemas import HealthOut

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthOut)
async def health(request: Request) -> HealthOut:
    """Answered on the event loop itself (no worker thread hop): it reads two attributes."""
    snapshot = request.app.state.holder.snapshot
    telegram = request.app.state.telegram
    state = "off" if telegram is None else ("connected" if telegram.connected else "disconnected")
    same_org = request.app.state.api_settings.review_same_org
    stats = getattr(telegram, "stats", None)
    delivery = stats.as_dict() if stats is not None else None
    return HealthOut(status="ok", content_version=snapshot.version, pages=len(snapshot.nodes),
                     languages=list(snapshot.languages), telegram=state,
                     review="same organisation allowed" if same_org else "another organisation",
                     telegram_delivery=delivery)
