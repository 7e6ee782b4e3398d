"""SQL for broadcasts and their outbox (`broadcasts`, `deliveries`)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal

from bot.db import UnitOfWork
from bot.repositories.columns import parse_utc, utc_text

HearingPart = Literal["confirmed", "waiting", "both", "unreported"]
HEARING_PARTS: tuple[HearingPart, ...] = ("confirmed", "waiting", "both", "unreported")
# What each part means in `signups.status`; "unreported" are seated observers.
_SIGNUP_STATUSES: dict[str, tuple[str, ...]] = {
    "confirmed": ("confirmed",),
    "waiting": ("waiting",),
    "both": ("confirmed", "waiting"),
    "unreported": ("confirmed",),
}

_LISTS = {"region": "regions", "language": "languages", "interest": "interests"}

Outcome = Literal["sent", "unreachable", "failed", "uncertain"]


@dataclass(frozen=True, slots=True)
class Audience:
    """Who receives a broadcast. Criteria combine with AND; values within one with OR.

    Nothing chosen means everyone registered. People who used /forget (no longer
    registered) or cannot be reached are never included.
    """

    regions: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    hearing_id: int | None = None
    hearing_part: HearingPart = "both"
    coordinators_only: bool = False

    @property
    def is_everyone(self) -> bool:
        return self == Audience()

    def chosen(self, screen: str) -> tuple[str, ...]:
        """The codes chosen on one list screen: region, language or interest."""
        return tuple(getattr(self, _LISTS[screen]))

    def toggled(self, screen: str, code: str) -> Audience:
        chosen = tuple(sorted(set(self.chosen(screen)) ^ {code}))
        if screen == "region":
            return replace(self, regions=chosen)
        if screen == "language":
            return replace(self, languages=chosen)
        return replace(self, interests=chosen)

    def to_json(self) -> dict[str, Any]:
        return {
            "regions": list(self.regions),
            "languages": list(self.languages),
            "interests": list(self.interests),
            "hearing_id": self.hearing_id,
            "hearing_part": self.hearing_part,
            "coordinators_only": self.coordinators_only,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Audience:
        data = data or {}
        part = data.get("hearing_part", "both")
        hearing = data.get("hearing_id")
        return cls(
            regions=tuple(sorted(str(v) for v in data.get("regions", ()))),
            languages=tuple(sorted(str(v) for v in data.get("languages", ()))),
            interests=tuple(sorted(str(v) for v in data.get("interests", ()))),
            hearing_id=int(hearing) if hearing is not None else None,
            hearing_part=part if part in HEARING_PARTS else "both",
            coordinators_only=bool(data.get("coordinators_only", False)),
        )


@dataclass(frozen=True, slots=True)
class Broadcast:
    id: int
    author_id: int
    author_language: str
    from_chat_id: int
    message_id: int
    audience: Audience
    status: str
    scheduled_for: datetime | None
    total: int
    error: str | None
    progress_chat_id: int | None
    progress_message_id: int | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


@dataclass(frozen=True, slots=True)
class Counts:
    """How far a broadcast got, by delivery outcome."""

    by_status: dict[str, int] = field(default_factory=dict)

    def __getitem__(self, status: str) -> int:
        return self.by_status.get(status, 0)

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def done(self) -> int:
        return self.total - self["pending"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One recipient the broadcast did not certainly reach, for the failures file."""

    user_id: int
    full_name: str | None
    status: str
    reason: str | None
    attempts: int
    done_at: datetime | None


def audience_filter(audience: Audience, admin_ids: Collection[int]) -> tuple[str, dict[str, Any]]:
    """A WHERE clause over `users AS u` selecting the audience, and its parameters.

    Lists travel as JSON arrays (json_each), so the statement text never depends on how
    many values were chosen and every value is a bound parameter.
    """
    clauses = ["u.registered_at IS NOT NULL", "u.unreachable_at IS NULL"]
    params: dict[str, Any] = {"admins": json.dumps(sorted(admin_ids))}
    if audience.coordinators_only:
        # Admins (ADMIN_IDS) are coordinators whether or not they registered as volunteers.
        clauses[0] = (
            "(u.registered_at IS NOT NULL OR u.id IN (SELECT value FROM json_each(:admins)))"
        )
    if audience.regions:
        clauses.append("u.region IN (SELECT value FROM json_each(:regions))")
        params["regions"] = json.dumps(audience.regions)
    if audience.languages:
        clauses.append("u.language IN (SELECT value FROM json_each(:languages))")
        params["languages"] = json.dumps(audience.languages)
    if audience.interests:
        clauses.append(
            "EXISTS (SELECT 1 FROM user_interests i WHERE i.user_id = u.id"
            " AND i.interest IN (SELECT value FROM json_each(:interests)))"
        )
        params["interests"] = json.dumps(audience.interests)
    if audience.hearing_id is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM signups s WHERE s.user_id = u.id AND s.hearing_id = :hearing"
            " AND s.status IN (SELECT value FROM json_each(:signup_statuses)))"
        )
        params["hearing"] = audience.hearing_id
        params["signup_statuses"] = json.dumps(_SIGNUP_STATUSES[audience.hearing_part])
        if audience.hearing_part == "unreported":
            # A returned report needs the observer's work again, so it is not filed.
            clauses.append(
                "NOT EXISTS (SELECT 1 FROM reports r WHERE r.user_id = u.id"
                " AND r.hearing_id = :hearing AND r.status IN ('submitted', 'accepted'))"
            )
    if audience.coordinators_only:
        clauses.append(
            "(u.id IN (SELECT user_id FROM coordinators)"
            " OR u.id IN (SELECT value FROM json_each(:admins)))"
        )
    return " AND ".join(clauses), params


class BroadcastRepository:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def count_audience(self, audience: Audience, admin_ids: Collection[int]) -> int:
        where, params = audience_filter(audience, admin_ids)
        row = await self._uow.fetch_one(f"SELECT COUNT(*) FROM users AS u WHERE {where}", params)
        return int(row[0]) if row else 0

    async def create(
        self,
        *,
        author_id: int,
        from_chat_id: int,
        message_id: int,
        audience: Audience,
        scheduled_for: datetime | None,
        now: datetime,
    ) -> int:
        """A new broadcast: 'scheduled' if it has a time, else ready to be queued."""
        return await self._uow.insert(
            """
            INSERT INTO broadcasts (author_id, from_chat_id, message_id, audience, status,
                scheduled_for, created_at)
            VALUES (:author, :chat, :message, :audience, 'scheduled', :when, :now)
            """,
            {
                "author": author_id, "chat": from_chat_id, "message": message_id,
                "audience": json.dumps(audience.to_json()),
                "when": utc_text(scheduled_for) if scheduled_for else None,
                "now": utc_text(now),
            },
        )  # fmt: skip

    async def enqueue(self, broadcast_id: int, admin_ids: Collection[int], now: datetime) -> int:
        """Write the outbox: one delivery per recipient, resolved now; return how many.

        Runs in the caller's transaction, together with the status change, so the
        broadcast is either queued with all its recipients or not queued at all.
        """
        broadcast = await self.get(broadcast_id)
        if broadcast is None or broadcast.status != "scheduled":
            return 0
        where, params = audience_filter(broadcast.audience, admin_ids)
        added = await self._uow.execute(
            f"INSERT INTO deliveries (broadcast_id, user_id) SELECT :id, u.id FROM users AS u WHERE {where}",  # noqa: E501 - built from fixed fragments
            {**params, "id": broadcast_id},
        )
        await self._uow.execute(
            """
            UPDATE broadcasts SET status = 'queued', total = :total, queued_at = :now
            WHERE id = :id AND status = 'scheduled'
            """,
            {"id": broadcast_id, "total": added, "now": utc_text(now)},
        )
        return added

    async def get(self, broadcast_id: int) -> Broadcast | None:
        rows = await self._select("b.id = :id", {"id": broadcast_id})
        return rows[0] if rows else None

    async def next_to_send(self) -> Broadcast | None:
        """The broadcast the worker should send: one interrupted first, then the queue."""
        rows = await self._select(
            "b.status IN ('sending', 'queued')",
            {},
            order="CASE b.status WHEN 'sending' THEN 0 ELSE 1 END, b.queued_at, b.id LIMIT 1",
        )
        return rows[0] if rows else None

    async def active(self) -> list[Broadcast]:
        """Scheduled, queued and sending broadcasts, oldest first."""
        return await self._select("b.status IN ('scheduled', 'queued', 'sending')", {})

    async def summaries_missing(self, since: datetime) -> list[Broadcast]:
        """Broadcasts ended since `since` whose summary never reached their status message."""
        return await self._select(
            "b.status IN ('done', 'cancelled', 'failed') AND b.finished_at >= :since"
            " AND b.summary_shown_at IS NULL AND b.progress_message_id IS NOT NULL",
            {"since": utc_text(since)},
        )

    async def summary_shown(self, broadcast_id: int, now: datetime) -> None:
        await self._uow.execute(
            "UPDATE broadcasts SET summary_shown_at = ? WHERE id = ?", (utc_text(now), broadcast_id)
        )

    async def queued_ahead(self, broadcast_id: int) -> int:
        row = await self._uow.fetch_one(
            """
            SELECT COUNT(*) FROM broadcasts WHERE status IN ('queued', 'sending')
              AND id != :id
              AND (status = 'sending' OR queued_at < (SELECT queued_at FROM broadcasts
                                                      WHERE id = :id)
                   OR (queued_at = (SELECT queued_at FROM broadcasts WHERE id = :id)
                       AND id < :id))
            """,
            {"id": broadcast_id},
        )
        return int(row[0]) if row else 0

    async def start(self, broadcast_id: int, now: datetime) -> None:
        await self._uow.execute(
            """
            UPDATE broadcasts SET status = 'sending', started_at = coalesce(started_at, :now)
            WHERE id = :id AND status IN ('queued', 'sending')
            """,
            {"id": broadcast_id, "now": utc_text(now)},
        )

    async def finish(
        self, broadcast_id: int, status: str, now: datetime, *, error: str | None = None
    ) -> bool:
        """End an active broadcast; False if it had already ended (say, cancelled)."""
        changed = await self._uow.execute(
            """
            UPDATE broadcasts SET status = :status, finished_at = :now,
                error = coalesce(:error, error)
            WHERE id = :id AND status IN ('scheduled', 'queued', 'sending')
            """,
            {"id": broadcast_id, "status": status, "now": utc_text(now), "error": error},
        )
        return changed > 0

    async def set_progress_message(self, broadcast_id: int, chat_id: int, message_id: int) -> None:
        await self._uow.execute(
            """
            UPDATE broadcasts SET progress_chat_id = :chat, progress_message_id = :message
            WHERE id = :id
            """,
            {"id": broadcast_id, "chat": chat_id, "message": message_id},
        )

    async def pending(self, broadcast_id: int, after_user: int, limit: int) -> list[int]:
        """The next recipients still to send to, in a stable order."""
        rows = await self._uow.fetch_all(
            """
            SELECT user_id FROM deliveries
            WHERE broadcast_id = :id AND status = 'pending' AND user_id > :after
            ORDER BY user_id LIMIT :limit
            """,
            {"id": broadcast_id, "after": after_user, "limit": limit},
        )
        return [int(row[0]) for row in rows]

    async def record(
        self,
        broadcast_id: int,
        user_id: int,
        outcome: Outcome,
        now: datetime,
        *,
        message_id: int | None = None,
        reason: str | None = None,
        attempts: int = 1,
    ) -> None:
        """Store one delivery's outcome; only a pending delivery can get one."""
        await self._uow.execute(
            """
            UPDATE deliveries SET status = :status, message_id = :message, reason = :reason,
                attempts = :attempts, done_at = :now
            WHERE broadcast_id = :id AND user_id = :user AND status = 'pending'
            """,
            {
                "id": broadcast_id, "user": user_id, "status": outcome, "message": message_id,
                "reason": reason, "attempts": attempts, "now": utc_text(now),
            },
        )  # fmt: skip

    async def counts(self, broadcast_id: int) -> Counts:
        rows = await self._uow.fetch_all(
            "SELECT status, COUNT(*) FROM deliveries WHERE broadcast_id = :id GROUP BY status",
            {"id": broadcast_id},
        )
        return Counts({str(row[0]): int(row[1]) for row in rows})

    async def problems(self, broadcast_id: int) -> list[Problem]:
        """Recipients not certainly reached: unreachable, failed, uncertain, never sent."""
        rows = await self._uow.fetch_all(
            """
            SELECT d.user_id, u.full_name, d.status, d.reason, d.attempts, d.done_at
            FROM deliveries d JOIN users u ON u.id = d.user_id
            WHERE d.broadcast_id = :id AND d.status != 'sent'
            ORDER BY d.status, d.user_id
            """,
            {"id": broadcast_id},
        )
        return [
            Problem(
                user_id=row[0],
                full_name=row[1],
                status=row[2],
                reason=row[3],
                attempts=row[4],
                done_at=parse_utc(row[5]),
            )
            for row in rows
        ]

    async def _select(
        self, where: str, params: dict[str, Any], order: str = "b.id"
    ) -> list[Broadcast]:
        rows = await self._uow.fetch_all(
            f"""
            SELECT b.*, coalesce(u.language, 'uz') AS author_language
            FROM broadcasts b LEFT JOIN users u ON u.id = b.author_id
            WHERE {where} ORDER BY {order}
            """,
            params,
        )
        return [_broadcast(row) for row in rows]


def _broadcast(row: sqlite3.Row) -> Broadcast:
    return Broadcast(
        id=row["id"],
        author_id=row["author_id"],
        author_language=row["author_language"],
        from_chat_id=row["from_chat_id"],
        message_id=row["message_id"],
        audience=Audience.from_json(json.loads(row["audience"])),
        status=row["status"],
        scheduled_for=parse_utc(row["scheduled_for"]),
        total=row["total"],
        error=row["error"],
        progress_chat_id=row["progress_chat_id"],
        progress_message_id=row["progress_message_id"],
        created_at=parse_utc(row["created_at"]),  # type: ignore[arg-type]
        started_at=parse_utc(row["started_at"]),
        finished_at=parse_utc(row["finished_at"]),
    )
