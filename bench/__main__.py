"""``python -m bench``: run every benchmark, print the table, write ``bench/results.json``.

``--quick`` runs tiny sizes (for the smoke test); ``--only`` picks benchmarks by name.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from bench import api_load, coldstart, engine_step, flood, pipeline, publish, tgflood
from bench.report import table
from bench.stats import load_average, machine, machine_line

RESULTS = Path(__file__).resolve().parent / "results.json"

FULL: dict[str, Callable[[], dict[str, Any]]] = {
    "engine": lambda: engine_step.run(),
    "pipeline": lambda: pipeline.run(updates=5000, rounds=1, warmup=200),
    "publish": lambda: publish.run(publishes=50),
    "coldstart": lambda: coldstart.run(rounds=3),
    "api": lambda: api_load.run(requests=3000, seconds=30.0, workers=32, rounds=2),
    "flood": lambda: flood.run(connections=32, requests=1500, seconds=20.0, probes=21),
    "tgflood": lambda: tgflood.run_modes(connections=32, requests=1500, seconds=60.0, samples=21),
}
QUICK: dict[str, Callable[[], dict[str, Any]]] = {
    "engine": lambda: engine_step.run(steps=40, searches=12, rounds=2, warmup=2),
    "pipeline": lambda: pipeline.run(updates=30, rounds=1, warmup=0),
    "publish": lambda: publish.run(publishes=2),
    "coldstart": lambda: coldstart.run(rounds=1),
    "api": lambda: api_load.run(requests=40, seconds=10.0, workers=4, rounds=1),
    "flood": lambda: flood.run(connections=4, requests=40, seconds=3.0, probes=5, warmup=0.5),
    "tgflood": lambda: tgflood.run_modes(connections=4, requests=40, seconds=10.0, samples=3, warmup=0.5),
}


def run(names: list[str], quick: bool) -> dict[str, Any]:
    plan = QUICK if quick else FULL
    started = time.monotonic()
    results: dict[str, Any] = {"machine": machine(), "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                               "quick": quick, "load_average_before": load_average(), "benchmarks": {}}
    for name in names:
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        t0 = time.monotonic()
        results["benchmarks"][name] = plan[name]()
        results["benchmarks"][name]["bench_seconds"] = round(time.monotonic() - t0, 1)
    results["load_average_after"] = load_average()
    results["duration_s"] = round(time.monotonic() - started, 1)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: proves the harness, not the numbers")
    parser.add_argument("--only", nargs="+", choices=list(FULL), default=list(FULL))
    parser.add_argument("--out", type=Path, default=None, help=f"where to write results (default {RESULTS.name} unless --quick)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    results = run(args.only, args.quick)
    print(table(results))
    print(f"\nmachine: {machine_line(results['machine'])}; load average {results['load_average_before']} "
          f"-> {results['load_average_after']}; {results['duration_s']} s")
    out = args.out or (None if args.quick else RESULTS)
    if out is not None:
        out.write_text(json.dumps(results, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
