"""Alembic migrations of the content store: every schema change is one revision here."""
