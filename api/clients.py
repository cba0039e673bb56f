"""Who is calling, as a keyed hash that cannot be turned back into an address.

Rate limits and the failed-login throttle need to tell clients apart, and nothing else
about them. Like ``bot.privacy``, the key is random per process, so a hash means nothing
after a restart or outside this process, and it is never stored or logged.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

_KEY = secrets.token_bytes(32)


def client_key(scope: dict[str, Any], header: str | None = None) -> str:
    """The keyed hash of the client's address: the connection's peer, or, behind a
    trusted proxy, the last address the proxy put in ``header`` (e.g. X-Forwarded-For)."""
    address = ""
    if header:
        wanted = header.lower().encode("latin-1")
        for name, value in scope.get("headers") or []:
            if name == wanted:
                address = value.decode("latin-1").split(",")[-1].strip()
    if not address:
        client = scope.get("client")
        address = str(client[0]) if client else ""
    return hmac.new(_KEY, address.encode("utf-8", "replace"), hashlib.sha256).hexdigest()[:32]
