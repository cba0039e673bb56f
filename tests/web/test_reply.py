"""A reply as the web shows it: the title as heading, symbols hidden from screen readers,
language names marked with their language."""

from __future__ import annotations

import pytest

from api.web.reply import button_html, button_json, item_html, split_heading, split_label, web_reply
from bot.content.markup import BulletList, Emph, Paragraph, Strong, Text
from bot.engine import Button, Reply


@pytest.mark.parametrize(("label", "parts"), [
    ("🆘 Emergency numbers", ("🆘", "Emergency numbers", "")),
    ("⬅ Back", ("⬅", "Back", "")),
    ("→ Right to care", ("→", "Right to care", "")),
    ("Next ›", ("", "Next", "›")),
    ("‹ Previous", ("‹", "Previous", "")),
    ("Health", ("", "Health", "")),
    ("112 Emergency", ("", "112 Emergency", "")),  # a number is text, not a symbol
    ("(Re)start here", ("", "(Re)start here", "")),  # a bracket that is part of a word stays
    ("🌐", ("", "🌐", "")),  # a symbol alone is the whole label
])
def test_symbols_at_either_end_of_a_label_are_split_off(label: str, parts: tuple[str, str, str]) -> None:
    assert split_label(label) == parts


def test_a_title_becomes_the_heading_and_a_notice_stays_below_it() -> None:
    title = Paragraph((Strong((Text("The GP"),)),))
    notice = Paragraph((Emph((Text("Updated."),)),))
    body = Paragraph((Text("You may see a GP."),))
    assert split_heading((title, body)) == ((Text("The GP"),), False, (body,))
    assert split_heading((notice, title, body)) == ((Text("The GP"),), False, (notice, body))
    # A message without a title: its first paragraph is the heading, styled as text.
    assert split_heading((body,)) == ((Text("You may see a GP."),), True, ())
    items = BulletList(((Text("a"),),))
    assert split_heading((items,)) == ((), False, (items,))


def test_the_page_and_the_script_get_the_same_answer() -> None:
    reply = Reply(
        ((Paragraph((Strong((Text("Noodgeval <nu>"),)),)), Paragraph((Text("Bel 112."),))),),
        ((Button("🆘 Noodnummers", "o:emergency:nl:abcdef:0"),),
         (Button("Français", "l::fr:abcdef:0"), Button("Volgende ›", "o:x:nl:abcdef:1"))),
        "nl", "emergency")
    web = web_reply(reply)
    assert web.heading == "Noodgeval &lt;nu&gt;" and web.parts == ("<p>Bel 112.</p>",)
    html = item_html(web, "rightsbot:")
    assert html.startswith('<li class="bot" lang="nl" dir="ltr"><span class="visually-hidden">rightsbot: </span>'
                           '<h2 tabindex="-1">Noodgeval &lt;nu&gt;</h2><div class="part"><p>Bel 112.</p></div>')
    assert '<span aria-hidden="true">🆘</span> Noodnummers</button>' in html
    assert 'value="l::fr:abcdef:0" lang="fr">Français</button>' in html  # read with a French voice
    assert 'Volgende <span aria-hidden="true">›</span></button>' in html
    assert [button_json(b) for row in web.buttons for b in row] == [
        {"action": "o:emergency:nl:abcdef:0", "text": "Noodnummers", "icon": "🆘"},
        {"action": "l::fr:abcdef:0", "text": "Français", "lang": "fr"},
        {"action": "o:x:nl:abcdef:1", "text": "Volgende", "icon_end": "›"},
    ]
    assert button_html(web.buttons[0][0]).count("aria-hidden") == 1


def test_an_empty_reply_still_has_a_heading_for_screen_readers() -> None:
    html = item_html(web_reply(Reply((), (), "en")), "rightsbot:")
    assert '<h2 tabindex="-1" class="visually-hidden">rightsbot:</h2>' in html
