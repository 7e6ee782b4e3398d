"""The event loop every command of `python -m bot` runs on.

uvloop (libuv underneath) where it is installed, which is every Linux and macOS server:
its transports, timers and thread wake-ups are C, and the bot spends a sixth of its CPU
in the loop and its sockets (one HTTP request to Telegram per reply, a thread hop per
aiosqlite call). Measured with the mix in bench/throughput.py, an update took about 12%
less CPU. EVENT_LOOP=asyncio chooses the standard loop, should uvloop ever misbehave
somewhere; on Windows, which uvloop does not support, the standard loop runs anyway.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, Literal, TypeVar

T = TypeVar("T")

EventLoop = Literal["uvloop", "asyncio"]


def loop_factory(choice: EventLoop) -> Callable[[], asyncio.AbstractEventLoop] | None:
    """What makes the loop; None: the standard one."""
    if choice == "asyncio":
        return None
    try:
        import uvloop
    except ImportError:  # not installed (Windows)
        return None
    return uvloop.new_event_loop


def run(main: Coroutine[Any, Any, T], choice: EventLoop = "uvloop") -> T:
    """`asyncio.run`, on the chosen loop."""
    with asyncio.Runner(loop_factory=loop_factory(choice)) as runner:
        return runner.run(main)


def loop_name() -> str:
    """The running loop's library, for the startup log: "uvloop" or "asyncio"."""
    return type(asyncio.get_running_loop()).__module__.split(".")[0]
