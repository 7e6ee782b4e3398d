"""Which failed Bot API calls are made again: before Telegram acted, yes; a timeout, no."""

from __future__ import annotations

from typing import Any

import pytest
from aiogram.exceptions import TelegramNetworkError, TelegramServerError
from aiogram.methods import CopyMessage, SendMessage
from aiohttp import ClientConnectorError
from aiohttp.client_reqrep import ConnectionKey

from bot.clock import ManualClock
from bot.middlewares.retry import BACKOFF, RetryFailedRequests

SEND = SendMessage(chat_id=1, text="hi")


def failing(*errors: Exception) -> tuple[list[int], Any]:
    calls: list[int] = []

    async def make_request(bot: Any, method: Any) -> str:
        calls.append(1)
        if len(calls) <= len(errors):
            raise errors[len(calls) - 1]
        return "ok"

    return calls, make_request


def refused() -> TelegramNetworkError:
    key = ConnectionKey("127.0.0.1", 1, False, True, None, None, None)
    error = TelegramNetworkError(method=SEND, message="refused")
    error.__cause__ = ClientConnectorError(key, OSError(111, "Connection refused"))
    return error


async def test_5xx_and_refused_connections_are_retried_then_given_up() -> None:
    retry = RetryFailedRequests(ManualClock())
    server_error = TelegramServerError(method=SEND, message="Bad Gateway")
    calls, make_request = failing(server_error, refused())
    result: Any = await retry(make_request, None, SEND)  # type: ignore[arg-type]
    assert result == "ok"
    assert len(calls) == 3

    calls, make_request = failing(*[server_error] * 10)
    with pytest.raises(TelegramServerError):
        await retry(make_request, None, SEND)  # type: ignore[arg-type]
    assert len(calls) == len(BACKOFF) + 1


async def test_a_timeout_and_broadcast_copies_are_not_retried_here() -> None:
    retry = RetryFailedRequests(ManualClock())
    calls, make_request = failing(TelegramNetworkError(method=SEND, message="timed out"))
    with pytest.raises(TelegramNetworkError):
        await retry(make_request, None, SEND)  # type: ignore[arg-type]
    assert len(calls) == 1  # it may have arrived: sending again could duplicate it

    copy = CopyMessage(chat_id=1, from_chat_id=2, message_id=3)
    calls, make_request = failing(TelegramServerError(method=copy, message="Bad Gateway"))
    with pytest.raises(TelegramServerError):
        await retry(make_request, None, copy)  # type: ignore[arg-type]
    assert len(calls) == 1  # the outbox worker counts its own attempts


async def test_a_429_on_a_reply_waits_and_goes_again_and_holds_the_shared_pace() -> None:
    from aiogram.exceptions import TelegramRetryAfter

    from bot.notifier import Pacer

    pacer = Pacer(25.0)
    retry = RetryFailedRequests(ManualClock(), pacer)
    limited = TelegramRetryAfter(method=SEND, message="Too Many Requests", retry_after=2)
    calls, make_request = failing(limited, limited)
    result: Any = await retry(make_request, None, SEND)  # type: ignore[arg-type]
    assert result == "ok" and len(calls) == 3
    assert pacer.rate < 25.0  # broadcasts and notices slow down too

    too_long = TelegramRetryAfter(method=SEND, message="Too Many Requests", retry_after=60)
    calls, make_request = failing(too_long)
    with pytest.raises(TelegramRetryAfter):
        await retry(make_request, None, SEND)  # type: ignore[arg-type]
    assert len(calls) == 1
