"""The command menu (setMyCommands) in each interface language, by role."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault

from bot.config import Settings
from bot.db import Database
from bot.i18n import Locales, Translator
from bot.repositories.coordinators import CoordinatorRepository
from bot.repositories.users import UserRepository

log = logging.getLogger(__name__)

# In menu order. Coordinators see theirs after everyone's.
EVERYONE = (
    "start", "hearings", "my", "report", "profile", "language", "help", "cancel", "forget",
)  # fmt: skip
COORDINATORS = ("newhearing", "reports", "broadcast", "export", "stats")
ADMINS = ("coordinators",)
# The interface languages an app can report (ISO 639-1); the others are chosen in the bot.
APP_LANGUAGES = ("uz", "ru", "en")


def commands(tr: Translator, names: tuple[str, ...] = EVERYONE) -> list[BotCommand]:
    return [BotCommand(command=name, description=tr(f"cmd-{name}")) for name in names]


async def set_default_commands(bot: Bot, locales: Locales, default_language: str) -> None:
    """Publish the menu for each language, and DEFAULT_LANGUAGE's for every other app."""
    scope = BotCommandScopeDefault()
    for tr in locales:
        if tr.language not in APP_LANGUAGES:
            continue  # Telegram takes two-letter codes only; uz-Cyrl users get theirs per chat
        await bot.set_my_commands(commands(tr), scope=scope, language_code=tr.language)
    await bot.set_my_commands(commands(locales.get(default_language)), scope=scope)


async def set_chat_commands(
    bot: Bot, chat_id: int, tr: Translator, *, staff: bool, admin: bool = False
) -> None:
    """Show this person the menu of their role in the language they chose.

    Telegram picks a menu by the app's language; a chat-scoped menu overrides that.
    """
    names = EVERYONE + (COORDINATORS if staff or admin else ()) + (ADMINS if admin else ())
    try:
        await bot.set_my_commands(commands(tr, names), scope=BotCommandScopeChat(chat_id=chat_id))
    except TelegramAPIError as error:
        # The menu is a convenience; whatever changed has been saved.
        log.warning("could not set chat commands chat=%d error=%s", chat_id, type(error).__name__)


async def set_staff_commands(bot: Bot, db: Database, locales: Locales, settings: Settings) -> None:
    """At startup: coordinators' menus, in each one's language."""
    async with db.unit_of_work() as uow:
        staff = set(settings.admin_ids) | set(await CoordinatorRepository(uow).all_ids())
        languages = await UserRepository(uow).languages(staff, settings.default_language)
    for user_id, language in languages.items():
        admin = user_id in settings.admin_ids
        await set_chat_commands(bot, user_id, locales.get(language), staff=True, admin=admin)
