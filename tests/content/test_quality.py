"""The bundled content meets the editorial standard, and real questions find the right page."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from bot.content.model import Snapshot
from bot.search import Searcher
from bot.search.text import fold
from tests.figures import record

QUESTIONS = Path(__file__).parent / "questions"
ACCURACY_TARGET = 0.90


def load_questions() -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    for path in sorted(QUESTIONS.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            found.append({**item, "set": path.stem})
    return found


def test_every_page_is_complete_in_every_language(snapshot: Snapshot) -> None:
    for lang in ("nl", "en", "fr"):
        assert len(snapshot.pages(lang)) >= 60
        for page in snapshot.pages(lang):
            kind = snapshot.nodes[page.id].kind
            assert len(page.search) >= 5, f"{lang}/{page.id}: at least five search phrases"
            assert page.reviewed_by, f"{lang}/{page.id}"
            if kind in ("page", "card", "emergency"):
                assert page.sources, f"{lang}/{page.id}"


def test_message_parts_are_short(snapshot: Snapshot) -> None:
    sizes = [len(p.text) for lang in snapshot.languages for p in snapshot.pages(lang)]
    short = sum(1 for s in sizes if s <= 1000) / len(sizes)
    record("content: page texts under 1,000 characters", f"{short:.0%} of {len(sizes)}")
    assert max(sizes) <= 3000


def test_cards_show_dutch_text(snapshot: Snapshot) -> None:
    cards = [i for i, n in snapshot.nodes.items() if n.kind == "card"]
    assert len(cards) >= 5
    for card in cards:
        assert snapshot.text("nl", card).text.strip()


def test_questions_are_not_copied_from_search_phrases(snapshot: Snapshot) -> None:
    questions = load_questions()
    per_lang = defaultdict(int)
    for item in questions:
        per_lang[item["lang"]] += 1
        assert item["expect"] in snapshot.nodes, item
        phrases = [fold(p) for p in snapshot.text(item["lang"], item["expect"]).search]
        best = max((fuzz.ratio(fold(item["q"]), p) for p in phrases), default=0)
        assert best < 90, f"question copies a search phrase: {item['q']!r}"
    assert all(per_lang[lang] >= 20 for lang in ("nl", "en", "fr")), dict(per_lang)


def test_realistic_questions_find_the_right_page_first(snapshot: Snapshot) -> None:
    searcher = Searcher()
    questions = load_questions()
    by_lang: dict[str, list[bool]] = defaultdict(list)
    by_set: dict[str, list[bool]] = defaultdict(list)
    misses = []
    for item in questions:
        result = searcher.search(snapshot, item["q"], item["lang"])
        hit = bool(result.hits) and result.hits[0].page_id == item["expect"]
        by_lang[item["lang"]].append(hit)
        by_set["held-out" if item["set"] == "held-out" else "by page writers"].append(hit)
        if not hit:
            misses.append((item["lang"], item["q"], item["expect"], result.ids[:3]))
    total = sum(sum(v) for v in by_lang.values()) / len(questions)
    record("search: questions answered with the right page first",
           f"{total:.1%} of {len(questions)} (" + ", ".join(
               f"{lang} {sum(v)}/{len(v)}" for lang, v in sorted(by_lang.items())) + ")")
    record("search: right page first per question set",
           ", ".join(f"{name} {sum(v)}/{len(v)}" for name, v in sorted(by_set.items())))
    record("search: misses", misses)
    assert total >= ACCURACY_TARGET, misses
