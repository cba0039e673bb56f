"""The rightsbot command as a person uses it: ask, chat, content status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True,
                          text=True, input=stdin, cwd=ROOT, timeout=60)


def test_ask_json_in_french() -> None:
    done = run("ask", "--json", "--lang", "fr", "j'ai très mal aux dents")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["lang"] == "fr"
    assert data["results"][0]["id"] == "health-dentist"
    first = data["results"][0]
    assert set(first) == {"id", "title", "text", "score"}
    scores = [r["score"] for r in data["results"]]
    assert scores == sorted(scores, reverse=True)


def test_ask_puts_the_emergency_page_first() -> None:
    data = json.loads(run("ask", "--json", "ik wil niet meer leven").stdout)
    assert data["lang"] == "nl"
    assert data["results"][0]["id"] == "emergency"
    assert "113" in data["results"][0]["text"]


def test_ask_plain_prints_the_answer_and_buttons() -> None:
    done = run("ask", "--lang", "en", "my tooth hurts so much i need a dentist")
    assert done.returncode == 0
    assert "[1]" in done.stdout and "Checked by" in done.stdout


def test_chat_through_stdin() -> None:
    done = run("chat", "--lang", "en", stdin="1\nwhere can i see a doctor\n/menu\n/quit\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("> ") >= 3
    assert "Emergency numbers" in done.stdout


def test_chat_in_a_pseudo_terminal() -> None:
    child = pexpect.spawn(sys.executable, ["-m", "bot.cli", "chat", "--lang", "nl"], cwd=str(ROOT),
                          encoding="utf-8", timeout=30)
    child.expect("> ")
    child.sendline("/emergency")
    child.expect("112")
    child.expect("> ")
    child.sendline("/language")
    child.expect(r"\[(\d+)\] Français")
    number = child.match.group(1)
    child.expect("> ")
    child.sendline(number)
    child.expect("Langue : Français")
    child.expect("> ")
    child.sendline("/quit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_content_status_json() -> None:
    done = run("content", "status", "--json")
    assert done.returncode == 0, done.stdout
    status = json.loads(done.stdout)
    for lang in ("nl", "en", "fr"):
        assert status["languages"][lang]["missing"] == []
        assert status["languages"][lang]["pages"] >= 60


def test_ask_batch_answers_each_line_with_the_json_keys() -> None:
    lines = "\n".join([
        json.dumps({"q": "j'ai très mal aux dents", "lang": "fr"}),
        json.dumps({"q": "ik wil niet meer leven"}),
        "not json",
        json.dumps({"q": "doctor", "lang": "xx"}),
        json.dumps({"q": "where can i sleep tonight"}),
    ]) + "\n"
    done = run("ask", "--batch", stdin=lines)
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(answers) == 5 and done.returncode == 1  # two bad lines, every line answered
    first, danger, bad_json, bad_lang, english = answers
    assert set(first) == {"lang", "confident", "danger", "results"}
    assert first["lang"] == "fr" and first["results"][0]["id"] == "health-dentist"
    assert danger["danger"] == "suicide" and danger["results"][0]["id"] == "emergency"
    assert "line 3" in bad_json["error"] and "line 4" in bad_lang["error"]
    assert english["lang"] == "en" and set(english["results"][0]) == {"id", "title", "text", "score"}


def test_eval_prints_the_figures_of_the_test_part() -> None:
    done = run("eval", "--misses", "3")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("split: test")
    for heading in ("top-1", "top-3", "conf.wrong", "right-not-shown", "recall", "false alarms",
                    "lang:nl", "lang:en", "lang:fr", "category:typo", "kind:suicide", "misses (first 3"):
        assert heading in out, heading
    data = json.loads(run("eval", "--json", "--split", "dev", "--misses", "0").stdout)
    assert data["questions"]["all"]["n"] > 200 and data["danger"]["all"]["positives"] > 90
