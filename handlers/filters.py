"""Filters that say who a router serves."""

from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import Message, TelegramObject, User

from bot.command_menu import ADMINS, COORDINATORS, EVERYONE
from bot.config import Settings
from bot.services.roles import Roles


class IsCoordinator(Filter):
    """Checked against the database on every update (once, however many routers ask):
    a removed coordinator is out at once."""

    async def __call__(
        self, event: TelegramObject, roles: Roles, event_from_user: User | None = None
    ) -> bool:
        if event_from_user is None:
            return False
        return await roles.is_coordinator(event_from_user.id)


class IsAdmin(Filter):
    """ADMIN_IDS from the settings: the deployment's owners."""

    async def __call__(
        self, event: TelegramObject, settings: Settings, event_from_user: User | None = None
    ) -> bool:
        return event_from_user is not None and event_from_user.id in settings.admin_ids


class NotCommand(Filter):
    """On every free-text step: a command the bot knows is never taken as the answer.

    Known commands escape any step (`/cancel` leaves the form, `/help` and the rest run
    and the form waits), whatever the order of the routers; an unknown one still reaches
    the step, which explains what it expects instead. tests/flow/test_every_state.py
    sends them in every state there is.
    """

    async def __call__(self, message: Message) -> bool:
        text = message.text or ""
        if not text.startswith("/"):
            return True
        name = text[1:].split(maxsplit=1)[0].split("@", 1)[0].lower() if len(text) > 1 else ""
        return name not in KNOWN_COMMANDS


KNOWN_COMMANDS = frozenset(EVERYONE + COORDINATORS + ADMINS)
NOT_COMMAND = NotCommand()
