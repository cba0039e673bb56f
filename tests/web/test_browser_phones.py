"""Phone numbers and the emergency button in real Chromium on a 320-pixel phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PHONE = {"viewport": {"width": 320, "height": 568}, "service_workers": "block"}
NUMBERS = ("112", "113", "0800-0113", "0900-8844", "0800-2000")


def check_numbers(tab) -> set[str]:
    """Each number on the newest screen is a link that calls, on one line, with the number
    as its text; returns the numbers shown."""
    links = tab.locator("#conversation li.bot").last.locator("a.tel")
    for i in range(links.count()):
        link = links.nth(i)
        digits = "".join(c for c in link.inner_text() if c.isdigit())
        assert link.get_attribute("href") == f"tel:{digits}"
        assert link.get_attribute("target") is None
        assert link.evaluate("a => getComputedStyle(a).whiteSpace") == "nowrap"
        assert link.evaluate("a => a.getClientRects().length") == 1, link.inner_text()
    return {links.nth(i).inner_text() for i in range(links.count())}


@pytest.mark.parametrize("javascript, lang", [(True, "fr"), (False, "nl"), (True, "en")])
def test_sos_is_within_a_screen_and_numbers_can_be_tapped(
        browser, live_web, javascript: bool, lang: str) -> None:
    context = browser.new_context(java_script_enabled=javascript, **PHONE)
    try:
        tab = context.new_page()
        tab.goto(live_web.url + f"/?lang={lang}")
        sos = tab.locator("#conversation li.bot form.buttons button").first
        assert sos.inner_text().startswith("🆘")
        # Right under the welcome text: less than one screen of scrolling brings it into
        # view (it was the 15th button, about three screens down).
        box = sos.bounding_box()
        height = PHONE["viewport"]["height"]
        assert box and box["y"] + box["height"] <= 2 * height, box
        suffix = f"{lang}-{'js' if javascript else 'nojs'}"
        sos.scroll_into_view_if_needed()
        screenshot(tab, f"chat-home-sos-320-{suffix}", full_page=False)
        seen: set[str] = set()
        button, screens = sos, 0
        while button is not None:  # every screen of the emergency page ("Next" while there is one)
            screens += 1
            button.click()
            if javascript:
                expect(tab.locator("#conversation li.bot")).to_have_count(1 + screens)
            else:
                tab.wait_for_load_state()
            seen |= check_numbers(tab)
            screenshot(tab, f"chat-emergency-numbers-320-{suffix}-{screens}")
            following = tab.locator("#conversation li.bot").last.locator("form.buttons button", has_text="›")
            button = following.first if following.count() else None
        assert seen >= set(NUMBERS), seen
    finally:
        context.close()
