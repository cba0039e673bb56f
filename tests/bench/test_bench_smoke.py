"""Each benchmark runs end to end with tiny sizes; only the shape of the results is checked,
never a timing (those depend on the machine and are for ``make bench`` to report)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.__main__ import QUICK, main, run
from bench.report import HEADER, table
from bench.stats import percentile

pytestmark = pytest.mark.slow

EXPECTED = {
    "engine": ("step_real", "step_10x", "search", "free_text_step", "index_build_ms", "sizes"),
    "pipeline": ("bot_updates_per_s", "echo_updates_per_s", "ratio", "runs", "met"),
    "publish": ("publish_to_served", "baseline_bot_answer", "approve_request", "met"),
    "coldstart": ("serve_s", "baseline_s", "serve_peak_mb", "baseline_peak_mb", "met"),
    "api": ("serve", "baseline", "rps_ratio", "serve_peak_mb", "met"),
    "flood": ("health_baseline", "health_flood", "ratio", "flood", "met"),
    "tgflood": ("polling", "webhook", "modes", "met"),
}


def test_percentile_interpolates() -> None:
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile([5], 99) == 5
    assert percentile([1, 2, 3, 4, 5], 100) == 5


@pytest.mark.parametrize("name", list(QUICK))
def test_benchmark_runs_and_reports(name: str) -> None:
    results = run([name], quick=True)
    found = results["benchmarks"][name]
    for key in EXPECTED[name]:
        assert key in found, key
    assert isinstance(found["met"] if "met" in found else found["search"]["met"], bool)
    assert results["machine"]["cores"] >= 1 and results["machine"]["python"]
    lines = table(results).splitlines()
    assert lines[0].split()[0] == HEADER[0] and len(lines) >= 3


def test_pipeline_bots_answer_every_update_without_refused_calls() -> None:
    found = run(["pipeline"], quick=True)["benchmarks"]["pipeline"]
    for kind in ("bot", "echo"):
        (only,) = found["runs"][kind]
        assert only["handling"]["n"] == only["updates"]
        assert only["refused_calls"] == 0, only["refused_kinds"]
        assert only["bot_api_calls_per_update"] >= 1


def test_api_load_counts_every_request() -> None:
    found = run(["api"], quick=True)["benchmarks"]["api"]
    assert found["serve"]["requests"] == 40 and found["baseline"]["requests"] == 40
    assert found["serve"]["errors"] == 0, found["serve"]["runs"][0]["error_kinds"]


def test_main_writes_results_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "results.json"
    assert main(["--quick", "--only", "engine", "--out", str(out)]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert set(written["benchmarks"]) == {"engine"} and written["quick"] is True
    printed = capsys.readouterr().out
    assert "machine:" in printed and "2 engine" in printed
