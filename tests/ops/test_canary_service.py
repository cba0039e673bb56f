"""The canary audit over the whole service: ``rightsbot serve`` with the bot, the web chat,
the content API, and the CLI, with JSON logs at DEBUG.

Unique values are seeded where people's data enter: Telegram ids, names, a username, a
phone number and question text (in Telegram, in the web chat by GET, POST and JSON, in
``rightsbot ask`` and ``rightsbot chat``, in a refused API body). Page text and
organisation names are seeded through API writes too. Afterwards:

- every log line of the service is one JSON object;
- no personal canary and no page text appears in any log line or CLI diagnostic;
- no personal canary appears in any file the service wrote (data folder, backup); page
  text and organisation names may, and the page text must (so the scan can fail).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import ROOT
from tests.ops.test_start_faults import free_port, service_env
from tests.telegram.conftest import TOKEN, serve_app
from tests.telegram.fakebotapi import FakeBotAPI

USER_ID = 917364528
FIRST_NAME, LAST_NAME, USERNAME = "Xanthippe", "Quorrington", "canary_ops_u9k"
PHONE = "+31687650999"
QUESTION = "kingfisher 6620 I need a doctor"
PAGE_TEXT = "Heron 5512 walk-in hour on Tuesday"
ORG_A, ORG_B = "Canary Org Ibis 3301", "Canary Org Egret 7702"
PERSONAL = [str(USER_ID), FIRST_NAME, LAST_NAME, USERNAME, PHONE, QUESTION, "kingfisher",
            TOKEN, TOKEN.split(":")[1]]
GUARD_SECONDS = 60.0  # a guard against a hung child; nothing here measures time


def cli(env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=GUARD_SECONDS)


async def until(condition: Any, what: str) -> None:
    async def poll() -> None:
        while not await condition():
            await asyncio.sleep(0.1)

    try:
        await asyncio.wait_for(poll(), GUARD_SECONDS)
    except TimeoutError:
        raise AssertionError(f"never happened: {what}") from None


async def telegram_conversation(fake: FakeBotAPI) -> None:
    user = {"id": USER_ID, "is_bot": False, "first_name": FIRST_NAME, "last_name": LAST_NAME,
            "username": USERNAME, "language_code": "en"}
    fake.chat(USER_ID, "private", first_name=FIRST_NAME, last_name=LAST_NAME, username=USERNAME)
    # An update python-telegram-bot cannot parse, carrying the canaries: it used to stop
    # polling and be logged whole at CRITICAL, again and again.
    fake.queue({"message": {"message_id": 900, "date": 1, "from": user, "text": QUESTION,
                            "chat": fake.chats[USER_ID].info, "poll": {"id": PHONE}}})
    for text in ("/start", QUESTION, "/help"):
        fake.user_message(USER_ID, user, text)
    fake.user_message(USER_ID, user, contact={"phone_number": PHONE, "first_name": FIRST_NAME})

    async def answered(count: int) -> bool:
        return len(fake.bot_messages(USER_ID)) >= count

    await until(lambda: answered(5), "the bot answered five messages")
    menu = fake.bot_messages(USER_ID)[1]  # the first answers the unreadable message
    fake.press(USER_ID, user, menu["message_id"], QUESTION[:40])  # forged button data
    fake.inject("sendMessage", 403, description=f"Forbidden: {USERNAME} blocked the bot")
    fake.user_message(USER_ID, user, QUESTION)
    await until(lambda: _answered_query(fake), "the forged button was answered")


async def _answered_query(fake: FakeBotAPI) -> bool:
    return bool(fake.answered) and any(c.injected for c in fake.calls)


async def web_and_api(base: str, tokens: dict[str, str]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        assert (await client.get("/", params={"q": QUESTION})).status_code == 303  # not answered
        form = await client.post("/", content=f"q={QUESTION}",
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert form.status_code == 303  # answered, then shown once at an address without the question
        assert (await client.get(form.headers["location"])).status_code == 200
        chat = await client.post("/chat", json={"lang": "en", "event": {"type": "text", "data": QUESTION}})
        assert chat.status_code == 200
        refused = await client.post("/chat", json={"lang": "en", "event": {"type": QUESTION}})
        assert refused.status_code == 422
        editor = {"Authorization": f"Bearer {tokens['editor']}"}
        reviewer = {"Authorization": f"Bearer {tokens['reviewer']}"}
        page = await client.get("/api/v1/pages/health-gp", params={"lang": "en"})
        body = {"page_id": "health-gp", "lang": "en", "text": f"{PAGE_TEXT}.\n\nAsk for the GP."}
        created = await client.post("/api/v1/changes", json=body,
                                    headers={**editor, "If-Match": page.headers["etag"]})
        assert created.status_code == 201, created.text
        change = created.json()["id"]
        assert (await client.post(f"/api/v1/changes/{change}/submit", headers=editor)).status_code == 200
        approved = await client.post(f"/api/v1/changes/{change}/approve", headers=reviewer)
        assert approved.status_code == 200, approved.text
        bad = await client.post("/api/v1/changes", json={**body, "title": QUESTION, "x": 1},
                                headers=editor)
        assert bad.status_code == 422


async def test_no_personal_canary_in_logs_or_written_files(tmp_path: Path, mini_content: Path) -> None:
    data, backup = tmp_path / "data", tmp_path / "backups" / "store.sqlite3"
    fake = FakeBotAPI(TOKEN)
    async with serve_app(fake) as fake_url:
        port = free_port()
        env = service_env(data, mini_content, port, RIGHTSBOT_LOG_FORMAT="json",
                          RIGHTSBOT_LOG_LEVEL="DEBUG", TELEGRAM_BOT_TOKEN=TOKEN,
                          TELEGRAM_API_BASE_URL=fake_url + "/bot")
        diagnostics: list[str] = []
        tokens = {}
        made = await asyncio.gather(*(
            asyncio.to_thread(cli, env, "token", "create", "--org", org, "--role", role)
            for role, org in (("editor", ORG_A), ("reviewer", ORG_B))))
        for role, done in zip(("editor", "reviewer"), made):
            assert done.returncode == 0, done.stderr
            tokens[role] = done.stdout.strip()
            diagnostics.append(done.stderr)
        log_path = tmp_path / "serve.log"
        with log_path.open("w") as log_file:
            child = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "serve", cwd=ROOT, env=env,
                stdout=log_file, stderr=subprocess.STDOUT)
            try:
                base = f"http://127.0.0.1:{port}"
                await until(lambda: _connected(base), "the service and its bot are up")
                await telegram_conversation(fake)
                await web_and_api(base, tokens)
                runs = await asyncio.gather(*(
                    asyncio.to_thread(cli, env, *args, stdin=stdin) for args, stdin in (
                        (("ask", "--json", QUESTION), None),
                        (("chat", "--lang", "en"), QUESTION + "\n"),
                        (("backup", str(backup)), None))))
                for done in runs:
                    assert done.returncode == 0, done.stderr
                    diagnostics.append(done.stderr)
            finally:
                child.send_signal(signal.SIGTERM)
                await asyncio.wait_for(child.wait(), GUARD_SECONDS)

    lines = [line for line in log_path.read_text().splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # one JSON object per line, or this fails
    assert all({"time", "level", "logger", "message"} <= set(r) for r in records)
    assert any(r["message"].startswith("telegram update failed: Forbidden") for r in records)
    logged = "\n".join(lines + diagnostics)
    assert [c for c in PERSONAL + [PAGE_TEXT] if c in logged] == []

    written = [p for p in data.rglob("*") if p.is_file()] + [backup]
    found_page_text = False
    for path in written:
        raw = path.read_bytes()
        assert [c for c in PERSONAL if c.encode() in raw] == [], path
        found_page_text |= PAGE_TEXT.encode() in raw
    assert found_page_text, "the scan never saw the published page text"
    assert sorted(p.name for p in data.iterdir() if p.is_file()
                  and not p.name.startswith("rightsbot.sqlite3")) == []  # nothing else written
    assert os.path.getsize(backup) > 0


async def _connected(base: str) -> bool:
    try:
        async with httpx.AsyncClient(timeout=2) as client:
            health = await client.get(base + "/api/v1/health")
    except httpx.TransportError:
        return False
    return health.status_code == 200 and health.json()["telegram"] == "connected"
