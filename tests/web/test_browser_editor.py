"""The editor in real headless Chromium against the real app served by uvicorn: an editor
of one organisation edits, previews and submits; a reviewer of another approves; the bot
serves the change at once; then the page's history and a rollback."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from api.app import create_app
from api.auth import create_token
from api.stats import ViewCounter
from bot.settings import Settings
from tests.conftest import CONTENT
from tests.web.conftest import BOT_USERNAME, LiveServer, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]
NEW_LINE = "**Walk-in:** the GP desk of the test centre is open on Fridays."


@pytest.fixture
def served(tmp_path: Path):
    settings = Settings(rightsbot_data_dir=tmp_path / "data", rightsbot_content_dir=CONTENT,
                        rightsbot_database_url=None, telegram_bot_token=None,
                        telegram_bot_username=BOT_USERNAME)
    app = create_app(settings, counter=ViewCounter())
    with app.state.repo.write() as s:
        editor, _ = create_token(s, "Walk-in centre A", "editor")
        reviewer, _ = create_token(s, "Legal desk B", "reviewer")
    with LiveServer(app) as server:
        yield server, app, {"editor": editor, "reviewer": reviewer}
    app.state.repo.close()


def sign_in(tab, url: str, token: str) -> None:
    tab.goto(url + "/editor")
    tab.fill("#token", token)
    tab.locator("#signin-form button").click()
    expect(tab.locator("#pages tbody tr").first).to_be_visible()


def test_edit_submit_approve_and_roll_back(browser, served) -> None:
    server, app, tokens = served
    holder = app.state.holder
    wide = {"viewport": {"width": 1280, "height": 900}}
    editor = browser.new_context(**wide)
    reviewer = browser.new_context(**wide)
    try:
        tab = editor.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))

        # A wrong token is refused and not kept.
        tab.goto(server.url + "/editor")
        tab.fill("#token", "rbt_not-a-token")
        tab.locator("#signin-form button").click()
        expect(tab.locator("#signin-error")).to_have_text("This token is not valid.")
        assert tab.evaluate("sessionStorage.length") == 0

        # The editor of organisation A: pages per language with their status.
        sign_in(tab, server.url, tokens["editor"])
        assert tab.evaluate("sessionStorage.length") == 1 and tab.evaluate("localStorage.length") == 0
        assert not editor.cookies()
        tab.select_option("#lang", "en")
        expect(tab.locator("#status-summary")).to_contain_text("in English")
        expect(tab.locator('#pages tr[data-page="health-gp"] .badge')).to_be_visible()
        screenshot(tab, "editor-pages")

        # Edit with a live preview; a rule broken shows at once and blocks saving.
        tab.locator('button[data-open="health-gp"]').click()
        expect(tab.locator("#f-text")).not_to_have_value("")
        expect(tab.locator("#deep-link")).to_have_text(f"https://t.me/{BOT_USERNAME}?start=en_health-gp")
        expect(tab.locator("#qr")).to_be_visible()
        # decode() waits until the SVG has loaded, then the code's real size is known.
        assert tab.locator("#qr").evaluate("img => img.decode().then(() => img.naturalWidth)") > 100
        original = tab.input_value("#f-text")
        tab.fill("#f-text", "# A heading\n\n" + original)
        expect(tab.locator("#problems")).to_contain_text("headings are not allowed")
        expect(tab.locator("#save")).to_be_disabled()
        tab.fill("#f-text", original + "\n\n" + NEW_LINE)
        expect(tab.locator("#preview .bubble").last).to_contain_text("open on Fridays")
        expect(tab.locator("#preview b", has_text="Walk-in:")).to_be_visible()
        expect(tab.locator("#problems li")).to_have_count(0)
        screenshot(tab, "editor-edit")
        tab.locator("#save").click()
        expect(tab.locator("#edit-message")).to_contain_text("Saved as draft")
        tab.locator("#submit-change").click()
        expect(tab.locator("#edit-message")).to_contain_text("is submitted")
        assert "open on Fridays" not in holder.snapshot.text("en", "health-gp").text

        # An editor cannot approve, not even their own change.
        tab.locator('#tabs button[data-view="review"]').click()
        card = tab.locator("article.change").first
        card.locator("button[data-approve]").click()
        expect(card.locator(".message")).to_contain_text("reviewer or admin")

        # The reviewer of organisation B sees the diff and approves.
        rtab = reviewer.new_page()
        sign_in(rtab, server.url, tokens["reviewer"])
        rtab.locator('#tabs button[data-view="review"]').click()
        card = rtab.locator("article.change").first
        expect(card.locator(".diff ins", has_text="open on Fridays")).to_be_visible()
        expect(card).to_contain_text("By Walk-in centre A, submitted")
        expect(card.locator("ul.links .host").first).to_be_visible()  # every link's real host
        screenshot(rtab, "editor-review")
        card.locator("button[data-approve]").click()
        expect(card.locator(".message")).to_contain_text("is published")
        served_text = holder.snapshot.text("en", "health-gp").text
        assert NEW_LINE in served_text
        chat = httpx.get(server.url + "/", params={"start": "en_health-gp"})
        assert "open on Fridays" in chat.text  # the web chat serves it at once

        # History and rollback.
        rtab.locator('#tabs button[data-view="pages"]').click()
        rtab.select_option("#lang", "en")
        rtab.locator('button[data-open="health-gp"]').click()
        expect(rtab.locator("#history tbody tr")).to_have_count(2)
        rtab.locator('button[data-rollback="1"]').click()
        expect(rtab.locator("#history-message")).to_contain_text("with the text of revision 1")
        expect(rtab.locator("#history tbody tr")).to_have_count(3)
        screenshot(rtab, "editor-history")
        assert "open on Fridays" not in holder.snapshot.text("en", "health-gp").text
        assert errors == []
    finally:
        editor.close()
        reviewer.close()
