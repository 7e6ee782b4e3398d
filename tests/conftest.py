"""Fixtures shared by every level of the test pyramid."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.db import Database
from bot.i18n import Locales


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    """A real SQLite file with every migration applied."""
    database = Database(tmp_path / "bot.sqlite3")
    await database.connect()
    await database.migrate()
    yield database
    await database.close()


@pytest.fixture(scope="session")
def locales() -> Locales:
    return Locales("uz")


# --- the real bot process against the Bot API stand-in -------------------------------

import asyncio  # noqa: E402
import html  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import signal  # noqa: E402
import sqlite3  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

from standin import BotAPIStandin  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "123456789:TEST-token-for-the-stand-in"
_POLLING_STARTED = "Run polling for bot"


def plain(text_html: str) -> str:
    """What a person sees of an HTML text: tags gone, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", text_html))


class BotProcess:
    """`python -m bot` in a child process, pointed at the stand-in, as it runs in production."""

    def __init__(self, server: BotAPIStandin, workdir: Path, **env: str) -> None:
        self.server = server
        self.workdir = workdir
        self.database = workdir / "bot.sqlite3"
        self.log_path = workdir / "bot.log"
        self.env = env
        self.process: asyncio.subprocess.Process | None = None

    async def start(self, timeout: float = 60.0) -> None:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": self.server.url,
            "DATABASE_PATH": str(self.database),
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

    def write(self, sql: str, params: tuple[object, ...] = ()) -> int:
        """Set up data behind the bot's back (as an operator's script would); return the row id."""
        conn = sqlite3.connect(self.database, timeout=10)
        try:
            with conn:
                return int(conn.execute(sql, params).lastrowid or 0)
        finally:
            conn.close()

    def query(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Read the bot's database as an operator would (read-only, WAL-aware)."""
        conn = sqlite3.connect(f"file:{self.database}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        try:
            return list(conn.execute(sql, params))
        finally:
            conn.close()


@pytest.fixture
async def standin() -> AsyncIterator[BotAPIStandin]:
    """A fresh stand-in; the test fails if the bot made any call the real API rejects."""
    async with BotAPIStandin(token=TOKEN) as server:
        yield server
        server.assert_no_violations()


ADMIN_ID = 9000


@pytest.fixture
def bot_env() -> dict[str, str]:
    """Settings for the bot under test; a test overrides them with its own fixture."""
    return {"ADMIN_IDS": str(ADMIN_ID)}


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
