"""What people send: realistic questions, button data and commands, drawn from the content.

Questions come from the question sets the content is tested with (plus every page's
search phrases); buttons are the actions the engine itself puts on its keyboards.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.content import load_content
from bot.content.model import ROOT_ID, Snapshot
from bot.engine.actions import Action

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
QUESTIONS = ROOT / "tests" / "content" / "questions"


def real_snapshot() -> Snapshot:
    return load_content(CONTENT)


def questions(snapshot: Snapshot) -> list[tuple[str, str]]:
    """(language, question) pairs: the tested questions, then every search phrase."""
    found: list[tuple[str, str]] = []
    if QUESTIONS.is_dir():
        for path in sorted(QUESTIONS.glob("*.yaml")):
            for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
                if isinstance(item, dict) and item.get("q") and item.get("lang") in snapshot.languages:
                    found.append((item["lang"], str(item["q"])))
    for (lang, _page), text in sorted(snapshot.texts.items()):
        found.extend((lang, phrase) for phrase in text.search)
    return found


def page_actions(snapshot: Snapshot) -> list[str]:
    """Callback data of every page's open button, in every language."""
    return [Action("o", page_id, lang, snapshot.short_version, 0).encode()
            for (lang, page_id) in sorted(snapshot.texts) if page_id != ROOT_ID]


@dataclass(frozen=True)
class Step:
    """One thing a person does: 'start', 'button' (data) or 'text' (a question)."""

    kind: str
    data: str
    lang: str


def mix(snapshot: Snapshot, count: int, seed: int = 11,
        shares: tuple[float, float, float] = (0.2, 0.5, 0.3)) -> list[Step]:
    """``count`` steps: /start (with and without a deep link), button presses, questions."""
    rng = random.Random(seed)
    asked = questions(snapshot)
    actions = page_actions(snapshot)
    pages = [p for p in snapshot.nodes if p != ROOT_ID]
    out: list[Step] = []
    for _ in range(count):
        lang = rng.choice(snapshot.languages)
        roll = rng.random()
        if roll < shares[0]:
            payload = f"{lang}_{rng.choice(pages)}" if rng.random() < 0.5 else ""
            out.append(Step("start", ("/start " + payload).strip(), lang))
        elif roll < shares[0] + shares[1]:
            out.append(Step("button", rng.choice(actions), lang))
        else:
            q_lang, question = rng.choice(asked)
            out.append(Step("text", question, q_lang))
    return out
