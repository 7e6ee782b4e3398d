"""The demo, started in-process: its own event loop in a thread, so a blocking browser
driver (or a plain HTTP client) can use the page while the bot runs."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.clock import ManualClock
from bot.demo.server import Demo

# A Tuesday morning in Tashkent: the seeded hearings fall on the same weekdays every run.
DEMO_START = datetime(2026, 12, 1, 4, 0, tzinfo=UTC)


class DemoThread:
    def __init__(self, workdir: Path) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.demo = Demo(workdir, ManualClock(DEMO_START))
        self.url = ""

    def call(self, coroutine: Any, timeout: float = 60.0) -> Any:
        """Run a coroutine on the demo's loop and wait for its result."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def __enter__(self) -> DemoThread:
        self.thread.start()
        self.url = self.call(self.demo.start(0))
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.call(self.demo.stop())
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(10)
            self.loop.close()


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[DemoThread]:
    with DemoThread(tmp_path) as running:
        yield running
