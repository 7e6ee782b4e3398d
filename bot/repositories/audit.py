"""SQL for the audit log."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.db import UnitOfWork
from bot.repositories.columns import parse_utc, utc_text


@dataclass(frozen=True, slots=True)
class AuditEntry:
    actor_id: int
    actor_name: str | None
    action: str
    target: str | None
    at: datetime


class AuditRepository:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def record(
        self,
        actor_id: int,
        action: str,
        target: str | None,
        now: datetime,
        **details: Any,
    ) -> None:
        """One entry, in the same transaction as the action it records."""
        await self._uow.execute(
            """
            INSERT INTO audit_log (actor_id, action, target, details, at)
            VALUES (:actor, :action, :target, :details, :at)
            """,
            {
                "actor": actor_id, "action": action, "target": target,
                "details": json.dumps(details, ensure_ascii=False, default=str),
                "at": utc_text(now),
            },
        )  # fmt: skip

    async def latest(self, limit: int) -> list[AuditEntry]:
        rows = await self._uow.fetch_all(
            """
            SELECT a.actor_id, u.full_name, a.action, a.target, a.at
            FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
            ORDER BY a.id DESC LIMIT :limit
            """,
            {"limit": limit},
        )
        return [AuditEntry(r[0], r[1], r[2], r[3], parse_utc(r[4])) for r in rows]  # type: ignore[arg-type]
