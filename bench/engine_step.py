"""Engine step and search latency, on the real content and on ten times as much.

Baselines: a no-op step with the engine's signature (what the call itself costs), and
the same searches on the real content. Indexes are built before timing; the build time
is reported on its own because the first question after a publish pays it.
"""

from __future__ import annotations

import random
import time
from typing import Any, Callable

from bot.content.holder import ContentHolder
from bot.content.model import Snapshot
from bot.engine import Back, ButtonPress, ChooseLanguage, Engine, FreeText, Home, Start, State
from bot.engine.events import Event
from bench.stats import interleaved, ratio
from bench.synthetic import synthetic_snapshot
from bench.workload import page_actions, questions, real_snapshot

STEP_TARGET_MS = 1.0
SEARCH_TARGET_MS = 10.0


def navigation_events(snapshot: Snapshot, count: int, seed: int = 3) -> list[tuple[State, Event]]:
    """Everything but free text: buttons, /start with deep links, home, back, language."""
    rng = random.Random(seed)
    actions = page_actions(snapshot)
    pages = list(snapshot.nodes)
    out: list[tuple[State, Event]] = []
    for _ in range(count):
        lang = rng.choice(snapshot.languages)
        event: Event = rng.choice([
            ButtonPress(rng.choice(actions)), ButtonPress(rng.choice(actions)),
            Start(f"{lang}_{rng.choice(pages)}"), Start(None), Home(),
            Back(rng.choice(pages)), ChooseLanguage(rng.choice(snapshot.languages))])
        out.append((State(lang), event))
    return out


def _calls(fn: Callable[..., Any], args: list[tuple[Any, ...]]) -> list[Callable[[], Any]]:
    return [lambda a=a: fn(*a) for a in args]


def _timed_build(engine: Engine) -> float:
    start = time.perf_counter_ns()
    engine.searcher.index(engine.snapshot)
    return (time.perf_counter_ns() - start) / 1e6


def _judged(s: dict[str, Any], b: dict[str, Any], target_ms: float, s_name: str, b_name: str) -> dict[str, Any]:
    """Both summaries, their ratios, and the target judged on wall and on CPU time."""
    return {s_name: s, b_name: b, "p50_ratio": ratio(s["wall"]["p50_ms"], b["wall"]["p50_ms"]),
            "p99_ratio": ratio(s["wall"]["p99_ms"], b["wall"]["p99_ms"]), "target_p99_ms": target_ms,
            "met": s["wall"]["p99_ms"] < target_ms, "met_cpu": s["cpu"]["p99_ms"] < target_ms}


def run(steps: int = 3000, searches: int = 600, rounds: int = 4, warmup: int = 200) -> dict[str, Any]:
    real = real_snapshot()
    big, fallbacks = synthetic_snapshot(real, 10)
    engines = {"real": Engine(ContentHolder(real)), "10x": Engine(ContentHolder(big))}
    builds = {name: round(_timed_build(e), 1) for name, e in engines.items()}

    # The no-op step: same call shape, a ready reply, no work.
    prepared = engines["real"].handle(State("en"), Home())

    def noop(state: State, event: Event) -> Any:
        return prepared

    per_round = max(steps // rounds, 1)
    results: dict[str, Any] = {"sizes": {"pages_per_language": {
        "real": len(real.nodes), "10x": len(big.nodes)},
        "texts": {"real": len(real.texts), "10x": len(big.texts)},
        "rewrite_fallbacks": fallbacks}, "index_build_ms": builds}
    for name, engine in engines.items():
        snapshot = engine.snapshot
        events = navigation_events(snapshot, per_round)
        s, b = interleaved(_calls(engine.handle, events), _calls(noop, events), rounds, warmup)
        results[f"step_{name}"] = _judged(s, b, STEP_TARGET_MS, "subject", "baseline_noop")

    asked = questions(real)
    rng = random.Random(5)
    sample = [asked[rng.randrange(len(asked))] for _ in range(max(searches // rounds, 1))]
    search_args = {name: [(e.snapshot, q, lang) for lang, q in sample] for name, e in engines.items()}
    s, b = interleaved(_calls(engines["10x"].searcher.search, search_args["10x"]),
                       _calls(engines["real"].searcher.search, search_args["real"]), rounds, warmup)
    results["search"] = _judged(s, b, SEARCH_TARGET_MS, "subject_10x", "baseline_real")
    free = {name: [(State(lang), FreeText(q)) for lang, q in sample] for name in engines}
    s, b = interleaved(_calls(engines["10x"].handle, free["10x"]),
                       _calls(engines["real"].handle, free["real"]), rounds, warmup)
    results["free_text_step"] = _judged(s, b, SEARCH_TARGET_MS, "subject_10x", "baseline_real")
    return results
