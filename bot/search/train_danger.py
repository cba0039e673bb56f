"""Train the danger model: ``python -m bot.search.train_danger``.

Reads the development parts only (``eval/danger.jsonl`` split dev, ``eval/danger-extra.jsonl``,
the dev questions of ``eval/questions.jsonl`` and ``eval/questions-extra.jsonl``) plus the search phrases of pages that are
not about danger, and writes ``bot/search/danger_weights.json``. The alarm threshold is
chosen by five-fold cross-validation: the lowest that keeps false alarms at or under
``MAX_FALSE_ALARMS`` on near misses and ordinary questions the model did not train on.
The test part of the evaluation set is never read.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bot.content import load_content
from bot.search.danger import message_features
from bot.search.danger_model import WEIGHTS_FILE, train

ROOT = Path(__file__).resolve().parents[2]
MAX_FALSE_ALARMS = 0.01
# Pages whose phrases may describe danger themselves; they are not used as negatives.
DANGER_PAGES = ("emergency", "violence", "health-mental", "health-urgent", "work-exploitation",
                "legal-trafficking", "housing-women")


def _records(name: str) -> list[dict]:
    path = ROOT / "eval" / name
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def examples() -> list[tuple[str, bool, str]]:
    """(message, is danger, source) for every development example."""
    found = [(r["q"], bool(r["danger"]), "danger") for r in _records("danger.jsonl") if r["split"] == "dev"]
    found += [(r["q"], bool(r["danger"]), "danger") for r in _records("danger-extra.jsonl")]
    found += [(r["q"], False, "question") for r in _records("questions.jsonl") if r["split"] == "dev"]
    found += [(r["q"], False, "question") for r in _records("questions-extra.jsonl")]
    snapshot = load_content(ROOT / "content")
    for (_, page_id), text in sorted(snapshot.texts.items()):
        if not page_id.startswith(DANGER_PAGES):
            found += [(phrase, False, "phrase") for phrase in text.search]
    return found


MIN_COUNT = 2


def main() -> int:
    data = [(message_features(q), y, source) for q, y, source in examples()]
    # A feature seen once says more about that one message than about danger: left out.
    counts: dict[str, int] = {}
    for feats, _, _ in data:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    data = [([f for f in feats if counts[f] >= MIN_COUNT], y, s) for feats, y, s in data]
    folds = 5
    scored: list[tuple[float, bool, str]] = []
    for fold in range(folds):
        training = [(f, y) for i, (f, y, _) in enumerate(data) if i % folds != fold]
        model = train(training)
        scored += [(model.probability(f), y, s) for i, (f, y, s) in enumerate(data) if i % folds == fold]
    negatives = [p for p, y, s in scored if not y and s != "phrase"]
    positives = [p for p, y, _ in scored if y]
    threshold = 0.5
    for candidate in [t / 100 for t in range(50, 100)]:
        if sum(p >= candidate for p in negatives) <= MAX_FALSE_ALARMS * len(negatives):
            threshold = candidate
            break
    recall = sum(p >= threshold for p in positives) / max(len(positives), 1)
    false_alarms = sum(p >= threshold for p in negatives) / max(len(negatives), 1)
    model = train([(f, y) for f, y, _ in data])
    model.threshold = threshold
    WEIGHTS_FILE.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"{len(data)} examples ({len(positives)} danger); threshold {threshold:.2f}; "
          f"cross-validated: the model alone catches {recall:.1%} of danger with "
          f"{false_alarms:.1%} false alarms; {len(model.weights)} weights -> {WEIGHTS_FILE.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
