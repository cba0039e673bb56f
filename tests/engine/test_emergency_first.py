"""🆘 first where a person may be in danger now, and one press away on every other screen."""

from __future__ import annotations

import pytest

from bot.content.model import EMERGENCY_ID, ROOT_ID
from bot.engine import (
    ButtonPress, ChooseLanguage, Emergency, Engine, Forgotten, FreeText, Help, Home, OpenPage,
    Privacy, Start, State, Unsupported,
)
from bot.engine.actions import decode
from bot.engine.views import emergency_first, page_parts


def to_emergency(reply) -> list[int]:  # noqa: ANN001
    """Positions (in reading order) of the buttons that open the emergency page from
    elsewhere (paging through the emergency page itself does not count)."""
    return [i for i, b in enumerate(reply.all_buttons)
            if (a := decode(b.action)) and a.op == "o" and a.page == EMERGENCY_ID
            and reply.page_id != EMERGENCY_ID]


def first_is_sos(reply) -> bool:  # noqa: ANN001
    return reply.buttons[0][0].label.startswith("🆘") and to_emergency(reply) == [0]


@pytest.mark.parametrize("lang", ["nl", "en", "fr"])
def test_home_starts_with_the_emergency_button(engine: Engine, lang: str) -> None:
    for event in (Start(), Home(), ChooseLanguage(lang)):
        _, reply = engine.handle(State(lang), event)
        assert reply.page_id == ROOT_ID
        assert first_is_sos(reply) and len(reply.buttons[0]) == 1


def test_the_emergency_relevant_screens(snapshot) -> None:  # noqa: ANN001
    """Home, the pages that point to the emergency page, and the menus that hold them."""
    first = {page_id for page_id in snapshot.nodes if emergency_first(snapshot, page_id)}
    pointing = {n.id for n in snapshot.nodes.values() if EMERGENCY_ID in n.related}
    assert {"health-urgent", "health-mental", "violence-domestic"} <= pointing
    menus = {snapshot.nodes[p].parent for p in pointing}
    assert first == {ROOT_ID} | pointing | menus
    assert {"health", "violence"} <= first and not {"work", "school", "about"} & first
    assert not emergency_first(snapshot, EMERGENCY_ID) and not emergency_first(snapshot, None)


@pytest.mark.parametrize("lang", ["nl", "en", "fr"])
def test_every_screen_has_the_emergency_button_once_and_first_where_it_matters(
        engine: Engine, snapshot, lang: str) -> None:  # noqa: ANN001
    for page_id in snapshot.nodes:
        if (lang, page_id) not in snapshot.texts:
            continue
        for part in range(len(page_parts(snapshot, lang, page_id))):
            _, reply = engine.handle(State(lang), OpenPage(page_id, part))
            where = to_emergency(reply)
            if page_id == EMERGENCY_ID:
                assert where == [], page_id  # the page itself: only the way home
            elif emergency_first(snapshot, page_id):
                assert first_is_sos(reply), (page_id, part)
            else:
                assert len(where) == 1 and reply.all_buttons[where[0]].label.startswith("🆘"), page_id


@pytest.mark.parametrize("event", [
    Help(), Privacy(), ChooseLanguage(), Unsupported("sticker"), Forgotten(3),
    FreeText("qwxz vbnm"), ButtonPress("forged"),
])
def test_notices_carry_the_emergency_button(engine: Engine, event) -> None:  # noqa: ANN001
    _, reply = engine.handle(State("nl"), event)
    assert len(to_emergency(reply)) == 1


def test_an_answer_on_an_emergency_relevant_page_keeps_sos_first(engine: Engine) -> None:
    _, reply = engine.handle(State("en"), FreeText("my husband hits me at home, where can i get help"))
    if reply.page_id == EMERGENCY_ID:  # read as danger: the emergency page itself
        assert to_emergency(reply) == []
    else:
        assert emergency_first(engine.snapshot, reply.page_id) and first_is_sos(reply)
    _, reply = engine.handle(State("en"), FreeText("domestic violence"))
    assert reply.page_id == "violence-domestic"
    assert first_is_sos(reply)
    assert any(b.label.startswith("→ ") for b in reply.all_buttons[1:])


def test_the_emergency_page_is_reached_from_sos(engine: Engine) -> None:
    _, home = engine.handle(State("fr"), Start())
    _, reply = engine.handle(State("fr"), ButtonPress(home.buttons[0][0].action))
    assert reply.page_id == EMERGENCY_ID
    _, direct = engine.handle(State("fr"), Emergency())
    assert direct.parts == reply.parts
