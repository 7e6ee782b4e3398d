"""SQL for exports: every dataset read a page at a time, in id order (keyset pages).

A page is one short query: the caller runs each in its own unit of work, so an export of
100,000 rows never holds SQLite's write lock for longer than one page takes.
People who used /forget (`forgotten_at` set) are left out, except as the anonymous
authors of the reports they leave behind.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.db import UnitOfWork
from bot.repositories.columns import parse_utc, utc_text


@dataclass(frozen=True, slots=True)
class Period:
    """Which rows: one hearing, a time range (UTC, either end open), or both unset: all."""

    hearing_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None

    def params(self) -> dict[str, Any]:
        return {
            "hearing": self.hearing_id,
            "since": None if self.since is None else utc_text(self.since),
            "until": None if self.until is None else utc_text(self.until),
        }


@dataclass(frozen=True, slots=True)
class VolunteerRow:
    id: int
    full_name: str | None
    phone: str | None
    region: str | None
    language: str
    interests: tuple[str, ...]
    registered_at: datetime | None
    consent_version: str | None
    unreachable_at: datetime | None


@dataclass(frozen=True, slots=True)
class SignupRow:
    id: int
    hearing_id: int
    hearing_title: str
    hearing_starts_at: datetime | None
    user_id: int
    full_name: str | None
    phone: str | None
    status: str
    waiting_place: int | None
    answer: str | None  # the reminder's "I'm coming" / "I can't come"
    attended_at: datetime | None
    attended_via: str | None
    attended_by: int | None
    created_at: datetime | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class WalkInRow:
    """A check-in scan by someone without a seat (waiting, or not signed up)."""

    id: int
    hearing_id: int
    hearing_title: str
    user_id: int
    full_name: str | None  # None for someone who never registered
    outcome: str
    at: datetime | None


@dataclass(frozen=True, slots=True)
class ReportRow:
    id: int
    hearing_id: int
    hearing_title: str
    user_id: int | None  # None: the observer used /forget
    full_name: str | None
    anonymous: bool
    status: str
    form_version: int
    answers: dict[str, Any]
    notes: str
    attachments: int
    file_ids: tuple[str, ...]
    reviewer_id: int | None
    reviewer_name: str | None
    submitted_at: datetime | None
    reviewed_at: datetime | None
    fingerprint: str | None


@dataclass(frozen=True, slots=True)
class ReportEventRow:
    id: int
    report_id: int
    event: str
    actor_id: int | None  # None: the observer used /forget
    actor_name: str | None
    anonymous: bool
    comment: str | None
    at: datetime | None


@dataclass(frozen=True, slots=True)
class BroadcastRow:
    id: int
    author_id: int
    author_name: str | None
    status: str
    audience: dict[str, Any]
    scheduled_for: datetime | None
    created_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    total: int
    counts: dict[str, int]
    error: str | None


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: datetime | None
    actor_id: int
    actor_name: str | None
    action: str
    target: str | None
    details: str


# A person who used /forget: their row stays (language), their personal fields are gone.
_FORGOTTEN = "u.forgotten_at IS NOT NULL"
_REPORTS_WHERE = """
    r.status != 'draft' AND r.id > :after
    AND (:hearing IS NULL OR r.hearing_id = :hearing)
    AND (:since IS NULL OR r.submitted_at >= :since)
    AND (:until IS NULL OR r.submitted_at < :until)
"""


class ExportRepository:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def volunteers_page(self, period: Period, after: int, limit: int) -> list[VolunteerRow]:
        """Registered volunteers (by registration time), after this id."""
        rows = await self._uow.fetch_all(
            """
            SELECT u.id, u.full_name, u.phone, u.region, u.language, u.registered_at,
                u.consent_version, u.unreachable_at,
                (SELECT group_concat(i.interest, ',') FROM user_interests i
                 WHERE i.user_id = u.id) AS interest_list
            FROM users u
            WHERE u.registered_at IS NOT NULL AND u.id > :after
                AND (:since IS NULL OR u.registered_at >= :since)
                AND (:until IS NULL OR u.registered_at < :until)
            ORDER BY u.id LIMIT :limit
            """,
            {**period.params(), "after": after, "limit": limit},
        )
        return [
            VolunteerRow(
                id=r["id"],
                full_name=r["full_name"],
                phone=r["phone"],
                region=r["region"],
                language=r["language"],
                interests=tuple(sorted(r["interest_list"].split(",")))
                if r["interest_list"]
                else (),
                registered_at=parse_utc(r["registered_at"]),
                consent_version=r["consent_version"],
                unreachable_at=parse_utc(r["unreachable_at"]),
            )
            for r in rows
        ]

    async def signups_page(self, period: Period, after: int, limit: int) -> list[SignupRow]:
        """Sign-ups (cancelled ones too), for one hearing or hearings starting in the range."""
        rows = await self._uow.fetch_all(
            f"""
            SELECT s.id, s.hearing_id, h.title, h.starts_at, s.user_id, u.full_name, u.phone,
                s.status, s.attendance, s.attended_at, s.attended_via, s.attended_by,
                s.created_at, s.updated_at,
                CASE WHEN s.status = 'waiting' THEN
                    (SELECT count(*) FROM signups w WHERE w.hearing_id = s.hearing_id
                     AND w.status = 'waiting' AND w.id <= s.id)
                END AS place
            FROM signups s
            JOIN hearings h ON h.id = s.hearing_id
            JOIN users u ON u.id = s.user_id
            WHERE s.id > :after AND NOT ({_FORGOTTEN})
                AND (:hearing IS NULL OR s.hearing_id = :hearing)
                AND (:since IS NULL OR h.starts_at >= :since)
                AND (:until IS NULL OR h.starts_at < :until)
            ORDER BY s.id LIMIT :limit
            """,
            {**period.params(), "after": after, "limit": limit},
        )
        return [
            SignupRow(
                id=r["id"],
                hearing_id=r["hearing_id"],
                hearing_title=r["title"],
                hearing_starts_at=parse_utc(r["starts_at"]),
                user_id=r["user_id"],
                full_name=r["full_name"],
                phone=r["phone"],
                status=r["status"],
                waiting_place=r["place"],
                answer=r["attendance"],
                attended_at=parse_utc(r["attended_at"]),
                attended_via=r["attended_via"],
                attended_by=r["attended_by"],
                created_at=parse_utc(r["created_at"]),
                updated_at=parse_utc(r["updated_at"]),
            )
            for r in rows
        ]

    async def report_questions(self, period: Period) -> list[tuple[int, str]]:
        """(form version, question id) of every answer in the reports of this period."""
        rows = await self._uow.fetch_all(
            f"""
            SELECT r.form_version, j.key, min(r.id) AS first
            FROM reports r, json_each(r.answers) j
            WHERE {_REPORTS_WHERE}
            GROUP BY r.form_version, j.key
            ORDER BY r.form_version, first, j.key
            """,
            {**period.params(), "after": 0},
        )
        return [(int(r[0]), str(r[1])) for r in rows]

    async def reports_page(self, period: Period, after: int, limit: int) -> list[ReportRow]:
        """Submitted reports (drafts stay private), after this id."""
        rows = await self._uow.fetch_all(
            f"""
            SELECT r.id, r.hearing_id, h.title, r.user_id, u.full_name, {_FORGOTTEN} AS anon,
                r.status, r.form_version, r.answers, r.notes, r.fingerprint, r.submitted_at,
                (SELECT count(*) FROM report_attachments a WHERE a.report_id = r.id)
                    AS attachments,
                (SELECT group_concat(a.file_id, ' ') FROM report_attachments a
                 WHERE a.report_id = r.id AND a.file_id IS NOT NULL) AS file_ids,
                e.actor_id AS reviewer_id, ru.full_name AS reviewer_name, e.at AS reviewed_at
            FROM reports r
            JOIN hearings h ON h.id = r.hearing_id
            JOIN users u ON u.id = r.user_id
            LEFT JOIN report_events e ON e.id = (
                SELECT max(x.id) FROM report_events x
                WHERE x.report_id = r.id AND x.event IN ('accepted', 'returned'))
            LEFT JOIN users ru ON ru.id = e.actor_id
            WHERE {_REPORTS_WHERE}
            ORDER BY r.id LIMIT :limit
            """,
            {**period.params(), "after": after, "limit": limit},
        )
        return [
            ReportRow(
                id=r["id"],
                hearing_id=r["hearing_id"],
                hearing_title=r["title"],
                user_id=None if r["anon"] else r["user_id"],
                full_name=None if r["anon"] else r["full_name"],
                anonymous=bool(r["anon"]),
                status=r["status"],
                form_version=r["form_version"],
                answers=json.loads(r["answers"] or "{}"),
                notes=r["notes"],
                attachments=r["attachments"],
                file_ids=tuple((r["file_ids"] or "").split()),
                reviewer_id=r["reviewer_id"],
                reviewer_name=r["reviewer_name"],
                submitted_at=parse_utc(r["submitted_at"]),
                reviewed_at=parse_utc(r["reviewed_at"]),
                fingerprint=r["fingerprint"],
            )
            for r in rows
        ]

    async def walk_ins_page(self, period: Period, after: int, limit: int) -> list[WalkInRow]:
        """Check-in scans that recorded no attendance, for the same hearings as sign-ups
        (people who used /forget left out, as there)."""
        rows = await self._uow.fetch_all(
            f"""
            SELECT a.id, a.hearing_id, h.title, a.user_id, u.full_name, a.outcome, a.at
            FROM checkin_attempts a
            JOIN hearings h ON h.id = a.hearing_id
            LEFT JOIN users u ON u.id = a.user_id
            WHERE a.id > :after AND NOT coalesce({_FORGOTTEN}, 0)
                AND (:hearing IS NULL OR a.hearing_id = :hearing)
                AND (:since IS NULL OR h.starts_at >= :since)
                AND (:until IS NULL OR h.starts_at < :until)
            ORDER BY a.id LIMIT :limit
            """,
            {**period.params(), "after": after, "limit": limit},
        )
        return [
            WalkInRow(
                id=r["id"],
                hearing_id=r["hearing_id"],
                hearing_title=r["title"],
                user_id=r["user_id"],
                full_name=r["full_name"],
                outcome=r["outcome"],
                at=parse_utc(r["at"]),
            )
            for r in rows
        ]

    async def report_events_page(
        self, period: Period, after: int, limit: int
    ) -> list[ReportEventRow]:
        """The history of the reports in this period, event by event, after this event id."""
        rows = await self._uow.fetch_all(
            f"""
            SELECT e.id, e.report_id, e.event, e.actor_id, u.full_name, e.comment, e.at,
                e.actor_id = r.user_id AND {_FORGOTTEN} AS anon
            FROM report_events e
            JOIN reports r ON r.id = e.report_id
            LEFT JOIN users u ON u.id = e.actor_id
            WHERE e.id > :event_after AND {_REPORTS_WHERE}
            ORDER BY e.id LIMIT :limit
            """,
            {**period.params(), "after": 0, "event_after": after, "limit": limit},
        )
        return [
            ReportEventRow(
                id=r["id"],
                report_id=r["report_id"],
                event=r["event"],
                actor_id=None if r["anon"] else r["actor_id"],
                actor_name=None if r["anon"] else r["full_name"],
                anonymous=bool(r["anon"]),
                comment=r["comment"],
                at=parse_utc(r["at"]),
            )
            for r in rows
        ]

    async def broadcasts_page(self, period: Period, after: int, limit: int) -> list[BroadcastRow]:
        """Broadcasts created in the range, with their deliveries counted by outcome."""
        rows = await self._uow.fetch_all(
            """
            SELECT b.id, b.author_id, u.full_name, b.status, b.audience, b.scheduled_for,
                b.created_at, b.started_at, b.finished_at, b.total, b.error,
                (SELECT json_group_object(status, n) FROM (
                    SELECT d.status, count(*) AS n FROM deliveries d
                    WHERE d.broadcast_id = b.id GROUP BY d.status)) AS counts
            FROM broadcasts b LEFT JOIN users u ON u.id = b.author_id
            WHERE b.id > :after
                AND (:since IS NULL OR b.created_at >= :since)
                AND (:until IS NULL OR b.created_at < :until)
            ORDER BY b.id LIMIT :limit
            """,
            {**Period(since=period.since, until=period.until).params(), "after": after,
             "limit": limit},
        )  # fmt: skip
        return [
            BroadcastRow(
                id=r["id"],
                author_id=r["author_id"],
                author_name=r["full_name"],
                status=r["status"],
                audience=json.loads(r["audience"] or "{}"),
                scheduled_for=parse_utc(r["scheduled_for"]),
                created_at=parse_utc(r["created_at"]),
                started_at=parse_utc(r["started_at"]),
                finished_at=parse_utc(r["finished_at"]),
                total=r["total"],
                counts={str(k): int(v) for k, v in json.loads(r["counts"] or "{}").items()},
                error=r["error"],
            )
            for r in rows
        ]

    async def audit_page(self, period: Period, after: int, limit: int) -> list[AuditRow]:
        """Audit entries in the range, oldest first."""
        rows = await self._uow.fetch_all(
            """
            SELECT a.id, a.at, a.actor_id, u.full_name, a.action, a.target, a.details
            FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
            WHERE a.id > :after
                AND (:since IS NULL OR a.at >= :since)
                AND (:until IS NULL OR a.at < :until)
            ORDER BY a.id LIMIT :limit
            """,
            {**Period(since=period.since, until=period.until).params(), "after": after,
             "limit": limit},
        )  # fmt: skip
        return [
            AuditRow(
                id=r["id"],
                at=parse_utc(r["at"]),
                actor_id=r["actor_id"],
                actor_name=r["full_name"],
                action=r["action"],
                target=r["target"],
                details=r["details"],
            )
            for r in rows
        ]
