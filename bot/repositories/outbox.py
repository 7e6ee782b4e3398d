"""What the outbox tables share (notices, desk posts): a row is claimed, committed,
before its Telegram call, and ends sent, failed, or uncertain after a crash."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from bot.db import UnitOfWork
from bot.repositories.columns import utc_text


@dataclass(frozen=True, slots=True)
class BatchOutcome:
    total: int
    sent: int
    open: int  # pending or being sent


class ClaimedRows:
    TABLE: ClassVar[str]  # a constant of the subclass, never input

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def claim(self, row_id: int) -> bool:
        """pending → sending, committed before the Telegram call: never sent twice."""
        changed = await self._uow.execute(
            f"UPDATE {self.TABLE} SET status = 'sending' WHERE id = ? AND status = 'pending'",
            (row_id,),
        )
        return changed == 1

    async def finish(self, row_id: int, status: str, now: datetime) -> None:
        await self._uow.execute(
            f"UPDATE {self.TABLE} SET status = ?, done_at = ? WHERE id = ?",
            (status, utc_text(now), row_id),
        )

    async def abandon_claimed(self, now: datetime) -> int:
        """At start: a row claimed when the bot died may have gone out; not resent."""
        return await self._uow.execute(
            f"UPDATE {self.TABLE} SET status = 'uncertain', done_at = ? WHERE status = 'sending'",
            (utc_text(now),),
        )

    async def _outcome(self, column: str, value: object) -> BatchOutcome:
        """How the rows with this `column` value (a constant of the caller) fared."""
        row = await self._uow.fetch_one(
            f"""
            SELECT count(*), coalesce(sum(status = 'sent'), 0),
                coalesce(sum(status IN ('pending', 'sending')), 0)
            FROM {self.TABLE} WHERE {column} = ?
            """,
            (value,),
        )
        assert row is not None
        return BatchOutcome(int(row[0]), int(row[1]), int(row[2]))
