"""The editor in real headless Chromium against the real app served by uvicorn: an editor
of one organisation edits, previews and submits; a reviewer of another approves; the bot
serves the change at once; then the page's history and a rollback. The editor speaks the
volunteer's language (Dutch, English, French) and works on a 390-pixel phone; axe-core
checks every state."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from api.app import create_app
from api.auth import create_token
from api.stats import ViewCounter
from bot.settings import Settings
from tests.conftest import CONTENT
from tests.web.axe import counts, grave, run_axe, summary
from tests.web.conftest import ARTIFACTS, BOT_USERNAME, LiveServer, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]
NEW_LINE = "**Walk-in:** the GP desk of the test centre is open on Fridays."
PHONE = {"viewport": {"width": 390, "height": 844}}
AXE_REPORT = ARTIFACTS / "axe-editor.json"
PUBLISH_WAIT = 60_000  # ms
AXE_RESULTS: dict[str, dict[str, object]] = {}
# Nothing may stick out of a 390-pixel screen: not the page, not the table, not a cell.
OVERFLOW = """table => ({
  page: document.documentElement.scrollWidth,
  right: document.getElementById(table).getBoundingClientRect().right,
  cells: [...document.querySelectorAll(`#${table} th, #${table} td`)]
    .filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent),
})"""


def check_axe(tab, state: str) -> None:
    """axe-core finds nothing serious or critical; every state's counts go to the artifacts."""
    results = run_axe(tab)
    AXE_RESULTS[state] = {"counts": counts(results), "violations": summary(results)}
    ARTIFACTS.mkdir(exist_ok=True)
    AXE_REPORT.write_text(json.dumps(AXE_RESULTS, indent=2, ensure_ascii=False) + "\n")
    assert grave(results) == [], state


def fits(tab, table: str, width: int = 390) -> None:
    found = tab.evaluate(OVERFLOW, table)
    assert found["page"] <= width and found["right"] <= width and found["cells"] == [], found


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
        check_axe(tab, "en signed out, 1280 px")
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
        check_axe(tab, "en pages, 1280 px")

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
        check_axe(tab, "en edit with preview, 1280 px")
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
        check_axe(rtab, "en review with a submitted change, 1280 px")
        card.locator("button[data-approve]").click()
        # Publishing renders every affected page for every channel and builds the new search
        # index: seconds on a busy machine, so the wait is generous (no timing is asserted).
        expect(card.locator(".message")).to_contain_text("is published", timeout=PUBLISH_WAIT)
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
        expect(rtab.locator("#history-message")).to_contain_text("with the text of revision 1",
                                                                 timeout=PUBLISH_WAIT)
        expect(rtab.locator("#history tbody tr")).to_have_count(3)
        screenshot(rtab, "editor-history")
        check_axe(rtab, "en history after a rollback, 1280 px")
        assert "open on Fridays" not in holder.snapshot.text("en", "health-gp").text
        assert errors == []
    finally:
        editor.close()
        reviewer.close()


def test_the_editor_in_dutch_and_french_on_a_phone(browser, served) -> None:
    """A Dutch volunteer on a 390-pixel phone: the editor comes in Dutch, the pages table
    keeps to the screen, switching to French keeps what was typed and explains problems in
    French, and the choice is remembered without a cookie."""
    server, app, tokens = served
    context = browser.new_context(locale="nl-NL", **PHONE)
    try:
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.goto(server.url + "/editor")
        expect(tab.locator("html")).to_have_attribute("lang", "nl")
        expect(tab.locator("label[for=token]")).to_have_text("API-token van je organisatie")
        assert tab.title() == "rightsbot-editor"
        check_axe(tab, "nl signed out, 390 px")
        tab.fill("#token", "rbt_not-a-token")
        tab.locator("#signin-form button").click()
        expect(tab.locator("#signin-error")).to_have_text("Dit token is niet geldig.")

        sign_in(tab, server.url, tokens["editor"])
        pages = len(app.state.holder.snapshot.nodes)
        expect(tab.locator("#status-summary")).to_have_text(
            f"{pages} pagina's: 0 te laat, 0 ontbreken, 0 verouderd in het Nederlands")
        assert tab.locator("#lang option").all_inner_texts() == ["Nederlands", "English", "Français"]
        assert tab.locator("#lang option[lang=fr]").count() == 1
        expect(tab.locator('#pages tr[data-page="violence-trafficking"] .badge')).to_be_visible()
        fits(tab, "pages")
        screenshot(tab, "editor-pages-390-nl", full_page=False)
        check_axe(tab, "nl pages, 390 px")

        # Editing in Dutch: a phone link that calls another number than it shows.
        tab.locator('button[data-open="health-gp"]').click()
        expect(tab.locator("#edit-heading")).to_have_text("health-gp (Nederlands)")
        expect(tab.locator("#edit-base")).to_contain_text("Je bewerkt versie 1")
        original = tab.input_value("#f-text")
        typed = original + "\n\nBel de balie: [020-7653801](tel:0207653800)."
        tab.fill("#f-text", typed)
        problem = tab.locator("#problems li")
        expect(problem).to_contain_text("het getoonde nummer (0207653801) is niet het nummer dat "
                                        "gebeld wordt (0207653800)")
        expect(problem).to_contain_text("Tekst, regel ")
        expect(tab.locator("#save")).to_be_disabled()

        # Switching to French while editing: the typed text stays, everything else is French.
        tab.select_option("#ui-lang", "fr")
        expect(tab.locator("html")).to_have_attribute("lang", "fr")
        expect(tab.locator("label[for=f-text]")).to_have_text("Texte")
        expect(problem).to_contain_text("le numéro affiché (0207653801) n'est pas le numéro "
                                        "appelé (0207653800)")
        expect(tab.locator("#edit-heading")).to_have_text("health-gp (Nederlands)")
        assert tab.input_value("#f-text") == typed
        assert tab.url.endswith("/editor?lang=fr")
        assert tab.evaluate("JSON.stringify(Object.entries(localStorage))") == \
            '[["rightsbot-editor-language","fr"]]'
        assert not context.cookies()
        fits(tab, "history")
        screenshot(tab, "editor-edit-390-fr", full_page=False)
        check_axe(tab, "fr edit with a problem, 390 px")

        tab.fill("#f-text", original + "\n\nBel de balie: [020-7653801](tel:0207653801).")
        expect(tab.locator("#problems li")).to_have_count(0)
        tab.locator("#save").click()
        expect(tab.locator("#edit-message")).to_contain_text("Enregistré comme brouillon")
        tab.locator("#submit-change").click()
        expect(tab.locator("#edit-message")).to_contain_text(
            "est envoyée : une personne d'une autre organisation va la vérifier.")

        # The choice is remembered on the next visit, without ?lang= in the address.
        tab.goto(server.url + "/editor")
        expect(tab.locator("html")).to_have_attribute("lang", "fr")
        expect(tab.locator("#status-summary")).to_have_text(
            f"{pages} pages : 0 en retard, 0 manquantes, 0 anciennes en Nederlands")
        tab.locator('#tabs button[data-view="review"]').click()
        card = tab.locator("article.change").first
        expect(card).to_contain_text("Par Walk-in centre A, envoyée, à partir de la version 1")
        card.locator("input").fill("Le numéro doit être vérifié")
        card.locator("button[data-approve]").click()
        expect(card.locator(".message")).to_have_text("il faut le rôle reviewer ou admin")
        fits(tab, "changes")
        screenshot(tab, "editor-review-390-fr", full_page=False)
        check_axe(tab, "fr review, 390 px")

        # Back to English in place: the typed reason is kept.
        tab.select_option("#ui-lang", "en")
        expect(tab.locator("article.change").first.locator("button[data-approve]")).to_have_text(
            "Approve and publish")
        assert tab.locator("article.change").first.locator("input").input_value() == \
            "Le numéro doit être vérifié"
        assert errors == []
    finally:
        context.close()
