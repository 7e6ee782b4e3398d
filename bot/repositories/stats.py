"""SQL for statistics: counts across volunteers, hearings, sign-ups, reports, broadcasts.

Read-only. Every count is one aggregate query, so /stats costs the same few queries for
a hundred volunteers or a hundred thousand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.db import UnitOfWork
from bot.repositories.columns import parse_utc, utc_text

# "Attended" everywhere: a live sign-up (seat or waiting list: a coordinator may mark a
# waiting person who came) with attendance recorded, by QR or by hand.
_ATTENDED = "s.attended_at IS NOT NULL AND s.status != 'cancelled'"


@dataclass(frozen=True, slots=True)
class VolunteerCounts:
    total: int
    new: int  # registered since the given moment


@dataclass(frozen=True, slots=True)
class HearingCounts:
    """Published hearings; "past" means started before the given moment."""

    upcoming: int
    past: int
    upcoming_seats: int
    upcoming_confirmed: int
    past_confirmed: int
    past_attended: int


@dataclass(frozen=True, slots=True)
class ReportCounts:
    by_status: dict[str, int]  # draft | submitted | returned | accepted
    ever_submitted: int  # reports sent at least once, whatever their status now
    expected: int  # seats at published hearings that have started

    def __getitem__(self, status: str) -> int:
        return self.by_status.get(status, 0)


@dataclass(frozen=True, slots=True)
class BroadcastReach:
    id: int
    sent: int
    total: int


@dataclass(frozen=True, slots=True)
class HearingAttendance:
    id: int
    title: str
    starts_at: datetime
    seats: int
    confirmed: int
    attended: int


@dataclass(frozen=True, slots=True)
class HearingNumbers:
    """One hearing's sign-ups and reports, for its summary."""

    coming: int  # seated people who answered a reminder with "I'm coming"
    attended: int
    reports: dict[str, int]


class StatsRepository:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def volunteers(self, since: datetime) -> VolunteerCounts:
        row = await self._uow.fetch_one(
            """
            SELECT count(*) AS total, coalesce(sum(registered_at >= :since), 0) AS new
            FROM users WHERE registered_at IS NOT NULL
            """,
            {"since": utc_text(since)},
        )
        assert row is not None  # an aggregate always returns a row
        return VolunteerCounts(total=row["total"], new=row["new"])

    async def volunteers_by_region(self) -> dict[str, int]:
        rows = await self._uow.fetch_all(
            """
            SELECT region, count(*) AS n FROM users
            WHERE registered_at IS NOT NULL AND region IS NOT NULL
            GROUP BY region
            """
        )
        return {row["region"]: row["n"] for row in rows}

    async def registrations_by_week(self, start: datetime) -> dict[int, int]:
        """Registrations since `start`, by whole weeks after it (0 is the first week)."""
        rows = await self._uow.fetch_all(
            """
            SELECT CAST((julianday(registered_at) - julianday(:start)) / 7 AS INTEGER) AS week,
                count(*) AS n
            FROM users WHERE registered_at >= :start
            GROUP BY week
            """,
            {"start": utc_text(start)},
        )
        return {row["week"]: row["n"] for row in rows}

    async def hearings(self, now: datetime) -> HearingCounts:
        row = await self._uow.fetch_one(
            f"""
            WITH h AS (
                SELECT h.seats, h.starts_at > :now AS upcoming,
                    (SELECT count(*) FROM signups s
                     WHERE s.hearing_id = h.id AND s.status = 'confirmed') AS confirmed,
                    (SELECT count(*) FROM signups s
                     WHERE s.hearing_id = h.id AND {_ATTENDED}) AS attended
                FROM hearings h WHERE h.status = 'published'
            )
            SELECT coalesce(sum(upcoming), 0) AS upcoming,
                coalesce(sum(NOT upcoming), 0) AS past,
                coalesce(sum(CASE WHEN upcoming THEN seats END), 0) AS upcoming_seats,
                coalesce(sum(CASE WHEN upcoming THEN confirmed END), 0) AS upcoming_confirmed,
                coalesce(sum(CASE WHEN NOT upcoming THEN confirmed END), 0) AS past_confirmed,
                coalesce(sum(CASE WHEN NOT upcoming THEN attended END), 0) AS past_attended
            FROM h
            """,
            {"now": utc_text(now)},
        )
        assert row is not None
        return HearingCounts(**{key: row[key] for key in row.keys()})  # noqa: SIM118

    async def reports(self, now: datetime) -> ReportCounts:
        rows = await self._uow.fetch_all(
            "SELECT status, count(*) AS n FROM reports GROUP BY status"
        )
        row = await self._uow.fetch_one(
            """
            SELECT
                (SELECT count(*) FROM reports WHERE submitted_at IS NOT NULL) AS ever_submitted,
                (SELECT count(*) FROM signups s JOIN hearings h ON h.id = s.hearing_id
                 WHERE s.status = 'confirmed' AND h.status = 'published'
                    AND h.starts_at <= :now) AS expected
            """,
            {"now": utc_text(now)},
        )
        assert row is not None
        return ReportCounts(
            by_status={r["status"]: r["n"] for r in rows},
            ever_submitted=row["ever_submitted"],
            expected=row["expected"],
        )

    async def last_broadcast(self) -> BroadcastReach | None:
        """The broadcast queued last (a scheduled one counts once it goes out)."""
        row = await self._uow.fetch_one(
            """
            SELECT b.id, b.total,
                (SELECT count(*) FROM deliveries d
                 WHERE d.broadcast_id = b.id AND d.status = 'sent') AS sent
            FROM broadcasts b WHERE b.queued_at IS NOT NULL
            ORDER BY b.queued_at DESC, b.id DESC LIMIT 1
            """
        )
        return None if row is None else BroadcastReach(row["id"], row["sent"], row["total"])

    async def recent_attendance(self, now: datetime, limit: int) -> list[HearingAttendance]:
        """The `limit` published hearings that started last, oldest first."""
        rows = await self._uow.fetch_all(
            f"""
            SELECT * FROM (
                SELECT h.id, h.title, h.starts_at, h.seats,
                    (SELECT count(*) FROM signups s
                     WHERE s.hearing_id = h.id AND s.status = 'confirmed') AS confirmed,
                    (SELECT count(*) FROM signups s
                     WHERE s.hearing_id = h.id AND {_ATTENDED}) AS attended
                FROM hearings h
                WHERE h.status = 'published' AND h.starts_at <= :now
                ORDER BY h.starts_at DESC, h.id DESC LIMIT :limit
            ) ORDER BY starts_at, id
            """,
            {"now": utc_text(now), "limit": limit},
        )
        return [
            HearingAttendance(
                id=row["id"],
                title=row["title"],
                starts_at=_moment(row["starts_at"]),
                seats=row["seats"],
                confirmed=row["confirmed"],
                attended=row["attended"],
            )
            for row in rows
        ]

    async def hearing_numbers(self, hearing_id: int) -> HearingNumbers:
        row = await self._uow.fetch_one(
            f"""
            SELECT
                (SELECT count(*) FROM signups s WHERE s.hearing_id = :id
                    AND s.status = 'confirmed' AND s.attendance = 'coming') AS coming,
                (SELECT count(*) FROM signups s WHERE s.hearing_id = :id AND {_ATTENDED})
                    AS attended
            """,
            {"id": hearing_id},
        )
        assert row is not None
        rows = await self._uow.fetch_all(
            "SELECT status, count(*) AS n FROM reports WHERE hearing_id = :id GROUP BY status",
            {"id": hearing_id},
        )
        return HearingNumbers(
            coming=row["coming"],
            attended=row["attended"],
            reports={r["status"]: r["n"] for r in rows},
        )

    async def answer_counts(
        self, hearing_id: int, form_version: int
    ) -> tuple[int, dict[tuple[str, str], int]]:
        """Sent reports of one form version: how many, and (question, answer) -> count.

        Drafts are left out (half-filled); other form versions too (their answers may
        mean something else).
        """
        params = {"id": hearing_id, "version": form_version}
        where = "r.hearing_id = :id AND r.form_version = :version AND r.status != 'draft'"
        count = await self._uow.fetch_one(
            f"SELECT count(*) AS n FROM reports r WHERE {where}", params
        )
        rows = await self._uow.fetch_all(
            f"""
            SELECT a.key AS question, CAST(a.value AS TEXT) AS answer, count(*) AS n
            FROM reports r, json_each(r.answers) a
            WHERE {where} AND a.type IN ('text', 'integer')
            GROUP BY a.key, CAST(a.value AS TEXT)
            """,
            params,
        )
        assert count is not None
        return count["n"], {(row["question"], row["answer"]): row["n"] for row in rows}


def _moment(text: str) -> datetime:
    moment = parse_utc(text)
    assert moment is not None  # NOT NULL columns
    return moment
