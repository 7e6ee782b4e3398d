"""Who came to a hearing: check-in tokens, attendance marks, scans by people without a seat."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from bot.db import UnitOfWork
from bot.repositories.columns import parse_utc, utc_text


@dataclass(frozen=True)
class Seat:
    """A confirmed sign-up and what is known of the person's attendance."""

    user_id: int
    full_name: str | None
    attended_at: datetime | None
    attended_via: str | None


class AttendanceRepository:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def token(self, hearing_id: int) -> str | None:
        row = await self._uow.fetch_one(
            "SELECT checkin_token FROM hearings WHERE id = :id", {"id": hearing_id}
        )
        return None if row is None else row["checkin_token"]

    async def set_token(self, hearing_id: int, token: str, now: datetime) -> None:
        await self._uow.execute(
            "UPDATE hearings SET checkin_token = :token, updated_at = :now WHERE id = :id",
            {"id": hearing_id, "token": token, "now": utc_text(now)},
        )

    async def seat(self, hearing_id: int, user_id: int) -> Seat | None:
        """The person's confirmed sign-up for the hearing, if they hold a seat."""
        row = await self._uow.fetch_one(
            """
            SELECT s.user_id, u.full_name, s.attended_at, s.attended_via
            FROM signups s JOIN users u ON u.id = s.user_id
            WHERE s.hearing_id = :hearing AND s.user_id = :user AND s.status = 'confirmed'
            """,
            {"hearing": hearing_id, "user": user_id},
        )
        return None if row is None else _seat(row)

    async def seats(self, hearing_id: int) -> list[Seat]:
        """Everyone holding a seat, in sign-up order."""
        rows = await self._uow.fetch_all(
            """
            SELECT s.user_id, u.full_name, s.attended_at, s.attended_via
            FROM signups s JOIN users u ON u.id = s.user_id
            WHERE s.hearing_id = :hearing AND s.status = 'confirmed'
            ORDER BY s.id
            """,
            {"hearing": hearing_id},
        )
        return [_seat(row) for row in rows]

    async def mark(
        self, hearing_id: int, user_id: int, via: str, by: int | None, now: datetime
    ) -> bool:
        """Record the person as attended, unless already recorded; False if it was."""
        changed = await self._uow.execute(
            """
            UPDATE signups SET attended_at = :now, attended_via = :via, attended_by = :by,
                updated_at = :now
            WHERE hearing_id = :hearing AND user_id = :user AND status = 'confirmed'
                AND attended_at IS NULL
            """,
            {"hearing": hearing_id, "user": user_id, "via": via, "by": by, "now": utc_text(now)},
        )
        return changed > 0

    async def unmark(self, hearing_id: int, user_id: int, now: datetime) -> bool:
        """Take back a mark (a coordinator's mistake); False if there was none."""
        changed = await self._uow.execute(
            """
            UPDATE signups SET attended_at = NULL, attended_via = NULL, attended_by = NULL,
                updated_at = :now
            WHERE hearing_id = :hearing AND user_id = :user AND status = 'confirmed'
                AND attended_at IS NOT NULL
            """,
            {"hearing": hearing_id, "user": user_id, "now": utc_text(now)},
        )
        return changed > 0

    async def record_attempt(
        self, hearing_id: int, user_id: int, outcome: str, now: datetime
    ) -> None:
        """A scan by someone without a seat: once per person, hearing and outcome."""
        await self._uow.execute(
            """
            INSERT INTO checkin_attempts (hearing_id, user_id, outcome, at)
            SELECT :hearing, :user, :outcome, :now
            WHERE NOT EXISTS (SELECT 1 FROM checkin_attempts WHERE hearing_id = :hearing
                AND user_id = :user AND outcome = :outcome)
            """,
            {"hearing": hearing_id, "user": user_id, "outcome": outcome, "now": utc_text(now)},
        )

    async def attempts(self, hearing_id: int) -> int:
        row = await self._uow.fetch_one(
            "SELECT count(DISTINCT user_id) AS n FROM checkin_attempts WHERE hearing_id = :id",
            {"id": hearing_id},
        )
        return int(row["n"]) if row else 0


def _seat(row: sqlite3.Row) -> Seat:
    return Seat(
        user_id=row["user_id"],
        full_name=row["full_name"],
        attended_at=parse_utc(row["attended_at"]),
        attended_via=row["attended_via"],
    )
