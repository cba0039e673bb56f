"""Security headers for every web response: same-origin only, no referrer, no caching.

The Content-Security-Policy allows nothing from other hosts and no inline script or style,
so even a content page with a hostile link cannot run code or call out.
"""

from __future__ import annotations

from pydantic import ValidationError
from starlette.responses import Response

CSP = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
))

BASE = {
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
NO_STORE = "no-store, max-age=0"
ASSET_CACHE = "public, max-age=3600"


def secure(response: Response, *, cache: str = NO_STORE) -> Response:
    """Add the security headers; chat pages and answers are never cached."""
    for name, value in BASE.items():
        response.headers[name] = value
    response.headers["Cache-Control"] = cache
    if cache == NO_STORE:
        response.headers["Pragma"] = "no-cache"
    return response


def problems(exc: ValidationError) -> list[dict[str, object]]:
    """FastAPI's 422 shape (``loc``, ``msg``, ``type``) without echoing what was sent."""
    return [{"loc": ["body", *e["loc"]], "msg": e["msg"], "type": e["type"]} for e in exc.errors()]
