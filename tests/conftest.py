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
    try:
        await database.migrate()
        yield database
    finally:
        # Also when a migration fails: an open connection's thread keeps pytest alive.
        await database.close()


@pytest.fixture(scope="session")
def locales() -> Locales:
    return Locales("uz")


@pytest.fixture(scope="session")
def all_locales() -> Locales:
    """Every language's texts, to read the bot's answers in each person's language."""
    return Locales("uz")


# --- the real bot against the Bot API stand-in ------------------------------------------

import asyncio  # noqa: E402
import contextlib  # noqa: E402
import html  # noqa: E402
import io  # noqa: E402
import logging  # noqa: E402
import re  # noqa: E402
import sqlite3  # noqa: E402
import subprocess  # noqa: E402
from typing import Any  # noqa: E402

from bot.clock import Clock, ManualClock  # noqa: E402
from bot.logs import LINE_FORMAT, RedactingFormatter  # noqa: E402
from standin import BotAPIStandin  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "123456789:TEST-token-for-the-stand-in"
ADMIN_ID = 9000


def run_main(args: list[str], workdir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m bot ARGS` through its `main`, in this process: exit code and output.
    (A child process would pay aiogram's import; these commands are about their answers.)"""
    from bot.__main__ import main

    out, err = io.StringIO(), io.StringIO()
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level  # main() configures logging for itself
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BOT_TOKEN", TOKEN)
        for name, value in env.items():
            patch.setenv(name, value)
        patch.chdir(workdir)  # no .env of the developer's is read
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(args)
    root.handlers[:], root.level = handlers, level
    logging.captureWarnings(False)
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def plain(text_html: str) -> str:
    """What a person sees of an HTML text: tags gone, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", text_html))


class DatabaseAccess:
    """Reading and writing the bot's SQLite file behind its back, as an operator would."""

    database: Path
    clock: Clock

    def write(self, sql: str, params: tuple[object, ...] = ()) -> int:
        """Set up data (as an operator's script would); return the row id."""
        conn = sqlite3.connect(self.database, timeout=10)
        try:
            with conn:
                return int(conn.execute(sql, params).lastrowid or 0)
        finally:
            conn.close()

    def query(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Read the bot's database (read-only, WAL-aware)."""
        conn = sqlite3.connect(f"file:{self.database}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        try:
            return list(conn.execute(sql, params))
        finally:
            conn.close()


class _LogBuffer(logging.Handler):
    """The bot's log lines, formatted as production formats them (token and phones masked)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.setFormatter(RedactingFormatter(LINE_FORMAT, [TOKEN]))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


class BotInProcess(DatabaseAccess):
    clock: ManualClock

    """The real bot (`bot.app.App`: dispatcher, handlers, jobs, SQLite) run in this
    process against the stand-in, on a clock the test moves. Starts in milliseconds.

    `stop()` is the clean shutdown a SIGTERM triggers; `start()` again is a restart on
    the same database file.
    """

    def __init__(
        self, server: BotAPIStandin, workdir: Path, clock: ManualClock, **env: str
    ) -> None:
        self.server = server
        self.database = workdir / "bot.sqlite3"
        self.clock = clock
        self.env = env
        self.app: Any = None
        self._task: asyncio.Task[None] | None = None
        self._stop_webhook: asyncio.Event | None = None
        self._logs = _LogBuffer()

    async def start(self) -> None:
        from bot.app import App
        from bot.config import Settings

        values: dict[str, Any] = {
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": self.server.url,
            "DATABASE_PATH": str(self.database),
            "HEALTH_LISTEN": "",  # off unless a test asks (`HEALTH_LISTEN="127.0.0.1:0"`)
            **self.env,
        }
        settings = Settings(_env_file=None, **values)
        _capture(self._logs)
        self.app = app = await App.open(settings, self.clock)
        self._stop_webhook = None
        if settings.webhook_url is not None:
            # The stand-in plays the reverse proxy: the public URL's path, sent to where
            # the bot listens (known once it listens, before setWebhook is called).
            async def route_webhooks() -> None:
                assert app.webhook_address is not None
                self.server.route_webhooks(app.webhook_address)

            app.dp.startup.register(route_webhooks)
            self._stop_webhook = asyncio.Event()
        try:
            self._task = await app.start_in_background(self._stop_webhook)
        except BaseException:
            await app.close()
            raise
        # Jobs the bot schedules "now" at startup (nudges, reminders due while it was down)
        # run at once in production; here the clock runs them.
        await self.clock.run_due()
        await self.settle()

    async def settle(self, timeout: float = 10.0) -> None:
        """Wait until the bot is quiet: every update sent has been taken and handled, and
        no transaction is open. Then "nothing more was sent" can be checked at once, and
        `write` (which blocks the event loop) cannot wait on a lock forever."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        quiet = 0
        while quiet < 3:
            await asyncio.sleep(0.001)
            busy = (
                self.app.db.busy
                or self.server.pending_updates > 0
                or not self.app.dp["unit_of_work"].idle
                or self.app.notices.busy
            )
            quiet = 0 if busy else quiet + 1
            if loop.time() > deadline:
                raise TimeoutError("the bot did not settle")

    async def expect_silence(self, *people: Any) -> None:
        """Once the bot has settled, none of these chats has anything new."""
        await self.settle()
        for someone in people:
            chat = someone if hasattr(someone, "expect_no_message") else someone.user
            await chat.expect_no_message(within=0.01)

    def write(self, sql: str, params: tuple[object, ...] = ()) -> int:
        if self.app is not None and self._task is not None and self.app.db.busy:
            raise RuntimeError("the bot holds the write lock: `await bot_app.settle()` first")
        return super().write(sql, params)

    async def stop(self) -> int:
        """A clean shutdown: polling stops, updates in flight finish, the database closes."""
        if self._task is not None:
            if self._stop_webhook is not None:
                self._stop_webhook.set()
            else:
                await self.app.dp.stop_polling()
            await self._task
            await self.app.close()
            self._task = None
        logging.getLogger().removeHandler(self._logs)
        return 0

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    def log(self) -> str:
        return "\n".join(self._logs.lines)

    def forget_log(self) -> None:
        """Drop the lines so far (a test that expects an error checks them itself)."""
        self._logs.lines.clear()


def _capture(handler: logging.Handler) -> None:
    root = logging.getLogger()
    if handler not in root.handlers:
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    # As in production: aiogram and APScheduler narrate too much (see bot.logs).
    logging.getLogger("aiogram.event").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


@pytest.fixture
async def standin() -> AsyncIterator[BotAPIStandin]:
    """A fresh stand-in; the test fails if the bot made any call the real API rejects."""
    async with BotAPIStandin(token=TOKEN) as server:
        yield server
        server.assert_no_violations()


@pytest.fixture
def bot_env() -> dict[str, str]:
    """Settings for the bot under test; a test overrides them with its own fixture."""
    return {"ADMIN_IDS": str(ADMIN_ID)}


@pytest.fixture
def clock() -> ManualClock:
    """The bot's clock in flow tests: it stands still until the test moves it."""
    return ManualClock()


@pytest.fixture
async def bot_app(
    standin: BotAPIStandin, tmp_path: Path, bot_env: dict[str, str], clock: ManualClock
) -> AsyncIterator[BotInProcess]:
    running = BotInProcess(standin, tmp_path, clock, **bot_env)
    await running.start()
    yield running
    await running.stop()
    assert "Traceback" not in running.log(), running.log()
