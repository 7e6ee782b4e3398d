"""Screens that change in place: the pressed message becomes the next screen."""

from __future__ import annotations

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message


async def replace_pressed(
    bot: Bot, query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    """Edit the message whose button was pressed; post a new one if it cannot be edited."""
    message = query.message
    if message is None or not isinstance(message, Message) or message.text is None:
        await bot.send_message(query.from_user.id, text, reply_markup=markup)
        return
    try:
        await bot.edit_message_text(
            text=text,
            chat_id=message.chat.id,
            message_id=message.message_id,
            reply_markup=markup,
        )
    except TelegramBadRequest as error:
        # A double tap asks for the screen already shown; Telegram says so, nothing to do.
        if "message is not modified" not in error.message:
            raise
