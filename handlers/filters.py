"""Filters that say who a router serves."""

from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import TelegramObject, User

from bot.config import Settings
from bot.repositories.coordinators import CoordinatorRepository
from bot.services.roles import is_coordinator


class IsCoordinator(Filter):
    """Checked against the database on every update: a removed coordinator is out at once."""

    async def __call__(
        self,
        event: TelegramObject,
        coordinators: CoordinatorRepository,
        settings: Settings,
        event_from_user: User | None = None,
    ) -> bool:
        if event_from_user is None:
            return False
        return await is_coordinator(coordinators, settings.admin_ids, event_from_user.id)


class IsAdmin(Filter):
    """ADMIN_IDS from the settings: the deployment's owners."""

    async def __call__(
        self, event: TelegramObject, settings: Settings, event_from_user: User | None = None
    ) -> bool:
        return event_from_user is not None and event_from_user.id in settings.admin_ids
