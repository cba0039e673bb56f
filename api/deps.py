"""FastAPI dependencies as ``Annotated`` aliases: the store, the publisher, who is calling."""

from __future__ import annotations

from typing import Annotated, Awaitable, Callable

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from bot.i18n import N_

from api.auth import Principal, Throttle, lookup
from api.clients import client_key
from api.errors import ApiError
from api.publish import Publisher
from api.store.repository import Repository

_bearer = HTTPBearer(auto_error=False, description="An API token from `rightsbot token create`.")


def get_repo(request: Request) -> Repository:
    return request.app.state.repo


def get_publisher(request: Request) -> Publisher:
    return request.app.state.publisher


RepoDep = Annotated[Repository, Depends(get_repo)]
PublisherDep = Annotated[Publisher, Depends(get_publisher)]


def _find(repo: Repository, token: str) -> Principal | None:
    with repo.read() as s:
        return lookup(s, token)


async def current_principal(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> Principal:
    """The caller's token, or 401; failed attempts are slowed down, then refused (429)."""
    if credentials is None or not credentials.credentials:
        raise ApiError(401, N_("a bearer token is required"), headers={"WWW-Authenticate": "Bearer"})
    principal = await run_in_threadpool(_find, request.app.state.repo, credentials.credentials)
    if principal is not None:
        return principal
    throttle: Throttle = request.app.state.throttle
    client = client_key(request.scope, request.app.state.api_settings.client_header)
    if throttle.blocked(client):
        raise ApiError(429, N_("too many failed logins; try again later"),
                       headers={"Retry-After": "60"})
    await throttle.failed(client)
    raise ApiError(401, N_("a valid bearer token is required"),
                   headers={"WWW-Authenticate": "Bearer"})


def require(*roles: str) -> Callable[..., Awaitable[Principal]]:
    async def check(principal: Annotated[Principal, Depends(current_principal)]) -> Principal:
        if principal.role not in roles:
            needed = roles[0] if len(roles) == 1 else N_("{first} or {second}", first=roles[0],
                                                         second=roles[1])
            raise ApiError(403, N_("this needs the role {roles}", roles=needed))
        return principal
    return check


CurrentUser = Annotated[Principal, Depends(current_principal)]
Reviewer = Annotated[Principal, Depends(require("reviewer", "admin"))]
Admin = Annotated[Principal, Depends(require("admin"))]
