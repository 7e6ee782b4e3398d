"""Who is writing and in which language to answer them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.enums import ChatType
from aiogram.types import Chat, TelegramObject
from aiogram.types import User as TelegramUser

from bot.i18n import LANGUAGES, Locales
from bot.repositories.users import UserRepository
from bot.services.roles import Roles


class UserContextMiddleware(BaseMiddleware):
    """Load the person's row and pick their translator.

    The stored choice wins; before they choose, Telegram's app language is used when
    the bot speaks it, else DEFAULT_LANGUAGE.
    """

    def __init__(self, locales: Locales, default_language: str) -> None:
        self._locales = locales
        self._default = default_language

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        sender: TelegramUser | None = data.get("event_from_user")
        users: UserRepository = data["users"]
        user = await users.get(sender.id) if sender is not None else None
        if user is not None and user.unreachable_at is not None and _in_private(data):
            # Writing to the bot privately means they unblocked it: reachable again.
            await users.clear_unreachable(user.id)
        data["user"] = user
        data["roles"] = Roles(data["coordinators"], data["settings"].admin_ids)
        data["tr"] = self._locales.get(self.language_for(sender, user.language if user else None))
        return await handler(event, data)

    def language_for(self, sender: TelegramUser | None, stored: str | None) -> str:
        if stored is not None:
            return stored
        app_language = ((sender.language_code if sender else None) or "").split("-")[0]
        return app_language if app_language in LANGUAGES else self._default


def _in_private(data: dict[str, Any]) -> bool:
    chat: Chat | None = data.get("event_chat")
    return chat is not None and chat.type == ChatType.PRIVATE
