"""One exception for every refusal, so routes stay thin and every answer names its cause.

The handler turns it into FastAPI's usual error shape (``detail`` with ``loc`` and ``msg``)
so a client reads a 422 from our content rules the same way as one from the schema.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from fastapi.responses import JSONResponse

from bot.i18n import N_, from_accept_language, say


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str


class ApiError(Exception):
    def __init__(
        self, status: int, message: str, problems: list[FieldProblem] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.problems = problems or []
        self.headers = headers


_NOT_FOUND = {"change": N_("change not found"), "revision": N_("revision not found"),
              "page": N_("page not found")}


def not_found(what: str) -> ApiError:
    return ApiError(404, _NOT_FOUND.get(what) or f"{what} not found")


def unprocessable(problems: list[FieldProblem]) -> ApiError:
    return ApiError(422, "; ".join(f"{p.field}: {p.message}" for p in problems), problems)


def reader_language(request: Request) -> str:
    """The language to explain a refusal in: what the client asks for (the editor sends its
    own), English when it asks for nothing we have."""
    return from_accept_language(request.headers.get("accept-language"))


async def api_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    lang = reader_language(request)
    if exc.problems:
        detail: object = [
            {"loc": ["body", p.field], "msg": say(p.message, lang), "type": "content"}
            for p in exc.problems
        ]
    else:
        detail = say(exc.message, lang)
    return JSONResponse({"detail": detail}, status_code=exc.status, headers=exc.headers)


# SQLite's messages, and PostgreSQL's SQLSTATE codes, for the two store faults an operator
# can fix without a code change: a full disk, and a lock held longer than writes wait.
_FULL = ("database or disk is full",)
_BUSY = ("database is locked", "database is busy")
_PG_FULL = {"53100"}  # disk_full
_PG_BUSY = {"55P03", "40P01", "57014"}  # lock_not_available, deadlock, statement timeout


def store_fault(exc: Exception) -> ApiError | None:
    """A clear refusal for a store that cannot write now; None for any other error."""
    orig = getattr(exc, "orig", None) or exc
    text, code = str(orig).lower(), getattr(orig, "sqlstate", None)
    if code in _PG_FULL or any(m in text for m in _FULL):
        return ApiError(507, N_("the server's disk is full, so nothing was saved and the "
                                "published content is unchanged; ask the operator to free space, "
                                "then try again"))
    if code in _PG_BUSY or any(m in text for m in _BUSY):
        return ApiError(503, N_("the store is busy (a backup or another write holds it), so "
                                "nothing was saved; try again in a minute"),
                        headers={"Retry-After": "30"})
    return None


async def store_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """507 for a full disk, 503 for a busy store; anything else stays a server error."""
    refusal = store_fault(exc)
    if refusal is None:
        raise exc
    return await api_error_handler(request, refusal)
