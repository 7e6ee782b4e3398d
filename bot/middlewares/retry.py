"""Bot API calls that failed before Telegram acted on them are tried again."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramNetworkError, TelegramServerError
from aiogram.methods import CopyMessage, TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiohttp import ClientConnectorError

from bot.clock import Clock

log = logging.getLogger(__name__)

BACKOFF = (0.5, 1.5, 4.0)  # seconds before the 2nd, 3rd and 4th attempt


class RetryFailedRequests(BaseRequestMiddleware):
    """A 5xx answer or a refused connection: Telegram did not act, so the same call is
    made again, a bounded number of times with growing pauses. A timeout is not: the
    request may have arrived, and a second one could duplicate a message.

    Broadcast copies are left to the outbox worker, which counts and records its own
    attempts per recipient.
    """

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if method.__api_method__ == CopyMessage.__api_method__:
            return await make_request(bot, method)
        for attempt, pause in enumerate((*BACKOFF, None), start=1):
            try:
                return await make_request(bot, method)
            except (TelegramServerError, TelegramNetworkError) as error:
                refused = isinstance(error, TelegramServerError) or isinstance(
                    error.__cause__, ClientConnectorError
                )
                if not refused or pause is None:
                    raise
                log.warning(
                    "request retried method=%s attempt=%d error=%s",
                    type(method).__name__, attempt, type(error).__name__,
                )  # fmt: skip
                await self._clock.pause(pause)
        raise AssertionError("unreachable")  # pragma: no cover
