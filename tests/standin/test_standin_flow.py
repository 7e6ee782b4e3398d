"""End-to-end use of the stand-in by a real aiogram bot: send, edit, callbacks, polling."""

from __future__ import annotations

import asyncio

import pytest
from aiogram import Bot, Dispatcher, F
from aiogram.filters import CommandStart
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from standin import BotAPIStandin
from standin.testing import connected_bot, polling


def _keyboard(*pairs: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=t, callback_data=d)] for t, d in pairs]
    )


async def test_get_me_reports_bot_from_token(server: BotAPIStandin, bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.is_bot, me.first_name, me.username) == (
        123456,
        True,
        "Standin Bot",
        "standin_bot",
    )
    assert server.url.startswith("http://127.0.0.1:")


async def test_send_edit_and_answer_flow(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001, first_name="Alice")
    sent = await bot.send_message(
        1001,
        "Pick <b>one</b>:",
        parse_mode="HTML",
        reply_markup=_keyboard(("Yes", "vote:yes"), ("No", "vote:no")),
    )
    assert sent.text == "Pick one:"
    assert sent.from_user is not None
    assert sent.from_user.id == 123456

    event = await alice.next_message()
    assert event.text == "Pick one:"
    assert event.raw_text == "Pick <b>one</b>:"
    assert event.entities == [{"type": "bold", "offset": 5, "length": 3}]
    assert event.buttons == ["Yes", "No"]
    assert not event.edited
    assert event.method == "sendMessage"
    assert event.message_id == sent.message_id

    press = alice.press("No")
    updates = await bot.get_updates()
    query = updates[-1].callback_query
    assert query is not None
    assert query.data == "vote:no"
    assert query.message is not None
    assert query.message.message_id == sent.message_id
    assert await bot.answer_callback_query(query.id, text="Recorded")
    assert await press.answer(timeout=1) == {"callback_query_id": query.id, "text": "Recorded"}

    await bot.edit_message_text("Thanks!", chat_id=1001, message_id=sent.message_id)
    edited = await alice.next_message()
    assert edited.edited
    assert edited.text == "Thanks!"
    assert edited.buttons == []
    assert edited.method == "editMessageText"
    assert [m.text for m in alice.history] == ["Thanks!"]

    await bot.edit_message_reply_markup(
        chat_id=1001, message_id=sent.message_id, reply_markup=_keyboard(("Undo", "undo"))
    )
    assert (await alice.next_message()).buttons == ["Undo"]
    assert await bot.delete_message(1001, sent.message_id)
    assert alice.history == []
    assert alice.deleted == [sent.message_id]
    await alice.expect_no_message(within=0.05)
    server.assert_no_violations()


async def test_press_finds_newest_message_and_reports_missing_buttons(
    server: BotAPIStandin, bot: Bot
) -> None:
    alice = server.user(1001)
    first = await bot.send_message(1001, "old", reply_markup=_keyboard(("Go", "go:1")))
    second = await bot.send_message(1001, "new", reply_markup=_keyboard(("Go", "go:2")))
    assert alice.press("Go").message_id == second.message_id
    await bot.delete_message(1001, second.message_id)
    assert alice.press("Go").message_id == first.message_id
    with pytest.raises(LookupError, match="Go"):
        alice.press("Stop")
    forged = alice.press_data("forged:data", message_id=first.message_id)
    updates = await bot.get_updates()
    assert updates[-1].callback_query is not None
    assert updates[-1].callback_query.data == "forged:data"
    assert forged.data == "forged:data"


async def test_reply_keyboard_and_user_actions(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001, first_name="Alice", language_code="uz")
    keyboard = ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text="Share phone", request_contact=True)]],
        resize_keyboard=True,
    )
    await bot.send_message(1001, "Your phone?", reply_markup=keyboard)
    msg = await alice.next_message()
    assert msg.reply_buttons == [{"text": "Share phone", "request_contact": True}]
    assert alice.reply_keyboard is not None

    contact = alice.send_contact("+998901234567")
    assert contact["contact"]["user_id"] == 1001
    other = alice.send_contact("+998907654321", user_id=2002, first_name="Bob")
    assert other["contact"]["user_id"] == 2002
    bare = alice.send_contact("+998900000000", user_id=None)
    assert "user_id" not in bare["contact"]
    command = alice.send_text("/start h12")
    assert command["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]

    updates = await bot.get_updates()
    assert [u.message.contact.user_id for u in updates if u.message and u.message.contact] == [
        1001,
        2002,
        None,
    ]
    assert updates[-1].message is not None
    assert updates[-1].message.text == "/start h12"
    assert updates[-1].message.from_user is not None
    assert updates[-1].message.from_user.language_code == "uz"

    await bot.send_message(1001, "Thanks", reply_markup=ReplyKeyboardRemove())
    assert (await alice.next_message()).removes_reply_keyboard
    assert alice.reply_keyboard is None


async def test_get_updates_offsets_drop_confirmed_updates(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001)
    for text in ("one", "two", "three"):
        alice.send_text(text)
    updates = await bot.get_updates()
    assert [u.message.text for u in updates if u.message] == ["one", "two", "three"]
    assert [u.update_id for u in updates] == sorted(u.update_id for u in updates)

    again = await bot.get_updates(offset=updates[1].update_id)
    assert [u.message.text for u in again if u.message] == ["two", "three"]
    # "one" was confirmed by the offset and is gone for good
    assert [u.update_id for u in await bot.get_updates()] == [u.update_id for u in updates[1:]]
    limited = await bot.get_updates(limit=1)
    assert len(limited) == 1

    assert await bot.get_updates(offset=updates[-1].update_id + 1) == []
    assert server.pending_updates == 0
    alice.send_text("four")
    fresh = await bot.get_updates(offset=updates[-1].update_id + 1)
    assert [u.message.text for u in fresh if u.message] == ["four"]
    assert fresh[0].update_id == updates[-1].update_id + 1


async def test_long_polling_waits_and_wakes_immediately(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001)
    loop = asyncio.get_running_loop()

    started = loop.time()
    assert await bot.get_updates(timeout=1) == []
    assert loop.time() - started >= 0.9

    poll = asyncio.create_task(bot.get_updates(timeout=10))
    await asyncio.sleep(0.2)
    assert not poll.done()
    woke = loop.time()
    alice.send_text("wake up")
    updates = await asyncio.wait_for(poll, timeout=2)
    assert loop.time() - woke < 1
    assert [u.message.text for u in updates if u.message] == ["wake up"]


async def test_allowed_updates_filter(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001)
    await bot.send_message(1001, "x", reply_markup=_keyboard(("A", "a")))
    alice.send_text("text")
    alice.press("A")
    updates = await bot.get_updates(allowed_updates=["callback_query"])
    assert [u.callback_query.data for u in updates if u.callback_query] == ["a"]
    assert all(u.message is None for u in updates)


async def test_dispatcher_polling_round_trip(server: BotAPIStandin, bot: Bot) -> None:
    dispatcher = Dispatcher()

    @dispatcher.message(CommandStart())
    async def start(message: Message) -> None:
        assert message.from_user is not None
        await message.answer(
            f"Hello, {message.from_user.first_name}!", reply_markup=_keyboard(("Yes", "yes"))
        )

    @dispatcher.callback_query(F.data == "yes")
    async def yes(query: CallbackQuery) -> None:
        await query.answer("Noted")
        assert isinstance(query.message, Message)
        await query.message.edit_text("Done")

    @dispatcher.message(F.text)
    async def echo(message: Message) -> None:
        await message.reply(message.text or "")

    alice = server.user(1001, first_name="Alice")
    group = server.group(-100123, title="Coordinators")
    async with polling(dispatcher, bot):
        alice.send_text("/start h12")
        greeting = await alice.next_message()
        assert greeting.text == "Hello, Alice!"
        press = alice.press("Yes")
        assert (await press.answer())["text"] == "Noted"
        done = await alice.next_message()
        assert done.edited
        assert done.text == "Done"

        posted = group.send_text(alice, "hi all")
        reply = await group.next_message()
        assert reply.text == "hi all"
        assert reply.reply_to_message_id == posted["message_id"]
        assert reply.chat_id == -100123
    server.assert_no_violations()


async def test_commands_menu_and_profile(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001)
    commands = [
        BotCommand(command="start", description="Start"),
        BotCommand(command="help", description="Help"),
    ]
    assert await bot.set_my_commands(commands)
    await bot.set_my_commands(commands[:1], language_code="uz")
    await bot.set_my_commands(commands[1:], scope=BotCommandScopeChat(chat_id=alice.id))
    assert server.commands() == [
        {"command": "start", "description": "Start"},
        {"command": "help", "description": "Help"},
    ]
    assert server.commands(language_code="uz") == [{"command": "start", "description": "Start"}]
    assert server.commands(scope={"type": "chat", "chat_id": 1001}) == [
        {"command": "help", "description": "Help"}
    ]
    assert server.commands(language_code="ru") is None
    fetched = await bot.get_my_commands(language_code="uz")
    assert [c.command for c in fetched] == ["start"]
    assert await bot.delete_my_commands(language_code="uz")
    assert server.commands(language_code="uz") is None

    assert await bot.set_chat_menu_button(chat_id=1001)
    assert server.menu_button(1001) == {"type": "default"}
    assert await bot.set_my_description("Observer bot", language_code="en")
    assert await bot.set_my_short_description("Observe")
    assert await bot.set_my_name("Observer")
    assert server.my_description("en") == "Observer bot"
    assert server.my_short_description() == "Observe"
    assert (await bot.get_my_name()).name == "Observer"
    chat = await bot.get_chat(1001)
    assert chat.type == "private"
    assert chat.id == 1001
    assert await bot.send_chat_action(1001, "typing")
    assert alice.last_action == "typing"
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert (await bot.get_webhook_info()).url == ""
    server.assert_no_violations()


async def test_calls_are_recorded_and_bounded() -> None:
    async with BotAPIStandin(max_calls=50) as server, connected_bot(server) as bot:
        users = [server.user(2000 + n) for n in range(20)]
        for round_ in range(5):
            await asyncio.gather(*(bot.send_message(u.id, f"round {round_}") for u in users))
        assert len(server.calls) == 50
        assert server.call_counts["sendMessage"] == 100
        assert all(call.ok for call in server.calls)
        assert len(users[0].drain()) == 5
        assert users[1].pending == 5


async def test_observation_helpers(server: BotAPIStandin, bot: Bot) -> None:
    alice = server.user(1001)
    seen: list[str | None] = []
    server.add_listener(lambda event: seen.append(event.text))
    with pytest.raises(TimeoutError, match="no message from the bot in chat 1001"):
        await alice.next_message(timeout=0.05)
    await bot.send_message(1001, "surprise")
    with pytest.raises(AssertionError, match="surprise"):
        await alice.expect_no_message(within=0.05)
    with pytest.raises(TimeoutError) as caught:
        await alice.next_message(timeout=0.05)
    assert "sendMessage -> 200" in str(caught.value)
    assert seen == ["surprise"]
    assert alice.last_message is not None
    assert alice.last_message.text == "surprise"
    assert alice.message(alice.last_message.message_id) is not None

    before = server.pending_updates
    update = server.inject_update({"message": {**alice.send_text("raw"), "text": "raw copy"}})
    assert server.pending_updates == before + 2
    assert update["message"]["text"] == "raw copy"
    with pytest.raises(LookupError):
        server.user(1002).press_data("x")  # no bot message in that chat yet


async def test_server_cannot_be_restarted() -> None:
    server = BotAPIStandin()
    await server.start()
    await server.stop()
    with pytest.raises(RuntimeError, match="cannot be restarted"):
        await server.start()
    with pytest.raises(ValueError, match="token"):
        BotAPIStandin(token="not-a-token")
