"""The engine over the real content: every event type, stale and forged buttons, search."""

from __future__ import annotations

from bot.content.model import EMERGENCY_ID, ROOT_ID
from bot.content.render import to_plain
from bot.engine import (
    Back, ButtonPress, ChooseLanguage, Emergency, Engine, Forgotten, FreeText, Help, Home,
    OpenPage, Privacy, SharedPersonalData, Start, State, Unsupported,
)
from bot.engine.actions import Action, decode


def text_of(reply) -> str:  # noqa: ANN001
    return "\n".join(to_plain(p) for p in reply.parts)


def test_start_shows_the_main_menu_with_every_topic(engine: Engine, snapshot) -> None:  # noqa: ANN001
    state, reply = engine.handle(State("en"), Start())
    assert reply.page_id == ROOT_ID
    labels = [b.label for b in reply.all_buttons]
    for child in snapshot.nodes[ROOT_ID].children:
        if child != EMERGENCY_ID:
            assert snapshot.text("en", child).button_label in labels
    assert any("Emergency" in label for label in labels)


def test_every_screen_has_a_way_to_the_emergency_numbers(engine: Engine, snapshot) -> None:  # noqa: ANN001
    for page_id in snapshot.nodes:
        if page_id == EMERGENCY_ID:
            continue
        _, reply = engine.handle(State("nl"), OpenPage(page_id))
        actions = [decode(b.action) for b in reply.all_buttons]
        assert any(a and a.page == EMERGENCY_ID for a in actions), page_id


def test_page_ends_with_provenance_in_the_readers_locale(engine: Engine, snapshot) -> None:  # noqa: ANN001
    page = snapshot.text("fr", "health-gp")
    _, reply = engine.handle(State("fr"), OpenPage("health-gp", part=99))
    text = text_of(reply)
    assert "Vérifié par" in text
    assert ("la rédaction de rightsbot" if page.reviewed_by == "rightsbot editors" else page.reviewed_by) in text
    months = {11: "novembre", 10: "octobre", 12: "décembre", 1: "janvier", 2: "février"}
    assert months.get(page.reviewed_on.month, "") in text
    assert "Sources :" in text


def test_deep_links(engine: Engine) -> None:
    state, reply = engine.handle(State("en"), Start("fr_health-gp"))
    assert (state.lang, reply.page_id) == ("fr", "health-gp")
    state, reply = engine.handle(State("nl"), Start("health-dentist"))
    assert (state.lang, reply.page_id) == ("nl", "health-dentist")
    _, reply = engine.handle(State("en"), Start("xx_nothing"))
    assert reply.page_id == ROOT_ID


def test_back_and_home(engine: Engine, snapshot) -> None:  # noqa: ANN001
    _, reply = engine.handle(State("en"), Back("health-gp"))
    assert reply.page_id == snapshot.nodes["health-gp"].parent
    _, reply = engine.handle(State("en"), Home())
    assert reply.page_id == ROOT_ID


def test_language_menu_and_switch(engine: Engine) -> None:
    _, reply = engine.handle(State("en"), ChooseLanguage())
    assert [b.label for b in reply.all_buttons[:3]] == ["Nederlands", "English", "Français"]
    state, reply = engine.handle(State("en"), ButtonPress(reply.all_buttons[2].action))
    assert state.lang == "fr" and reply.lang == "fr" and "Langue" in text_of(reply)


def test_buttons_answer_without_memory(engine: Engine) -> None:
    _, reply = engine.handle(State("nl"), OpenPage("health"))
    press = next(b for b in reply.all_buttons if decode(b.action).page == "health-gp")
    state, answered = engine.handle(State("en"), ButtonPress(press.action))
    assert state.lang == "nl" and answered.page_id == "health-gp"


def test_stale_version_still_answers_with_a_notice(engine: Engine) -> None:
    stale = Action("o", "health-gp", "en", "000000", 0).encode()
    _, reply = engine.handle(State("en"), ButtonPress(stale))
    assert reply.page_id == "health-gp"
    assert reply.notice and "updated" in reply.notice


def test_unknown_page_and_forged_data(engine: Engine) -> None:
    gone = Action("o", "no-such-page", "en", "000000", 0).encode()
    _, reply = engine.handle(State("en"), ButtonPress(gone))
    assert reply.page_id == ROOT_ID and "no longer available" in reply.notice
    for forged in ["", "x", "o:home:en", "o:../../etc:en:abcdef:0", "o:home:de:abcdef:0",
                   "o:home:en:abcdef:999", "l::zz:abcdef:0", "☃" * 80, "o:home:en:ABCDEF:0"]:
        _, reply = engine.handle(State("en"), ButtonPress(forged))
        assert reply.page_id == ROOT_ID, forged


def test_free_text_finds_a_page_and_offers_alternatives(engine: Engine) -> None:
    state, reply = engine.handle(State("en"), FreeText("my boss does not pay my salary"))
    assert reply.page_id == "work-wages"
    assert reply.results[0][0] == "work-wages"


def test_free_text_never_shows_the_same_button_twice(engine: Engine) -> None:
    for question in ["who pays the doctor", "hospital bill no insurance", "dentist children"]:
        _, reply = engine.handle(State("en"), FreeText(question))
        actions = [b.action for b in reply.all_buttons]
        assert len(actions) == len(set(actions)), question


def test_free_text_in_another_language_switches(engine: Engine) -> None:
    state, reply = engine.handle(State("en"), FreeText("mijn baas betaalt mijn loon niet"))
    assert state.lang == "nl" and reply.page_id == "work-wages"


def test_danger_comes_first(engine: Engine) -> None:
    for lang, message in [("nl", "ik wil niet meer leven"), ("en", "my husband hits me"),
                          ("fr", "j'ai envie de mourir"), ("en", "my friend is unconscious")]:
        _, reply = engine.handle(State(lang), FreeText(message))
        assert reply.page_id == EMERGENCY_ID, message
        assert "112" in text_of(reply) and "113" in text_of(reply)


def test_nonsense_gets_a_kind_not_understood(engine: Engine) -> None:
    _, reply = engine.handle(State("en"), FreeText("qwzx vbnm plokij"))
    assert reply.page_id is None
    assert "did not understand" in text_of(reply)
    assert any(decode(b.action).page == ROOT_ID for b in reply.all_buttons)


def test_other_events(engine: Engine) -> None:
    for event, expected in [(Help(), "topic"), (Privacy(), "name"), (Unsupported("sticker"), "text"),
                            (SharedPersonalData(), "phone number"), (Forgotten(3), "3 messages")]:
        _, reply = engine.handle(State("en"), event)
        assert expected in text_of(reply), event
    _, reply = engine.handle(State("en"), Emergency())
    assert reply.page_id == EMERGENCY_ID
    _, reply = engine.handle(State("nl"), Forgotten(1))
    assert "1 bericht " in text_of(reply)


def test_unknown_state_language_is_negotiated(engine: Engine) -> None:
    state, reply = engine.handle(State("fr-BE"), Home())
    assert reply.lang == "fr"
    assert engine.initial_state("nl-NL").lang == "nl"
    assert engine.initial_state("tlh").lang == "en"


def test_an_unclear_question_offers_the_best_three(engine: Engine) -> None:
    _, reply = engine.handle(State("en"), FreeText("docteur sans assurance"))
    assert reply.page_id is None and reply.lang == "fr"
    assert "Laquelle correspond" in text_of(reply)
    guesses = [b.action for row in reply.buttons for b in row if b.label.startswith("→ ")]
    assert 1 <= len(guesses) <= 3
    assert any(":health-" in action for action in guesses)


def test_danger_shows_the_emergency_page_and_the_questions_pages_below(engine: Engine) -> None:
    question = "can my son go to school without papers, my husband is hitting me right now"
    _, reply = engine.handle(State("en"), FreeText(question))
    assert reply.page_id == EMERGENCY_ID
    assert "112" in text_of(reply) and "Below are more answers to your question." in text_of(reply)
    below = [b.action for row in reply.buttons for b in row if b.label.startswith("→ ")]
    assert any(action.startswith("o:school-right:") for action in below)


def test_the_first_screen_of_the_emergency_page_holds_every_crisis_number(engine: Engine, snapshot) -> None:  # noqa: ANN001
    """A person in danger may read no further than the first screen."""
    for lang in snapshot.languages:
        _, reply = engine.handle(State(lang), OpenPage(EMERGENCY_ID))
        first = text_of(reply)
        for number in ("112", "113", "0800-0113", "0800-0188", "0800-2000"):
            assert number in first, (lang, number)
