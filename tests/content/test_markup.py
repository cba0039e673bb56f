from bot.content.markup import BulletList, Emph, Link, Paragraph, Strong, Text, check_url, parse
from bot.content.render import to_plain, to_telegram_html, to_web_html


def test_subset_parses_into_blocks() -> None:
    doc, problems = parse("Hi **you** and *me* [site](https://a.nl/x) (GP).\n\n- one\n- two")
    assert problems == []
    assert doc[0] == Paragraph((Text("Hi "), Strong((Text("you"),)), Text(" and "),
                                Emph((Text("me"),)), Text(" "),
                                Link((Text("site"),), "https://a.nl/x"), Text(" (GP).")))
    assert doc[1] == BulletList(((Text("one"),), (Text("two"),)))


def test_problems_carry_their_line() -> None:
    source = "fine\n\n# heading\n1. numbered\n> quote\n`code`\n<b>x</b>\n![img](https://a.nl/i.png)\n* star\n| a | b |"
    _, problems = parse(source, first_line=10)
    found = {(p.line, p.message.split(" ")[0]) for p in problems}
    assert (12, "headings") in found
    assert (13, "numbered") in found
    assert (14, "quotes") in found
    assert (15, "code") in found
    assert (16, "HTML") in found
    assert (17, "images") in found
    assert (18, "bullets") in found
    assert (19, "tables") in found


def test_unclosed_emphasis_and_bad_links() -> None:
    _, problems = parse("**never closed\n\n[x](http://a.nl)\n\n[y](https://1.2.3.4/)\n\n[z](https://xn--bcher-kva.de)")
    messages = " ".join(p.message for p in problems)
    assert "never closed" in messages
    assert "not https" in messages
    assert "IP address" in messages
    assert "punycode" in messages


def test_check_url() -> None:
    assert check_url("https://www.basicrights.nl/?page_id=740") is None
    assert check_url("javascript:alert(1)") is not None
    assert check_url("https://user:pw@a.nl") is not None


def test_renderers_escape_everything() -> None:
    doc, _ = parse("a < b & **c** [l](https://a.nl/?x=1&y=\"2\")\n\n- i")
    html = to_telegram_html(doc)
    assert "a &lt; b &amp; <b>c</b>" in html
    assert 'href="https://a.nl/?x=1&amp;y=&quot;2&quot;"' in html
    assert "• i" in html
    assert to_plain(doc).startswith("a < b & c l (https://a.nl/")
    web = to_web_html(doc)
    assert web.startswith("<p>a &lt; b &amp; <strong>c</strong>")
    assert "<ul><li>i</li></ul>" in web
