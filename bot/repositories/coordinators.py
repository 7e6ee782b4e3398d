"""SQL for the coordinator role."""

from __future__ import annotations

from datetime import datetime

from bot.db import UnitOfWork
from bot.repositories.columns import utc_text


class CoordinatorRepository:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def contains(self, user_id: int) -> bool:
        row = await self._uow.fetch_one(
            "SELECT 1 FROM coordinators WHERE user_id = :id", {"id": user_id}
        )
        return row is not None

    async def add(self, user_id: int, added_by: int, now: datetime) -> bool:
        changed = await self._uow.execute(
            """
            INSERT INTO coordinators (user_id, added_by, added_at) VALUES (:user, :by, :now)
            ON CONFLICT (user_id) DO NOTHING
            """,
            {"user": user_id, "by": added_by, "now": utc_text(now)},
        )
        return changed == 1

    async def remove(self, user_id: int) -> bool:
        changed = await self._uow.execute(
            "DELETE FROM coordinators WHERE user_id = :user", {"user": user_id}
        )
        return changed == 1

    async def all_ids(self) -> list[int]:
        rows = await self._uow.fetch_all("SELECT user_id FROM coordinators ORDER BY user_id")
        return [row["user_id"] for row in rows]
