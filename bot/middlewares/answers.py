"""Which button presses have had their answer: Telegram takes one per callback query."""

from __future__ import annotations

from collections import OrderedDict

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.methods import AnswerCallbackQuery, TelegramMethod
from aiogram.methods.base import Response, TelegramType

REMEMBERED = 4096  # queries; a press is answered within seconds or never


class AnsweredQueries(BaseRequestMiddleware):
    """Record every callback query answered, so a later refusal of the same update (a
    handler that answered, then hit a rule) tells the person in the chat instead of
    answering the query a second time, which Telegram rejects."""

    def __init__(self) -> None:
        self._ids: OrderedDict[str, None] = OrderedDict()

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        response = await make_request(bot, method)
        if isinstance(method, AnswerCallbackQuery):  # it raised if Telegram refused
            self._ids[method.callback_query_id] = None
            if len(self._ids) > REMEMBERED:
                self._ids.popitem(last=False)
        return response

    def __contains__(self, query_id: object) -> bool:
        return query_id in self._ids
