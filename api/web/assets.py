"""The web pages' static files, served under names that carry a hash of their content.

A hashed name (``chat.3f9a0c12be.css``) never changes meaning, so browsers keep it for a
year without asking again: a returning reader on prepaid data downloads only the page.
A new release has new names, so nobody is served an old script with a new page. The
plain names (``chat.css``) still answer, for pages written by hand such as the editor's,
with an ETag so a browser revalidates them for the cost of a ``304``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
STATIC_URL = "/web/static"
MEDIA_TYPES = {".css": "text/css", ".js": "text/javascript", ".html": "text/html",
               ".svg": "image/svg+xml", ".woff2": "font/woff2"}
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
HASH_LENGTH = 10


@dataclass(frozen=True)
class Asset:
    body: bytes
    media_type: str
    etag: str
    hashed_name: str


def _hashed_name(path: Path, digest: str) -> str:
    return f"{path.stem}.{digest[:HASH_LENGTH]}{path.suffix}"


class Assets:
    """Every servable file of one folder, read once: by plain name and by hashed name."""

    def __init__(self, folder: Path = STATIC_DIR) -> None:
        self._plain: dict[str, Asset] = {}
        self._hashed: dict[str, Asset] = {}
        for path in sorted(folder.iterdir()):
            if not path.is_file() or path.suffix not in MEDIA_TYPES:
                continue
            body = path.read_bytes()
            digest = hashlib.sha256(body).hexdigest()
            asset = Asset(body, MEDIA_TYPES[path.suffix], f'"{digest[:32]}"',
                          _hashed_name(path, digest))
            self._plain[path.name] = asset
            self._hashed[asset.hashed_name] = asset

    def url(self, name: str) -> str:
        """The address a page refers to: the hashed name, cacheable for a year."""
        return f"{STATIC_URL}/{self._plain[name].hashed_name}"

    def find(self, requested: str) -> tuple[Asset, str] | None:
        """The file a request names and the Cache-Control it is served with."""
        if asset := self._hashed.get(requested):
            return asset, IMMUTABLE
        if asset := self._plain.get(requested):
            return asset, REVALIDATE
        return None


ASSETS = Assets()
