"""Units of work: atomic, serialized in arrival order, joinable, committed early."""

from __future__ import annotations

import asyncio

import pytest

from bot.db import Database, StaleReadError, UnitOfWork


async def _count(db: Database) -> int:
    async with db.unit_of_work() as uow:
        row = await uow.fetch_one("SELECT count(*) AS n FROM users")
    assert row is not None
    return int(row["n"])


INSERT_USER = (
    "INSERT INTO users (id, language, created_at, updated_at) VALUES (:id, 'uz', 'x', 'x')"
)


async def _insert_then_fail(db: Database) -> None:
    async with db.unit_of_work() as uow:
        await uow.execute(INSERT_USER, {"id": 1})
        raise RuntimeError("boom")


async def test_an_error_rolls_the_whole_unit_back(db: Database) -> None:
    with pytest.raises(RuntimeError):
        await _insert_then_fail(db)
    assert await _count(db) == 0


async def test_nested_units_join_the_outer_one(db: Database) -> None:
    async with db.unit_of_work() as outer, db.unit_of_work() as inner:
        assert inner is outer
        await inner.execute(INSERT_USER, {"id": 1})
    assert await _count(db) == 1


async def test_concurrent_units_run_one_at_a_time_in_arrival_order(db: Database) -> None:
    order: list[int] = []

    async def work(n: int) -> None:
        async with db.unit_of_work() as uow:
            row = await uow.fetch_one("SELECT count(*) AS n FROM users")
            assert row is not None
            await asyncio.sleep(0)  # give others every chance to interleave
            await uow.execute(INSERT_USER, {"id": int(row["n"]) + 1})
            order.append(n)

    await asyncio.gather(*(work(n) for n in range(50)))
    assert order == list(range(50))
    assert await _count(db) == 50


async def test_commit_releases_the_lock_and_later_work_continues(db: Database) -> None:
    async with db.unit_of_work() as uow:
        await uow.execute(INSERT_USER, {"id": 1})
        await uow.commit()
        # Another task can write now: the lock is free while "Telegram" is being called.
        await asyncio.wait_for(_count(db), timeout=1)
        await uow.execute(INSERT_USER, {"id": 2})
    assert await _count(db) == 2


async def test_a_task_started_inside_a_unit_does_not_join_it_later(db: Database) -> None:
    """A scheduler job inherits the context of the update that scheduled it."""
    started = asyncio.Event()
    release = asyncio.Event()

    async def job() -> None:
        started.set()
        await release.wait()
        async with db.unit_of_work() as uow:  # the update's unit has finished by now
            await uow.execute(INSERT_USER, {"id": 2})

    async with db.unit_of_work() as uow:
        await uow.execute(INSERT_USER, {"id": 1})
        task = asyncio.create_task(job())
        await started.wait()
    release.set()
    await asyncio.wait_for(task, timeout=2)  # would deadlock on the lock if it joined
    assert await _count(db) == 2


async def test_detached_work_never_joins_a_running_unit(db: Database) -> None:
    async with db.unit_of_work() as outer:
        await outer.execute(INSERT_USER, {"id": 1})
        with db.detached():
            assert Database.current() is None
        assert Database.current() is outer


# --- optimistic units of work (an update's reads take no write lock) ------------------


async def test_an_optimistic_read_does_not_wait_for_a_writer_holding_the_lock(
    db: Database,
) -> None:
    async with db.unit_of_work() as writer:
        await writer.execute(INSERT_USER, {"id": 1})
        assert db.busy
        # Detached from the writer's unit: another update, handled meanwhile.
        with db.detached():
            async with db.unit_of_work(optimistic=True) as reader, asyncio.timeout(5):
                row = await reader.fetch_one("SELECT count(*) AS n FROM users")
                assert reader.optimistic
        assert row is not None and row["n"] == 0  # the writer's row is not committed yet
    assert await _count(db) == 1


async def test_an_optimistic_unit_writes_under_the_lock_when_nothing_changed(
    db: Database,
) -> None:
    async with db.unit_of_work(optimistic=True) as uow:
        row = await uow.fetch_one("SELECT count(*) AS n FROM users")
        assert row is not None
        assert (db.busy, uow.optimistic) == (False, True)
        await uow.execute(INSERT_USER, {"id": int(row["n"]) + 1})
        assert (db.busy, uow.optimistic) == (True, False)
    assert await _count(db) == 1


async def test_an_optimistic_unit_that_read_what_changed_fails_before_writing(
    db: Database,
) -> None:
    read = asyncio.Event()
    written = asyncio.Event()

    async def optimist() -> None:
        async with db.unit_of_work(optimistic=True) as uow:
            row = await uow.fetch_one("SELECT count(*) AS n FROM users")
            assert row is not None
            read.set()
            await written.wait()
            await uow.execute(INSERT_USER, {"id": int(row["n"]) + 1})  # would clash: id 1

    async def other() -> None:
        await read.wait()
        with db.detached():
            async with db.unit_of_work() as uow:
                await uow.execute(INSERT_USER, {"id": 1})
        written.set()

    results = await asyncio.gather(optimist(), other(), return_exceptions=True)
    assert isinstance(results[0], StaleReadError)
    assert not db.busy  # the failed unit let the lock go
    assert await _count(db) == 1


async def test_on_begin_runs_in_the_first_write_or_before_the_first_commit(
    db: Database,
) -> None:
    calls: list[bool] = []

    async def record(uow: UnitOfWork) -> None:
        calls.append(db.busy)
        await uow.execute(INSERT_USER, {"id": 99})

    async with db.unit_of_work(optimistic=True, on_begin=record) as uow:
        await uow.fetch_all("SELECT 1")
        assert calls == []  # reads alone record nothing yet
        await uow.commit()  # before a call to Telegram: the record must be durable
        assert calls == [True]
        await uow.fetch_all("SELECT 1")
        assert db.busy  # after a commit the unit takes the lock at its first query again
    assert calls == [True]
    assert await _count(db) == 1


async def test_on_begin_failing_writes_nothing_and_is_tried_again(db: Database) -> None:
    async def refuse(uow: UnitOfWork) -> None:
        raise LookupError("recorded before")

    async def write_twice() -> None:
        async with db.unit_of_work(optimistic=True, on_begin=refuse) as uow:
            with pytest.raises(LookupError):
                await uow.execute(INSERT_USER, {"id": 1})
            assert not db.busy
            await uow.execute(INSERT_USER, {"id": 2})  # tried again: refused again

    with pytest.raises(LookupError):
        await write_twice()
    assert await _count(db) == 0
