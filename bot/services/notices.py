"""Hearing notices are queued with the change that causes them, never sent inline.

A handler or job that frees a seat, moves or cancels a hearing calls one of these in
the same transaction; the notice worker (bot/jobs/notices.py) sends them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from bot.notifier import Recipient
from bot.repositories.notices import NoticeRepository


async def promoted(
    notices: NoticeRepository, hearing_id: int, people: Iterable[Recipient], now: datetime
) -> int:
    """Each person moved from the waiting list to a seat."""
    batch = f"promoted:{hearing_id}:{now.isoformat()}"
    return await notices.add(batch, "promoted", hearing_id, (p.user_id for p in people), now)


async def changed(
    notices: NoticeRepository, hearing_id: int, people: Iterable[Recipient], now: datetime
) -> int:
    """Everyone signed up: the time or place changed."""
    batch = f"changed:{hearing_id}:{now.isoformat()}"
    return await notices.add(batch, "changed", hearing_id, (p.user_id for p in people), now)


async def cancelled(
    notices: NoticeRepository,
    hearing_id: int,
    people: Iterable[Recipient],
    reason: str,
    author_id: int,
    now: datetime,
) -> int:
    """Everyone signed up, with the reason; the coordinator is told the outcome."""
    batch = f"cancelled:{hearing_id}:{now.isoformat()}"
    return await notices.add(
        batch, "cancelled", hearing_id, (p.user_id for p in people), now,
        author_id=author_id, reason=reason,
    )  # fmt: skip
