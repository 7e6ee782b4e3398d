"""Messages to many people at once, each in their language, paced under Telegram's limits."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from typing import Protocol

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramRetryAfter
from aiogram.types import InlineKeyboardMarkup

from bot.i18n import Locales, Translator

log = logging.getLogger(__name__)

Render = Callable[[Translator], tuple[str, InlineKeyboardMarkup | None]]


class Recipient(Protocol):
    @property
    def user_id(self) -> int: ...
    @property
    def language(self) -> str: ...


class Notifier:
    """Send one rendered message per person; a failure for one never stops the others."""

    def __init__(self, bot: Bot, locales: Locales, rate: float) -> None:
        self._bot = bot
        self._locales = locales
        # https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this
        self._interval = 1.0 / rate

    async def send(self, recipients: Iterable[Recipient], render: Render) -> int:
        """Return how many people the message reached."""
        reached = 0
        for recipient in recipients:
            if await self.send_one(
                recipient.user_id, self._locales.get(recipient.language), render
            ):
                reached += 1
            await asyncio.sleep(self._interval)
        return reached

    async def send_one(self, chat_id: int, tr: Translator, render: Render) -> bool:
        text, markup = render(tr)
        for _attempt in range(3):
            try:
                await self._bot.send_message(chat_id, text, reply_markup=markup)
            except TelegramRetryAfter as error:
                await asyncio.sleep(error.retry_after)
            except TelegramAPIError as error:
                # Blocked, deleted account, chat gone: this person only; log no text.
                log.warning("notify failed chat=%d error=%s", chat_id, type(error).__name__)
                return False
            else:
                return True
        return False
