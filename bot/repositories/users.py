"""SQL for volunteers (`users`, `user_interests`)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from bot.db import UnitOfWork


@dataclass(frozen=True, slots=True)
class User:
    id: int
    language: str
    full_name: str | None
    phone: str | None
    region: str | None
    interests: tuple[str, ...]
    consent_version: str | None
    consent_at: datetime | None
    registered_at: datetime | None
    unreachable_at: datetime | None = None  # Telegram said blocked / chat not found

    @property
    def is_registered(self) -> bool:
        return self.registered_at is not None

    @property
    def has_personal_data(self) -> bool:
        return any((self.full_name, self.phone, self.region, self.interests, self.consent_at))


@dataclass(frozen=True, slots=True)
class NewRegistration:
    full_name: str
    name_key: str
    phone: str
    region: str
    interests: tuple[str, ...]
    consent_version: str
    consent_at: datetime


class UserRepository:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def get(self, user_id: int) -> User | None:
        """Load one person with their interests, or None if the bot never met them."""
        row = await self._uow.fetch_one(
            """
            SELECT u.*, (SELECT group_concat(interest, ',') FROM user_interests
                         WHERE user_id = u.id) AS interest_list
            FROM users AS u WHERE u.id = :id
            """,
            {"id": user_id},
        )
        return None if row is None else _user(row)

    async def languages(self, user_ids: Iterable[int], default: str) -> dict[int, str]:
        """Each person's interface language in one query; `default` for one the bot
        never met (an admin named in ADMIN_IDS who has not written yet)."""
        ids = sorted(set(user_ids))
        rows = await self._uow.fetch_all(
            "SELECT id, language FROM users WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
        known = {int(row["id"]): str(row["language"]) for row in rows}
        return {user_id: known.get(user_id, default) for user_id in ids}

    async def save_language(self, user_id: int, language: str, now: datetime) -> None:
        """Remember the interface language, creating the row on first contact."""
        await self._uow.execute(
            """
            INSERT INTO users (id, language, created_at, updated_at)
            VALUES (:id, :language, :now, :now)
            ON CONFLICT (id) DO UPDATE SET language = :language, updated_at = :now
            """,
            {"id": user_id, "language": language, "now": now.isoformat()},
        )

    async def create_if_missing(self, user_id: int, language: str, now: datetime) -> None:
        """Make sure the person has a row, without changing a language already chosen."""
        await self._uow.execute(
            """
            INSERT INTO users (id, language, created_at, updated_at)
            VALUES (:id, :language, :now, :now)
            ON CONFLICT (id) DO NOTHING
            """,
            {"id": user_id, "language": language, "now": now.isoformat()},
        )

    async def register(self, user_id: int, reg: NewRegistration, now: datetime) -> None:
        """Store a completed registration and its consent."""
        await self._uow.execute(
            """
            UPDATE users SET full_name = :full_name, name_key = :name_key, phone = :phone,
                region = :region, consent_version = :consent_version,
                consent_at = :consent_at, registered_at = :now, forgotten_at = NULL,
                updated_at = :now
            WHERE id = :id
            """,
            {
                "id": user_id,
                "full_name": reg.full_name,
                "name_key": reg.name_key,
                "phone": reg.phone,
                "region": reg.region,
                "consent_version": reg.consent_version,
                "consent_at": reg.consent_at.isoformat(),
                "now": now.isoformat(),
            },
        )
        await self.replace_interests(user_id, reg.interests)

    async def update_name(self, user_id: int, full_name: str, name_key: str, now: datetime) -> None:
        await self._uow.execute(
            "UPDATE users SET full_name = :name, name_key = :key, updated_at = :now WHERE id = :id",
            {"id": user_id, "name": full_name, "key": name_key, "now": now.isoformat()},
        )

    async def update_phone(self, user_id: int, phone: str, now: datetime) -> None:
        await self._uow.execute(
            "UPDATE users SET phone = :phone, updated_at = :now WHERE id = :id",
            {"id": user_id, "phone": phone, "now": now.isoformat()},
        )

    async def update_region(self, user_id: int, region: str, now: datetime) -> None:
        await self._uow.execute(
            "UPDATE users SET region = :region, updated_at = :now WHERE id = :id",
            {"id": user_id, "region": region, "now": now.isoformat()},
        )

    async def replace_interests(self, user_id: int, interests: tuple[str, ...]) -> None:
        await self._uow.execute("DELETE FROM user_interests WHERE user_id = :id", {"id": user_id})
        await self._uow.execute_many(
            "INSERT INTO user_interests (user_id, interest) VALUES (?, ?)",
            [(user_id, interest) for interest in interests],
        )

    async def erase_personal_data(self, user_id: int, now: datetime) -> None:
        """Blank every personal field; keep the row so the language choice survives."""
        await self._uow.execute(
            """
            UPDATE users SET full_name = NULL, name_key = NULL, phone = NULL, region = NULL,
                consent_version = NULL, consent_at = NULL, registered_at = NULL,
                forgotten_at = :now, updated_at = :now
            WHERE id = :id
            """,
            {"id": user_id, "now": now.isoformat()},
        )
        await self._uow.execute("DELETE FROM user_interests WHERE user_id = :id", {"id": user_id})

    async def mark_unreachable(self, user_id: int, now: datetime) -> None:
        """Telegram refused (blocked, deactivated, chat gone): leave them out of audiences."""
        await self._uow.execute(
            "UPDATE users SET unreachable_at = :now WHERE id = :id AND unreachable_at IS NULL",
            {"id": user_id, "now": now.isoformat()},
        )

    async def clear_unreachable(self, user_id: int) -> None:
        """They wrote to the bot, so it can reach them again."""
        await self._uow.execute(
            "UPDATE users SET unreachable_at = NULL WHERE id = :id", {"id": user_id}
        )

    async def erase_drafts(self, user_id: int) -> None:
        """Drop half-filled forms (they may hold a name or phone number) in every chat."""
        await self._uow.execute("DELETE FROM fsm_states WHERE user_id = :id", {"id": user_id})


def _user(row: sqlite3.Row) -> User:
    interests = tuple(sorted(row["interest_list"].split(","))) if row["interest_list"] else ()
    return User(
        id=row["id"],
        language=row["language"],
        full_name=row["full_name"],
        phone=row["phone"],
        region=row["region"],
        interests=interests,
        consent_version=row["consent_version"],
        consent_at=_dt(row["consent_at"]),
        registered_at=_dt(row["registered_at"]),
        unreachable_at=_dt(row["unreachable_at"]),
    )


def _dt(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)
