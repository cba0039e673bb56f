"""One exception for every refusal, so routes stay thin and every answer names its cause.

The handler turns it into FastAPI's usual error shape (``detail`` with ``loc`` and ``msg``)
so a client reads a 422 from our content rules the same way as one from the schema.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from fastapi.responses import JSONResponse


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


def not_found(what: str) -> ApiError:
    return ApiError(404, f"{what} not found")


def unprocessable(problems: list[FieldProblem]) -> ApiError:
    return ApiError(422, "; ".join(f"{p.field}: {p.message}" for p in problems), problems)


async def api_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    if exc.problems:
        detail: object = [
            {"loc": ["body", p.field], "msg": p.message, "type": "content"} for p in exc.problems
        ]
    else:
        detail = exc.message
    return JSONResponse({"detail": detail}, status_code=exc.status, headers=exc.headers)
