"""SQL for the ids of updates already applied (each update takes effect once)."""

from __future__ import annotations

from bot.db import UnitOfWork

# Telegram keeps unconfirmed updates for 24 hours; far fewer than this many arrive in
# the time a redelivery can take, and the table stays small.
KEEP = 100_000
PRUNE_EVERY = 1_000


class UpdateRepository:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def claim(self, update_id: int) -> bool:
        """Record the id; False if it was recorded before (a redelivery)."""
        return update_id in await self.claim_many([update_id])

    async def claim_many(self, update_ids: list[int]) -> set[int]:
        """Record the ids in one statement; return those not recorded before."""
        if not update_ids:
            return set()
        rows = await self._uow.fetch_written(
            "INSERT INTO processed_updates (update_id) VALUES "
            + ", ".join("(?)" for _ in update_ids)
            + " ON CONFLICT DO NOTHING RETURNING update_id",
            update_ids,
        )
        added = {int(row[0]) for row in rows}
        prune = [update_id for update_id in added if update_id % PRUNE_EVERY == 0]
        if prune:
            await self._uow.execute(
                "DELETE FROM processed_updates WHERE update_id < ?", (max(prune) - KEEP,)
            )
        return added
