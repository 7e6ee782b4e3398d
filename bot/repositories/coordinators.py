"""SQL for the coordinator role."""

from __future__ import annotations

from bot.db import UnitOfWork


class CoordinatorRepository:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def contains(self, user_id: int) -> bool:
        row = await self._uow.fetch_one(
            "SELECT 1 FROM coordinators WHERE user_id = :id", {"id": user_id}
        )
        return row is not None

    async def all_ids(self) -> list[int]:
        rows = await self._uow.fetch_all("SELECT user_id FROM coordinators ORDER BY user_id")
        return [row["user_id"] for row in rows]
