"""The framework's floor: a bare aiogram bot that answers every message with one text
and every button press with an empty answer. It runs on the event loop the bot
would (EVENT_LOOP, bot/loop.py), so a ratio compares the handling, not the loops.

With BARE_EDITS=1 a press is also answered the way the real bot answers most: the
pressed message is edited (its text changes each time). That floor makes about as many
Bot API calls per update as the real bot, so the gap left is the bot's own work.

Run by bench/handling.py and bench/throughput.py against the same stand-in as the real bot.
"""

from __future__ import annotations

import os

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import CallbackQuery, Message

from bot.config import Settings
from bot.loop import run


async def main(settings: Settings) -> None:
    session = AiohttpSession(api=TelegramAPIServer.from_base(settings.api_base))
    bot = Bot(settings.bot_token.get_secret_value(), session=session)
    dp = Dispatcher()

    @dp.message()
    async def echo(message: Message) -> None:
        await message.answer("ok")

    edits = os.environ.get("BARE_EDITS") == "1"

    @dp.callback_query()
    async def press(query: CallbackQuery) -> None:
        await query.answer()
        if edits and isinstance(query.message, Message):
            await query.message.edit_text(f"ok {query.id}")

    await dp.start_polling(bot)


if __name__ == "__main__":
    # Read as the bot reads them (the environment, then .env in the working folder).
    settings = Settings()
    run(main(settings), settings.event_loop)
