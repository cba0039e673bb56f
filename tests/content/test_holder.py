from pathlib import Path

from bot.content import load_content
from bot.content.holder import ContentHolder
from bot.engine import Engine
from bot.search import Searcher


def test_the_search_index_is_ready_before_a_new_snapshot_is_served(snapshot, mini_content: Path) -> None:  # noqa: ANN001
    holder = ContentHolder(snapshot)
    searcher = Searcher()
    Engine(holder, searcher)
    seen_when_prepared: list[str] = []
    holder.prepare_with(lambda new: seen_when_prepared.append(holder.snapshot.version))
    mini = load_content(mini_content)
    holder.swap(mini)
    assert holder.snapshot is mini
    assert seen_when_prepared == [snapshot.version]  # preparers run before the swap
    assert searcher._version == mini.version  # built during the swap, not on first search


def test_a_failing_preparer_keeps_the_old_snapshot(snapshot, mini_content: Path) -> None:  # noqa: ANN001
    holder = ContentHolder(snapshot)

    def broken(_new) -> None:  # noqa: ANN001
        raise RuntimeError("cannot prepare")

    holder.prepare_with(broken)
    try:
        holder.swap(load_content(mini_content))
    except RuntimeError:
        pass
    assert holder.snapshot is snapshot
