"""Cutting a refused message into pieces Telegram accepts, without breaking a paragraph."""

from __future__ import annotations

from hypothesis import given, strategies as st

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.channels.telegram.adapter import Outgoing
from bot.channels.telegram.limits import utf16_len
from bot.channels.telegram.split import PIECE, cut, html_pieces, plain_pieces
from bot.content.markup import Paragraph, Strong, Text
from bot.content.render import to_plain, to_telegram_html
from tests.telegram.telegram_html import parse_html

MARKUP = InlineKeyboardMarkup([[InlineKeyboardButton("🆘", callback_data="o:emergency:en:abcdef:0")]])


def out_of(*blocks: Paragraph) -> Outgoing:
    return Outgoing(to_telegram_html(blocks), to_plain(blocks), MARKUP, blocks)


@given(st.text(min_size=0, max_size=9000))
def test_cut_keeps_every_word_and_fits(text: str) -> None:
    pieces = cut(text)
    assert all(0 < utf16_len(p) <= PIECE for p in pieces)
    # Nothing is lost but whitespace where a piece ends.
    assert "".join("".join(pieces).split()) == "".join(text.split())


def test_pieces_follow_paragraphs_and_keep_the_buttons_last() -> None:
    blocks = [Paragraph((Strong((Text(f"Part {i}"),)), Text(" & more " * 60))) for i in range(6)]
    pieces = html_pieces(out_of(*blocks))
    assert len(pieces) > 1
    assert all(utf16_len(parse_html(p.html)) <= PIECE for p in pieces if p.html)
    assert [p.markup for p in pieces] == [None] * (len(pieces) - 1) + [MARKUP]
    assert "".join(parse_html(p.html) for p in pieces).count("Part ") == 6


def test_one_paragraph_too_long_on_its_own_becomes_plain_pieces() -> None:
    giant = Paragraph((Text("Call 112 now. " * 800),))
    pieces = html_pieces(out_of(Paragraph((Text("Emergency"),)), giant))
    assert len(pieces) > 3 and pieces[-1].markup is MARKUP
    assert all(utf16_len(parse_html(p.html)) <= PIECE for p in pieces)
    assert all(utf16_len(p.plain) <= PIECE for p in plain_pieces(out_of(giant)))
