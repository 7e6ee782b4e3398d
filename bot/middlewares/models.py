"""Keep aiogram's response models alive, so pydantic builds each one once.

aiogram parses every Bot API answer as `Response[method.__returning__]`, a generic model
pydantic creates on first use and caches in a `WeakValueDictionary`. Nothing else holds
the class, so the garbage collector frees it and the next call of that method builds it
again: a schema walk and a validator per call, about a twentieth of the bot's CPU under
load. Holding one strong reference per return type makes the cache hit.
"""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response, TelegramType


class KeepResponseModels(BaseRequestMiddleware):
    """Build `Response[T]` at a method's first call and keep it for the app's lifetime."""

    def __init__(self) -> None:
        # Keyed by the method class: its return annotation (often a Union) may not hash
        # the same way twice, the class always does.
        self._models: dict[type[TelegramMethod[Any]], type[Response[Any]]] = {}

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        kind = type(method)
        if kind not in self._models:
            self._models[kind] = Response[method.__returning__]  # type: ignore[name-defined]
        return await make_request(bot, method)
