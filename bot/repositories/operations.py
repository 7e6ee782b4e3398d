"""SQL for what operators watch: the outboxes' backlog, deliveries by outcome, reminders
waiting, and a write probe for the health check."""

from __future__ import annotations

from bot.db import UnitOfWork


class OperationsRepository:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def probe_write(self) -> None:
        """Write a row and delete it again, committed by the caller: fails the way a real
        update's write would on a full disk or a read-only file. (Update ids are
        positive; -1 is never a real one.)"""
        await self._uow.execute("INSERT OR IGNORE INTO processed_updates (update_id) VALUES (-1)")
        await self._uow.execute("DELETE FROM processed_updates WHERE update_id = -1")

    async def outbox_pending(self) -> dict[str, int]:
        """Messages waiting to be sent, by outbox (broadcast copies, hearing notices)."""
        row = await self._uow.fetch_one(
            """
            SELECT (SELECT COUNT(*) FROM deliveries WHERE status = 'pending'),
                   (SELECT COUNT(*) FROM notices WHERE status = 'pending')
            """
        )
        assert row is not None  # an aggregate always returns a row
        return {"broadcast": int(row[0]), "notice": int(row[1])}

    async def deliveries_by_status(self) -> dict[str, int]:
        rows = await self._uow.fetch_all(
            "SELECT status, COUNT(*) FROM deliveries WHERE status != 'pending' GROUP BY status"
        )
        return {str(row[0]): int(row[1]) for row in rows}

    async def reminders_pending(self) -> int:
        row = await self._uow.fetch_one("SELECT COUNT(*) FROM reminders WHERE status = 'pending'")
        return int(row[0]) if row else 0
