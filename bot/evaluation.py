"""Measuring understanding on a frozen question set: the figures ``rightsbot eval`` prints.

Two kinds of records, one JSON object per line:
- a question: ``{"q", "lang", "expect": [page ids], "category", "split"}``; the first page
  is the best answer, the others are fair answers too;
- a danger message: ``{"q", "lang", "danger": true|false, "kind", "buried", "split"}``.
``split`` is ``dev`` (tuned on) or ``test`` (only measured). Nothing here stores or logs a
question; the report lists misses of the frozen set only.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from bot.content.model import EMERGENCY_ID, Snapshot
from bot.search import Searcher

QUESTIONS_FILE = "questions.jsonl"
DANGER_FILE = "danger.jsonl"


@dataclass
class Tally:
    """Counts for one group of questions (a language, a category, or all)."""

    n: int = 0
    top1: int = 0
    top3: int = 0
    confident_wrong: int = 0
    unsure_right: int = 0
    unsure: int = 0
    unsure_in_three: int = 0

    def add(self, ids: list[str], expect: set[str], confident: bool) -> None:
        self.n += 1
        first = bool(ids) and ids[0] in expect
        self.top1 += first
        self.top3 += bool(expect & set(ids[:3]))
        if confident and not first:
            self.confident_wrong += 1
        if not confident:
            self.unsure += 1
            self.unsure_right += first
            self.unsure_in_three += bool(expect & set(ids[:3]))

    def row(self) -> dict[str, Any]:
        n = self.n or 1
        return {"n": self.n, "top1": self.top1 / n, "top3": self.top3 / n,
                "confidently_wrong": self.confident_wrong / n,
                "right_not_shown": self.unsure_right / n, "unsure": self.unsure / n}


@dataclass
class DangerTally:
    positives: int = 0
    caught: int = 0
    negatives: int = 0
    false_alarms: int = 0

    def row(self) -> dict[str, Any]:
        return {"recall": self.caught / (self.positives or 1), "positives": self.positives,
                "false_alarm_rate": self.false_alarms / (self.negatives or 1),
                "negatives": self.negatives}


@dataclass
class Report:
    questions: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    danger: dict[str, DangerTally] = field(default_factory=lambda: defaultdict(DangerTally))
    question_alarms: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        total = self.questions.get("all", Tally())
        return {
            "questions": {k: v.row() for k, v in sorted(self.questions.items())},
            "danger": {k: v.row() for k, v in sorted(self.danger.items())},
            "false_alarms_on_questions": self.question_alarms / (total.n or 1),
            "misses": self.misses,
        }


def read_records(path: Path, split: str | None) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if split in (None, "all") or r.get("split") == split]


def evaluate(snapshot: Snapshot, questions: Iterable[dict[str, Any]],
             danger: Iterable[dict[str, Any]], searcher: Searcher | None = None) -> Report:
    """Run every record through the search as the bot would (no language given)."""
    searcher = searcher or Searcher()
    report = Report()
    for record in questions:
        result = searcher.search(snapshot, record["q"], prefer=record.get("reader", record.get("lang")))
        expect = set(record["expect"])
        ids = list(result.ids)
        for group in ("all", f"lang:{record.get('lang')}", f"category:{record.get('category')}"):
            report.questions[group].add(ids, expect, result.confident)
        if result.danger:
            report.question_alarms += 1
        if not ids or ids[0] not in expect:
            report.misses.append({"q": record["q"], "expect": record["expect"], "got": ids[:3],
                                  "confident": result.confident, "danger": result.danger})
    for record in danger:
        result = searcher.search(snapshot, record["q"], prefer=record.get("lang"))
        fired = bool(result.danger) and bool(result.ids) and result.ids[0] == EMERGENCY_ID
        groups = ("all", f"lang:{record.get('lang')}", f"kind:{record.get('kind')}")
        for group in groups:
            tally = report.danger[group]
            if record["danger"]:
                tally.positives += 1
                tally.caught += fired
            else:
                tally.negatives += 1
                tally.false_alarms += bool(result.danger)
        if bool(record["danger"]) != bool(result.danger):
            report.misses.append({"q": record["q"], "danger_expected": record["danger"],
                                  "kind": record.get("kind"), "got": result.danger})
    return report


def format_report(report: Report, show_misses: int = 20) -> str:
    data = report.as_dict()
    lines = ["questions                      n   top-1  top-3  conf.wrong  right-not-shown  unsure"]
    for name, row in data["questions"].items():
        lines.append(f"  {name:<26} {row['n']:>4}  {row['top1']:6.1%} {row['top3']:6.1%}"
                     f"  {row['confidently_wrong']:9.1%}  {row['right_not_shown']:14.1%}  {row['unsure']:6.1%}")
    lines.append(f"  false alarms on ordinary questions: {data['false_alarms_on_questions']:.1%}")
    lines.append("danger                         recall (n)       false alarms (n)")
    for name, row in data["danger"].items():
        lines.append(f"  {name:<26} {row['recall']:6.1%} ({row['positives']:>3})   "
                     f"{row['false_alarm_rate']:6.1%} ({row['negatives']:>3})")
    if show_misses and data["misses"]:
        lines.append(f"misses (first {min(show_misses, len(data['misses']))} of {len(data['misses'])}):")
        for miss in data["misses"][:show_misses]:
            lines.append("  " + json.dumps(miss, ensure_ascii=False))
    return "\n".join(lines)
