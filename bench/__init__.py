"""Benchmarks that show the bot is never the bottleneck (``make bench``, ``python -m bench``).

Every benchmark measures a baseline in the same run on the same machine, interleaved with
the subject, and reports ratios and p50/p99; ``bench/results.json`` keeps the last real run.
"""
