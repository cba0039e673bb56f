"""The service's commands: serve, token create|list|revoke, content export, backup, restore."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from bot.settings import get_settings

from api.auth import ROLES


def _repo():  # noqa: ANN202
    from api.store import Repository, open_database

    return Repository(open_database(get_settings().database_url))


def cmd_serve(_args: argparse.Namespace) -> int:
    from api.serve import serve

    return serve(get_settings())


def cmd_token_create(args: argparse.Namespace) -> int:
    from api.auth import create_token

    repo = _repo()
    try:
        with repo.write() as s:
            value, row = create_token(s, args.org, args.role)
    except ValueError as exc:
        print(f"rightsbot: {exc}", file=sys.stderr)
        return 2
    print(value)
    print(f"token {row.id} for {row.org} ({row.role}); it is shown only this once", file=sys.stderr)
    return 0


def cmd_token_list(_args: argparse.Namespace) -> int:
    from api.auth import list_tokens

    with _repo().read() as s:
        for row in list_tokens(s):
            state = f"revoked {row.revoked_at:%Y-%m-%d}" if row.revoked_at else "active"
            print(f"{row.id}\t{row.org}\t{row.role}\tcreated {row.created_at:%Y-%m-%d}\t{state}")
    return 0


def cmd_token_revoke(args: argparse.Namespace) -> int:
    from api.auth import revoke_token

    with _repo().write() as s:
        row = revoke_token(s, args.id)
    if row is None:
        print(f"rightsbot: no token {args.id}", file=sys.stderr)
        return 1
    print(f"token {row.id} of {row.org} ({row.role}) is revoked")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from api.export import export
    from api.publish import load_snapshot

    settings = get_settings()
    snapshot = load_snapshot(_repo(), settings.rightsbot_content_dir)
    count = export(snapshot, Path(args.dir))
    print(f"exported {count} page files ({len(snapshot.nodes)} pages), version {snapshot.short_version}")
    return 0


def _store_file_command(action: Callable[[str, Path], object], file: str, done: str) -> int:
    """Run a backup or restore; a missing or wrong file is a clear message, not a traceback."""
    try:
        action(get_settings().database_url, Path(file))
    except (ValueError, FileNotFoundError) as exc:
        print(f"rightsbot: {exc}", file=sys.stderr)
        return 1
    print(done)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from api.backup import backup

    return _store_file_command(backup, args.file, f"backup written to {args.file}")


def cmd_restore(args: argparse.Namespace) -> int:
    from api.backup import restore

    return _store_file_command(
        restore, args.file, f"restored from {args.file}; restart 'rightsbot serve' to serve it")


def register(sub: argparse._SubParsersAction, content_sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    serve = sub.add_parser("serve", help="run the API, the web pages and the Telegram bot")
    serve.set_defaults(func=cmd_serve)

    token = sub.add_parser("token", help="API tokens for organisations")
    token_sub = token.add_subparsers(dest="token_command", required=True)
    create = token_sub.add_parser("create", help="make a token; it is printed only once")
    create.add_argument("--org", required=True, help="the organisation's name")
    create.add_argument("--role", required=True, choices=ROLES)
    create.set_defaults(func=cmd_token_create)
    token_sub.add_parser("list", help="list tokens (never their values)").set_defaults(func=cmd_token_list)
    revoke = token_sub.add_parser("revoke", help="revoke a token by its number")
    revoke.add_argument("id", type=int)
    revoke.set_defaults(func=cmd_token_revoke)

    export = content_sub.add_parser("export", help="write the published content as a content folder")
    export.add_argument("dir")
    export.set_defaults(func=cmd_export)

    backup = sub.add_parser("backup", help="copy the store to FILE (safe while serving)")
    backup.add_argument("file")
    backup.set_defaults(func=cmd_backup)
    restore = sub.add_parser("restore", help="replace the store with the backup in FILE")
    restore.add_argument("file")
    restore.set_defaults(func=cmd_restore)
