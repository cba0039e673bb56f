"""``/docs``: the API's reference as one plain page, built from the OpenAPI schema.

The interactive Swagger UI and ReDoc pages load their scripts from a CDN onto this
origin, where a compromised script could read a token typed into them; this page runs no
script, loads nothing from other hosts, and carries the same security headers as the other
pages. The machine-readable schema stays at ``/openapi.json``.
"""

from __future__ import annotations

from html import escape
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse, Response

from api.web.headers import secure

METHODS = ("get", "post", "put", "patch", "delete")


def _operation(path: str, method: str, op: dict[str, Any]) -> str:
    params = [f"<code>{escape(p['name'])}</code> ({escape(p.get('in', ''))})" for p in op.get("parameters", [])]
    body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
    body_name = body.get("$ref", "").rsplit("/", 1)[-1]
    codes = ", ".join(escape(str(c)) for c in op.get("responses", {}))
    lines = [f"<h3><code>{method.upper()} {escape(path)}</code></h3>"]
    if op.get("summary"):
        lines.append(f"<p>{escape(op['summary'])}</p>")
    if op.get("description"):
        lines.append(f"<p>{escape(op['description'])}</p>")
    if params:
        lines.append(f"<p>Parameters: {', '.join(params)}</p>")
    if body_name:
        lines.append(f"<p>Body: <code>{escape(body_name)}</code></p>")
    lines.append(f"<p>Answers: {codes}</p>")
    return "".join(lines)


def docs_page(schema: dict[str, Any]) -> str:
    info = schema.get("info", {})
    sections = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                sections.append(_operation(path, method, item[method]))
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex">'
        f"<title>{escape(info.get('title', 'API'))}</title></head><body>"
        f"<h1>{escape(info.get('title', 'API'))}</h1><p>{escape(info.get('description', ''))}</p>"
        '<p>The OpenAPI schema: <a href="/openapi.json">/openapi.json</a>. Writes need '
        "<code>Authorization: Bearer &lt;token&gt;</code>; the README describes every endpoint.</p>"
        + "".join(sections) + "</body></html>"
    )


def build_docs_router(app: FastAPI) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/docs")
    async def docs() -> Response:
        return secure(HTMLResponse(docs_page(app.openapi())))

    return router
