"""The command menu (setMyCommands) in each interface language."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault

from bot.i18n import Locales, Translator

log = logging.getLogger(__name__)

# The commands everyone has, in menu order. Role-specific menus extend this per chat.
EVERYONE = ("start", "help", "language", "profile", "cancel", "forget")


def commands(tr: Translator, names: tuple[str, ...] = EVERYONE) -> list[BotCommand]:
    return [BotCommand(command=name, description=tr(f"cmd-{name}")) for name in names]


async def set_default_commands(bot: Bot, locales: Locales, default_language: str) -> None:
    """Publish the menu for each language, and DEFAULT_LANGUAGE's for every other app."""
    scope = BotCommandScopeDefault()
    for tr in locales:
        await bot.set_my_commands(commands(tr), scope=scope, language_code=tr.language)
    await bot.set_my_commands(commands(locales.get(default_language)), scope=scope)


async def set_chat_commands(bot: Bot, chat_id: int, tr: Translator) -> None:
    """Show this person the menu in the language they chose, whatever their app's language.

    Telegram picks a menu by the app's language; a chat-scoped menu overrides that.
    """
    try:
        await bot.set_my_commands(commands(tr), scope=BotCommandScopeChat(chat_id=chat_id))
    except TelegramAPIError as error:
        # The menu is a convenience; the language change itself has been saved.
        log.warning("could not set chat commands chat=%d error=%s", chat_id, type(error).__name__)
