"""Log lines: one per record in both formats, exceptions summarised without their message."""

from __future__ import annotations

import io
import json
import logging
import sys
import traceback
from pathlib import Path

import pytest

from bot.logs import JsonFormatter, TextFormatter, exception_summary

CANARY = "heron question 4471"


def line_of(marker: str) -> int:
    lines = Path(__file__).read_text().splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.rstrip().endswith(f"# {marker}"))


def fail_inside() -> None:
    try:
        {}["missing"]
    except KeyError as exc:
        raise ValueError(f"could not answer {CANARY!r}\nsecond line") from exc  # RAISE


def emit(formatter: logging.Formatter) -> list[str]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    log = logging.getLogger("tests.logs.private")
    log.propagate = False
    log.addHandler(handler)
    try:
        log.warning("two\nlines and a stray \ud800 surrogate")
        try:
            fail_inside()  # SECOND_CALL_LINE
        except ValueError:
            log.exception("answer failed")
        record = log.makeRecord(log.name, logging.ERROR, __file__, 1, "already formatted", (), None)
        try:
            fail_inside()
        except ValueError:
            record.exc_text = "".join(traceback.format_exception(*sys.exc_info()))
        log.handle(record)
    finally:
        log.removeHandler(handler)
    return stream.getvalue().splitlines()


@pytest.mark.parametrize("formatter", [TextFormatter(), JsonFormatter()], ids=["text", "json"])
def test_one_line_per_record_and_no_exception_message(formatter: logging.Formatter) -> None:
    lines = emit(formatter)
    assert len(lines) == 3
    assert not [line for line in lines if CANARY in line or "second line" in line]
    for line in lines[1:]:
        assert "ValueError from KeyError at" in line and "test_logs.py" in line and "fail_inside" in line


def test_json_lines_are_objects_with_the_exception_apart() -> None:
    first, second, third = (json.loads(line) for line in emit(JsonFormatter()))
    assert first["message"].startswith("two\nlines") and "exc" not in first
    assert second["message"] == "answer failed" and second["level"] == "ERROR"
    raised = f"ValueError from KeyError at test_logs.py:{line_of('RAISE')} in fail_inside < "
    assert second["exc"] == raised + f"test_logs.py:{line_of('SECOND_CALL_LINE')} in emit"
    assert third["exc"].startswith(raised)


def test_summary_of_an_unusual_traceback_never_raises() -> None:
    assert exception_summary("") == "exception at ?"
    assert exception_summary("garbage: with a message\n  indented") == "garbage at ?"
