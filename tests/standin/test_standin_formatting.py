"""Entity parsing (HTML, MarkdownV2, Markdown) and conformance of generated objects."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from standin import BotAPIStandin, FormattingError, load_spec, render
from standin.formatting import parse_html, parse_markdown, parse_markdown_v2, utf16_len
from standin.validation import Validator


def test_html_plain_text_and_offsets_in_utf16() -> None:
    rendered = parse_html("😀 <b>bold</b> &amp; <i>it</i>")
    assert rendered.text == "😀 bold & it"
    assert rendered.entities == [
        {"type": "bold", "offset": 3, "length": 4},
        {"type": "italic", "offset": 10, "length": 2},
    ]
    assert utf16_len("😀") == 2


def test_html_nested_and_special_tags() -> None:
    rendered = parse_html(
        '<b>a<i>b</i></b><pre><code class="language-py">x</code></pre>'
        '<a href="https://e.com/?q=1&amp;r=2">l</a><blockquote expandable>q</blockquote>'
        '<tg-emoji emoji-id="1">👍</tg-emoji><span class="tg-spoiler">s</span>'
    )
    assert rendered.text == "abxlq👍s"
    kinds = [(e["type"], e["offset"], e["length"]) for e in rendered.entities]
    assert kinds == [
        ("bold", 0, 2),
        ("italic", 1, 1),
        ("pre", 2, 1),
        ("text_link", 3, 1),
        ("expandable_blockquote", 4, 1),
        ("custom_emoji", 5, 2),
        ("spoiler", 7, 1),
    ]
    assert rendered.entities[2]["language"] == "py"
    assert rendered.entities[3]["url"] == "https://e.com/?q=1&r=2"


@pytest.mark.parametrize(
    ("html", "fragment"),
    [
        ("<foo>x</foo>", 'Unsupported start tag "foo"'),
        ("1 < 2", 'Unsupported start tag ""'),
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", "Unmatched end tag"),
        ("x</b>", "Unexpected end tag"),
        ("AT&T", '"&"'),
        ("&nbsp;", "Unsupported HTML entity"),
        ("<span>x</span>", "tg-spoiler"),
        ("<b", "Unclosed start tag"),
    ],
)
def test_html_errors(html: str, fragment: str) -> None:
    with pytest.raises(FormattingError, match="can't parse entities") as caught:
        parse_html(html)
    assert fragment in str(caught.value)


def test_markdown_v2() -> None:
    rendered = parse_markdown_v2(
        r"*bold _italic_* __under__ ~s~ ||sp|| `co\`de` [l](http://x.y/\))"
    )
    assert rendered.text == "bold italic under s sp co`de l"
    kinds = [e["type"] for e in rendered.entities]
    assert kinds == [
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "code",
        "text_link",
    ]
    assert rendered.entities[-1]["url"] == "http://x.y/)"
    quoted = parse_markdown_v2(">quoted\n>more\nplain")
    assert quoted.text == "quoted\nmore\nplain"
    assert quoted.entities == [{"type": "blockquote", "offset": 0, "length": 11}]
    pre = parse_markdown_v2("```python\nprint(1)\n```")
    assert pre.text == "print(1)\n"
    assert pre.entities[0]["language"] == "python"


@pytest.mark.parametrize("text", ["1.5", "a-b", "*open", "(x)", "!", "[x](y"])
def test_markdown_v2_errors(text: str) -> None:
    with pytest.raises(FormattingError):
        parse_markdown_v2(text)


def test_legacy_markdown() -> None:
    rendered = parse_markdown("*b* _i_ `c` [l](http://x) a\\_b")
    assert rendered.text == "b i c l a_b"
    with pytest.raises(FormattingError):
        parse_markdown("*unclosed")


def test_render_dispatch() -> None:
    assert render("<b>x</b>", "html").text == "x"
    assert render("plain <b>", None).text == "plain <b>"
    entities = [{"type": "bold", "offset": 0, "length": 1}]
    assert render("<b>x</b>", "HTML", entities).text == "<b>x</b>"
    with pytest.raises(FormattingError):
        render("x", None, [{"type": "bold", "offset": 0, "length": 5}])
    with pytest.raises(FormattingError, match="unsupported parse_mode"):
        render("x", "BBCode")


# --------------------------------------------------------------------------------------
# Objects the stand-in produces are valid according to the spec
# --------------------------------------------------------------------------------------


@pytest.fixture
async def server() -> AsyncIterator[BotAPIStandin]:
    async with BotAPIStandin() as running:
        yield running


async def _call(server: BotAPIStandin, method: str, **payload: Any) -> Any:
    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{server.url}/bot{server.token}/{method}", json=payload) as response,
    ):
        body = await response.json()
    assert body["ok"], body
    return body["result"]


async def test_generated_objects_match_the_spec(server: BotAPIStandin) -> None:
    validator = Validator(load_spec())
    alice = server.user(1001, first_name="Alice", last_name="A", username="alice")
    bob = server.user(1002, first_name="Bob")
    group = server.group(-100123, title="Coordinators", username="coordinators")
    alice.send_text("/start x")
    alice.send_contact("+998901234567")
    alice.send_photo(caption="c")
    alice.send_album(2)
    alice.send_document()
    alice.send_voice()
    alice.send_video()
    alice.send_location(1.0, 2.0)
    alice.send_sticker()
    alice.forward_from(bob, text="fwd")
    group.send_text(alice, "hello group")
    markup = {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}
    sent = await _call(
        server, "sendMessage", chat_id=1001, text="<b>x</b>", parse_mode="HTML", reply_markup=markup
    )
    alice.press("A")
    alice.edit_text(1, "/start y")
    edited = await _call(
        server, "editMessageText", chat_id=1001, message_id=sent["message_id"], text="y"
    )
    copied = await _call(
        server,
        "copyMessage",
        chat_id="@coordinators",
        from_chat_id=1001,
        message_id=sent["message_id"],
    )
    forwarded = await _call(
        server, "forwardMessage", chat_id=-100123, from_chat_id=1001, message_id=2
    )

    photo = alice.message(3)
    assert photo is not None
    photo_id = photo["photo"][-1]["file_id"]
    checks: list[tuple[Any, str]] = [
        (sent, "Message"),
        (edited, "Message"),
        (copied, "MessageId"),
        (forwarded, "Message"),
        (await _call(server, "getMe"), "User"),
        (await _call(server, "getChat", chat_id=1001), "ChatFullInfo"),
        (await _call(server, "getChat", chat_id=-100123), "ChatFullInfo"),
        (await _call(server, "getWebhookInfo"), "WebhookInfo"),
        (await _call(server, "getChatMenuButton"), "MenuButton"),
        (await _call(server, "getMyName"), "BotName"),
        (await _call(server, "getFile", file_id=photo_id), "File"),
    ]
    updates = await _call(server, "getUpdates")
    assert len(updates) == 14
    checks.extend((update, "Update") for update in updates)
    for value, type_name in checks:
        assert validator.check(value, type_name, type_name) is None, (type_name, value)
    server.assert_no_violations()
