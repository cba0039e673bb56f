"""A newer content folder reaches a store that already holds content, at the next start,
without overwriting what organisations edited through the API."""

from __future__ import annotations

from pathlib import Path

import httpx

from api.app import create_app
from api.stats import ViewCounter
from tests.api.conftest import BASE, issue_tokens, make_settings, published
from tests.conftest import page_file


async def _start(tmp_path: Path, content: Path):  # noqa: ANN202
    app = create_app(make_settings(tmp_path, content), counter=ViewCounter())
    app.state.test_lifespan = app.router.lifespan_context(app)
    await app.state.test_lifespan.__aenter__()
    return app


async def _stop(app) -> None:  # noqa: ANN001
    await app.state.test_lifespan.__aexit__(None, None, None)
    app.state.repo.close()


def _revisions(app, page_id: str, lang: str) -> int:  # noqa: ANN001
    from api.store import repository as rp

    with app.state.repo.read() as s:
        return len(rp.revision_list(s, page_id, lang))


async def test_a_corrected_fact_and_a_new_page_reach_an_existing_store(tmp_path: Path, mini_content: Path) -> None:
    app = await _start(tmp_path, mini_content)
    tokens = issue_tokens(app)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE) as client:
        await published(client, tokens, page_id="health-gp", lang="fr", title="Edited by A, reviewed by B")
    await _stop(app)

    # The next release corrects the emergency page, adds a page, and changes the fr GP page
    # that an organisation has meanwhile edited through the API.
    for lang in ("nl", "en", "fr"):
        (mini_content / lang / "emergency.md").write_text(page_file(f"Emergency {lang}", "Call **[112](tel:112)**. New fact."))
        (mini_content / lang / "health-new.md").write_text(page_file(f"New page {lang}", "A new page."))
        (mini_content / lang / "health-gp.md").write_text(page_file(f"The GP {lang}", "Folder text, newer."))
    with (mini_content / "tree.yaml").open("a") as tree:
        tree.write("  - {id: health-new, parent: health, kind: page}\n")

    app = await _start(tmp_path, mini_content)
    snapshot = app.state.holder.snapshot
    assert "New fact." in snapshot.text("nl", "emergency").text
    assert snapshot.text("en", "health-new").title == "New page en"
    assert snapshot.nodes["health"].children[-1] == "health-new"
    assert snapshot.text("fr", "health-gp").title == "Edited by A, reviewed by B"  # kept
    assert snapshot.text("en", "health-gp").text == "Folder text, newer."  # nobody had edited it
    revisions = _revisions(app, "emergency", "en")
    await _stop(app)

    # A start with the same folder takes nothing again.
    app = await _start(tmp_path, mini_content)
    assert _revisions(app, "emergency", "en") == revisions
    await _stop(app)


async def test_an_invalid_folder_is_not_taken_and_the_store_still_serves(tmp_path: Path, mini_content: Path) -> None:
    app = await _start(tmp_path, mini_content)
    version = app.state.holder.snapshot.version
    await _stop(app)
    (mini_content / "en" / "emergency.md").write_text("no header at all\n")
    app = await _start(tmp_path, mini_content)
    assert app.state.holder.snapshot.version == version
    await _stop(app)
