"""Without JavaScript, "Leave quickly" cannot be undone: after ask -> answer -> Leave
quickly -> Back -> Reload, nothing of the question or its answer comes back, the
browser's history names the chat only by a neutral title, and nothing of either is left
in the browser's profile on disk."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote_plus

import pytest

from tests.figures import record
from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, LEAVE_URL, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

QUESTION = "my boss does not pay my wages"
ELSEWHERE = "<!doctype html><title>Search</title><p>Elsewhere</p>"


def files_containing(folder: Path, needles: list[bytes]) -> list[str]:
    found = []
    for root, _dirs, names in os.walk(folder):
        for name in names:
            try:
                data = (Path(root) / name).read_bytes()
            except OSError:
                continue
            found += [f"{name}: {needle!r}" for needle in needles if needle in data]
    return found


def test_leave_back_and_reload_without_javascript_bring_nothing_back(full_live, full_app, tmp_path) -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (see .ci/run)")
    from playwright.sync_api import sync_playwright

    title = full_app.state.engine.snapshot.text("en", "work-wages").title
    profile = tmp_path / "profile"  # a real profile on disk: history, cache, sessions
    seen: dict[str, str] = {}
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            java_script_enabled=False, viewport={"width": 320, "height": 568})
        try:
            tab = context.pages[0] if context.pages else context.new_page()
            tab.route(LEAVE_URL + "**", lambda route: route.fulfill(content_type="text/html", body=ELSEWHERE))
            tab.goto(full_live.url + "/")
            tab.fill("#q", QUESTION)
            tab.locator("#ask button").click()
            tab.wait_for_load_state()
            answer_url = tab.url
            assert title in tab.locator("#conversation h2").inner_text()
            assert "boss" not in answer_url and "boss" not in tab.content()
            screenshot(tab, "leave-no-js-1-answer", full_page=False)

            tab.locator("#leave").click()  # a plain link to the neutral site elsewhere
            tab.wait_for_url(LEAVE_URL)

            tab.go_back()
            tab.wait_for_load_state()
            seen["back"] = tab.locator("#conversation h2").inner_text()
            back_html = tab.content()
            screenshot(tab, "leave-no-js-2-back", full_page=False)

            tab.reload()
            tab.wait_for_load_state()
            seen["reload"] = tab.locator("#conversation h2").inner_text()
            reload_html = tab.content()
            screenshot(tab, "leave-no-js-3-reload", full_page=False)
            assert tab.url == answer_url  # the same entry: Reload had no form to post again
        finally:
            context.close()

    home = full_app.state.engine.snapshot.text("en", "home").title
    for html in (back_html, reload_html):
        assert title not in html and "boss" not in html
    assert seen == {"back": home, "reload": home}
    record("no-JS leave: after Back / after Reload the tab shows",
           f"{seen['back']!r} / {seen['reload']!r} (the start page; the answer was {title!r})")

    with sqlite3.connect(profile / "Default" / "History") as db:
        entries = db.execute("SELECT url, title FROM urls").fetchall()
    ours = [(url, name) for url, name in entries if url.startswith(full_live.url)]
    assert ours and {name for _url, name in ours} == {"Questions and answers"}
    assert not any("boss" in url or "wages" in url for url, _name in entries)
    record("no-JS leave: the browser's history keeps", "; ".join(f"{u[len(full_live.url):]} = {n!r}" for u, n in ours))

    needles = [QUESTION.encode(), quote_plus(QUESTION).encode(), QUESTION.encode("utf-16-le"),
               title.encode(), title.encode("utf-16-le")]
    assert files_containing(profile, needles) == []  # not in the cache, sessions or history
