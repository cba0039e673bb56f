"""Translation and review status per language: how many pages, which are missing, which are
past their recheck date (overdue, listed first: readers are being warned about them), and
which have not been checked for a year (stale).

It reads leniently (only the structure and each page's dates), so it still reports on
content that does not yet pass ``content check``.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

STALE_AFTER = timedelta(days=365)


def _as_date(value: Any) -> date | None:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return value if isinstance(value, date) else None


def _dates(path: Path) -> tuple[date | None, date | None]:
    """A page file's ``reviewed_on`` and ``recheck_by``, or None where unreadable."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        header = yaml.safe_load("\n".join(lines[1:end])) or {}
    except (OSError, UnicodeDecodeError, StopIteration, yaml.YAMLError):
        return None, None
    if not isinstance(header, dict):
        return None, None
    return _as_date(header.get("reviewed_on")), _as_date(header.get("recheck_by"))


def content_status(root: Path, today: date) -> dict[str, Any]:
    try:
        tree = yaml.safe_load((root / "tree.yaml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        return {"ok": False, "error": f"cannot read tree.yaml: {type(exc).__name__}", "languages": {}}
    ids = [str(p["id"]) for p in tree.get("pages", []) if isinstance(p, dict) and p.get("id")]
    languages: dict[str, Any] = {}
    ok = True
    for lang in tree.get("languages", []):
        missing, stale, unreviewed = [], [], []
        overdue: list[tuple[date, str]] = []
        rechecks = 0
        present = 0
        for page_id in ids:
            path = root / lang / f"{page_id}.md"
            if not path.exists():
                missing.append(page_id)
                continue
            present += 1
            reviewed, recheck = _dates(path)
            if recheck is not None:
                rechecks += 1
                if today > recheck:
                    overdue.append((recheck, page_id))
            if reviewed is None:
                unreviewed.append(page_id)
            elif today - reviewed > STALE_AFTER:
                stale.append(page_id)
        ok = ok and not missing and not unreviewed
        languages[lang] = {
            "pages": present, "missing": missing,
            "overdue": [{"page": p, "recheck_by": d.isoformat()} for d, p in sorted(overdue)],
            "with_recheck_date": rechecks, "stale": stale, "no_review_date": unreviewed,
        }
    return {"ok": ok, "today": today.isoformat(), "total_pages": len(ids),
            "stale_after_days": STALE_AFTER.days, "languages": languages}


def format_status(status: dict[str, Any]) -> str:
    if "error" in status:
        return status["error"]
    lines = [f"{status['total_pages']} pages in the structure"]
    for lang, info in status["languages"].items():
        lines.append(f"{lang}: {info['pages']} pages, {len(info['missing'])} missing, "
                     f"{len(info['overdue'])} overdue, {len(info['stale'])} stale")
        if info["overdue"]:
            due = ", ".join(f"{o['page']} (recheck by {o['recheck_by']})" for o in info["overdue"])
            lines.append(f"  overdue: {due}")
        for label in ("missing", "stale", "no_review_date"):
            if info[label]:
                lines.append(f"  {label}: {', '.join(info[label])}")
    return "\n".join(lines)
