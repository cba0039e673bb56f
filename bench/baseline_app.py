"""The baseline service: a bare FastAPI app on uvicorn with routes shaped like the API's.

``python -m bench.baseline_app PORT``. It answers health, a page read (a dict in memory)
and a change write (a validated JSON body kept in a list), with no store, no auth and no
content, so measuring it shows what the framework alone costs on this machine.
"""

from __future__ import annotations

import sys

import uvicorn
from fastapi import FastAPI, Header
from pydantic import BaseModel, ConfigDict, Field

app = FastAPI()
PAGES = {f"page-{n}": {"id": f"page-{n}", "title": f"Page {n}", "text": "Some text. " * 40}
         for n in range(100)}
CHANGES: list[dict[str, object]] = []


class ChangeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    page_id: str = Field(max_length=32)
    lang: str = Field(pattern=r"^[a-z]{2,3}$")
    text: str | None = Field(None, max_length=50_000)


@app.get("/api/v1/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/api/v1/pages/{page_id}")
def page(page_id: str, lang: str) -> dict[str, object]:
    return {**PAGES.get(page_id, PAGES["page-0"]), "lang": lang}


@app.post("/api/v1/changes", status_code=201)
def change(body: ChangeIn, if_match: str | None = Header(None)) -> dict[str, object]:
    CHANGES.append(body.model_dump())
    return {"id": len(CHANGES), **body.model_dump()}


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
