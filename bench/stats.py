"""Timing helpers: percentiles, a summary of samples, and the machine a run happened on."""

from __future__ import annotations

import os
import platform
import statistics
import time
from typing import Any, Callable, Sequence

NS_PER_MS = 1_000_000


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) by linear interpolation between closest ranks."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    if len(ordered) == 1:
        return float(ordered[0])
    rank = (len(ordered) - 1) * q / 100.0
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return float(ordered[low] + (ordered[high] - ordered[low]) * (rank - low))


def summary_ms(samples_ns: Sequence[int]) -> dict[str, float]:
    """p50, p99, mean and max in milliseconds, and how many samples they come from."""
    ms = [s / NS_PER_MS for s in samples_ns]
    return {"n": len(ms), "p50_ms": round(percentile(ms, 50), 4), "p99_ms": round(percentile(ms, 99), 4),
            "mean_ms": round(statistics.fmean(ms), 4) if ms else float("nan"),
            "max_ms": round(max(ms), 4) if ms else float("nan")}


def ratio(subject: float, baseline: float) -> float | None:
    return round(subject / baseline, 3) if baseline else None


def time_calls(calls: Sequence[Callable[[], Any]]) -> tuple[list[int], list[int]]:
    """Run each call once; return wall-clock and this thread's CPU durations in nanoseconds.

    Wall time is what a person waits; CPU time leaves out the moments another process on
    a busy machine had the core, so both are kept.
    """
    wall, cpu = [], []
    clock, cpu_clock = time.perf_counter_ns, time.thread_time_ns
    for call in calls:
        start, start_cpu = clock(), cpu_clock()
        call()
        cpu.append(cpu_clock() - start_cpu)
        wall.append(clock() - start)
    return wall, cpu


def interleaved(subject: Sequence[Callable[[], Any]], baseline: Sequence[Callable[[], Any]],
                rounds: int, warmup: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """Time subject and baseline calls in alternating blocks, after warm-up runs of both.

    Alternating in small blocks spreads the noise of a shared machine evenly over both.
    Returns a summary (wall and CPU) for each.
    """
    for calls in (subject, baseline):
        for call in list(calls)[:warmup]:
            call()
    runs: dict[str, list[list[int]]] = {"s_wall": [], "s_cpu": [], "b_wall": [], "b_cpu": []}
    for _ in range(rounds):
        wall, cpu = time_calls(subject)
        runs["s_wall"].append(wall)
        runs["s_cpu"].append(cpu)
        wall, cpu = time_calls(baseline)
        runs["b_wall"].append(wall)
        runs["b_cpu"].append(cpu)
    flat = {k: [x for block in v for x in block] for k, v in runs.items()}
    return ({"wall": summary_ms(flat["s_wall"]), "cpu": summary_ms(flat["s_cpu"])},
            {"wall": summary_ms(flat["b_wall"]), "cpu": summary_ms(flat["b_cpu"])})


def load_average() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_mb() -> int | None:
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return None


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"cpu": _cpu_model(), "cores": cores, "memory_mb": _memory_mb(),
            "python": platform.python_version(), "implementation": platform.python_implementation(),
            "system": f"{platform.system()} {platform.release()}"}


def machine_line(info: dict[str, Any]) -> str:
    return (f"{info['cpu']}, {info['cores']} cores, {info['memory_mb']} MB, "
            f"{info['implementation']} {info['python']}, {info['system']}")
