"""SQL for the hearing notices' outbox."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from bot.repositories.columns import utc_text
from bot.repositories.outbox import BatchOutcome, ClaimedRows


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


class NoticeRepository(ClaimedRows):
    TABLE = "notices"

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

    async def outcome(self, batch: str) -> BatchOutcome:
        return await self._outcome("batch", batch)
