"""What the web chat costs a reader on prepaid data: bytes on the wire as Chromium counts
them (headers included), with the service as it runs (compression and all)."""

from __future__ import annotations

from typing import Callable

import pytest

from tests.figures import record

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FIRST_VISIT_LIMIT = 10_000


def wire_bytes(context, tab, action: Callable[[], None]) -> dict[str, int]:
    """Bytes received per request while ``action`` runs, by the file's name."""
    cdp = context.new_cdp_session(tab)
    names: dict[str, str] = {}
    sizes: dict[str, int] = {}
    cdp.on("Network.responseReceived",
           lambda e: names.__setitem__(e["requestId"], e["response"]["url"].rsplit("/", 1)[-1] or "/"))
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))

    def redirected(event: dict) -> None:  # a redirect is reported with the request it leads to
        if redirect := event.get("redirectResponse"):
            sizes[f"redirect {len(sizes)}"] = redirect["encodedDataLength"]
            names[f"redirect {len(sizes) - 1}"] = f"{redirect['status']} redirect"

    cdp.on("Network.requestWillBeSent", redirected)
    cdp.send("Network.enable")
    action()
    tab.wait_for_load_state("networkidle")
    cdp.detach()
    return {names.get(rid, rid): size for rid, size in sizes.items()}


def describe(sizes: dict[str, int]) -> str:
    parts = ", ".join(f"{name.split('?')[0] or '/'} {size}" for name, size in sizes.items() if size)
    return f"{sum(sizes.values())} B in {len([s for s in sizes.values() if s])} responses ({parts})"


@pytest.mark.parametrize("script", [True, False], ids=["javascript", "no-javascript"])
def test_the_first_visit_stays_under_10_kb(browser, full_live, script: bool) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=script)
    try:
        tab = context.new_page()
        first = wire_bytes(context, tab, lambda: tab.goto(full_live.url + "/?lang=en"))
        record(f"page weight, first visit ({'JS' if script else 'no JS'})", describe(first))
        assert sum(first.values()) < FIRST_VISIT_LIMIT, first
        assert len(first) == (4 if script else 3)  # page, style sheet, icon (and script)

        def ask() -> None:
            tab.fill("#q", "my tooth hurts so much i need a dentist")
            tab.press("#q", "Enter")
            tab.wait_for_selector("#conversation > li.bot >> nth=1" if script else "#conversation h2")

        again = wire_bytes(context, tab, lambda: tab.goto(full_live.url + "/?lang=en"))
        record(f"page weight, coming back ({'JS' if script else 'no JS'})", describe(again))
        assert sum(again.values()) < 3_000  # only the page: style sheet, script and icon are kept

        answer = wire_bytes(context, tab, ask)
        record(f"page weight, a question answered ({'JS' if script else 'no JS'})", describe(answer))
        # Nothing downloaded again: the style sheet and script are kept for a year.
        assert not [name for name, size in answer.items() if size and name.endswith((".css", ".js"))]
        assert sum(answer.values()) < 6_000
    finally:
        context.close()
