"""SQL for reminders: which are due, which were sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.db import UnitOfWork
from bot.repositories.columns import parse_utc, utc_text


@dataclass(frozen=True, slots=True)
class Wakeup:
    """When the sender must run for one hearing and offset."""

    hearing_id: int
    offset_seconds: int
    due_at: datetime


@dataclass(frozen=True, slots=True)
class DueReminder:
    id: int
    user_id: int
    language: str


class ReminderRepository:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def plan(
        self, hearing_id: int, user_id: int, starts_at: datetime, offsets: tuple[timedelta, ...],
        now: datetime,
    ) -> None:  # fmt: skip
        """Add a pending reminder for each offset still ahead (none comes late)."""
        rows = [
            (hearing_id, user_id, int(offset.total_seconds()), utc_text(starts_at - offset))
            for offset in offsets
            if starts_at - offset > now
        ]
        await self._uow.execute_many(
            """
            INSERT INTO reminders (hearing_id, user_id, offset_seconds, due_at)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (hearing_id, user_id, offset_seconds, due_at) DO UPDATE
                SET due_at = excluded.due_at, status = 'pending'
                WHERE reminders.status = 'cancelled'
            """,
            rows,
        )

    async def cancel_for_user(self, hearing_id: int, user_id: int) -> None:
        await self._uow.execute(
            """
            UPDATE reminders SET status = 'cancelled'
            WHERE hearing_id = :hearing AND user_id = :user AND status = 'pending'
            """,
            {"hearing": hearing_id, "user": user_id},
        )

    async def cancel_for_hearing(self, hearing_id: int) -> None:
        await self._uow.execute(
            """
            UPDATE reminders SET status = 'cancelled'
            WHERE hearing_id = :id AND status = 'pending'
            """,
            {"id": hearing_id},
        )

    async def wakeups(self, hearing_id: int | None = None) -> list[Wakeup]:
        """Distinct (hearing, offset) moments with pending reminders."""
        rows = await self._uow.fetch_all(
            """
            SELECT hearing_id, offset_seconds, min(due_at) AS due_at FROM reminders
            WHERE status = 'pending' AND (:id IS NULL OR hearing_id = :id)
            GROUP BY hearing_id, offset_seconds
            """,
            {"id": hearing_id},
        )
        return [
            Wakeup(row["hearing_id"], row["offset_seconds"], parse_utc(row["due_at"]))  # type: ignore[arg-type]
            for row in rows
        ]

    async def due(self, hearing_id: int, offset_seconds: int, now: datetime) -> list[DueReminder]:
        rows = await self._uow.fetch_all(
            """
            SELECT r.id, r.user_id, u.language FROM reminders r JOIN users u ON u.id = r.user_id
            WHERE r.hearing_id = :hearing AND r.offset_seconds = :offset
                AND r.status = 'pending' AND r.due_at <= :now
            ORDER BY r.id
            """,
            {"hearing": hearing_id, "offset": offset_seconds, "now": utc_text(now)},
        )
        return [DueReminder(row["id"], row["user_id"], row["language"]) for row in rows]

    async def closer_one_due(self, reminder_id: int, now: datetime) -> bool:
        """Whether the same person has a smaller-offset reminder for this hearing due too."""
        row = await self._uow.fetch_one(
            """
            SELECT 1 FROM reminders r JOIN reminders closer
                ON closer.hearing_id = r.hearing_id AND closer.user_id = r.user_id
                AND closer.offset_seconds < r.offset_seconds
            WHERE r.id = :id AND closer.status = 'pending' AND closer.due_at <= :now
            """,
            {"id": reminder_id, "now": utc_text(now)},
        )
        return row is not None

    async def claim(self, reminder_id: int) -> bool:
        """Mark a pending reminder as being sent; False if it is no longer pending."""
        changed = await self._uow.execute(
            "UPDATE reminders SET status = 'sending' WHERE id = :id AND status = 'pending'",
            {"id": reminder_id},
        )
        return changed == 1

    async def set_status(self, reminder_id: int, status: str, now: datetime | None = None) -> None:
        await self._uow.execute(
            "UPDATE reminders SET status = :status, sent_at = :at WHERE id = :id",
            {"id": reminder_id, "status": status, "at": utc_text(now) if now else None},
        )

    async def abandon_claimed(self) -> int:
        """After a crash: a claimed reminder may have reached the person; never resend it."""
        return await self._uow.execute(
            "UPDATE reminders SET status = 'failed' WHERE status = 'sending'"
        )
