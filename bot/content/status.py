"""Translation status per language: how many pages, which are missing, which are stale.

It reads leniently (only the structure and each page's review date), so it still reports
on content that does not yet pass ``content check``.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

STALE_AFTER = timedelta(days=365)


def _reviewed_on(path: Path) -> date | None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        header = yaml.safe_load("\n".join(lines[1:end])) or {}
    except (OSError, UnicodeDecodeError, StopIteration, yaml.YAMLError):
        return None
    value = header.get("reviewed_on") if isinstance(header, dict) else None
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return None
    return value if isinstance(value, date) else None


def content_status(root: Path, today: date) -> dict[str, Any]:
    try:
        tree = yaml.safe_load((root / "tree.yaml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        return {"ok": False, "error": f"cannot read tree.yaml: {type(exc).__name__}", "languages": {}}
    ids = [p.get("id") for p in tree.get("pages", []) if isinstance(p, dict)]
    languages: dict[str, Any] = {}
    ok = True
    for lang in tree.get("languages", []):
        missing, stale, unreviewed = [], [], []
        present = 0
        for page_id in ids:
            path = root / lang / f"{page_id}.md"
            if not path.exists():
                missing.append(page_id)
                continue
            present += 1
            reviewed = _reviewed_on(path)
            if reviewed is None:
                unreviewed.append(page_id)
            elif today - reviewed > STALE_AFTER:
                stale.append(page_id)
        ok = ok and not missing and not unreviewed
        languages[lang] = {
            "pages": present, "missing": missing, "stale": stale, "no_review_date": unreviewed,
        }
    return {"ok": ok, "total_pages": len(ids), "stale_after_days": STALE_AFTER.days,
            "languages": languages}


def format_status(status: dict[str, Any]) -> str:
    if "error" in status:
        return status["error"]
    lines = [f"{status['total_pages']} pages in the structure"]
    for lang, info in status["languages"].items():
        lines.append(f"{lang}: {info['pages']} pages, {len(info['missing'])} missing, "
                     f"{len(info['stale'])} stale")
        for label in ("missing", "stale", "no_review_date"):
            if info[label]:
                lines.append(f"  {label}: {', '.join(info[label])}")
    return "\n".join(lines)
