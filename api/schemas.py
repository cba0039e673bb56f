"""The shapes of requests and answers. Request bodies refuse unknown fields, so nobody
can set a status, an author or a revision through them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

PageId = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=32)]
Lang = Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceIn(Strict):
    title: str = Field(min_length=1, max_length=300)
    url: str = Field(min_length=1, max_length=2000)


class ChangeIn(Strict):
    page_id: PageId
    lang: Lang
    title: str | None = Field(None, max_length=1000)
    label: str | None = Field(None, max_length=1000)
    text: str | None = Field(None, max_length=50_000)
    search_phrases: list[Annotated[str, Field(max_length=1000)]] | None = Field(None, max_length=200)
    sources: list[SourceIn] | None = Field(None, max_length=100)
    recheck_by: date | None = Field(None, description="when time-sensitive facts must be checked "
                                    "again; null removes the date")
    parent_id: PageId | None = None


class RejectIn(Strict):
    reason: str = Field(min_length=1, max_length=2000)


class RollbackIn(Strict):
    lang: Lang
    revision: int = Field(ge=1, le=2**31 - 1)


class SourceOut(BaseModel):
    title: str
    url: str


class PageSummary(BaseModel):
    id: str
    kind: str
    parent_id: str | None
    lang: str
    title: str
    revision: int
    etag: str
    served: bool


class PageOut(PageSummary):
    label: str | None
    text: str
    search_phrases: list[str]
    sources: list[SourceOut]
    reviewed_on: str
    reviewed_by: str
    recheck_by: str | None
    content_hash: str


class RevisionOut(BaseModel):
    number: int
    title: str
    content_hash: str
    created_at: datetime
    change_id: int | None
    rolled_back_from: int | None
    reviewed_by: str


class LinkOut(BaseModel):
    text: str
    url: str
    host: str = Field(description="the host a browser would contact, in ASCII (punycode)")


class ChangeOut(BaseModel):
    id: int
    page_id: str
    lang: str
    status: str
    base_revision: int
    author_org: str
    reviewer_org: str | None
    reason: str | None
    revision: int | None
    content_hash: str
    created_at: datetime
    updated_at: datetime
    title: str
    label: str | None
    text: str
    search_phrases: list[str]
    sources: list[SourceOut]
    parent_id: str | None
    links: list[LinkOut] = Field(default_factory=list, description="every link with its real host")


class AuditOut(BaseModel):
    id: int
    at: datetime
    action: str
    org: str
    role: str
    change_id: int | None
    page_id: str | None
    lang: str | None
    revision: int | None
    content_hash: str | None
    detail: str | None


class CountOut(BaseModel):
    page_id: str
    lang: str
    day: str
    count: int


class StatsOut(BaseModel):
    minimum: int = Field(description="counts under this are left out")
    granularity: int = Field(description="every count is a multiple of this, after a secret offset")
    through: str = Field(description="the last (closed) day released; today is never shown")
    counts: list[CountOut]


class HealthOut(BaseModel):
    status: str
    content_version: str
    pages: int
    languages: list[str]
    telegram: str
    review: str = Field(description="who may approve: 'another organisation' (the default) or "
                                    "'same organisation allowed' (RIGHTSBOT_REVIEW_SAME_ORG)")
    # Counts only: replies Telegram refused, and how they were still delivered.
    telegram_delivery: dict[str, int] | None = None
