"""Accessibility of the web chat in real Chromium, as the people it is for meet it: axe-core
on every kind of page, the keyboard on a 320 x 568 phone, and the layout at 200% zoom and
200% text size. Screenshots of each land in test-artifacts/.

"Without JavaScript" here is the page with its script blocked: exactly what a browser
without JavaScript renders (the page has no inline script), while axe itself can run.
"""

from __future__ import annotations

import re
from typing import Iterator

import pytest
from playwright.sync_api import expect

from tests.figures import record
from tests.web.a11y import axe, free_screen, keyboard_walk
from tests.web.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 320, "height": 568}
# 200% browser zoom on that phone: the same pixels, half the CSS width and height.
ZOOMED = {"width": 160, "height": 284}
SCRIPT = re.compile(r"/web/static/chat\.[0-9a-f]+\.js$")
TOOTH = "my tooth hurts so much i need a dentist"


class Phone:
    """Opens tabs in the shape of one phone setting, each in a fresh browser context."""

    def __init__(self, browser, url: str) -> None:
        self.browser = browser
        self.url = url
        self.contexts: list = []

    def open(self, path: str = "/", *, script: bool = True, zoom: bool = False, text: bool = False):
        context = self.browser.new_context(
            viewport=ZOOMED if zoom else PHONE, device_scale_factor=4 if zoom else 2,
            has_touch=True, service_workers="block")
        self.contexts.append(context)
        tab = context.new_page()
        if text:  # the browser's text size at 200%: 32 px instead of 16
            context.new_cdp_session(tab).send(
                "Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
        if not script:
            tab.route(SCRIPT, lambda route: route.abort())
        tab.errors = []
        tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
        tab.goto(self.url + path)
        return tab

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def phone(browser, full_live) -> Iterator[Phone]:
    opened = Phone(browser, full_live.url)
    yield opened
    opened.close()


def answers(tab) -> int:
    return tab.locator("#conversation > li.bot").count()


def ask(tab, question: str, *, script: bool = True) -> None:
    before = answers(tab)
    tab.fill("#q", question)
    tab.press("#q", "Enter")
    if script:
        expect(tab.locator("#conversation > li.bot")).to_have_count(before + 1)
    else:
        tab.wait_for_url(re.compile(r"/\?lang=\w+&r="))


def press(tab, name: str, *, script: bool = True) -> None:
    before = answers(tab)
    tab.get_by_role("button", name=name, exact=True).last.click()
    if script:
        expect(tab.locator("#conversation > li.bot")).to_have_count(before + 1)
    else:
        tab.wait_for_url(re.compile(r"/\?lang=\w+&r="))


def state_home(phone: Phone, lang: str):
    return phone.open(f"/?lang={lang}")


AXE_STATES = {
    "home-nl": lambda p: state_home(p, "nl"),
    "home-en": lambda p: state_home(p, "en"),
    "home-fr": lambda p: state_home(p, "fr"),
    "answer-en": lambda p: _then(p.open("/?lang=en"), lambda t: ask(t, TOOTH)),
    "emergency-en": lambda p: _then(p.open("/?lang=en"), lambda t: press(t, "Emergency numbers")),
    "language-menu-zoom200": lambda p: _then(p.open("/?lang=nl", zoom=True), lambda t: press(t, "Taal")),
    "home-en-zoom200": lambda p: p.open("/?lang=en", zoom=True),
    "no-js-home-en": lambda p: p.open("/?lang=en", script=False),
    "no-js-danger-nl": lambda p: _then(p.open("/?lang=nl", script=False),
                                       lambda t: ask(t, "ik wil niet meer leven", script=False)),
    "no-js-emergency-fr": lambda p: _then(p.open("/?lang=fr", script=False),
                                          lambda t: press(t, "Numéros d'urgence", script=False)),
}


def _then(tab, step):
    step(tab)
    return tab


@pytest.mark.parametrize("state", list(AXE_STATES))
def test_axe_finds_nothing_serious(phone: Phone, state: str) -> None:
    tab = AXE_STATES[state](phone)
    counts = axe(tab, state)
    record(f"axe {state}: violations by impact",
           " / ".join(f"{impact} {n}" for impact, n in counts.items()))
    assert counts["critical"] == 0 and counts["serious"] == 0, counts
    assert tab.errors == []


KEYBOARD = {
    "home": lambda p: p.open("/?lang=en"),
    "home-nl": lambda p: p.open("/?lang=nl"),
    "emergency": lambda p: _then(p.open("/?lang=en"), lambda t: press(t, "Emergency numbers")),
    "no-js-home-fr": lambda p: p.open("/?lang=fr", script=False),
    "no-js-danger-nl": lambda p: _then(p.open("/?lang=nl", script=False),
                                       lambda t: ask(t, "ik wil niet meer leven", script=False)),
    "home-zoom200": lambda p: p.open("/?lang=en", zoom=True),
}


@pytest.mark.parametrize("state", list(KEYBOARD))
def test_tab_reaches_every_control_and_none_is_under_a_sticky_bar(phone: Phone, state: str) -> None:
    tab = KEYBOARD[state](phone)
    controls = tab.locator("a[href], button:visible, input:not([type=hidden]), [tabindex='0']")
    stops = keyboard_walk(tab)
    hidden = [s for s in stops if s["covered_by"] or s["off_screen"]]
    down = [s for s in stops if s["key"] == "Tab"]
    record(f"keyboard {state} ({'160x284' if 'zoom' in state else '320x568'})",
           f"{len(down)} tab stops, down with Tab and up with Shift+Tab: {len(hidden)} covered or off screen")
    assert not hidden, hidden
    assert len(down) == controls.count() >= 15  # every control, each once
    assert {s["id"] for s in stops if s["key"] == "Shift+Tab"} == {s["id"] for s in down}
    labels = [s["label"] for s in down]
    assert labels[0] in ("Leave quickly", "Snel weg", "Partir vite")
    if "emergency" not in state and "danger" not in state:  # 🆘 is on every other screen
        assert any(l.endswith(("Emergency numbers", "Noodnummers", "Numéros d'urgence")) for l in labels)


LAYOUTS = {
    "normal": {},
    "zoom200": {"zoom": True},
    "text200": {"text": True},
    "zoom200-no-js": {"zoom": True, "script": False},
}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_the_answer_keeps_the_screen_at_320_px_and_200_percent(phone: Phone, layout: str) -> None:
    options = LAYOUTS[layout]
    script = options.get("script", True)
    tab = phone.open("/?lang=en", **options)
    width = tab.viewport_size["width"]
    assert tab.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
    screenshot(tab, f"a11y-320-{layout}-home", full_page=False)
    ask(tab, TOOTH, script=script)
    heading = tab.locator("#conversation > li.bot h2").last
    if script:
        # The new answer's heading has focus and is in sight, below what stays on top.
        assert heading.evaluate("h => h === document.activeElement")
    # (Without the script the new page opens at its top, the heading in sight there.)
    box = heading.bounding_box()
    top_bars = tab.evaluate("""() => Math.max(0, ...[...document.querySelectorAll('body *')]
        .filter(n => ['sticky', 'fixed'].includes(getComputedStyle(n).position)
                     && getComputedStyle(n).display !== 'contents')
        .map(n => n.getBoundingClientRect().bottom))""")
    assert box is not None and box["y"] >= top_bars - 0.5 and box["y"] + box["height"] <= tab.viewport_size["height"]
    if not script:
        tab.evaluate("window.scrollBy(0, innerHeight)")  # reading on
    free = free_screen(tab)
    record(f"layout {layout}: share of the screen left to the answer", f"{free:.0%}")
    assert free >= 0.4, free
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(tab, f"a11y-320-{layout}", full_page=False)
    tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    leave = tab.locator("#leave").bounding_box()
    assert leave is not None and 0 <= leave["y"] and leave["y"] + leave["height"] <= tab.viewport_size["height"]
    assert tab.errors == []


def _luminance(rgb: str) -> float:
    """WCAG relative luminance of a computed colour such as ``rgb(107, 107, 107)``."""
    channels = [int(v) / 255 for v in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("lang", ["nl", "en", "fr"])
def test_the_question_box_has_a_visible_label_a_landmark_and_a_clear_border(phone: Phone, lang: str) -> None:
    tab = phone.open(f"/?lang={lang}")
    label = tab.locator("label[for='q']")
    assert label.is_visible() and label.inner_text() == {
        "nl": "Typ je vraag", "en": "Type your question", "fr": "Écrivez votre question"}[lang]
    box, field = label.bounding_box(), tab.locator("#q").bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"] and box["y"] < field["y"]  # whole, above the box
    # The box is in a landmark: a form named by that label.
    landmark = tab.evaluate("""() => {
        const form = document.getElementById('q').closest('form');
        return [form.getAttribute('aria-labelledby'), document.getElementById(form.getAttribute('aria-labelledby')).textContent];
    }""")
    assert landmark == ["ask-label", label.inner_text()]
    assert tab.get_by_role("form", name=label.inner_text()).count() == 1
    border = tab.evaluate("getComputedStyle(document.getElementById('q')).borderTopColor")
    inside = tab.evaluate("getComputedStyle(document.getElementById('q')).backgroundColor")
    around = tab.evaluate("getComputedStyle(document.getElementById('ask')).backgroundColor")
    assert min(contrast(border, inside), contrast(border, around)) >= 3.0, (border, inside, around)
    record("question box border contrast (WCAG 1.4.11, 3:1 needed)",
           f"{contrast(border, inside):.2f}:1 inside, {contrast(border, around):.2f}:1 around")
