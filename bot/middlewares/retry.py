"""Bot API calls that failed before Telegram acted on them are tried again."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramNetworkError, TelegramRetryAfter, TelegramServerError
from aiogram.methods import (
    CopyMessage,
    SendDocument,
    SendLocation,
    SendMediaGroup,
    SendMessage,
    SendPhoto,
    TelegramMethod,
)
from aiogram.methods.base import Response, TelegramType
from aiohttp import ClientConnectorError

from bot.clock import Clock
from bot.notifier import Pacer, is_paced

log = logging.getLogger(__name__)

BACKOFF = (0.5, 1.5, 4.0)  # seconds before the 2nd, 3rd and 4th attempt
# A reply Telegram answers 429 waits retry_after and goes again, if the wait is short
# enough for a person still looking at the chat; a 429 is "not yet", not an attempt.
MAX_REPLY_WAIT = 10.0
MAX_429 = 3
# What counts against Telegram's overall flood limit as a new message (edits and answers to
# button presses are left out).
NEW_MESSAGES = (SendMessage, SendPhoto, SendDocument, SendMediaGroup, SendLocation)


class RetryFailedRequests(BaseRequestMiddleware):
    """A 5xx answer or a refused connection: Telegram did not act, so the same call is
    made again, a bounded number of times with growing pauses. A timeout is not: the
    request may have arrived, and a second one could duplicate a message.

    Broadcast copies are left to the outbox worker, which counts and records its own
    attempts per recipient.
    """

    def __init__(self, clock: Clock, pacer: Pacer | None = None) -> None:
        self._clock = clock
        self._pacer = pacer

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if method.__api_method__ == CopyMessage.__api_method__:
            return await make_request(bot, method)
        if self._pacer is not None and isinstance(method, NEW_MESSAGES) and not is_paced():
            self._pacer.count()
        limited = 0
        pauses = iter((*BACKOFF, None))
        attempt = 0
        while True:
            attempt += 1
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as error:
                limited += 1
                if limited > MAX_429 or error.retry_after > MAX_REPLY_WAIT:
                    raise
                log.warning(
                    "request waits method=%s retry_after=%s", type(method).__name__,
                    error.retry_after,
                )  # fmt: skip
                if self._pacer is not None:
                    self._pacer.hold(error.retry_after)  # bulk senders pause and slow down too
                await self._clock.pause(error.retry_after)
                attempt -= 1
            except (TelegramServerError, TelegramNetworkError) as error:
                pause = next(pauses)
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
