"""The update middleware's unit of work: reads without the write lock, one record per update."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.types import Chat, Message, TelegramObject, Update

from bot.db import Database, UnitOfWork
from bot.middlewares.database import UnitOfWorkMiddleware

INSERT_USER = (
    "INSERT INTO users (id, language, created_at, updated_at) VALUES (:id, 'uz', 'x', 'x')"
)


def update(update_id: int) -> Update:
    chat = Chat(id=1, type="private")
    return Update(
        update_id=update_id,
        message=Message(message_id=1, date=datetime.now(UTC), chat=chat, text="/help"),
    )


async def recorded(db: Database) -> list[int]:
    async with db.unit_of_work() as uow:
        rows = await uow.fetch_all("SELECT update_id FROM processed_updates ORDER BY 1")
    return [row["update_id"] for row in rows]


async def test_an_update_that_only_reads_does_not_wait_for_a_writer(db: Database) -> None:
    middleware = UnitOfWorkMiddleware(db)
    has_read = asyncio.Event()

    async def reader(event: TelegramObject, data: dict[str, Any]) -> str:
        uow: UnitOfWork = data["uow"]
        await uow.fetch_all("SELECT count(*) FROM users")
        has_read.set()
        return "shown"

    async with db.unit_of_work() as writer:
        await writer.execute(INSERT_USER, {"id": 1})
        with db.detached():  # another update, handled meanwhile
            handling = asyncio.create_task(middleware(reader, update(7), {}))
        await asyncio.wait_for(has_read.wait(), 5)  # read while the writer holds the lock
        assert not handling.done()  # its record waits for the lock: committed before replying
    assert await handling == "shown"
    assert await recorded(db) == [7]


async def test_a_stale_read_runs_the_update_again_holding_the_lock(db: Database) -> None:
    middleware = UnitOfWorkMiddleware(db)
    runs: list[bool] = []

    async def count_then_insert(event: TelegramObject, data: dict[str, Any]) -> None:
        uow: UnitOfWork = data["uow"]
        runs.append(uow.optimistic)
        row = await uow.fetch_one("SELECT count(*) AS n FROM users")
        assert row is not None
        if len(runs) == 1:  # someone else commits between our read and our write
            with db.detached():
                async with db.unit_of_work() as other:
                    await other.execute(INSERT_USER, {"id": 1})
        await uow.execute(INSERT_USER, {"id": int(row["n"]) + 1})

    await middleware(count_then_insert, update(8), {})
    assert runs == [True, False]  # the second run held the lock from its first query
    async with db.unit_of_work() as uow:
        rows = await uow.fetch_all("SELECT id FROM users ORDER BY id")
    assert [row["id"] for row in rows] == [1, 2]
    assert await recorded(db) == [8]


async def test_a_redelivered_update_that_only_reads_is_skipped_before_replying(
    db: Database,
) -> None:
    middleware = UnitOfWorkMiddleware(db)
    replies: list[int] = []

    async def reply(event: TelegramObject, data: dict[str, Any]) -> None:
        uow: UnitOfWork = data["uow"]
        await uow.fetch_all("SELECT 1")
        await uow.commit()  # what CommitBeforeRequest does before a call to Telegram
        replies.append(1)

    await middleware(reply, update(9), {})
    assert await middleware(reply, update(9), {}) is UNHANDLED
    assert replies == [1]
    assert await recorded(db) == [9]


async def test_another_update_being_recorded_does_not_make_a_read_stale(db: Database) -> None:
    middleware = UnitOfWorkMiddleware(db)

    async def read_only(event: TelegramObject, data: dict[str, Any]) -> None:
        await data["uow"].fetch_all("SELECT 1")

    async def count_then_insert(event: TelegramObject, data: dict[str, Any]) -> None:
        uow: UnitOfWork = data["uow"]
        row = await uow.fetch_one("SELECT count(*) AS n FROM users")
        assert row is not None
        with db.detached():  # meanwhile a reply to someone else is recorded
            await middleware(read_only, update(11), {})
        await uow.execute(INSERT_USER, {"id": int(row["n"]) + 1})

    await middleware(count_then_insert, update(10), {})
    assert middleware.reruns == 0
    assert await recorded(db) == [10, 11]
