"""Helpers connecting aiogram to a running :class:`~standin.BotAPIStandin`.

aiogram is imported here only, so the rest of the package does not depend on it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from .server import BotAPIStandin

__all__ = ["LoopbackSession", "connected_bot", "make_bot", "polling"]


class LoopbackSession(AiohttpSession):
    """An aiogram session for the stand-in on loopback: closes at once.

    aiogram waits 250 ms on close for TLS connections to shut down; there is no TLS
    on loopback, and a test suite that restarts bots hundreds of times would wait minutes.
    """

    def __init__(self, server: BotAPIStandin) -> None:
        super().__init__(api=TelegramAPIServer.from_base(server.url))

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


def make_bot(server: BotAPIStandin, **bot_kwargs: Any) -> Bot:
    """A :class:`aiogram.Bot` whose session talks to ``server`` (close its session!)."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(server.url))
    return Bot(server.token, session=session, **bot_kwargs)


@contextlib.asynccontextmanager
async def connected_bot(server: BotAPIStandin, **bot_kwargs: Any) -> AsyncIterator[Bot]:
    """``async with connected_bot(server) as bot:`` — the session is closed on exit."""
    bot = make_bot(server, **bot_kwargs)
    try:
        yield bot
    finally:
        await bot.session.close()


@contextlib.asynccontextmanager
async def polling(
    dispatcher: Dispatcher, bot: Bot, *, polling_timeout: int = 1, **kwargs: Any
) -> AsyncIterator[asyncio.Task[None]]:
    """Run ``dispatcher.start_polling(bot)`` in a task for the duration of the block.

    The bot session is left open (close it yourself, e.g. via :func:`connected_bot`).
    """
    task = asyncio.create_task(
        dispatcher.start_polling(
            bot,
            polling_timeout=polling_timeout,
            handle_signals=False,
            close_bot_session=False,
            **kwargs,
        )
    )
    try:
        yield task
    finally:
        if not task.done():
            try:
                await dispatcher.stop_polling()
            except RuntimeError:  # polling has not started yet
                task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, timeout=10)
