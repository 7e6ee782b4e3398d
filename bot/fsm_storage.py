"""aiogram FSM storage in SQLite, so a restart keeps every half-filled form."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey

from bot.clock import SYSTEM_CLOCK, Clock
from bot.db import Database


def storage_key(key: StorageKey) -> str:
    """One stable text key per chat, user, topic and destiny."""
    return ":".join(
        str(part)
        for part in (
            key.bot_id,
            key.chat_id,
            key.user_id,
            key.thread_id or 0,
            key.business_connection_id or "",
            key.destiny,
        )
    )


class SQLiteStorage(BaseStorage):
    """Keeps state and data in the `fsm_states` table as JSON.

    Calls made while an update's unit of work is open join it, so the state change
    commits together with whatever the handler wrote.
    """

    def __init__(self, db: Database, clock: Clock = SYSTEM_CLOCK) -> None:
        self._db = db
        self._clock = clock

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        async with self._db.unit_of_work() as uow:
            await uow.execute(
                """
                INSERT INTO fsm_states (key, chat_id, user_id, state, updated_at)
                VALUES (:key, :chat, :user, :state, :now)
                ON CONFLICT (key) DO UPDATE SET state = :state, updated_at = :now
                """,
                {**_ids(key), "state": value, "now": self._now()},
            )

    async def get_state(self, key: StorageKey) -> str | None:
        # Alone (aiogram asks before the update's unit of work opens) it only reads, so
        # it needs no write lock; inside an update it joins the update's work.
        async with self._db.unit_of_work(optimistic=True) as uow:
            row = await uow.fetch_one(
                "SELECT state FROM fsm_states WHERE key = :key", {"key": storage_key(key)}
            )
        return None if row is None else row["state"]

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        async with self._db.unit_of_work() as uow:
            await uow.execute(
                """
                INSERT INTO fsm_states (key, chat_id, user_id, data, updated_at)
                VALUES (:key, :chat, :user, :data, :now)
                ON CONFLICT (key) DO UPDATE SET data = :data, updated_at = :now
                """,
                {
                    **_ids(key),
                    "data": json.dumps(dict(data), ensure_ascii=False),
                    "now": self._now(),
                },
            )
            # state.clear() ends here: drop the row instead of keeping an empty one.
            await uow.execute(
                "DELETE FROM fsm_states WHERE key = :key AND state IS NULL AND data = '{}'",
                {"key": storage_key(key)},
            )

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        async with self._db.unit_of_work(optimistic=True) as uow:
            row = await uow.fetch_one(
                "SELECT data FROM fsm_states WHERE key = :key", {"key": storage_key(key)}
            )
        if row is None:
            return {}
        data = json.loads(row["data"])
        return data if isinstance(data, dict) else {}

    def _now(self) -> str:
        return self._clock().isoformat(timespec="seconds")

    async def close(self) -> None:
        # The database belongs to the application; it closes it after polling stops.
        return None


def _ids(key: StorageKey) -> dict[str, object]:
    return {"key": storage_key(key), "chat": key.chat_id, "user": key.user_id}
