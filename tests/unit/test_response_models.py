"""aiogram's response models are built once per method, not at every call."""

from __future__ import annotations

import gc
import weakref
from typing import Any

from aiogram import Bot
from aiogram.methods import GetStarTransactions, TelegramMethod
from aiogram.methods.base import Response

from bot.middlewares.models import KeepResponseModels


def built_as_aiogram_builds_it() -> weakref.ref[type[Response[Any]]]:
    # Inside a function, as in aiogram's check_response: pydantic then keeps no
    # module-level reference to the new class, only its weak cache.
    return weakref.ref(Response[GetStarTransactions.__returning__])  # type: ignore[valid-type]


async def test_a_response_model_outlives_the_garbage_collector() -> None:
    model = built_as_aiogram_builds_it()
    gc.collect()
    assert model() is None  # what happened at every call: freed, then built again

    keep = KeepResponseModels()

    async def make_request(bot: Bot, method: TelegramMethod[Any]) -> Any:
        return None

    bot = Bot("42:TEST")
    try:
        await keep(make_request, bot, GetStarTransactions())
    finally:
        await bot.session.close()
    model = built_as_aiogram_builds_it()
    gc.collect()
    assert model() is not None  # kept: the next call finds it in pydantic's cache
