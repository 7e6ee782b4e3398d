"""The update middleware's unit of work: reads without the write lock, one record per update."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest
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


# --- the records of many read-only updates in one statement --------------------------


def trace(db: Database, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The SQL sent to the writer's thread from now on."""
    statements: list[str] = []
    writer = db.connection
    for name in ("execute", "execute_fetchall", "executemany"):
        method = getattr(writer, name)

        def traced(sql: str, *args: Any, _method: Any = method) -> Any:
            statements.append(sql)
            return _method(sql, *args)

        monkeypatch.setattr(writer, name, traced)
    return statements


async def test_updates_waiting_for_the_lock_are_recorded_together(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    middleware = UnitOfWorkMiddleware(db)

    async def reply(event: TelegramObject, data: dict[str, Any]) -> None:
        await data["uow"].fetch_all("SELECT 1")
        await data["uow"].commit()

    async with db.unit_of_work() as writer:
        await writer.execute(INSERT_USER, {"id": 1})
        with db.detached():  # twenty people's /help arrive while someone writes
            handling = [
                asyncio.create_task(middleware(reply, update(100 + n), {})) for n in range(20)
            ]
        await asyncio.sleep(0.05)
        statements = trace(db, monkeypatch)
    await asyncio.wait_for(asyncio.gather(*handling), 5)
    records = [sql for sql in statements if "processed_updates" in sql]
    assert len(records) == 1  # one statement for all twenty, not twenty
    assert await recorded(db) == list(range(100, 120))


async def test_an_update_twice_in_one_batch_is_handled_once(db: Database) -> None:
    middleware = UnitOfWorkMiddleware(db)
    replies: list[int] = []

    async def reply(event: TelegramObject, data: dict[str, Any]) -> None:
        await data["uow"].fetch_all("SELECT 1")
        await data["uow"].commit()
        replies.append(1)

    async with db.unit_of_work() as writer:
        await writer.execute(INSERT_USER, {"id": 1})
        with db.detached():  # delivered again (a webhook retry) while the first waits
            first = asyncio.create_task(middleware(reply, update(12), {}))
            second = asyncio.create_task(middleware(reply, update(12), {}))
        await asyncio.sleep(0.05)
    results = await asyncio.wait_for(asyncio.gather(first, second), 5)
    assert replies == [1]
    assert results.count(UNHANDLED) == 1
    assert await recorded(db) == [12]


async def test_a_kind_of_update_that_wrote_takes_the_lock_first_next_time(db: Database) -> None:
    """A sign-up under load ran twice (a commit elsewhere between its reads and its
    write); the next of its kind holds the lock from its first query."""
    middleware = UnitOfWorkMiddleware(db)
    runs: list[bool] = []

    async def sign_up(event: TelegramObject, data: dict[str, Any]) -> None:
        uow: UnitOfWork = data["uow"]
        runs.append(uow.optimistic)
        row = await uow.fetch_one("SELECT count(*) AS n FROM users")
        assert row is not None
        await uow.execute(INSERT_USER, {"id": int(row["n"]) + 1})

    async def read_only(event: TelegramObject, data: dict[str, Any]) -> None:
        runs.append(data["uow"].optimistic)
        await data["uow"].fetch_all("SELECT 1")

    await middleware(sign_up, update(20), {})  # /help that wrote: the kind is "/help"
    await middleware(sign_up, update(21), {})
    await middleware(read_only, update(22), {})  # it read only: optimistic again after
    await middleware(read_only, update(23), {})
    assert runs == [True, False, False, True]
    assert middleware.reruns == 0


# --- reads on the event loop's thread -------------------------------------------------


async def test_reads_before_any_write_run_on_the_loop_and_see_the_committed_state(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    thread_reads = trace(db, monkeypatch)
    async with db.unit_of_work() as uow:  # holds the lock from its first query
        await uow.fetch_all("SELECT count(*) FROM users")
        assert not any("users" in sql for sql in thread_reads)  # read on the loop
        await uow.execute(INSERT_USER, {"id": 5})
        rows = await uow.fetch_all("SELECT id FROM users")  # must see its own write
        assert [row["id"] for row in rows] == [5]
        assert any(sql.startswith("SELECT id FROM users") for sql in thread_reads)


async def test_a_long_read_goes_to_the_thread_and_its_sql_stays_there(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    quick = db.quick
    assert quick is not None
    monkeypatch.setattr(quick, "MAX_CHECKS", 0)  # over budget at its first look
    # Enough work that SQLite looks at the budget (every CHECK_EVERY instructions).
    slow = (
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 50000)"
        " SELECT count(*) AS c FROM n"
    )
    async with db.unit_of_work(optimistic=True) as uow:
        row = await uow.fetch_one(slow)
        assert row is not None and row["c"] == 50000  # answered all the same
        assert quick.refused == 1
        await uow.fetch_one(slow)
        assert quick.refused == 2  # not tried on the loop again
        assert await uow.fetch_one("SELECT 1 AS one") is not None  # a short one still is
    assert quick.refused == 2


async def test_a_hot_read_stays_on_the_loop_however_slow_the_machine(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The budget is SQLite's work, not time: a read pre-empted mid-way is not demoted."""
    quick = db.quick
    assert quick is not None
    clock = iter(range(0, 10**9, 10**6))  # each look at any clock: a million seconds on
    monkeypatch.setattr("time.perf_counter", lambda: float(next(clock)))
    monkeypatch.setattr("time.monotonic", lambda: float(next(clock)))
    # Work enough for SQLite to look at the budget a few times, far from spending it.
    busy = (
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2000)"
        " SELECT count(*) AS c FROM n"
    )
    looks = 0
    over_budget = quick._over_budget

    def counted() -> bool:
        nonlocal looks
        looks += 1
        return over_budget()

    quick._conn.set_progress_handler(counted, quick.CHECK_EVERY)
    async with db.unit_of_work(optimistic=True) as uow:
        for _ in range(3):
            row = await uow.fetch_one(busy)
            assert row is not None and row["c"] == 2000
    assert looks >= 3  # the budget was consulted, with the clocks racing
    assert quick.refused == 0
