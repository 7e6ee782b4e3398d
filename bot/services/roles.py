"""Who may do what: coordinators are ADMIN_IDS plus those admins named."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from bot.repositories.audit import AuditRepository
from bot.repositories.coordinators import CoordinatorRepository
from bot.repositories.users import User, UserRepository
from bot.services import errors
from bot.services.errors import NotCoordinatorError


async def is_coordinator(
    coordinators: CoordinatorRepository, admin_ids: Collection[int], user_id: int
) -> bool:
    """Checked on every use, so a removed coordinator loses access at once."""
    return user_id in admin_ids or await coordinators.contains(user_id)


class Roles:
    """One update's answers to "is this person a coordinator?".

    Several routers filter on the role and the hearing card shows coordinators more
    buttons: each asked the database again, up to five times for one button press.
    Within one update the answer cannot change (removing a role is an update of its
    own), so it is looked up once per person and kept until the update ends.
    """

    __slots__ = ("_admin_ids", "_coordinators", "_known")

    def __init__(self, coordinators: CoordinatorRepository, admin_ids: Collection[int]) -> None:
        self._coordinators = coordinators
        self._admin_ids = admin_ids
        self._known: dict[int, bool] = {}

    async def is_coordinator(self, user_id: int) -> bool:
        known = self._known.get(user_id)
        if known is None:
            known = await is_coordinator(self._coordinators, self._admin_ids, user_id)
            self._known[user_id] = known
        return known


async def require_coordinator(
    coordinators: CoordinatorRepository, admin_ids: Collection[int], user_id: int
) -> None:
    if not await is_coordinator(coordinators, admin_ids, user_id):
        raise NotCoordinatorError()


# Telegram user ids fit in 52 bits; anything longer is a typo, and would not fit SQLite's
# 64-bit integers either (aiosqlite raises OverflowError past 2**63).
MAX_USER_ID = 2**52


def parse_user_id(text: str | None) -> int:
    """A typed Telegram id: ASCII digits, within range; anything else is refused."""
    value = (text or "").strip()
    if not value.isascii() or not value.isdigit() or len(value) > 16:
        raise errors.CoordinatorInputError()
    user_id = int(value)
    if not 0 < user_id < MAX_USER_ID:
        raise errors.CoordinatorInputError()
    return user_id


def require_admin(admin_ids: Collection[int], user_id: int) -> None:
    if user_id not in admin_ids:
        raise errors.NotAdminError()


async def add_coordinator(
    users: UserRepository,
    coordinators: CoordinatorRepository,
    audit: AuditRepository,
    admin_ids: Collection[int],
    admin_id: int,
    user_id: int,
    now: datetime,
) -> User:
    """Name a registered volunteer coordinator (admins only)."""
    require_admin(admin_ids, admin_id)
    user = await users.get(user_id)
    if user is None or not user.is_registered:
        raise errors.CoordinatorNotRegisteredError()
    if user_id in admin_ids or not await coordinators.add(user_id, admin_id, now):
        raise errors.AlreadyCoordinatorError()
    await audit.record(admin_id, "role.add", f"user:{user_id}", now)
    return user


async def remove_coordinator(
    coordinators: CoordinatorRepository,
    audit: AuditRepository,
    admin_ids: Collection[int],
    admin_id: int,
    user_id: int,
    now: datetime,
) -> None:
    """Take the role away; it is checked on every use, so it ends at once."""
    require_admin(admin_ids, admin_id)
    if not await coordinators.remove(user_id):
        raise errors.StaleButtonError()  # nothing to remove
    await audit.record(admin_id, "role.remove", f"user:{user_id}", now)
