"""The ``rightsbot`` command: ask, chat, content check/status, and the service commands.

Commands of the service (serve, token, backup, ...) live beside the code they run and
register themselves here through :data:`COMMAND_MODULES`.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import sys
from datetime import date
from pathlib import Path
from typing import Callable

from bot.content import ContentError, load_content
from bot.content.holder import ContentHolder
from bot.content.phones import convert_page
from bot.content.problems import Problem
from bot.content.plain import plain_language_warnings
from bot.content.status import content_status, format_status
from bot.channels.fit import fit_problems
from bot.channels.terminal import render, run
from bot.engine import Engine, FreeText
from bot.search import Searcher
from bot.settings import get_settings

# Modules with a ``register(subparsers)`` function that adds their commands.
COMMAND_MODULES = ("api.cli",)


def _content_path(arg: str | None) -> Path:
    return Path(arg) if arg else get_settings().rightsbot_content_dir


def load_or_exit(path: Path):  # noqa: ANN201
    try:
        return load_content(path, today=date.today())
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        sys.exit(1)


def cmd_check(args: argparse.Namespace) -> int:
    path = _content_path(args.path)
    try:
        snapshot = load_content(path, today=date.today())
        # Every screen of every page, rendered as each channel sends it, within its limits.
        misfits = [Problem(f"{p.lang}/{p.page_id}.md", 1, p.message) for p in fit_problems(snapshot)]
        if misfits:
            raise ContentError(misfits)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem)
        print(f"{len(exc.problems)} problem(s) in {path}", file=sys.stderr)
        return 1
    warnings = plain_language_warnings(path, snapshot.languages, list(snapshot.nodes))
    for warning in warnings:
        print(warning)
    pages = len(snapshot.nodes)
    print(f"ok: {pages} pages in {len(snapshot.languages)} languages "
          f"({', '.join(snapshot.languages)}), version {snapshot.short_version}"
          + (f"; {len(warnings)} plain-language warning(s)" if warnings else ""))
    return 0


def cmd_phones(args: argparse.Namespace) -> int:
    """Make every phone number in the pages' text a tappable tel: link (``--write``), or
    list what would change; exit 1 when a number is left that is not valid."""
    root = _content_path(args.path)
    made = invalid = 0
    for path in sorted(root.glob("*/*.md")):
        display = path.relative_to(root).as_posix()
        result = convert_page(path.read_text(encoding="utf-8"))
        for line, shown in result.made:
            digits = "".join(c for c in shown if c.isdigit())
            print(f"{display}:{line}: {shown} -> [{shown}](tel:{digits})")
        for line, message in result.invalid:
            print(f"{display}:{line}: {message}", file=sys.stderr)
        if result.made and args.write:
            path.write_text(result.text, encoding="utf-8")
        made += len(result.made)
        invalid += len(result.invalid)
    done = "made" if args.write else "to make (add --write)"
    print(f"{made} phone links {done} in {root}; {invalid} numbers that are not valid")
    return 1 if invalid else 0


def cmd_status(args: argparse.Namespace) -> int:
    status = content_status(_content_path(args.path), today=date.today())
    print(json.dumps(status, indent=2, ensure_ascii=False) if args.json else format_status(status))
    return 0 if status["ok"] else 1


MAX_BATCH_QUESTION = 2000


def _answer(snapshot, searcher: Searcher, question: str, lang: str | None, limit: int) -> dict:  # noqa: ANN001
    """The JSON answer to one question: the same keys for ``ask --json`` and ``ask --batch``."""
    result = searcher.search(snapshot, question[:MAX_BATCH_QUESTION], lang, limit=limit)
    return {
        "lang": result.lang,
        "confident": result.confident,
        "danger": result.danger,
        "results": [
            {"id": h.page_id, "title": snapshot.text(result.lang, h.page_id).title,
             "text": snapshot.text(result.lang, h.page_id).text, "score": round(h.score, 3)}
            for h in result.hits if (result.lang, h.page_id) in snapshot.texts
        ],
    }


def cmd_batch(args: argparse.Namespace, snapshot) -> int:  # noqa: ANN001
    """One JSON line in, one JSON line out; a bad line gets an error line, never a stop."""
    searcher = Searcher()
    status = 0
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            question = record["q"]
            lang = record.get("lang") or args.lang
            if not isinstance(question, str) or (lang is not None and lang not in snapshot.languages):
                raise ValueError
        except (ValueError, KeyError, TypeError):
            print(json.dumps({"error": f"line {number}: expected {{\"q\": text, \"lang\": "
                              f"one of {', '.join(snapshot.languages)} (optional)}}"}), flush=True)
            status = 1
            continue
        print(json.dumps(_answer(snapshot, searcher, question, lang, args.limit), ensure_ascii=False), flush=True)
    return status


def cmd_ask(args: argparse.Namespace) -> int:
    snapshot = load_or_exit(_content_path(args.content))
    if args.batch:
        return cmd_batch(args, snapshot)
    if not args.question:
        print("give a question, or --batch to read JSON lines from standard input", file=sys.stderr)
        return 2
    question = " ".join(args.question)
    if not args.json:  # the answer as the bot would give it, buttons included
        engine = Engine(ContentHolder(snapshot))
        _, reply = engine.handle(engine.initial_state(args.lang), FreeText(question))
        print(render(reply))
        return 0
    payload = _answer(snapshot, Searcher(), question, args.lang, args.limit)
    print(json.dumps(payload, ensure_ascii=False, indent=2))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Understanding figures on the frozen question set (dev, test or all)."""
    from bot.evaluation import DANGER_FILE, QUESTIONS_FILE, evaluate, format_report, read_records
    snapshot = load_or_exit(_content_path(args.content))
    folder = Path(args.set) if args.set else _content_path(args.content).parent / "eval"
    questions = read_records(folder / QUESTIONS_FILE, args.split)
    danger = read_records(folder / DANGER_FILE, args.split)
    if not questions and not danger:
        print(f"no evaluation records in {folder} (split {args.split})", file=sys.stderr)
        return 1
    report = evaluate(snapshot, questions, danger)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(f"split: {args.split}  questions: {len(questions)}  danger messages: {len(danger)}")
        print(format_report(report, show_misses=args.misses))
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    snapshot = load_or_exit(_content_path(args.content))
    return run(Engine(ContentHolder(snapshot)), sys.stdin, sys.stdout, args.lang)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rightsbot", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", help="answer one question as the bot would")
    ask.add_argument("--lang", help="answer in this language (default: the question's)")
    ask.add_argument("--json", action="store_true", help="print the ranked results as JSON")
    ask.add_argument("--limit", type=int, default=5)
    ask.add_argument("--content", help="content folder (default: the bundled content)")
    ask.add_argument("--batch", action="store_true",
                     help='read JSON lines {"q": ..., "lang": optional} from standard input; '
                          "write one JSON answer per line")
    ask.add_argument("question", nargs="*")
    ask.set_defaults(func=cmd_ask)

    evaluation = sub.add_parser("eval", help="understanding figures on the frozen question set")
    evaluation.add_argument("--split", choices=["dev", "test", "all"], default="test")
    evaluation.add_argument("--set", help="folder with questions.jsonl and danger.jsonl (default: eval/)")
    evaluation.add_argument("--content", help="content folder (default: the bundled content)")
    evaluation.add_argument("--json", action="store_true")
    evaluation.add_argument("--misses", type=int, default=20, help="how many misses to list")
    evaluation.set_defaults(func=cmd_eval)

    chat = sub.add_parser("chat", help="the conversation in a terminal")
    chat.add_argument("--lang", choices=["nl", "en", "fr"])
    chat.add_argument("--content", help="content folder (default: the bundled content)")
    chat.set_defaults(func=cmd_chat)

    content = sub.add_parser("content", help="check and report on content")
    content_sub = content.add_subparsers(dest="content_command", required=True)
    check = content_sub.add_parser("check", help="validate content; exit 1 on any problem")
    check.add_argument("path", nargs="?")
    check.set_defaults(func=cmd_check)
    phones = content_sub.add_parser(
        "phones", help="make phone numbers in the pages' text tappable [0800-2000](tel:08002000) links")
    phones.add_argument("path", nargs="?")
    phones.add_argument("--write", action="store_true", help="rewrite the files (default: only list)")
    phones.set_defaults(func=cmd_phones)
    status = content_sub.add_parser("status", help="pages, missing and stale pages per language")
    status.add_argument("path", nargs="?")
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=cmd_status)

    for name in COMMAND_MODULES:
        if importlib.util.find_spec(name.rsplit(".", 1)[0]) and importlib.util.find_spec(name):
            register: Callable[..., None] = importlib.import_module(name).register
            register(sub, content_sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped reading; that is fine
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:  # Ctrl-C: the service has already logged its shutdown, one
        return 130  # line per event; a traceback here would only be noise for log collectors


if __name__ == "__main__":
    sys.exit(main())
