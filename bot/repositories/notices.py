"""SQL for the hearing notices' outbox."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from bot.db import UnitOfWork
from bot.repositories.columns import utc_text


@dataclass(frozen=True, slots=True)
class Notice:
    id: int
    batch: str
    kind: str
    hearing_id: int
    user_id: int
    author_id: int | None
    reason: str | None
    language: str


@dataclass(frozen=True, slots=True)
class BatchOutcome:
    total: int
    sent: int
    open: int  # pending or being sent


class NoticeRepository:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def add(
        self,
        batch: str,
        kind: str,
        hearing_id: int,
        user_ids: Iterable[int],
        now: datetime,
        *,
        author_id: int | None = None,
        reason: str | None = None,
    ) -> int:
        rows = [
            {"batch": batch, "kind": kind, "hearing": hearing_id, "user": user_id,
             "author": author_id, "reason": reason, "now": utc_text(now)}
            for user_id in user_ids
        ]  # fmt: skip
        await self._uow.execute_many(
            """
            INSERT INTO notices (batch, kind, hearing_id, user_id, author_id, reason, created_at)
            VALUES (:batch, :kind, :hearing, :user, :author, :reason, :now)
            """,
            rows,
        )
        return len(rows)

    async def pending(self, limit: int) -> list[Notice]:
        rows = await self._uow.fetch_all(
            """
            SELECT n.id, n.batch, n.kind, n.hearing_id, n.user_id, n.author_id, n.reason,
                u.language
            FROM notices n JOIN users u ON u.id = n.user_id
            WHERE n.status = 'pending' ORDER BY n.id LIMIT :limit
            """,
            {"limit": limit},
        )
        return [Notice(*row) for row in rows]

    async def claim(self, notice_id: int) -> bool:
        """pending → sending, committed before the Telegram call: never sent twice."""
        return (
            await self._uow.execute(
                "UPDATE notices SET status = 'sending' WHERE id = ? AND status = 'pending'",
                (notice_id,),
            )
            == 1
        )

    async def finish(self, notice_id: int, status: str, now: datetime) -> None:
        await self._uow.execute(
            "UPDATE notices SET status = ?, done_at = ? WHERE id = ?",
            (status, utc_text(now), notice_id),
        )

    async def abandon_claimed(self, now: datetime) -> int:
        """At start: a notice claimed when the bot died may have gone out; not resent."""
        return await self._uow.execute(
            "UPDATE notices SET status = 'uncertain', done_at = ? WHERE status = 'sending'",
            (utc_text(now),),
        )

    async def outcome(self, batch: str) -> BatchOutcome:
        row = await self._uow.fetch_one(
            """
            SELECT count(*), coalesce(sum(status = 'sent'), 0),
                coalesce(sum(status IN ('pending', 'sending')), 0)
            FROM notices WHERE batch = ?
            """,
            (batch,),
        )
        assert row is not None
        return BatchOutcome(int(row[0]), int(row[1]), int(row[2]))
