"""Property tests: button data always fits, every part fits Telegram, nothing ever raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from bot.content.parts import TELEGRAM_LIMIT
from bot.content.render import to_telegram_html
from bot.engine import (
    Back, ButtonPress, ChooseLanguage, Emergency, Engine, FreeText, Help, Home, OpenPage,
    Privacy, Start, State, Unsupported,
)
from bot.engine.actions import MAX_BYTES, Action

LANGS = ("nl", "en", "fr")


def test_every_reachable_screen_fits(engine: Engine, snapshot) -> None:  # noqa: ANN001
    """Crawl every button from the start in each language; check parts and actions."""
    for lang in LANGS:
        seen: set[str] = set()
        queue = [b.action for b in engine.handle(State(lang), Start())[1].all_buttons]
        pages: set[str] = set()
        while queue:
            action = queue.pop()
            if action in seen:
                continue
            seen.add(action)
            _, reply = engine.handle(State(lang), ButtonPress(action))
            if reply.page_id:
                pages.add(reply.page_id)
            for part in reply.parts:
                assert len(to_telegram_html(part)) <= TELEGRAM_LIMIT
            for button in reply.all_buttons:
                assert len(button.action.encode()) <= MAX_BYTES
                queue.append(button.action)
        assert pages == set(snapshot.nodes), lang


def page_ids(snapshot):  # noqa: ANN001, ANN201
    return st.sampled_from(sorted(snapshot.nodes))


forged_text = st.one_of(
    st.text(max_size=80),
    st.binary(max_size=70).map(lambda b: b.decode("latin-1")),
    st.builds(lambda op, page, lang, ver, part: f"{op}:{page}:{lang}:{ver}:{part}",
              st.sampled_from("olLhpx"), st.text("abc-xyz0123", max_size=40),
              st.sampled_from(LANGS + ("de", "", "ENG")), st.text("0123456789abcdefg", max_size=8),
              st.integers(-5, 500)),
)


def events(snapshot):  # noqa: ANN001, ANN201
    ids = st.one_of(page_ids(snapshot), st.text(max_size=40))
    return st.one_of(
        st.builds(Start, st.one_of(st.none(), st.text(max_size=64), ids)),
        st.builds(Home), st.builds(Help), st.builds(Privacy), st.builds(Emergency),
        st.builds(OpenPage, ids, st.integers(-3, 50)),
        st.builds(Back, ids),
        st.builds(ChooseLanguage, st.one_of(st.none(), st.sampled_from(LANGS + ("fr-BE", "zz", "")))),
        st.builds(FreeText, st.text(max_size=300)),
        st.builds(ButtonPress, forged_text),
        st.builds(lambda p: ButtonPress(Action("o", p, "en", "abcdef", 0).encode()), page_ids(snapshot)),
        st.builds(Unsupported, st.text(max_size=10)),
    )


def test_random_event_sequences_never_raise(engine: Engine, snapshot) -> None:  # noqa: ANN001
    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.sampled_from(LANGS + ("fr-BE", "xx")), st.lists(events(snapshot), max_size=12))
    def run(lang: str, sequence: list) -> None:
        state = engine.initial_state(lang)
        for event in sequence:
            state, reply = engine.dispatch(engine.snapshot, state, event)
            assert state.lang in LANGS
            assert reply.parts
            for part in reply.parts:
                assert len(to_telegram_html(part)) <= TELEGRAM_LIMIT
            for button in reply.all_buttons:
                assert len(button.action.encode()) <= MAX_BYTES

    run()
