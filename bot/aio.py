"""Waiting for an event with a time limit, without losing a cancellation."""

from __future__ import annotations

import asyncio
import contextlib


async def wait_set(event: asyncio.Event, seconds: float) -> bool:
    """Wait until `event` is set or `seconds` pass; return whether it is set.

    Not `asyncio.wait_for(event.wait(), seconds)`: in Python 3.11 a task cancelled in
    the same turn of the loop as the event is set returns from wait_for as if nothing
    happened, and goes on working; a worker stopped that way at shutdown never stops.
    `asyncio.timeout` counts cancellations and passes this one on.
    """
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(seconds):
            await event.wait()
    return event.is_set()
