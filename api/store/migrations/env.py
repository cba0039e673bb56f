"""Alembic's entry point: migrations always run on a connection the store hands over,
inside the store's own lock, never from a URL of their own."""

from __future__ import annotations

from alembic import context

from api.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
