"""The process itself: clean stop with work in flight, migrations, a too-new database."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from bot.i18n import Locales
from standin import BotAPIStandin
from tests.conftest import ROOT, TOKEN
from tests.flow.conftest import person
from tests.process.conftest import BotProcess


async def test_sigterm_lets_the_update_in_flight_finish(
    standin: BotAPIStandin, bot_process: BotProcess, all_locales: Locales
) -> None:
    someone = person(standin, all_locales, 3000, "en")
    # Telegram answers this reply slowly: the update is still running when SIGTERM comes.
    standin.fail_next("sendMessage", kind="timeout", delay=2.0, chat_id=3000)
    someone.user.send_text("/help")
    while not someone.user.pending:  # the reply was delivered; its answer is held back
        await asyncio.sleep(0.02)
    assert await bot_process.stop(signal.SIGTERM) == 0
    log = bot_process.log()
    # The update finished after polling had stopped, and only then did the process end.
    after_stop = log.split("Polling stopped", 1)[1]
    assert "update id=" in after_stop and "outcome=done" in after_stop
    assert log.rstrip().endswith("stopped")
    assert "event loop: uvloop" in log  # the default, installed with the bot
    await someone.expect("help")


async def test_ctrl_c_stops_cleanly_on_either_event_loop(
    standin: BotAPIStandin, bot_process: BotProcess
) -> None:
    assert await bot_process.stop(signal.SIGINT) == 0
    bot_process.env["EVENT_LOOP"] = "asyncio"
    await bot_process.start()
    assert await bot_process.stop(signal.SIGINT) == 0
    log = bot_process.log()
    assert "Traceback" not in log
    assert log.index("event loop: uvloop") < log.index("event loop: asyncio")


def _run(*args: str, database: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env={"PATH": "/usr/bin:/bin", "BOT_TOKEN": TOKEN, "DATABASE_PATH": str(database)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_migrate_builds_the_schema_and_is_repeatable(tmp_path: Path) -> None:
    database = tmp_path / "nested" / "bot.sqlite3"
    first = _run("migrate", database=database)
    assert first.returncode == 0, first.stderr
    assert "migration applied" in first.stderr
    second = _run("migrate", database=database)
    assert second.returncode == 0 and "migration applied" not in second.stderr
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] >= 1
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert {"users", "user_interests", "fsm_states"} <= tables


def test_a_database_from_a_newer_bot_is_refused_clearly(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA user_version = 999")
    for command in ("migrate", "run"):
        result = _run(command, database=database)
        assert result.returncode == 3
        assert "database error:" in result.stderr and "999" in result.stderr
        assert "Traceback" not in result.stderr
