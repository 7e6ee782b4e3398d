"""The bot's Bot API session: JSON bodies that say what aiogram's forms say, a prompt
close over plain HTTP, and aiogram's types bound to the bot in one step."""

from __future__ import annotations

import asyncio
import gc
import json
import subprocess
import sys
import weakref
from pathlib import Path
from typing import Any

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageText,
    GetStarTransactions,
    SendMessage,
    SendPhoto,
)
from aiogram.methods.base import Response
from aiogram.types import (
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    TelegramObject,
)
from aiohttp import BytesPayload, FormData
from pydantic import PrivateAttr

import bot.session as session_module
from bot.session import BotSession, bind_bot_in_one_step

ROOT = Path(__file__).resolve().parents[2]
KEYBOARD = InlineKeyboardMarkup(
    inline_keyboard=[
        [InlineKeyboardButton(text="Ro‘yxatdan o‘tish", callback_data="h:7:signup")],
        [
            InlineKeyboardButton(text="«", callback_data="hp:0"),
            InlineKeyboardButton(text="Sayt", url="https://example.org/a?b=c&d=e"),
        ],
    ]
)


def _bot(base: str = "http://127.0.0.1:1") -> tuple[Bot, BotSession]:
    session = BotSession(api=TelegramAPIServer.from_base(base))
    bot = Bot(
        "123:abc",
        session=session,
        default=DefaultBotProperties(parse_mode="HTML", link_preview_is_disabled=True),
    )
    return bot, session


def _form_fields(form: FormData) -> dict[str, str]:
    return {options["name"]: value for options, _, value in form._fields}


@pytest.mark.parametrize(
    "method",
    [
        SendMessage(chat_id=42, text="Слушание <b>7</b> — «бюджет»", reply_markup=KEYBOARD),
        EditMessageText(chat_id=42, message_id=9, text="O‘zbekiston", reply_markup=KEYBOARD),
        EditMessageText(chat_id=42, message_id=9, text="x", parse_mode=None),
        AnswerCallbackQuery(callback_query_id="77", text="Done", show_alert=False),
    ],
    ids=["send", "edit", "edit-no-parse-mode", "answer"],
)
async def test_a_json_body_carries_what_aiograms_form_carries(method: Any) -> None:
    bot, session = _bot()
    try:
        body = session.build_form_data(bot, method)
        form = AiohttpSession.build_form_data(session, bot, method)
    finally:
        await session.close()
    assert isinstance(body, BytesPayload)
    assert body.content_type == "application/json"
    payload = json.loads(body._value.decode("utf-8"))
    fields = _form_fields(form)
    assert set(payload) == set(fields)
    for name, value in payload.items():
        # aiogram's form holds strings as they are and everything else as JSON text.
        assert fields[name] == (value if isinstance(value, str) else json.dumps(value))
    assert "\\u" not in body._value.decode("utf-8")  # UTF-8, not escapes: smaller


async def test_the_bots_defaults_are_in_the_body() -> None:
    bot, session = _bot()
    try:
        body = session.build_form_data(bot, SendMessage(chat_id=1, text="hi"))
    finally:
        await session.close()
    assert isinstance(body, BytesPayload)
    payload = json.loads(body._value)
    assert payload["parse_mode"] == "HTML"
    assert payload["link_preview_options"] == {"is_disabled": True}


async def test_an_upload_still_goes_as_multipart() -> None:
    bot, session = _bot()
    photo = BufferedInputFile(b"\x89PNG...", filename="poster.png")
    try:
        body = session.build_form_data(bot, SendPhoto(chat_id=1, photo=photo, caption="c"))
    finally:
        await session.close()
    assert isinstance(body, FormData)
    assert body.is_multipart


@pytest.mark.parametrize(("base", "waits"), [("http://127.0.0.1:1", False), ("https://x", True)])
async def test_close_waits_for_tls_only(
    base: str, waits: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    _, session = _bot(base)
    await session.create_session()
    monkeypatch.setattr(asyncio, "sleep", sleep)  # aiogram's close sleeps through asyncio's
    await session.close()
    assert session._session is not None and session._session.closed
    assert (slept == [0.25]) is waits


MESSAGE = {
    "message_id": 5,
    "date": 1_700_000_000,
    "chat": {"id": 42, "type": "private", "first_name": "Dilnoza"},
    "from": {"id": 1, "is_bot": True, "first_name": "Bot"},
    "text": "Hi",
    "entities": [{"type": "bold", "offset": 0, "length": 2}],
    "reply_markup": KEYBOARD.model_dump(exclude_none=True),
}


def _objects(value: Any) -> list[TelegramObject]:
    """Every Telegram object inside `value`, itself included."""
    found: list[TelegramObject] = []
    if isinstance(value, TelegramObject):
        found.append(value)
        value = dict(value)
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            found.extend(_objects(item))
    return found


def test_parsed_objects_are_bound_to_the_bot_as_before() -> None:
    bot, _ = _bot()
    bind_bot_in_one_step()
    model = Response[Message]
    message = model.model_validate({"ok": True, "result": MESSAGE}, context={"bot": bot}).result
    objects = _objects(message)
    assert len(objects) == 8  # message, chat, user, entity, markup, three buttons
    assert all(item.bot is bot for item in objects)
    assert all(item.__pydantic_private__ == {"_bot": bot} for item in objects)
    assert Message.model_validate(MESSAGE).bot is None  # no context


def test_pydantics_own_chain_leaves_the_same_state() -> None:
    """The change is process-wide and other tests made it already: compare in a fresh
    interpreter, where pydantic's chain runs first."""
    script = f"""
import json
from aiogram.types import Message
from bot.session import bind_bot_in_one_step
message = json.loads({json.dumps(MESSAGE)!r})
def state(context):
    parsed = Message.model_validate(message, context=context)
    return [parsed.__pydantic_private__, parsed.chat.__pydantic_private__,
            parsed.reply_markup.inline_keyboard[1][1].__pydantic_private__, parsed]
before = [state({{"bot": "the bot"}}), state(None), state({{}})]
assert bind_bot_in_one_step() > 300
assert [state({{"bot": "the bot"}}), state(None), state({{}})] == before
print(before[0][:3])
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str([{"_bot": "the bot"}] * 3)


def test_every_plain_aiogram_type_is_changed_once() -> None:
    bind_bot_in_one_step()
    assert Message.model_post_init is session_module._bind_bot
    assert bind_bot_in_one_step() == 0  # idempotent
    assert len([t for t in session_module._subclasses(TelegramObject)
                if t.model_post_init is session_module._bind_bot]) > 300  # fmt: skip


def test_a_type_with_more_private_state_keeps_it() -> None:
    bind_bot_in_one_step()

    class Later(Message):  # made after the change, as a plugin's type would be
        _seen: int = PrivateAttr(default=7)

    class OwnStep(TelegramObject):
        value: int = 0

        def model_post_init(self, context: Any, /) -> None:
            super().model_post_init(context)
            object.__setattr__(self, "value", 1)

    bind_bot_in_one_step()
    bot, _ = _bot()
    later = Later.model_validate(MESSAGE, context={"bot": bot})
    assert later._seen == 7 and later.bot is bot
    assert OwnStep.model_post_init is not session_module._bind_bot
    own = OwnStep.model_validate({}, context={"bot": bot})
    assert own.value == 1 and own.bot is bot


def built_as_aiogram_builds_it() -> weakref.ref[type[Response[Any]]]:
    # Inside a function, as in aiogram's check_response: pydantic then keeps no
    # module-level reference to the new class, only its weak cache.
    return weakref.ref(Response[GetStarTransactions.__returning__])  # type: ignore[valid-type]


async def test_an_answer_model_outlives_the_garbage_collector() -> None:
    model = built_as_aiogram_builds_it()
    gc.collect()
    assert model() is None  # what happened at every call: freed, then built again

    bot, session = _bot()
    answer = session.check_response(
        bot, GetStarTransactions(), 200, '{"ok": true, "result": {"transactions": []}}'
    )
    assert answer.result is not None and answer.result.transactions == []
    model = built_as_aiogram_builds_it()
    gc.collect()
    assert model() is not None  # kept: the next call finds it in pydantic's cache
