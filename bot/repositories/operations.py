"""SQL for what operators watch: the outboxes' backlog, deliveries by outcome, reminders
waiting, and a write probe for the health check."""

from __future__ import annotations

import json
from dataclasses import dataclass

from bot.db import UnitOfWork


@dataclass(frozen=True, slots=True)
class Backlog:
    outbox_pending: dict[str, int]  # by outbox: broadcast copies, hearing notices, desk posts
    deliveries: dict[str, int]  # broadcast copies by outcome, all time
    reminders_pending: int


class OperationsRepository:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def probe_write(self) -> None:
        """Write a row and delete it again, committed by the caller: fails the way a real
        update's write would on a full disk or a read-only file. (Update ids are
        positive; -1 is never a real one.)"""
        await self._uow.execute("INSERT OR IGNORE INTO processed_updates (update_id) VALUES (-1)")
        await self._uow.execute("DELETE FROM processed_updates WHERE update_id = -1")

    async def backlog(self) -> Backlog:
        """What waits and what was done, in one query (a /metrics scrape)."""
        row = await self._uow.fetch_one(
            """
            SELECT
                (SELECT COUNT(*) FROM deliveries WHERE status = 'pending') AS broadcast,
                (SELECT COUNT(*) FROM notices WHERE status = 'pending') AS notice,
                (SELECT COUNT(*) FROM desk_posts WHERE status = 'pending') AS desk,
                (SELECT COUNT(*) FROM reminders WHERE status = 'pending') AS reminders,
                (SELECT json_group_object(status, n) FROM (
                    SELECT status, COUNT(*) AS n FROM deliveries
                    WHERE status != 'pending' GROUP BY status)) AS deliveries
            """
        )
        assert row is not None  # an aggregate always returns a row
        return Backlog(
            outbox_pending={name: int(row[name]) for name in ("broadcast", "notice", "desk")},
            deliveries={str(k): int(v) for k, v in json.loads(row["deliveries"]).items()},
            reminders_pending=int(row["reminders"]),
        )
