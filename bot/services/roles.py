"""Who may do what: coordinators are ADMIN_IDS plus those admins named."""

from __future__ import annotations

from collections.abc import Collection

from bot.repositories.coordinators import CoordinatorRepository
from bot.services.errors import NotCoordinatorError


async def is_coordinator(
    coordinators: CoordinatorRepository, admin_ids: Collection[int], user_id: int
) -> bool:
    """Checked on every use, so a removed coordinator loses access at once."""
    return user_id in admin_ids or await coordinators.contains(user_id)


async def require_coordinator(
    coordinators: CoordinatorRepository, admin_ids: Collection[int], user_id: int
) -> None:
    if not await is_coordinator(coordinators, admin_ids, user_id):
        raise NotCoordinatorError()
