"""Static files under content-hashed names, cached for a year; text answers compressed."""

from __future__ import annotations

import hashlib
import re

import httpx
from fastapi import FastAPI

from api.web.assets import ASSETS, IMMUTABLE, STATIC_DIR, Assets


async def test_pages_refer_to_hashed_names_served_for_a_year(client: httpx.AsyncClient) -> None:
    html = (await client.get("/")).text
    refs = re.findall(r'(?:href|src)="(/web/static/[^"]+)"', html)
    assert {ref.rsplit("/", 1)[1].split(".")[0] for ref in refs} == {"icon", "chat"}
    for ref in refs:
        name = ref.rsplit("/", 1)[1]
        stem, digest, suffix = name.split(".")
        body = (STATIC_DIR / f"{stem}.{suffix}").read_bytes()
        assert digest == hashlib.sha256(body).hexdigest()[:10]  # the name changes with the file
        response = await client.get(ref)
        assert response.status_code == 200 and response.content == body
        assert response.headers["cache-control"] == IMMUTABLE
        assert "nosniff" in response.headers["x-content-type-options"]


async def test_plain_names_still_answer_and_revalidate_cheaply(client: httpx.AsyncClient) -> None:
    response = await client.get("/web/static/editor.js")  # the editor's page names its files plainly
    assert response.status_code == 200 and response.headers["cache-control"] == "no-cache"
    etag = response.headers["etag"]
    again = await client.get("/web/static/editor.js", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    changed = await client.get("/web/static/editor.js", headers={"If-None-Match": '"old"'})
    assert changed.status_code == 200
    for bad in ("chat.0000000000.css", "chat", "../router.py", "%2e%2e%2frouter.py"):
        assert (await client.get(f"/web/static/{bad}")).status_code == 404, bad


def test_a_new_file_gets_a_new_name(tmp_path) -> None:
    (tmp_path / "a.css").write_text("p{color:red}")
    first = Assets(tmp_path).url("a.css")
    (tmp_path / "a.css").write_text("p{color:blue}")
    second = Assets(tmp_path).url("a.css")
    assert first != second and first.startswith("/web/static/a.") and first.endswith(".css")
    assert ASSETS.url("chat.js").endswith(".js")


async def test_text_answers_are_compressed_when_the_browser_accepts_it(full_app: FastAPI) -> None:
    transport = httpx.ASGITransport(app=full_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://rightsbot.test") as client:
        home = await client.get("/", headers={"Accept-Encoding": "gzip"})
        css = await client.get(ASSETS.url("chat.css"), headers={"Accept-Encoding": "gzip"})
        answer = await client.post("/chat", json={"lang": "en", "event": {"type": "emergency"}},
                                   headers={"Accept-Encoding": "gzip"})
        plain = await client.get("/", headers={"Accept-Encoding": "identity"})
    for response in (home, css, answer):
        assert response.headers["content-encoding"] == "gzip"
        assert "accept-encoding" in response.headers["vary"].lower()
        # Compressed on the wire to well under half; the security headers stay.
        assert response.num_bytes_downloaded < len(response.content) / 2
        assert "default-src 'self'" in response.headers["content-security-policy"]
    assert "no-store" in answer.headers["cache-control"] and "no-store" in home.headers["cache-control"]
    assert css.headers["cache-control"] == IMMUTABLE
    assert "content-encoding" not in plain.headers
    assert plain.num_bytes_downloaded == len(plain.content) and home.text == plain.text
