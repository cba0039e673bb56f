"""``make fuzz``: random events through the engine and random updates through the bot.

    python -m tests.ops.fuzz [--events 100000] [--updates 20000] [--seed 0] [--jobs 2]

Work is split into chunks with their own seeds and run in parallel processes; a failure
names the seed and the event or update number that reproduce it. Prints the counts.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from datetime import date

from bot.content import load_content
from bot.content.holder import ContentHolder
from bot.engine import Engine
from bot.settings import BUNDLED_CONTENT
from tests.ops.fuzz_engine import EngineFuzz
from tests.ops.fuzz_updates import UpdateFuzz

CHUNK = 10_000


def _engine() -> Engine:
    return Engine(ContentHolder(load_content(BUNDLED_CONTENT, today=date.today())))


def run_chunk(kind: str, count: int, seed: int) -> Counter[str]:
    engine = _engine()
    if kind == "events":
        return EngineFuzz(engine, seed).run(count)
    return asyncio.run(UpdateFuzz(engine, seed).run(count))


def chunks(kind: str, total: int, seed: int) -> list[tuple[str, int, int]]:
    return [(kind, min(CHUNK, total - start), seed * 1000 + index)
            for index, start in enumerate(range(0, total, CHUNK))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--updates", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    work = chunks("updates", args.updates, args.seed) + chunks("events", args.events, args.seed)
    started = time.monotonic()
    totals = {"events": Counter[str](), "updates": Counter[str]()}
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [(kind, pool.submit(run_chunk, kind, count, seed)) for kind, count, seed in work]
        try:
            for kind, future in futures:
                totals[kind].update(future.result())
        except AssertionError as exc:
            print(f"fuzz: FAILED: {exc}", file=sys.stderr)
            return 1
    for kind, counts in totals.items():
        print(f"{kind}: {counts.pop(kind, 0)} sent, no unhandled error")
        for name, value in sorted(counts.items()):
            print(f"  {name}: {value}")
    print(f"fuzz: done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
