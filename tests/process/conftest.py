"""`python -m bot` as a child process, for what only a process shows: signals, a kill
in the middle of sending, exit codes. Everything else runs in process (tests/flow)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.clock import SYSTEM_CLOCK
from standin import BotAPIStandin
from tests.conftest import ROOT, TOKEN, DatabaseAccess

_POLLING_STARTED = "Run polling for bot"


class BotProcess(DatabaseAccess):
    """`python -m bot` in a child process, pointed at the stand-in, as it runs in production."""

    def __init__(self, server: BotAPIStandin, workdir: Path, **env: str) -> None:
        self.server = server
        self.workdir = workdir
        self.database = workdir / "bot.sqlite3"
        self.log_path = workdir / "bot.log"
        self.clock = SYSTEM_CLOCK  # a process runs on the wall clock
        self.env = env
        self.process: asyncio.subprocess.Process | None = None

    async def start(self, timeout: float = 60.0) -> None:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": self.server.url,
            "DATABASE_PATH": str(self.database),
            "HEALTH_LISTEN": "127.0.0.1:0",  # tests run side by side: any free port
            "PYTHONUNBUFFERED": "1",
            **self.env,
        }
        started = time.monotonic()
        runs_before = self.log().count(_POLLING_STARTED)
        log = self.log_path.open("ab")
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=ROOT, env=env, stdout=log, stderr=log
        )
        log.close()
        # Ready when startup work (migrations, command menus) is done and polling runs.
        while self.log().count(_POLLING_STARTED) == runs_before:
            if self.process.returncode is not None or time.monotonic() - started > timeout:
                raise RuntimeError(f"bot did not start:\n{self.log()}")
            await asyncio.sleep(0.05)

    async def stop(self, sig: int = signal.SIGTERM, timeout: float = 30.0) -> int:
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(sig)
        code = await asyncio.wait_for(self.process.wait(), timeout)
        self.process = None
        return code

    async def restart(self) -> None:
        assert await self.stop() == 0, self.log()
        await self.start()

    def log(self) -> str:
        return self.log_path.read_text("utf-8", errors="replace") if self.log_path.exists() else ""


@pytest.fixture
async def bot_process(
    standin: BotAPIStandin, tmp_path: Path, bot_env: dict[str, str]
) -> AsyncIterator[BotProcess]:
    process = BotProcess(standin, tmp_path, **bot_env)
    await process.start()
    yield process
    if process.process is not None:
        code = await process.stop()
        assert code == 0, process.log()
    assert "Traceback" not in process.log(), process.log()
