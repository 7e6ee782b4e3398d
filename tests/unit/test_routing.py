"""Routers that cannot handle an update are skipped whole, and nothing else changes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Command, Filter, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Chat, Message, PhotoSize, TelegramObject, User

from handlers.routing import ButtonGate, MessageGate, skip_routers_that_cannot_handle

PERSON = User(id=7, is_bot=False, first_name="Dilnoza")
CHAT = Chat(id=7, type="private")


class ItemCb(CallbackData, prefix="item"):
    id: int


class Form(StatesGroup):
    name = State()


class Survey(StatesGroup):
    first = State()
    second = State()


class Asked(Filter):
    """A root filter that counts how often its router was consulted."""

    def __init__(self) -> None:
        self.times = 0

    async def __call__(self, event: TelegramObject) -> bool:
        self.times += 1
        return True


def press(data: str) -> CallbackQuery:
    message = Message(message_id=1, date=datetime.now(UTC), chat=CHAT, text="list")
    return CallbackQuery(id="q", from_user=PERSON, chat_instance="c", data=data, message=message)


def text(value: str) -> Message:
    return Message(message_id=2, date=datetime.now(UTC), chat=CHAT, from_user=PERSON, text=value)


def tree() -> tuple[Router, dict[str, Asked]]:
    """items: buttons by prefix; commands: /hello only; form: text in a state; free: any
    text; catch-all last."""
    items, commands, form, free, rest = Router(), Router(), Router(), Router(), Router()
    asked = {"items": Asked(), "commands": Asked(), "form": Asked(), "free": Asked()}
    items.callback_query.filter(asked["items"])
    commands.message.filter(asked["commands"])
    form.message.filter(asked["form"])
    free.message.filter(asked["free"])

    @items.callback_query(ItemCb.filter())
    async def on_item(query: CallbackQuery, callback_data: ItemCb) -> str:
        return f"item {callback_data.id}"

    @commands.message(Command("hello"))
    async def on_hello(message: Message) -> str:
        return "hello"

    @form.message(Form.name)
    async def on_name(message: Message) -> str:
        return "name"

    @form.message(StateFilter(Survey))
    async def on_survey(message: Message) -> str:
        return "survey"

    @free.message(F.text == "yes")
    async def on_yes(message: Message) -> str:
        return "yes"

    @rest.callback_query()
    async def on_stale(query: CallbackQuery) -> str:
        return "stale"

    @rest.message()
    async def on_other(message: Message) -> str:
        return "other"

    root = Router()
    root.include_routers(items, commands, form, free, rest)
    skip_routers_that_cannot_handle(root)
    return root, asked


async def route(root: Router, kind: str, event: TelegramObject, state: str | None = None) -> Any:
    bot = Bot("42:TEST")
    try:
        return await root.propagate_event(
            kind, event, bot=bot, event_from_user=PERSON, raw_state=state
        )
    finally:
        await bot.session.close()


async def test_a_press_skips_routers_without_its_prefix_unasked() -> None:
    root, asked = tree()
    assert await route(root, "callback_query", press(ItemCb(id=3).pack())) == "item 3"
    assert asked["items"].times == 1
    assert await route(root, "callback_query", press("other:1")) == "stale"
    assert await route(root, "callback_query", press("")) == "stale"
    assert asked["items"].times == 1  # its filters never ran for what it cannot handle


async def test_a_message_skips_routers_of_other_commands_but_not_free_text_ones() -> None:
    root, asked = tree()
    assert await route(root, "message", text("/hello there")) == "hello"
    assert await route(root, "message", text("/hello")) == "hello"
    assert asked["commands"].times == 2
    assert await route(root, "message", text("yes")) == "yes"
    assert await route(root, "message", text("/help")) == "other"
    assert asked["commands"].times == 2  # not asked for text or for another command
    assert asked["free"].times == 2  # a router with a free-text handler is always asked


async def test_a_command_in_a_caption_still_reaches_its_router() -> None:
    root, _ = tree()
    photo = Message(
        message_id=3, date=datetime.now(UTC), chat=CHAT, from_user=PERSON,
        photo=[PhotoSize(file_id="p", file_unique_id="u", width=1, height=1)], caption="/hello",
    )  # fmt: skip
    assert await route(root, "message", photo) == "hello"


async def test_every_button_and_command_of_the_bot_still_reaches_a_handler() -> None:
    """In the real tree, the gates accept every prefix and command its handlers filter on."""
    from handlers import build_router

    first_build = {
        router.name: f.callback.accepts
        for router in build_router().chain_tail
        for f in router.message._handler.filters or []
        if isinstance(f.callback, MessageGate)
    }
    root = build_router()  # built twice, as the tests and the demo do: one gate each
    for router in root.chain_tail:
        for kind in ("callback_query", "message"):
            gates = [
                f.callback
                for f in router.observers[kind]._handler.filters or []
                if isinstance(f.callback, ButtonGate | MessageGate)
            ]
            assert len(gates) <= 1
            if not gates:
                continue
            gate = gates[0]
            first = (router.observers[kind]._handler.filters or [])[0]
            assert first.callback is gate  # asked before the router's own filters
            accepted = gate.accepts.prefixes if kind == "callback_query" else gate.accepts.commands
            if kind == "message":  # the second build reads the same states as the first
                assert gate.accepts == first_build[router.name]
            for below in router.chain_tail:
                for handler in below.observers[kind].handlers:
                    for f in handler.filters or []:
                        if kind == "callback_query" and hasattr(f.callback, "callback_data"):
                            assert f.callback.callback_data.__prefix__ in accepted
                        if kind == "message" and isinstance(f.callback, Command):
                            assert {str(c).lower() for c in f.callback.commands} <= accepted


async def test_a_form_router_is_asked_only_in_its_states() -> None:
    root, asked = tree()
    assert await route(root, "message", text("Dilnoza")) == "other"
    assert asked["form"].times == 0
    assert await route(root, "message", text("Dilnoza"), Form.name.state) == "name"
    assert await route(root, "message", text("fine"), Survey.second.state) == "survey"
    assert asked["form"].times == 2
