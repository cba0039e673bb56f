"""A process that publishes new revisions of one page in a loop, printing each committed
number; the crash test kills it with SIGKILL at an arbitrary moment."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.content.holder import ContentHolder

from api.publish import Publisher, load_snapshot
from api.store import Repository, open_database
from api.store import repository as rp


def main(url: str, content: str) -> None:
    repo = Repository(open_database(url))
    publisher = Publisher(repo, ContentHolder(load_snapshot(repo, Path(content))))
    number = 0
    while True:
        def work(s):  # type: ignore[no-untyped-def]
            current = rp.latest(s, "health-gp", "en")
            assert current is not None
            fields = {**rp.revision_fields(current), "title": f"Title {current.number + 1}",
                      "text": "Padding. " * (50 + current.number % 200)}
            row, snapshot = publisher.stage(s, "health-gp", "en", "page", fields, current.number)
            return row.number, snapshot
        number = publisher.apply(work)
        print(number, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
