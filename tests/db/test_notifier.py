"""Notifier and Pacer: the shared pace, 429 pauses, and unreachable people."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from typing import Any

from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError, TelegramRetryAfter
from aiogram.methods import SendMessage

from bot.db import Database
from bot.i18n import Locales
from bot.notifier import Notifier, Pacer
from bot.repositories.users import UserRepository

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


class ScriptedBot:
    """Answers send_message from a script of exceptions (None: delivered)."""

    def __init__(self, script: list[Exception | None]) -> None:
        self.script = script
        self.sent: list[int] = []

    async def send_message(self, chat_id: int, text: str, **_: Any) -> None:
        outcome = self.script.pop(0) if self.script else None
        if outcome is not None:
            raise outcome
        self.sent.append(chat_id)


def method() -> SendMessage:
    return SendMessage(chat_id=1, text="x")


async def test_a_refusal_marks_the_person_unreachable(db: Database, locales: Locales) -> None:
    async with db.unit_of_work() as uow:
        for user_id in (1, 2, 3):
            await UserRepository(uow).save_language(user_id, "uz", NOW)
    bot = ScriptedBot(
        [
            TelegramForbiddenError(method(), "Forbidden: bot was blocked by the user"),
            TelegramBadRequest(method(), "Bad Request: chat not found"),
            TelegramBadRequest(method(), "Bad Request: message text is empty"),
        ]
    )
    notifier = Notifier(bot, locales, rate=30, db=db)  # type: ignore[arg-type]
    tr = locales.get("uz")
    for user_id in (1, 2, 3):
        assert not await notifier.send_one(user_id, tr, lambda _tr: ("hi", None))
    async with db.unit_of_work() as uow:
        users = UserRepository(uow)
        marked = [u for u in (1, 2, 3) if (await users.get(u)).unreachable_at]  # type: ignore[union-attr]
        assert marked == [1, 2]  # a bad request about the text says nothing about the person
        await users.clear_unreachable(1)
        assert (await users.get(1)).unreachable_at is None  # type: ignore[union-attr]


async def test_a_429_waits_and_is_not_a_failure(db: Database, locales: Locales) -> None:
    bot = ScriptedBot([TelegramRetryAfter(method(), "Too Many Requests", retry_after=0)])
    notifier = Notifier(bot, locales, rate=30, db=db)  # type: ignore[arg-type]
    assert await notifier.send_one(5, locales.get("en"), lambda _tr: ("hi", None))
    assert bot.sent == [5]


async def test_a_hold_pauses_every_waiter_and_an_abort_ends_the_wait() -> None:
    pacer = Pacer(rate=1000)
    pacer.hold(0.3)
    started = time.monotonic()
    assert await pacer.wait()
    assert time.monotonic() - started >= 0.29  # a turn inside the pause waits it out
    pacer.hold(30)
    abort = asyncio.Event()
    waiting = asyncio.create_task(pacer.wait(abort))
    await asyncio.sleep(0.05)
    abort.set()
    assert await asyncio.wait_for(waiting, 1.0) is False
