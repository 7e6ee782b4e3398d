"""The framework's floor: a bare aiogram bot that answers every message with one text
and every button press with an empty answer. It runs on the bot's own event loop
(bot/loop.py), so a ratio compares the handling, not the loops.

Run by bench/handling.py and bench/throughput.py against the same stand-in as the real bot.
"""

from __future__ import annotations

import os

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import CallbackQuery, Message

from bot.loop import run


async def main() -> None:
    session = AiohttpSession(api=TelegramAPIServer.from_base(os.environ["TELEGRAM_API_URL"]))
    bot = Bot(os.environ["BOT_TOKEN"], session=session)
    dp = Dispatcher()

    @dp.message()
    async def echo(message: Message) -> None:
        await message.answer("ok")

    @dp.callback_query()
    async def press(query: CallbackQuery) -> None:
        await query.answer()

    await dp.start_polling(bot)


if __name__ == "__main__":
    run(main())
