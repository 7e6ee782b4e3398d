"""SQL for the coordinators' outbox: report cards and urgent alerts (migrations/0010)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from bot.repositories.columns import utc_text
from bot.repositories.outbox import BatchOutcome, ClaimedRows


@dataclass(frozen=True, slots=True)
class DeskPost:
    id: int
    kind: str  # card | urgent
    chat_id: int
    report_id: int | None
    urgent_id: int | None


class DeskPostRepository(ClaimedRows):
    TABLE = "desk_posts"

    async def add_cards(self, report_id: int, chat_ids: Iterable[int], now: datetime) -> None:
        """A card for the report in each chat; one already waiting there will do."""
        await self._uow.execute_many(
            "INSERT OR IGNORE INTO desk_posts (kind, chat_id, report_id, created_at)"
            " VALUES ('card', :chat, :report, :now)",
            [{"chat": chat, "report": report_id, "now": utc_text(now)} for chat in chat_ids],
        )

    async def add_urgent(self, urgent_id: int, chat_ids: Iterable[int], now: datetime) -> int:
        rows = [{"chat": chat, "urgent": urgent_id, "now": utc_text(now)} for chat in chat_ids]
        await self._uow.execute_many(
            "INSERT INTO desk_posts (kind, chat_id, urgent_id, created_at)"
            " VALUES ('urgent', :chat, :urgent, :now)",
            rows,
        )
        return len(rows)

    async def pending(self, limit: int) -> list[DeskPost]:
        """Urgent alerts first, then in the order queued."""
        rows = await self._uow.fetch_all(
            "SELECT id, kind, chat_id, report_id, urgent_id FROM desk_posts"
            " WHERE status = 'pending' ORDER BY kind = 'urgent' DESC, id LIMIT :limit",
            {"limit": limit},
        )
        return [DeskPost(*row) for row in rows]

    async def card_chats(self, report_id: int) -> list[int]:
        """Chats with a card of the report: shown (recorded), or still on its way (waiting
        or being sent), in one query."""
        rows = await self._uow.fetch_all(
            """
            SELECT chat_id FROM report_cards WHERE report_id = :report
            UNION
            SELECT chat_id FROM desk_posts WHERE report_id = :report
                AND kind = 'card' AND status IN ('pending', 'sending')
            ORDER BY chat_id
            """,
            {"report": report_id},
        )
        return [row[0] for row in rows]

    async def abandon_claimed(self, now: datetime) -> int:
        """At start: a card claimed when the bot died may have gone out, and is not
        resent (`uncertain`); an urgent alert is, since a copy twice is cheaper than
        a coordinator without it (and its observer waiting to hear)."""
        resent = await self._uow.execute(
            "UPDATE desk_posts SET status = 'pending' WHERE status = 'sending' AND kind = 'urgent'"
        )
        return resent + await super().abandon_claimed(now)

    async def urgent_outcome(self, urgent_id: int) -> BatchOutcome:
        return await self._outcome("urgent_id", urgent_id)
