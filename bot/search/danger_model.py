"""A small linear model that recognises danger in words no pattern foresaw.

The patterns in ``danger_phrases`` are precise but only know the phrasings someone wrote
down; people in danger find endless others ("chest very tight like elephant sitting").
This model scores a message from its words, word pairs and word beginnings, plus what the
patterns say about the past, idioms and "now". It is trained (``python -m
bot.search.train_danger``) on the development parts of the blind danger sets and on
ordinary questions, and shipped as a table of weights, so nothing is downloaded or learned
at run time. It only adds alarms: the patterns still decide on their own.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

WEIGHTS_FILE = Path(__file__).with_name("danger_weights.json")
PREFIX = 5
# Weights smaller than this change no decision; leaving them out keeps the table small.
PRUNE = 0.05


def features(text: str, context: tuple[str, ...] = ()) -> list[str]:
    """The features of a normalised message: words, word pairs, word beginnings, context."""
    words = text.split()
    found = [f"w:{w}" for w in words]
    found += [f"b:{a}_{b}" for a, b in zip(words, words[1:])]
    found += [f"p:{w[:PREFIX]}" for w in words if len(w) > PREFIX]
    found += [f"c:{c}" for c in context]
    return list(dict.fromkeys(found))


class DangerModel:
    def __init__(self, weights: dict[str, float], bias: float, threshold: float) -> None:
        self.weights = weights
        self.bias = bias
        self.threshold = threshold

    def probability(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def fires(self, feats: list[str]) -> bool:
        return self.probability(feats) >= self.threshold

    def to_json(self) -> str:
        return json.dumps({"bias": round(self.bias, 5), "threshold": self.threshold,
                           "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= PRUNE}},
                          ensure_ascii=False, indent=0, sort_keys=True)


@lru_cache(maxsize=1)
def load_model() -> DangerModel | None:
    """The shipped model, or None when there is none (the patterns then decide alone)."""
    if not WEIGHTS_FILE.exists():
        return None
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    return DangerModel(data["weights"], data["bias"], data["threshold"])


def train(examples: list[tuple[list[str], bool]], epochs: int = 40, rate: float = 0.3,
          l2: float = 1e-4) -> DangerModel:
    """Logistic regression with AdaGrad; both classes weigh the same in total."""
    positives = sum(1 for _, y in examples if y) or 1
    negatives = (len(examples) - positives) or 1
    class_weight = {True: len(examples) / (2 * positives), False: len(examples) / (2 * negatives)}
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    bias, bias_square = 0.0, 1e-8
    order = list(range(len(examples)))
    for epoch in range(epochs):
        # A fixed shuffle per epoch keeps training repeatable.
        order = order[epoch % 7:] + order[:epoch % 7]
        order = order[::2] + order[1::2]
        for index in order:
            feats, label = examples[index]
            z = bias + sum(weights.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
            gradient = (p - (1.0 if label else 0.0)) * class_weight[label]
            for f in feats:
                g = gradient + l2 * weights.get(f, 0.0)
                squares[f] = squares.get(f, 1e-8) + g * g
                weights[f] = weights.get(f, 0.0) - rate * g / math.sqrt(squares[f])
            bias_square += gradient * gradient
            bias -= rate * gradient / math.sqrt(bias_square)
    return DangerModel(weights, bias, 0.5)
