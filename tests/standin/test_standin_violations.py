"""Calls the real Bot API would reject are answered 400 and recorded as violations."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest, TelegramUnauthorizedError
from aiogram.types import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
)

from standin import BotAPIStandin
from standin.testing import connected_bot


@pytest.fixture
async def server() -> AsyncIterator[BotAPIStandin]:
    async with BotAPIStandin(token="123456:TEST") as running:
        running.user(1001, first_name="Alice")
        yield running


@pytest.fixture
async def bot(server: BotAPIStandin) -> AsyncIterator[Bot]:
    async with connected_bot(server) as connected:
        yield connected


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def _post(
    http: aiohttp.ClientSession, server: BotAPIStandin, method: str, **kwargs: Any
) -> tuple[int, dict[str, Any]]:
    async with http.post(f"{server.url}/bot{server.token}/{method}", **kwargs) as response:
        return response.status, await response.json()


def _button(**fields: Any) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(**fields)]])


async def test_unknown_parameter_is_a_violation(
    server: BotAPIStandin, http: aiohttp.ClientSession
) -> None:
    status, body = await _post(
        http, server, "sendMessage", data={"chat_id": "1001", "text": "hi", "colour": "red"}
    )
    assert status == 400
    assert body["ok"] is False
    assert body["error_code"] == 400
    assert body["description"].startswith("Bad Request: ")
    assert "colour" in body["description"]
    assert [v.method for v in server.violations] == ["sendMessage"]
    assert server.violations[0].params["colour"] == "red"


async def test_missing_required_parameter(
    server: BotAPIStandin, http: aiohttp.ClientSession
) -> None:
    status, body = await _post(http, server, "sendMessage", data={"chat_id": "1001"})
    assert status == 400
    assert '"text" is required' in body["description"]
    assert len(server.violations) == 1


async def test_nested_object_types_are_checked(
    server: BotAPIStandin, http: aiohttp.ClientSession
) -> None:
    cases = [
        {"inline_keyboard": "nope"},
        {"inline_keyboard": [[{"text": "A", "callback_data": 5}]]},
        {"inline_keyboard": [[{"text": "A", "callback_data": "a", "colour": "red"}]]},
        {"keyboard": [[{"request_contact": True}]]},
        {"remove_keyboard": True, "inline_keyboard": []},
    ]
    for markup in cases:
        status, _ = await _post(
            http,
            server,
            "sendMessage",
            data={"chat_id": "1001", "text": "hi", "reply_markup": json.dumps(markup)},
        )
        assert status == 400, markup
    assert len(server.violations) == len(cases)
    assert "callback_data" in server.violations[1].reason
    assert "colour" in server.violations[2].reason


async def test_json_body_query_string_and_case_insensitive_method(
    server: BotAPIStandin, http: aiohttp.ClientSession
) -> None:
    status, body = await _post(
        http,
        server,
        "SENDMESSAGE",
        json={
            "chat_id": 1001,
            "text": "hi",
            "reply_markup": {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]},
        },
    )
    assert status == 200
    assert body["result"]["text"] == "hi"
    async with http.get(
        f"{server.url}/bot{server.token}/sendMessage", params={"chat_id": "1001", "text": "q"}
    ) as response:
        assert response.status == 200
        assert (await response.json())["result"]["text"] == "q"
    assert server.calls[0].method == "sendMessage"
    server.assert_no_violations()


async def test_unknown_method_and_wrong_token(
    server: BotAPIStandin, http: aiohttp.ClientSession, bot: Bot
) -> None:
    status, body = await _post(http, server, "sendTelepathy", data={"chat_id": "1"})
    assert (status, body["description"]) == (404, "Not Found: method not found")
    async with http.post(f"{server.url}/bot999:WRONG/getMe") as response:
        assert response.status == 401
        assert await response.json() == {
            "ok": False,
            "error_code": 401,
            "description": "Unauthorized",
        }
    session = AiohttpSession(api=TelegramAPIServer.from_base(server.url))
    try:
        with pytest.raises(TelegramUnauthorizedError):
            await Bot("999:WRONG", session=session).get_me()
    finally:
        await session.close()


async def test_text_length_counts_characters_after_entity_parsing(
    server: BotAPIStandin, bot: Bot
) -> None:
    await bot.send_message(1001, "x" * 4096)
    await bot.send_message(1001, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    await bot.send_message(1001, "&lt;" * 4096, parse_mode="HTML")
    server.assert_no_violations()
    with pytest.raises(TelegramBadRequest, match="message text is too long"):
        await bot.send_message(1001, "x" * 4097)
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(1001, "<b> </b>", parse_mode="HTML")
    assert len(server.violations) == 2


async def test_caption_limit(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001)
    photo = alice.send_photo()["photo"][-1]["file_id"]
    await bot.send_photo(1001, photo, caption="c" * 1024)
    with pytest.raises(TelegramBadRequest, match="caption is too long"):
        await bot.send_photo(1001, photo, caption="c" * 1025)
    assert len(server.violations) == 1


@pytest.mark.parametrize(
    "html",
    [
        "<foo>x</foo>",
        "a < b",
        "AT&T",
        "<b><i>x</b></i>",
        "<b>unclosed",
        "closing</b>",
        '<span class="bold">x</span>',
        "&bogus;",
    ],
)
async def test_bad_html_is_rejected(server: BotAPIStandin, bot: Bot, html: str) -> None:
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(1001, html, parse_mode="HTML")
    assert len(server.violations) == 1
    assert server.user(1001).pending == 0


async def test_good_html_is_accepted(server: BotAPIStandin, bot: Bot) -> None:
    html = (
        "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike>"
        '<del>d</del><span class="tg-spoiler">p</span><tg-spoiler>q</tg-spoiler>'
        '<a href="https://example.com/?a=1&amp;b=2">link</a><code>c</code>'
        '<pre><code class="language-python">x = 1</code></pre><blockquote>q</blockquote>'
        '<blockquote expandable>long</blockquote><tg-emoji emoji-id="5368324170671202286">👍'
        "</tg-emoji> &lt;tag&gt; &quot;q&quot; &#8212; &#x1F600;"
    )
    sent = await bot.send_message(1001, html, parse_mode="HTML")
    assert sent.text is not None
    assert sent.text.endswith('<tag> "q" — 😀')
    server.assert_no_violations()


async def test_markdown_v2_reserved_characters(server: BotAPIStandin, bot: Bot) -> None:
    sent = await bot.send_message(1001, r"*bold* and \. done\!", parse_mode="MarkdownV2")
    assert sent.text == "bold and . done!"
    with pytest.raises(TelegramBadRequest, match="reserved"):
        await bot.send_message(1001, "Hello. World!", parse_mode="MarkdownV2")
    assert len(server.violations) == 1


async def test_callback_data_and_button_rules(server: BotAPIStandin, bot: Bot) -> None:
    await bot.send_message(1001, "ok", reply_markup=_button(text="A", callback_data="d" * 64))
    bad = [
        _button(text="A", callback_data="d" * 65),
        _button(text="A", callback_data="й" * 33),  # 66 bytes in UTF-8
        _button(text="", callback_data="a"),
        _button(text="A"),
        _button(text="A", callback_data="a", url="https://example.com"),
    ]
    for markup in bad:
        with pytest.raises(TelegramBadRequest):
            await bot.send_message(1001, "x", reply_markup=markup)
    reasons = [v.reason for v in server.violations]
    assert len(reasons) == len(bad)
    assert "BUTTON_DATA_INVALID" in reasons[0]
    assert "BUTTON_DATA_INVALID" in reasons[1]


async def test_bot_command_rules(server: BotAPIStandin, bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Start", description="x")])
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_DESCRIPTION_INVALID"):
        await bot.set_my_commands([BotCommand(command="start", description="")])
    many = [BotCommand(command=f"c{n}", description="d") for n in range(101)]
    with pytest.raises(TelegramBadRequest, match="too many commands"):
        await bot.set_my_commands(many)
    assert len(server.violations) == 3
    assert server.commands() is None


async def test_answer_callback_query_text_limit(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001)
    await bot.send_message(1001, "q", reply_markup=_button(text="A", callback_data="a"))
    press = alice.press("A")
    with pytest.raises(TelegramBadRequest):
        await bot.answer_callback_query(press.id, text="t" * 201)
    assert await bot.answer_callback_query(press.id, text="t" * 200)
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(press.id)  # answered twice
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query("12345")  # unknown: an ordinary error
    assert len(server.violations) == 2


async def test_not_modified_edit_is_a_violation(server: BotAPIStandin, bot: Bot) -> None:
    markup = _button(text="A", callback_data="a")
    sent = await bot.send_message(1001, "<b>same</b>", parse_mode="HTML", reply_markup=markup)
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(
            "*same*",
            chat_id=1001,
            message_id=sent.message_id,
            parse_mode="MarkdownV2",
            reply_markup=markup,
        )
    assert len(server.violations) == 1
    # dropping the keyboard is a modification
    await bot.edit_message_text(
        "<b>same</b>", chat_id=1001, message_id=sent.message_id, parse_mode="HTML"
    )
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_reply_markup(chat_id=1001, message_id=sent.message_id)
    assert len(server.violations) == 2


async def test_ordinary_errors_are_not_violations(server: BotAPIStandin, bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(5555, "hello")
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=1001, message_id=999)
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(1001, 999)
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.get_chat(-100999)
    assert server.violations == []
    assert [call.status for call in server.calls] == [400, 400, 400, 400]


async def test_unimplemented_method_is_a_violation(server: BotAPIStandin, bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="not implemented in stand-in"):
        await bot.send_dice(1001)
    assert [v.method for v in server.violations] == ["sendDice"]


async def test_media_group_rules(server: BotAPIStandin, http: aiohttp.ClientSession) -> None:
    alice = server.user(1001)
    photo = alice.send_photo()["photo"][-1]["file_id"]
    document = alice.send_document()["document"]["file_id"]
    mixed = [{"type": "photo", "media": photo}, {"type": "document", "media": document}]
    status, body = await _post(
        http, server, "sendMediaGroup", data={"chat_id": "1001", "media": json.dumps(mixed)}
    )
    assert status == 400
    assert "mixed" in body["description"]
    single = [{"type": "photo", "media": photo}]
    status, _ = await _post(
        http, server, "sendMediaGroup", data={"chat_id": "1001", "media": json.dumps(single)}
    )
    assert status == 400
    unknown = [{"type": "photo", "media": photo}, {"type": "hologram", "media": photo}]
    status, body = await _post(
        http, server, "sendMediaGroup", data={"chat_id": "1001", "media": json.dumps(unknown)}
    )
    assert status == 400
    assert "hologram" in body["description"]
    assert len(server.violations) == 3
