"""The tables of the content store.

Revisions are only ever inserted: the published text of a page in a language is its
revision with the highest number, so publishing and rolling back both add one row, and the
unique (page_id, lang, number) key makes two publishes from the same base collide instead
of overwriting each other.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Store-wide facts: the content languages, when the first import happened."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PageRow(Base):
    """A page's language-neutral place in the tree."""

    __tablename__ = "pages"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    parent_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    position: Mapped[int] = mapped_column(Integer)
    related: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of ids


class RevisionRow(Base):
    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("page_id", "lang", "number", name="uq_revision"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    page_id: Mapped[str] = mapped_column(String(32), ForeignKey("pages.id"))
    lang: Mapped[str] = mapped_column(String(8))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    label: Mapped[str | None] = mapped_column(Text, nullable=True)
    text: Mapped[str] = mapped_column(Text)
    search: Mapped[str] = mapped_column(Text)  # JSON list of phrases
    sources: Mapped[str] = mapped_column(Text)  # JSON list of {title, url}
    reviewed_on: Mapped[str] = mapped_column(String(10))
    reviewed_by: Mapped[str] = mapped_column(Text)
    recheck_by: Mapped[str | None] = mapped_column(String(10), nullable=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    change_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rolled_back_from: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column()


class ChangeRow(Base):
    """A proposed edit of one page in one language, and where it is in review."""

    __tablename__ = "changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    page_id: Mapped[str] = mapped_column(String(32))
    lang: Mapped[str] = mapped_column(String(8))
    base_revision: Mapped[int] = mapped_column(Integer)  # 0: the page has no text in lang yet
    fields: Mapped[str] = mapped_column(Text)  # JSON of the proposed fields
    content_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), index=True)
    author_token: Mapped[int] = mapped_column(Integer)
    author_org: Mapped[str] = mapped_column(String(100))
    reviewer_token: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reviewer_org: Mapped[str | None] = mapped_column(String(100), nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    revision: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column()


class TokenRow(Base):
    __tablename__ = "tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    org: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column(nullable=True)


class AuditRow(Base):
    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    action: Mapped[str] = mapped_column(String(32))
    org: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    change_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    page_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    lang: Mapped[str | None] = mapped_column(String(8), nullable=True)
    revision: Mapped[int | None] = mapped_column(Integer, nullable=True)
    content_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    detail: Mapped[str | None] = mapped_column(Text, nullable=True)


class ViewCountRow(Base):
    """Anonymous counts: which page, in which language, on which day. Nothing else."""

    __tablename__ = "view_counts"
    page_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    lang: Mapped[str] = mapped_column(String(8), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


Index("ix_revisions_page_lang", RevisionRow.page_id, RevisionRow.lang, RevisionRow.number)
