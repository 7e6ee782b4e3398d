"""SQL for sign-ups: seats, the waiting list, attendance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.db import UnitOfWork
from bot.repositories.columns import utc_text


@dataclass(frozen=True, slots=True)
class Signup:
    id: int
    hearing_id: int
    user_id: int
    status: str  # confirmed | waiting
    attendance: str | None
    position: int  # 1-based place on the waiting list; 0 when confirmed


@dataclass(frozen=True, slots=True)
class Attendee:
    """A person on a hearing's list, as coordinators and notifications need them."""

    user_id: int
    language: str
    full_name: str | None
    phone: str | None
    status: str
    attendance: str | None
    attended: bool  # recorded at the venue (QR scan or a coordinator's mark)


@dataclass(frozen=True, slots=True)
class MySignup:
    hearing_id: int
    title: str
    starts_at: str
    status: str
    position: int
    ends_at: str | None = None


class SignupRepository:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def active(self, hearing_id: int, user_id: int) -> Signup | None:
        """This person's confirmed or waiting sign-up, with their waiting-list position."""
        row = await self._uow.fetch_one(
            """
            SELECT s.*, CASE WHEN s.status = 'waiting' THEN
                (SELECT count(*) FROM signups w WHERE w.hearing_id = s.hearing_id
                    AND w.status = 'waiting' AND w.id <= s.id) ELSE 0 END AS position
            FROM signups s
            WHERE s.hearing_id = :hearing AND s.user_id = :user AND s.status != 'cancelled'
            """,
            {"hearing": hearing_id, "user": user_id},
        )
        if row is None:
            return None
        return Signup(
            row["id"], row["hearing_id"], row["user_id"], row["status"], row["attendance"],
            row["position"],
        )  # fmt: skip

    async def count_confirmed(self, hearing_id: int) -> int:
        row = await self._uow.fetch_one(
            "SELECT count(*) AS n FROM signups WHERE hearing_id = :id AND status = 'confirmed'",
            {"id": hearing_id},
        )
        return int(row["n"]) if row else 0

    async def add(self, hearing_id: int, user_id: int, status: str, now: datetime) -> int:
        return await self._uow.insert(
            """
            INSERT INTO signups (hearing_id, user_id, status, created_at, updated_at)
            VALUES (:hearing, :user, :status, :now, :now)
            """,
            {"hearing": hearing_id, "user": user_id, "status": status, "now": utc_text(now)},
        )

    async def set_status(self, signup_id: int, status: str, now: datetime) -> None:
        await self._uow.execute(
            "UPDATE signups SET status = :status, updated_at = :now WHERE id = :id",
            {"id": signup_id, "status": status, "now": utc_text(now)},
        )

    async def set_attendance(self, signup_id: int, attendance: str, now: datetime) -> None:
        await self._uow.execute(
            "UPDATE signups SET attendance = :attendance, updated_at = :now WHERE id = :id",
            {"id": signup_id, "attendance": attendance, "now": utc_text(now)},
        )

    async def first_waiting(self, hearing_id: int, limit: int) -> list[tuple[int, int, str]]:
        """(sign-up id, user id, language) of the first `limit` people waiting, in order."""
        rows = await self._uow.fetch_all(
            """
            SELECT s.id, s.user_id, u.language FROM signups s JOIN users u ON u.id = s.user_id
            WHERE s.hearing_id = :id AND s.status = 'waiting'
            ORDER BY s.id LIMIT :limit
            """,
            {"id": hearing_id, "limit": limit},
        )
        return [(row["id"], row["user_id"], row["language"]) for row in rows]

    async def attendees(self, hearing_id: int) -> list[Attendee]:
        """Everyone confirmed, then everyone waiting, each in sign-up order."""
        rows = await self._uow.fetch_all(
            """
            SELECT s.user_id, u.language, u.full_name, u.phone, s.status, s.attendance,
                s.attended_at IS NOT NULL
            FROM signups s JOIN users u ON u.id = s.user_id
            WHERE s.hearing_id = :id AND s.status != 'cancelled'
            ORDER BY s.status = 'waiting', s.id
            """,
            {"id": hearing_id},
        )
        return [Attendee(*row) for row in rows]

    async def for_my_list(
        self, user_id: int, now: datetime, started_since: datetime
    ) -> list[MySignup]:
        """/my: hearings under way or begun since `started_since` that the person has a
        seat at and has not reported on (soonest first), then upcoming ones."""
        rows = await self._uow.fetch_all(
            """
            SELECT h.id, h.title, h.starts_at, s.status,
                CASE WHEN s.status = 'waiting' THEN
                    (SELECT count(*) FROM signups w WHERE w.hearing_id = s.hearing_id
                        AND w.status = 'waiting' AND w.id <= s.id) ELSE 0 END AS position,
                h.ends_at
            FROM signups s JOIN hearings h ON h.id = s.hearing_id
            WHERE s.user_id = :user AND s.status != 'cancelled' AND h.status = 'published'
                AND (h.starts_at > :now OR (
                    s.status = 'confirmed' AND h.starts_at > :since
                    AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.hearing_id = h.id
                        AND r.user_id = s.user_id AND r.status IN ('submitted', 'accepted'))))
            ORDER BY h.starts_at > :now, h.starts_at, h.id
            """,
            {"user": user_id, "now": utc_text(now), "since": utc_text(started_since)},
        )
        return [MySignup(*row) for row in rows]

    async def upcoming_for_user(self, user_id: int, now: datetime) -> list[MySignup]:
        rows = await self._uow.fetch_all(
            """
            SELECT h.id, h.title, h.starts_at, s.status,
                CASE WHEN s.status = 'waiting' THEN
                    (SELECT count(*) FROM signups w WHERE w.hearing_id = s.hearing_id
                        AND w.status = 'waiting' AND w.id <= s.id) ELSE 0 END AS position
            FROM signups s JOIN hearings h ON h.id = s.hearing_id
            WHERE s.user_id = :user AND s.status != 'cancelled'
                AND h.status = 'published' AND h.starts_at > :now
            ORDER BY h.starts_at, h.id
            """,
            {"user": user_id, "now": utc_text(now)},
        )
        return [MySignup(*row) for row in rows]
