"""A timed wait for an event never swallows a cancellation (Python 3.11's wait_for did)."""

from __future__ import annotations

import asyncio

import pytest

from bot.aio import wait_set


async def test_a_cancel_in_the_turn_the_event_is_set_stops_the_waiter() -> None:
    event = asyncio.Event()
    went_on = False

    async def worker() -> None:
        nonlocal went_on
        await wait_set(event, 10)
        went_on = True  # with wait_for, a worker stopped at shutdown carried on here

    task = asyncio.create_task(worker())
    await asyncio.sleep(0)
    event.set()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert not went_on


async def test_it_says_whether_the_event_was_set() -> None:
    event = asyncio.Event()
    assert await wait_set(event, 0.01) is False
    event.set()
    assert await wait_set(event, 10) is True
