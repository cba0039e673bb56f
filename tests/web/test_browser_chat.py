"""The web chat in real headless Chromium: a conversation, the language switch, the quick
exit, and the page without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.conftest import LEAVE_URL, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def bot_items(tab) -> int:
    return tab.locator("#conversation > li.bot").count()


def test_a_conversation_with_buttons_and_free_text(live_web, page, views) -> None:
    page.goto(live_web.url + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert bot_items(page) == 1
    page.get_by_role("button", name="Health", exact=False).first.click()
    expect(page.locator("#conversation > li.bot")).to_have_count(2)
    assert page.url == live_web.url + "/"  # no navigation: the script answered in place
    page.fill("#q", "my tooth hurts so much i need a dentist")
    page.press("#q", "Enter")
    expect(page.locator("#conversation > li.bot")).to_have_count(3)
    mine = page.locator("#conversation > li.you")
    assert mine.locator("p").text_content() == "You: my tooth hurts so much i need a dentist"
    assert mine.locator(".visually-hidden").text_content() == "You: "  # for screen readers
    assert page.input_value("#q") == ""
    assert [lang for _, lang in views] == ["en", "en", "en"]
    assert views[1][0] == "health"
    last = page.locator("#conversation > li.bot").last
    assert last.locator("form.buttons button").count() >= 2
    # The page fits a 320-pixel phone: nothing wider than the screen.
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.locator("#leave").is_visible()
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert page.locator("#leave").is_visible()  # the way out stays on screen
    screenshot(page, "chat-conversation", full_page=False)
    assert not page.context.cookies()
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.errors == []


def test_language_switch_turns_the_page_around(live_web, page) -> None:
    page.goto(live_web.url + "/")
    page.locator("form.langs button[value='fr']").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert page.locator("#leave").inner_text() == "Partir vite"
    assert page.locator("label[for='q']").inner_text() == "Écrivez votre question"
    assert page.title() == "Questions et réponses"
    assert page.locator("form.langs button[value='fr']").get_attribute("aria-current") == "true"
    screenshot(page, "chat-french", full_page=False)
    assert page.errors == []


def test_leave_quickly_replaces_the_page_and_the_history_entry(live_web, page) -> None:
    page.route(LEAVE_URL + "**", lambda route: route.fulfill(
        content_type="text/html", body="<!doctype html><title>Search</title><p>Elsewhere</p>"))
    page.goto("about:blank")
    page.goto(live_web.url + "/")
    page.fill("#q", "pregnant without papers")
    page.press("#q", "Enter")
    page.wait_for_selector("#conversation > li.you")
    page.locator("#leave").click()
    page.wait_for_url(LEAVE_URL)  # another site: the address bar no longer names the service
    assert "pregnant" not in page.content()
    assert page.title() == "Search"
    screenshot(page, "chat-after-leave")
    page.go_back()
    page.wait_for_load_state()
    assert page.url in ("about:blank", LEAVE_URL)  # the chat's entry was replaced
    assert "pregnant" not in page.content()
    assert page.evaluate("history.length") <= 2


def test_the_chat_without_javascript(browser, live_web) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640})
    try:
        tab = context.new_page()
        tab.goto(live_web.url + "/")
        tab.locator("form.buttons button", has_text="Health").first.click()
        tab.wait_for_load_state()
        assert tab.locator("#conversation > li.bot").count() == 1
        assert "Health" in tab.locator("#conversation h2").inner_text()
        tab.fill("#q", "my boss does not pay my wages")
        tab.locator("#ask button").click()
        tab.wait_for_load_state()
        # Posted, then redirected: the address holds a language and a one-time token,
        # and the page does not repeat the question.
        assert tab.url.startswith(live_web.url + "/?lang=en&r=")
        assert "wages" not in tab.url and tab.locator("#conversation > li.you").count() == 0
        assert "wage" in tab.locator("#conversation h2").inner_text().lower()
        screenshot(tab, "chat-no-javascript", full_page=False)
    finally:
        context.close()


def test_on_a_short_screen_the_languages_fold_into_the_globe_button(live_web, browser) -> None:
    # 200% zoom on a 320 x 568 phone: half the CSS pixels each way.
    context = browser.new_context(viewport={"width": 160, "height": 284}, device_scale_factor=4)
    try:
        tab = context.new_page()
        tab.goto(live_web.url + "/?lang=nl")
        assert not tab.locator("form.langs").is_visible()
        globe = tab.locator("form.globe button")
        assert globe.is_visible()
        assert tab.get_by_role("button", name="Taal", exact=True).first.is_visible()  # 🌐 is not read
        globe.click()
        menu = tab.locator("#conversation > li.bot").last
        expect(menu.locator("h2")).to_have_text("Kies je taal.")
        assert tab.evaluate("document.activeElement.textContent") == "Kies je taal."
        names = {b.get_attribute("lang"): b.inner_text() for b in menu.locator("button[lang]").all()}
        assert names == {"nl": "Nederlands", "en": "English", "fr": "Français"}
        menu.locator("button[lang='fr']").click()
        expect(tab.locator("html")).to_have_attribute("lang", "fr")
        assert tab.locator("#leave").inner_text() == "Partir vite"
        assert tab.locator("#conversation > li.bot").last.locator(".visually-hidden").first.text_content() == "rightsbot\u202f: "
    finally:
        context.close()
