"""One true date: the reviewer in the reader's language, and pages past their recheck date
say so, in every language, on a fixed clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.content.holder import ContentHolder
from bot.content.model import Snapshot
from bot.content.render import to_plain
from bot.engine import Engine, FreeText, OpenPage, State

RECHECK = date(2027, 3, 1)
WARNING = {"en": "may be out of date", "nl": "misschien verouderd", "fr": "plus à jour"}
DATE_TEXT = {"en": "March 1, 2027", "nl": "1 maart 2027", "fr": "1 mars 2027"}


def _with(snapshot: Snapshot, page_id: str, **changes: object) -> Snapshot:
    texts = [replace(t, **changes) if t.id == page_id else t for t in snapshot.texts.values()]
    return Snapshot.build(snapshot.languages, snapshot.nodes.values(), texts, snapshot.lexicon)


def _text(reply) -> str:  # noqa: ANN001
    return "\n".join(to_plain(p) for p in reply.parts)


@pytest.fixture(scope="module")
def dated(snapshot: Snapshot) -> Snapshot:
    return _with(snapshot, "housing-shelter-now", recheck_by=RECHECK)


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_a_page_past_its_recheck_date_warns_in_the_readers_language(dated: Snapshot, searcher, lang: str) -> None:  # noqa: ANN001
    late = Engine(ContentHolder(dated), searcher, today=lambda: date(2027, 3, 2))
    _, reply = late.handle(State(lang), OpenPage("housing-shelter-now"))
    text = _text(reply)
    assert WARNING[lang] in text and DATE_TEXT[lang] in text
    # The warning comes right after the title, before the first fact.
    assert text.index(WARNING[lang]) < text.index(dated.text(lang, "housing-shelter-now").plain[:30])


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_no_warning_on_or_before_the_recheck_date(dated: Snapshot, searcher, lang: str) -> None:  # noqa: ANN001
    on_time = Engine(ContentHolder(dated), searcher, today=lambda: RECHECK)
    _, reply = on_time.handle(State(lang), OpenPage("housing-shelter-now"))
    assert WARNING[lang] not in _text(reply)


def test_a_search_answer_carries_the_warning_too(dated: Snapshot, searcher) -> None:  # noqa: ANN001
    late = Engine(ContentHolder(dated), searcher, today=lambda: date(2028, 1, 1))
    question = dated.text("en", "housing-shelter-now").search[0]
    _, reply = late.handle(State("en"), FreeText(question))
    assert reply.page_id == "housing-shelter-now"
    assert WARNING["en"] in _text(reply)


@pytest.mark.parametrize("lang, name", [("en", "the rightsbot editors"), ("nl", "de redactie van rightsbot"),
                                        ("fr", "la rédaction de rightsbot")])
def test_the_house_editors_are_named_in_the_readers_language(engine: Engine, lang: str, name: str) -> None:
    _, reply = engine.handle(State(lang), OpenPage("health-gp", part=99))
    assert name in _text(reply) and "rightsbot editors" not in _text(reply).replace("the rightsbot editors", "")


def test_an_organisation_that_reviewed_keeps_its_own_name(snapshot: Snapshot, searcher) -> None:  # noqa: ANN001
    reviewed = _with(snapshot, "health-gp", reviewed_by="Stichting LOS")
    _, reply = Engine(ContentHolder(reviewed), searcher).handle(State("nl"), OpenPage("health-gp", part=99))
    assert "Gecontroleerd door Stichting LOS op" in _text(reply)
