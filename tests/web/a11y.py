"""Helpers of the chat's accessibility tests: axe-core's findings per page state (through
:mod:`tests.web.axe`), a keyboard walk that looks for focus hidden under a sticky bar, and
how much of the screen the bars leave free."""

from __future__ import annotations

import json
from typing import Any

from tests.figures import ARTIFACTS
from tests.web.axe import counts, run_axe

AXE_RESULTS: dict[str, Any] = {}

# Everything that stays on screen while the page scrolls (sticky or fixed), and how it
# overlaps a rectangle; shared by the keyboard walk and the free-space measure.
_STICKY_JS = """
  const stickyBoxes = () => [...document.querySelectorAll("body *")].filter((node) => {
    const style = getComputedStyle(node);
    return ["sticky", "fixed"].includes(style.position) && style.display !== "contents";
  });
"""

_FOCUS_JS = "() => {" + _STICKY_JS + """
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  window.__kbd = window.__kbd || 0;
  if (!el.dataset.kbd) el.dataset.kbd = String(++window.__kbd);
  const r = el.getBoundingClientRect();
  const covering = stickyBoxes().filter((bar) => !bar.contains(el)).filter((bar) => {
    const b = bar.getBoundingClientRect();
    return b.bottom > r.top + 0.5 && b.top < r.bottom - 0.5 && b.right > r.left && b.left < r.right;
  });
  const label = (el.getAttribute("aria-label") || el.textContent || el.id || el.tagName).trim();
  return {
    id: el.dataset.kbd, tag: el.tagName.toLowerCase(), label: label.slice(0, 48),
    covered_by: covering.map((bar) => bar.className || bar.tagName.toLowerCase()),
    off_screen: r.top < -0.5 || r.bottom > innerHeight + 0.5 || r.left < -0.5 || r.right > innerWidth + 0.5,
  };
}
"""

_FREE_JS = "() => {" + _STICKY_JS + """
  let taken = 0;
  for (const bar of stickyBoxes()) {
    const b = bar.getBoundingClientRect();
    taken += Math.max(0, Math.min(b.bottom, innerHeight) - Math.max(b.top, 0));
  }
  return { height: innerHeight, free: innerHeight - taken };
}
"""


def axe(tab, state: str) -> dict[str, int]:
    """Run axe-core on what the tab shows; violations counted per element by impact, as
    an audit reports them. Every result is kept in test-artifacts/axe-results.json."""
    results = run_axe(tab)
    found = counts(results)
    AXE_RESULTS[state] = {
        "counts": found,
        "violations": [{"rule": v["id"], "impact": v["impact"],
                        "elements": [", ".join(n["target"]) for n in v["nodes"]]}
                       for v in results["violations"]],
    }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "axe-results.json").write_text(json.dumps(AXE_RESULTS, indent=2, ensure_ascii=False))
    return found


def keyboard_walk(tab, first: str = "#leave", limit: int = 250) -> list[dict[str, Any]]:
    """Every stop Tab reaches from ``first`` to the end of the page, then every stop
    Shift+Tab reaches on the way back up, each with the sticky bars covering it (if any)
    at the moment it has focus. Going down, the browser scrolls a control in at the
    bottom of the screen; going up, at the top, under whatever stays there."""
    tab.focus(first)
    stops: list[dict[str, Any]] = []
    for key in ("Tab", "Shift+Tab"):
        seen: set[str] = set()
        for _ in range(limit):
            stop = tab.evaluate(_FOCUS_JS)
            if stop is None or stop["id"] in seen:
                break
            seen.add(stop["id"])
            stops.append({**stop, "key": key})
            tab.keyboard.press(key)
        else:
            raise AssertionError(f"{key} went on for over {limit} stops")
        if key == "Tab":
            tab.focus(f"[data-kbd='{stops[-1]['id']}']")  # back on the last control
    return stops


def free_screen(tab) -> float:
    """The share of the screen's height that no sticky or fixed bar covers right now."""
    measured = tab.evaluate(_FREE_JS)
    return measured["free"] / measured["height"]
