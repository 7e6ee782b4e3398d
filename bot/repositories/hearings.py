"""SQL for hearings."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, fields
from datetime import datetime

from bot.db import UnitOfWork
from bot.repositories.columns import parse_utc, utc_text


@dataclass(frozen=True, slots=True)
class HearingDraft:
    """Everything a coordinator enters for a hearing."""

    title: str
    chamber: str
    body: str | None
    committee: str
    starts_at: datetime
    ends_at: datetime | None
    address: str
    latitude: float | None
    longitude: float | None
    seats: int
    description: str


@dataclass(frozen=True, slots=True)
class Hearing(HearingDraft):
    """A stored hearing: what the coordinator entered, plus its state and seat counts."""

    id: int
    status: str
    cancel_reason: str | None
    confirmed: int  # seats taken
    waiting: int

    @property
    def seats_left(self) -> int:
        return max(self.seats - self.confirmed, 0)

    @property
    def is_cancelled(self) -> bool:
        return self.status == "cancelled"

    def has_started(self, now: datetime) -> bool:
        return now >= self.starts_at


@dataclass(frozen=True, slots=True)
class HearingChoice:
    """A hearing as a button to choose it shows it."""

    id: int
    title: str
    starts_at: datetime


_SELECT = """
    SELECT h.*,
        (SELECT count(*) FROM signups s WHERE s.hearing_id = h.id AND s.status = 'confirmed')
            AS confirmed,
        (SELECT count(*) FROM signups s WHERE s.hearing_id = h.id AND s.status = 'waiting')
            AS waiting
    FROM hearings AS h
"""


class HearingRepository:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def add(self, draft: HearingDraft, created_by: int | None, now: datetime) -> int:
        return await self._uow.insert(
            """
            INSERT INTO hearings (title, chamber, body, committee, starts_at, ends_at, address,
                latitude, longitude, seats, description, created_by, created_at, updated_at)
            VALUES (:title, :chamber, :body, :committee, :starts_at, :ends_at, :address,
                :latitude, :longitude, :seats, :description, :created_by, :now, :now)
            """,
            {**_draft_params(draft), "created_by": created_by, "now": utc_text(now)},
        )

    async def get(self, hearing_id: int) -> Hearing | None:
        row = await self._uow.fetch_one(_SELECT + " WHERE h.id = :id", {"id": hearing_id})
        return None if row is None else _hearing(row)

    async def by_checkin_token(self, token: str) -> Hearing | None:
        row = await self._uow.fetch_one(
            _SELECT + " WHERE h.checkin_token = :token", {"token": token}
        )
        return None if row is None else _hearing(row)

    async def list_upcoming(self, now: datetime, limit: int, offset: int) -> list[Hearing]:
        """Published hearings that have not started, soonest first."""
        rows = await self._uow.fetch_all(
            _SELECT
            + """ WHERE h.status = 'published' AND h.starts_at > :now
                ORDER BY h.starts_at, h.id LIMIT :limit OFFSET :offset""",
            {"now": utc_text(now), "limit": limit, "offset": offset},
        )
        return [_hearing(row) for row in rows]

    async def list_since(self, since: datetime, limit: int) -> list[Hearing]:
        """Published hearings starting after `since` (recent ones too), oldest first."""
        rows = await self._uow.fetch_all(
            _SELECT
            + """ WHERE h.status = 'published' AND h.starts_at > :since
                ORDER BY h.starts_at, h.id LIMIT :limit""",
            {"since": utc_text(since), "limit": limit},
        )
        return [_hearing(row) for row in rows]

    async def nearest(self, now: datetime, limit: int) -> list[HearingChoice]:
        """The hearings nearest to now, before or after (cancelled ones too), in time
        order: what a coordinator picks one from for statistics or an export."""
        rows = await self._uow.fetch_all(
            """
            SELECT * FROM (
                SELECT id, title, starts_at FROM hearings
                ORDER BY abs(julianday(starts_at) - julianday(:now)), id DESC LIMIT :limit
            ) ORDER BY starts_at, id
            """,
            {"now": utc_text(now), "limit": limit},
        )
        return [
            HearingChoice(row["id"], row["title"], datetime.fromisoformat(row["starts_at"]))
            for row in rows
        ]

    async def count_upcoming(self, now: datetime) -> int:
        row = await self._uow.fetch_one(
            "SELECT count(*) AS n FROM hearings WHERE status = 'published' AND starts_at > :now",
            {"now": utc_text(now)},
        )
        return int(row["n"]) if row else 0

    async def update(self, hearing_id: int, draft: HearingDraft, now: datetime) -> None:
        await self._uow.execute(
            """
            UPDATE hearings SET title = :title, chamber = :chamber, body = :body,
                committee = :committee, starts_at = :starts_at, ends_at = :ends_at,
                address = :address, latitude = :latitude, longitude = :longitude,
                seats = :seats, description = :description, updated_at = :now
            WHERE id = :id
            """,
            {**_draft_params(draft), "id": hearing_id, "now": utc_text(now)},
        )

    async def cancel(self, hearing_id: int, reason: str, now: datetime) -> None:
        await self._uow.execute(
            """
            UPDATE hearings SET status = 'cancelled', cancel_reason = :reason, updated_at = :now
            WHERE id = :id
            """,
            {"id": hearing_id, "reason": reason, "now": utc_text(now)},
        )

    async def recent_committees(self, chamber: str, limit: int = 6) -> list[str]:
        """Committee names coordinators typed before, newest first, for suggestions."""
        rows = await self._uow.fetch_all(
            """
            SELECT committee FROM hearings WHERE chamber = :chamber
            GROUP BY committee ORDER BY max(created_at) DESC LIMIT :limit
            """,
            {"chamber": chamber, "limit": limit},
        )
        return [row["committee"] for row in rows]


def to_draft(hearing: Hearing) -> HearingDraft:
    names = {f.name for f in fields(HearingDraft)}
    return HearingDraft(**{name: getattr(hearing, name) for name in names})


def _draft_params(draft: HearingDraft) -> dict[str, object]:
    return {
        "title": draft.title,
        "chamber": draft.chamber,
        "body": draft.body,
        "committee": draft.committee,
        "starts_at": utc_text(draft.starts_at),
        "ends_at": utc_text(draft.ends_at) if draft.ends_at else None,
        "address": draft.address,
        "latitude": draft.latitude,
        "longitude": draft.longitude,
        "seats": draft.seats,
        "description": draft.description,
    }


def _hearing(row: sqlite3.Row) -> Hearing:
    starts_at = parse_utc(row["starts_at"])
    assert starts_at is not None  # NOT NULL column
    return Hearing(
        id=row["id"],
        title=row["title"],
        chamber=row["chamber"],
        body=row["body"],
        committee=row["committee"],
        starts_at=starts_at,
        ends_at=parse_utc(row["ends_at"]),
        address=row["address"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        seats=row["seats"],
        description=row["description"],
        status=row["status"],
        cancel_reason=row["cancel_reason"],
        confirmed=row["confirmed"],
        waiting=row["waiting"],
    )
