"""axe-core over a page in real Chromium, with the axe-core that a PyPI package ships.

The script is injected into the page through Playwright (the page's strict
Content-Security-Policy does not apply to what the test driver evaluates), nothing is
fetched at run time, and the rules are those for WCAG 2.0, 2.1 and 2.2 at levels A and AA,
plus axe's best practices.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from axe_playwright_python.base import AXE_SCRIPT

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
IMPACTS = ("critical", "serious", "moderate", "minor")


def run_axe(tab: Any) -> dict[str, Any]:
    """axe's results for the page as it is now (violations and incomplete checks)."""
    if not tab.evaluate("typeof window.axe !== 'undefined'"):
        tab.evaluate(AXE_SCRIPT)
    return tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})", TAGS)


def counts(results: dict[str, Any]) -> dict[str, int]:
    """Violations counted per affected element, by impact."""
    found = Counter({impact: 0 for impact in IMPACTS})
    for violation in results["violations"]:
        found[violation["impact"] or "minor"] += len(violation["nodes"])
    return dict(found)


def grave(results: dict[str, Any]) -> list[str]:
    """The serious and critical violations, each with the elements it was found on."""
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            + ", ".join(" ".join(n["target"]) for n in v["nodes"])
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


def summary(results: dict[str, Any]) -> list[str]:
    """Every violation as 'rule (impact) xN'."""
    return [f"{v['id']} ({v['impact']}) x{len(v['nodes'])}" for v in results["violations"]]
