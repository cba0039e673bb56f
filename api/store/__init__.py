"""The content store: pages, immutable revisions, changes, tokens, audit events and counts."""

from api.store.db import open_database
from api.store.repository import Repository

__all__ = ["open_database", "Repository"]
