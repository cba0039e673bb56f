"""The store on SQLite (durability settings) and on a real, throwaway PostgreSQL server.

The PostgreSQL tests start their own server with the machine's ``initdb``/``pg_ctl`` on a
free loopback port; without those binaries or without psycopg they skip and say why.
"""

from __future__ import annotations

import asyncio
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import AsyncIterator, Iterator

import httpx
import pytest
from sqlalchemy import text

from api.app import create_app
from api.stats import ViewCounter
from api.store import open_database
from api.store.db import normalise_url
from tests.api.conftest import BASE, auth, issue_tokens, propose, published
from tests.api.test_serve import free_port


def test_sqlite_is_durable(tmp_path: Path) -> None:
    engine = open_database(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    engine.dispose()


def test_postgres_urls_use_psycopg3() -> None:
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:///x") == "sqlite:///x"


def _server_binaries() -> tuple[str, str] | None:
    initdb = shutil.which("initdb") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))[-1:]), None)
    if not initdb:
        return None
    pg_ctl = str(Path(initdb).with_name("pg_ctl"))
    return (initdb, pg_ctl) if Path(pg_ctl).exists() else None


@pytest.fixture(scope="module")
def postgres_server() -> Iterator[str]:
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install '.[postgres]')")
    binaries = _server_binaries()
    if binaries is None:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
    initdb, pg_ctl = binaries
    root = Path(tempfile.mkdtemp(prefix="rightsbot-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the server")
        os.chown(root, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", free_port()
    subprocess.run([*prefix, initdb, "-D", str(data), "-U", "rightsbot", "--auth=trust", "-E", "UTF8"],
                   check=True, capture_output=True, timeout=120)
    subprocess.run([*prefix, pg_ctl, "-D", str(data), "-l", str(root / "log"), "-w", "-t", "60",
                    "-o", f"-p {port} -h 127.0.0.1 -k {root}", "start"], check=True, capture_output=True, timeout=120)
    try:
        yield f"postgresql://rightsbot@127.0.0.1:{port}"
    finally:
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"], capture_output=True, timeout=120)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
async def pg_client(postgres_server: str, tmp_path: Path, mini_content: Path
                    ) -> AsyncIterator[tuple[httpx.AsyncClient, dict[str, str], object]]:
    import psycopg

    name = "t" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_server + "/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    from tests.api.conftest import make_settings

    settings = make_settings(tmp_path, mini_content).model_copy(
        update={"rightsbot_database_url": f"{postgres_server}/{name}"})
    app = create_app(settings, counter=ViewCounter())
    tokens = issue_tokens(app)
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE) as client:
            yield client, tokens, app
    app.state.repo.close()


async def test_postgres_workflow_and_race(pg_client: tuple[httpx.AsyncClient, dict[str, str], object]) -> None:
    client, tokens, app = pg_client
    assert app.state.repo.engine.dialect.name == "postgresql"  # type: ignore[attr-defined]
    change = await published(client, tokens, title="On PostgreSQL")
    assert app.state.holder.snapshot.text("en", "health-gp").title == "On PostgreSQL"  # type: ignore[attr-defined]
    assert change["revision"] == 2
    ids = []
    for author in ("a-editor", "b-editor"):
        created = (await propose(client, tokens[author], title=f"Race {author}")).json()
        await client.post(f"/changes/{created['id']}/submit", headers=auth(tokens[author]))
        ids.append(created["id"])
    results = await asyncio.gather(
        client.post(f"/changes/{ids[0]}/approve", headers=auth(tokens["b-reviewer"])),
        client.post(f"/changes/{ids[1]}/approve", headers=auth(tokens["a-reviewer"])),
    )
    assert sorted(r.status_code for r in results) == [200, 409]
    audit = (await client.get("/audit", headers=auth(tokens["admin"]))).json()
    assert sum(e["action"] == "change.approve" for e in audit) == 2


def test_a_first_start_serves_what_a_later_start_reads_back(tmp_path) -> None:  # noqa: ANN001
    from api.publish import load_snapshot
    from api.store.db import open_database
    from api.store.repository import Repository
    from bot.settings import get_settings

    content = get_settings().rightsbot_content_dir
    repo = Repository(open_database(f"sqlite:///{tmp_path / 'store.sqlite3'}"))
    first = load_snapshot(repo, content)  # imports the folder
    again = load_snapshot(repo, content)  # reads the store back
    assert first.version == again.version and first.lexicon == again.lexicon


def test_postgres_migrations_run_once_under_concurrent_starts(postgres_server: str) -> None:
    """Four processes' worth of starts on one new database: the advisory lock lets one make
    the schema and the others find it at the newest revision."""
    import psycopg
    from concurrent.futures import ThreadPoolExecutor

    from api.store.migrate import HEAD

    name = "m" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_server + "/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = f"{postgres_server}/{name}"

    def start(_: int) -> str:
        engine = open_database(url)
        try:
            with engine.connect() as conn:
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        finally:
            engine.dispose()

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(start, range(4))) == [HEAD] * 4


def test_postgres_store_at_the_first_revision_is_upgraded(postgres_server: str) -> None:
    import psycopg
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, inspect

    from api.store.migrate import HEAD, SCRIPTS

    name = "u" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_server + "/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = normalise_url(f"{postgres_server}/{name}")
    old = create_engine(url)
    with old.begin() as conn:
        config = Config()
        config.set_main_option("script_location", str(SCRIPTS))
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(text("INSERT INTO meta (key, value) VALUES ('languages', '[\"en\"]')"))
    old.dispose()
    engine = open_database(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
        assert "recheck_by" in {c["name"] for c in inspect(conn).get_columns("revisions")}
        assert conn.execute(text("SELECT value FROM meta WHERE key = 'languages'")).scalar() == '["en"]'
    engine.dispose()
