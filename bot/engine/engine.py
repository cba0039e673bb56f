"""The conversation state machine: ``handle(state, event) -> (state, reply)``.

It is pure: no I/O, no channel imports, and the date (which decides whether a page is past
its recheck date) comes from a function it is given. Buttons carry everything needed to
answer them (see :mod:`bot.engine.actions`), so the only state is the reader's language.
Anything a client can send, forged button data included, gets a helpful reply.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Callable, Protocol

from bot.content.model import EMERGENCY_ID, ROOT_ID, Snapshot
from bot.engine import events as ev
from bot.engine.actions import decode
from bot.engine.reply import Button, Reply, State
from bot.engine.views import (
    ABOUT_PRIVACY_ID, emergency_row, language_menu, notice_view, open_action, page_button,
    page_view, paragraph, simple_action,
)
from bot.i18n import gettext, language_name, negotiate, translations
from bot.search import Searcher

log = logging.getLogger(__name__)
# Danger is looked for in the whole message (up to this); search reads its first 500 characters.
MAX_QUESTION = 2000
OTHER_ANSWERS = 3


class ContentSource(Protocol):
    @property
    def snapshot(self) -> Snapshot: ...


class Engine:
    def __init__(self, content: ContentSource, searcher: Searcher | None = None,
                 today: Callable[[], date] = date.today) -> None:
        self.content = content
        self.searcher = searcher or Searcher()
        self.today = today
        prepare_with = getattr(content, "prepare_with", None)
        if prepare_with is not None:  # build each new snapshot's search index before it is served
            prepare_with(self.searcher.index)

    @property
    def snapshot(self) -> Snapshot:
        return self.content.snapshot

    def initial_state(self, language_code: str | None = None) -> State:
        """The state of a new conversation, from the client's language code if any."""
        return State(negotiate(language_code, self.snapshot.languages))

    def handle(self, state: State, event: ev.Event) -> tuple[State, Reply]:
        """Answer one event. Never raises: an internal fault still gets a way back."""
        snapshot = self.snapshot
        if state.lang not in snapshot.languages:
            state = State(negotiate(state.lang, snapshot.languages))
        try:
            return self.dispatch(snapshot, state, event)
        except Exception as exc:  # a safety net; the property tests keep it unused
            log.error("engine fault: %s", type(exc).__name__)
            _ = gettext(state.lang)
            return state, notice_view(snapshot, state.lang, _("Sorry, something went wrong. Please try again."))

    def dispatch(self, snapshot: Snapshot, state: State, event: ev.Event) -> tuple[State, Reply]:
        lang = state.lang
        _ = gettext(lang)
        match event:
            case ev.Start(payload=payload):
                return self._start(snapshot, state, payload)
            case ev.Home():
                return state, page_view(snapshot, lang, ROOT_ID)
            case ev.OpenPage(page_id=page_id, part=part):
                return state, self._open(snapshot, lang, page_id, part)
            case ev.Back(page_id=page_id):
                node = snapshot.nodes.get(page_id)
                return state, self._open(snapshot, lang, (node.parent if node else None) or ROOT_ID)
            case ev.ChooseLanguage(lang=None):
                return state, language_menu(snapshot, lang)
            case ev.ChooseLanguage(lang=code):
                new = State(negotiate(code, snapshot.languages))
                _ = gettext(new.lang)
                notice = _("Language: {name}").format(name=language_name(new.lang))
                return new, page_view(snapshot, new.lang, ROOT_ID, notice=notice)
            case ev.FreeText(text=text):
                return self._free_text(snapshot, state, text)
            case ev.Help():
                return state, self._help(snapshot, lang)
            case ev.Privacy():
                return state, self._privacy(snapshot, lang)
            case ev.Emergency():
                return state, self._open(snapshot, lang, EMERGENCY_ID)
            case ev.ButtonPress(data=data):
                return self._button(snapshot, state, data)
            case ev.Unsupported():
                return state, notice_view(snapshot, lang, _(
                    "I can only read text. Type your question in a few words, or choose a topic."))
            case ev.SharedPersonalData():
                return state, notice_view(snapshot, lang, _(
                    "You do not need to share your phone number or location here. This service "
                    "did not keep it. You can delete that message: press and hold it, then "
                    "choose Delete."))
            case ev.Forgotten(deleted=count):
                text = translations(lang).ngettext(
                    "Done. I deleted {count} message and forgot your language choice.",
                    "Done. I deleted {count} messages and forgot your language choice.", count,
                ).format(count=count)
                return state, notice_view(snapshot, lang, text)
        return state, notice_view(snapshot, lang, _("Sorry, something went wrong. Please try again."))

    def _open(self, snapshot: Snapshot, lang: str, page_id: str | None, part: int = 0,
              notice: str | None = None) -> Reply:
        if not page_id or not snapshot.has(page_id) or (lang, page_id) not in snapshot.texts:
            _ = gettext(lang)
            notice = _("That page is no longer available. Here is the main menu.")
            return page_view(snapshot, lang, ROOT_ID, notice=notice)
        return page_view(snapshot, lang, page_id, part, notice, today=self.today())

    def _start(self, snapshot: Snapshot, state: State, payload: str | None) -> tuple[State, Reply]:
        """/start, with an optional deep link ``PAGE`` or ``LANG_PAGE``."""
        if payload:
            lang_part, _sep, page_part = payload.partition("_")
            if page_part and lang_part in snapshot.languages and snapshot.has(page_part):
                return State(lang_part), self._open(snapshot, lang_part, page_part)
            if not page_part and snapshot.has(payload):
                return state, self._open(snapshot, state.lang, payload)
        return state, page_view(snapshot, state.lang, ROOT_ID)

    def _button(self, snapshot: Snapshot, state: State, data: str) -> tuple[State, Reply]:
        action = decode(data)
        if action is None or action.lang not in snapshot.languages:
            _ = gettext(state.lang)
            notice = _("That button did not work. Here is the main menu.")
            return state, page_view(snapshot, state.lang, ROOT_ID, notice=notice)
        state = State(action.lang)
        _ = gettext(action.lang)
        if action.op == "l":
            return self.dispatch(snapshot, state, ev.ChooseLanguage(action.lang))
        if action.op == "L":
            return state, language_menu(snapshot, action.lang)
        if action.op == "h":
            return state, self._help(snapshot, action.lang)
        if action.op == "p":
            return state, self._privacy(snapshot, action.lang)
        notice = None
        if action.version != snapshot.short_version and snapshot.has(action.page):
            notice = _("This information was updated since that button was made. Here is the newest version.")
        return state, self._open(snapshot, action.lang, action.page, action.part, notice)

    def _free_text(self, snapshot: Snapshot, state: State, text: str) -> tuple[State, Reply]:
        _ = gettext(state.lang)
        question = " ".join(text.split())[:MAX_QUESTION]
        if not question:
            return state, self._help(snapshot, state.lang)
        result = self.searcher.search(snapshot, question, prefer=state.lang)
        lang = result.lang
        state = State(lang)
        _ = gettext(lang)
        usable = [h.page_id for h in result.hits if (lang, h.page_id) in snapshot.texts]
        if result.danger or (result.confident and usable):
            best = EMERGENCY_ID if result.danger else usable[0]
            reply = page_view(snapshot, lang, best, today=self.today())
            shown = {b.action for b in reply.all_buttons}
            others = [p for p in usable if p != best and open_action(snapshot, lang, p) not in shown]
            extra = tuple((page_button(snapshot, lang, p, "→ "),) for p in others[:OTHER_ANSWERS])
            parts = reply.parts
            if result.danger and extra:
                # The emergency page first, and right below it the pages the question was about.
                parts = parts + ((paragraph(_("Below are more answers to your question.")),),)
            buttons = reply.buttons
            # 🆘 stays the first button where it comes first; the other answers follow it.
            lead = buttons[:1] if buttons and buttons[0] == emergency_row(snapshot, lang, best) else ()
            buttons = lead + extra + buttons[len(lead):]
            return state, Reply(parts, buttons, lang, best, None, self._scores(result))
        # Home and the emergency page are on every screen already (Menu, 🆘).
        choices = [p for p in usable if p not in (ROOT_ID, EMERGENCY_ID)][:OTHER_ANSWERS]
        guesses = [(page_button(snapshot, lang, p, "→ "),) for p in choices]
        if choices:
            notice = _("I am not sure which page answers your question. Which one fits?")
        else:
            notice = _("Sorry, I did not understand your question. Try other words, or choose a topic.")
        reply = notice_view(snapshot, lang, notice, guesses)
        return state, Reply(reply.parts, reply.buttons, lang, None, None, self._scores(result))

    @staticmethod
    def _scores(result) -> tuple[tuple[str, float], ...]:  # noqa: ANN001
        return tuple((h.page_id, round(h.score, 3)) for h in result.hits)

    def _help(self, snapshot: Snapshot, lang: str) -> Reply:
        _ = gettext(lang)
        text = _(
            "Choose a topic with the buttons, or type your question in a few words, for example "
            "\"doctor without insurance\". For emergency numbers press the red button. "
            "You do not need to give your name, and this service does not keep your messages.")
        rows = [(Button("🌐 " + _("Language"), simple_action(snapshot, lang, "L")),)]
        return notice_view(snapshot, lang, text, rows)

    def _privacy(self, snapshot: Snapshot, lang: str) -> Reply:
        _ = gettext(lang)
        text = _(
            "This service does not ask for your name, and does not keep your messages, your "
            "phone number or your account. It only counts how often each page is read. "
            "Telegram itself does keep your phone number and this chat on its servers, until you "
            "delete the chat. /forget deletes our recent messages here; read more below.")
        rows = []
        if (lang, ABOUT_PRIVACY_ID) in snapshot.texts:
            rows.append((page_button(snapshot, lang, ABOUT_PRIVACY_ID, "→ "),))
        return notice_view(snapshot, lang, text, rows)
