"""SQL for observer reports, their attachments, history, coordinator cards and nudges."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.db import UnitOfWork
from bot.repositories.columns import parse_utc, utc_text


@dataclass(frozen=True, slots=True)
class Report:
    id: int
    hearing_id: int
    user_id: int
    status: str
    form_version: int
    step: str
    back_to_review: bool
    answers: dict[str, Any]
    notes: str
    fingerprint: str | None
    submitted_at: datetime | None
    attachments: int
    hearing_starts_at: datetime

    @property
    def editable(self) -> bool:
        return self.status != "accepted"


@dataclass(frozen=True, slots=True)
class Attachment:
    id: int
    kind: str
    file_id: str | None
    file_unique_id: str | None
    media_group_id: str | None
    file_name: str | None
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True, slots=True)
class NewAttachment:
    kind: str
    message_id: int
    file_id: str | None = None
    file_unique_id: str | None = None
    media_group_id: str | None = None
    file_name: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class UrgentAlert:
    id: int
    hearing_id: int
    user_id: int
    text: str
    photo_file_id: str | None


@dataclass(frozen=True, slots=True)
class QueueItem:
    report_id: int
    hearing_title: str
    observer: str | None
    status: str
    submitted_at: datetime | None


_SELECT = """
    SELECT r.*, (SELECT count(*) FROM report_attachments a WHERE a.report_id = r.id) AS files,
        h.starts_at AS hearing_starts_at
    FROM reports r JOIN hearings h ON h.id = r.hearing_id
"""


class ReportRepository:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def get(self, report_id: int) -> Report | None:
        row = await self._uow.fetch_one(_SELECT + " WHERE r.id = :id", {"id": report_id})
        return None if row is None else _report(row)

    async def find(self, hearing_id: int, user_id: int) -> Report | None:
        row = await self._uow.fetch_one(
            _SELECT + " WHERE r.hearing_id = :hearing AND r.user_id = :user",
            {"hearing": hearing_id, "user": user_id},
        )
        return None if row is None else _report(row)

    async def latest_open(self, user_id: int, drafts_since: datetime) -> Report | None:
        """The person's returned report, or draft of a hearing begun since `drafts_since`,
        that they touched last, if any."""
        row = await self._uow.fetch_one(
            _SELECT + " WHERE r.user_id = :user AND (r.status = 'returned'"
            " OR r.status = 'draft' AND h.starts_at >= :since)"
            " ORDER BY r.updated_at DESC, r.id DESC LIMIT 1",
            {"user": user_id, "since": utc_text(drafts_since)},
        )
        return None if row is None else _report(row)

    async def create(
        self, hearing_id: int, user_id: int, form_version: int, step: str, now: datetime
    ) -> int:
        return await self._uow.insert(
            """
            INSERT INTO reports (hearing_id, user_id, form_version, step, created_at, updated_at)
            VALUES (:hearing, :user, :version, :step, :now, :now)
            """,
            {
                "hearing": hearing_id, "user": user_id, "version": form_version, "step": step,
                "now": utc_text(now),
            },
        )  # fmt: skip

    async def save_progress(
        self, report_id: int, answers: dict[str, Any], step: str, back_to_review: bool,
        now: datetime,
    ) -> None:  # fmt: skip
        """Store the answers so far and where the observer is: every step is durable."""
        await self._uow.execute(
            """
            UPDATE reports SET answers = :answers, step = :step, back_to_review = :back,
                updated_at = :now
            WHERE id = :id
            """,
            {
                "id": report_id, "answers": json.dumps(answers, ensure_ascii=False),
                "step": step, "back": int(back_to_review), "now": utc_text(now),
            },
        )  # fmt: skip

    async def set_notes(self, report_id: int, notes: str, now: datetime) -> None:
        await self._uow.execute(
            "UPDATE reports SET notes = :notes, updated_at = :now WHERE id = :id",
            {"id": report_id, "notes": notes, "now": utc_text(now)},
        )

    async def add_attachment(self, report_id: int, item: NewAttachment, now: datetime) -> bool:
        """Keep one attachment; False if this message was stored already (a redelivery)."""
        changed = await self._uow.execute(
            """
            INSERT INTO report_attachments (report_id, kind, file_id, file_unique_id,
                media_group_id, file_name, latitude, longitude, message_id, created_at)
            VALUES (:report, :kind, :file_id, :unique_id, :group, :name, :lat, :lon, :message,
                :now)
            ON CONFLICT (report_id, message_id) DO NOTHING
            """,
            {
                "report": report_id, "kind": item.kind, "file_id": item.file_id,
                "unique_id": item.file_unique_id, "group": item.media_group_id,
                "name": item.file_name, "lat": item.latitude, "lon": item.longitude,
                "message": item.message_id, "now": utc_text(now),
            },
        )  # fmt: skip
        return changed == 1

    async def claim_album_answer(self, report_id: int, media_group_id: str, answer: str) -> bool:
        """Claim the one answer of this kind ('saved', 'full') for an album; False if an
        earlier item of it claimed it (that item was answered)."""
        changed = await self._uow.execute(
            """
            INSERT INTO report_album_answers (report_id, media_group_id, answer)
            VALUES (:report, :group, :answer)
            ON CONFLICT DO NOTHING
            """,
            {"report": report_id, "group": media_group_id, "answer": answer},
        )
        return changed == 1

    async def attachments(self, report_id: int) -> list[Attachment]:
        rows = await self._uow.fetch_all(
            """
            SELECT id, kind, file_id, file_unique_id, media_group_id, file_name, latitude,
                longitude
            FROM report_attachments WHERE report_id = :id ORDER BY id
            """,
            {"id": report_id},
        )
        return [Attachment(*row) for row in rows]

    async def set_status(
        self, report_id: int, status: str, now: datetime, fingerprint: str | None = None
    ) -> None:
        await self._uow.execute(
            """
            UPDATE reports SET status = :status, updated_at = :now,
                fingerprint = coalesce(:fingerprint, fingerprint),
                submitted_at = CASE WHEN :fingerprint IS NULL THEN submitted_at ELSE :now END
            WHERE id = :id
            """,
            {"id": report_id, "status": status, "now": utc_text(now), "fingerprint": fingerprint},
        )

    async def add_event(
        self, report_id: int, event: str, actor_id: int, now: datetime, comment: str | None = None
    ) -> None:
        await self._uow.execute(
            """
            INSERT INTO report_events (report_id, event, actor_id, comment, at)
            VALUES (:report, :event, :actor, :comment, :now)
            """,
            {
                "report": report_id, "event": event, "actor": actor_id, "comment": comment,
                "now": utc_text(now),
            },
        )  # fmt: skip

    async def delete(self, report_id: int) -> None:
        await self._uow.execute("DELETE FROM reports WHERE id = :id", {"id": report_id})

    async def save_card(self, report_id: int, chat_id: int, message_id: int) -> None:
        await self._uow.execute(
            """
            INSERT INTO report_cards (report_id, chat_id, message_id)
            VALUES (:report, :chat, :message)
            ON CONFLICT (report_id, chat_id) DO UPDATE SET message_id = :message
            """,
            {"report": report_id, "chat": chat_id, "message": message_id},
        )

    async def cards(self, report_id: int) -> list[tuple[int, int]]:
        rows = await self._uow.fetch_all(
            "SELECT chat_id, message_id FROM report_cards WHERE report_id = :id",
            {"id": report_id},
        )
        return [(row["chat_id"], row["message_id"]) for row in rows]

    async def reportable_hearing_ids(
        self, user_id: int, now: datetime, window: timedelta
    ) -> list[int]:
        """Hearings this person had a seat at, begun, and not more than `window` ago."""
        rows = await self._uow.fetch_all(
            """
            SELECT h.id FROM hearings h JOIN signups s ON s.hearing_id = h.id
            WHERE s.user_id = :user AND s.status = 'confirmed' AND h.status = 'published'
                AND h.starts_at <= :now AND h.starts_at >= :oldest
            ORDER BY h.starts_at DESC
            """,
            {"user": user_id, "now": utc_text(now), "oldest": utc_text(now - window)},
        )
        return [row["id"] for row in rows]

    async def queue(self, hearing_id: int | None, limit: int, offset: int) -> list[QueueItem]:
        """Submitted (waiting for review) first, oldest first; then returned, then accepted."""
        rows = await self._uow.fetch_all(
            """
            SELECT r.id, h.title, u.full_name, r.status, r.submitted_at
            FROM reports r JOIN hearings h ON h.id = r.hearing_id JOIN users u ON u.id = r.user_id
            WHERE r.status != 'draft' AND (:hearing IS NULL OR r.hearing_id = :hearing)
            ORDER BY CASE r.status WHEN 'submitted' THEN 0 WHEN 'returned' THEN 1 ELSE 2 END,
                r.submitted_at, r.id
            LIMIT :limit OFFSET :offset
            """,
            {"hearing": hearing_id, "limit": limit, "offset": offset},
        )
        return [QueueItem(row[0], row[1], row[2], row[3], parse_utc(row[4])) for row in rows]

    async def count_queue(self, hearing_id: int | None) -> int:
        row = await self._uow.fetch_one(
            """
            SELECT count(*) AS n FROM reports
            WHERE status != 'draft' AND (:hearing IS NULL OR hearing_id = :hearing)
            """,
            {"hearing": hearing_id},
        )
        return int(row["n"]) if row else 0

    async def hearings_with_reports(self) -> list[tuple[int, str, int]]:
        rows = await self._uow.fetch_all(
            """
            SELECT h.id, h.title, count(*) FROM reports r JOIN hearings h ON h.id = r.hearing_id
            WHERE r.status != 'draft' GROUP BY h.id ORDER BY max(h.starts_at) DESC LIMIT 20
            """
        )
        return [(row[0], row[1], row[2]) for row in rows]

    async def add_urgent(
        self, hearing_id: int, user_id: int, text: str, photo: str | None, now: datetime
    ) -> int:
        return await self._uow.insert(
            """
            INSERT INTO urgent_alerts (hearing_id, user_id, text, photo_file_id, created_at)
            VALUES (:hearing, :user, :text, :photo, :now)
            """,
            {
                "hearing": hearing_id,
                "user": user_id,
                "text": text,
                "photo": photo,
                "now": utc_text(now),
            },
        )

    async def urgent(self, urgent_id: int) -> UrgentAlert | None:
        row = await self._uow.fetch_one(
            "SELECT id, hearing_id, user_id, text, photo_file_id FROM urgent_alerts WHERE id = ?",
            (urgent_id,),
        )
        return None if row is None else UrgentAlert(*row)

    # --- nudges --------------------------------------------------------------------------

    async def hearings_to_nudge(
        self, now: datetime, window: timedelta
    ) -> list[tuple[int, datetime, datetime | None]]:
        """(id, start, end) of recent hearings whose nudges are not planned yet."""
        rows = await self._uow.fetch_all(
            """
            SELECT id, starts_at, ends_at FROM hearings
            WHERE status = 'published' AND nudged_at IS NULL AND starts_at >= :oldest
            """,
            {"oldest": utc_text(now - window)},
        )
        return [
            (row["id"], parse_utc(row["starts_at"]), parse_utc(row["ends_at"]))  # type: ignore[misc]
            for row in rows
        ]

    async def plan_nudges(self, hearing_id: int, now: datetime) -> None:
        """Once per hearing: a nudge for each observer with a seat and no submitted report."""
        await self._uow.execute(
            """
            INSERT INTO report_nudges (hearing_id, user_id)
            SELECT s.hearing_id, s.user_id FROM signups s
            WHERE s.hearing_id = :id AND s.status = 'confirmed'
            ON CONFLICT DO NOTHING
            """,
            {"id": hearing_id},
        )
        await self._uow.execute(
            "UPDATE hearings SET nudged_at = :now WHERE id = :id",
            {"id": hearing_id, "now": utc_text(now)},
        )

    async def pending_nudges(self, hearing_id: int) -> list[tuple[int, str, bool]]:
        """(user, language, has a submitted report) for each nudge still to send."""
        rows = await self._uow.fetch_all(
            """
            SELECT n.user_id, u.language,
                EXISTS (SELECT 1 FROM reports r WHERE r.hearing_id = n.hearing_id
                        AND r.user_id = n.user_id AND r.status != 'draft') AS reported
            FROM report_nudges n JOIN users u ON u.id = n.user_id
            WHERE n.hearing_id = :id AND n.status = 'pending'
            ORDER BY n.user_id
            """,
            {"id": hearing_id},
        )
        return [(row[0], row[1], bool(row[2])) for row in rows]

    async def claim_nudge(self, hearing_id: int, user_id: int) -> bool:
        changed = await self._uow.execute(
            """
            UPDATE report_nudges SET status = 'sending'
            WHERE hearing_id = :hearing AND user_id = :user AND status = 'pending'
            """,
            {"hearing": hearing_id, "user": user_id},
        )
        return changed == 1

    async def finish_nudge(self, hearing_id: int, user_id: int, status: str, now: datetime) -> None:
        await self._uow.execute(
            """
            UPDATE report_nudges SET status = :status, sent_at = :now
            WHERE hearing_id = :hearing AND user_id = :user
            """,
            {"hearing": hearing_id, "user": user_id, "status": status, "now": utc_text(now)},
        )

    async def nudge_hearings_pending(self) -> list[int]:
        rows = await self._uow.fetch_all(
            "SELECT DISTINCT hearing_id FROM report_nudges WHERE status = 'pending'"
        )
        return [row[0] for row in rows]

    async def abandon_claimed_nudges(self) -> int:
        return await self._uow.execute(
            "UPDATE report_nudges SET status = 'failed' WHERE status = 'sending'"
        )


def _report(row: sqlite3.Row) -> Report:
    return Report(
        id=row["id"],
        hearing_id=row["hearing_id"],
        user_id=row["user_id"],
        status=row["status"],
        form_version=row["form_version"],
        step=row["step"],
        back_to_review=bool(row["back_to_review"]),
        answers=json.loads(row["answers"]),
        notes=row["notes"],
        fingerprint=row["fingerprint"],
        submitted_at=parse_utc(row["submitted_at"]),
        attachments=row["files"],
        hearing_starts_at=datetime.fromisoformat(row["hearing_starts_at"]),
    )
