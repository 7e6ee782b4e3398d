"""Backups while the bot writes: `python -m bot backup` beside a running broadcast, and
the scheduled copies with their rotation."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.backups import BackupError, backup_database, backup_name, rotate
from bot.i18n import Locales
from standin import BotAPIStandin
from tests.conftest import ADMIN_ID, ROOT, TOKEN
from tests.flow.test_broadcast import delivered, ended, send_to_everyone, the_admin, until
from tests.flow.test_broadcast import volunteers as seed_volunteers
from tests.process.conftest import BotProcess


def recorded(database: Path) -> set[int]:
    """Recipients whose copy the database records as sent."""
    with closing(sqlite3.connect(database)) as conn:
        return {
            row[0] for row in conn.execute("SELECT user_id FROM deliveries WHERE status = 'sent'")
        }


@pytest.mark.parametrize("bot_env", [{"ADMIN_IDS": str(ADMIN_ID), "BROADCAST_RATE": "20"}])
async def test_a_backup_taken_during_a_broadcast_restores_whole(
    standin: BotAPIStandin, bot_process: BotProcess, all_locales: Locales, tmp_path: Path
) -> None:
    coordinator = the_admin(standin, bot_process, all_locales, "en")
    recipients = list(range(3001, 3081))
    seed_volunteers(standin, bot_process, recipients, "uz")
    broadcast_id = await send_to_everyone(coordinator, len(recipients) + 1)
    await until(lambda: sum(delivered(standin).values()) >= 20)
    before = recorded(bot_process.database)  # committed before the backup began
    copy = tmp_path / "backups"  # not there yet: the trailing "/" says it is a folder
    result = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "bot", "backup", f"{copy}/"],
        env={"PATH": "/usr/bin:/bin", "BOT_TOKEN": TOKEN,
             "DATABASE_PATH": str(bot_process.database)},
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("backup written: ")
    [backup] = list(copy.iterdir())
    assert len(recorded(bot_process.database)) < len(recipients)  # still sending then
    await ended(bot_process, broadcast_id, timeout=60)

    # Restore as the README says: the copy becomes the database file.
    restored = tmp_path / "restored.sqlite3"
    restored.write_bytes(backup.read_bytes())
    with closing(sqlite3.connect(restored)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert before <= recorded(restored)
    assert not list(copy.glob("*.partial"))


def test_a_backup_never_overwrites_and_names_sort_by_time(tmp_path: Path) -> None:
    source = tmp_path / "bot.sqlite3"
    with closing(sqlite3.connect(source)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
    now = datetime(2026, 12, 3, 9, 15, tzinfo=UTC)
    first = backup_database(source, tmp_path, now)
    assert first.path.name == "bot-20261203T091500Z.sqlite3"
    with pytest.raises(BackupError, match="exists"):
        backup_database(source, tmp_path, now)
    with pytest.raises(BackupError, match="no database"):
        backup_database(tmp_path / "missing.sqlite3", tmp_path / "x.sqlite3", now)


def test_rotation_keeps_the_newest_and_touches_nothing_else(tmp_path: Path) -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    names = [backup_name(start + timedelta(days=day)) for day in range(5)]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "notes.txt").write_text("mine")
    removed = rotate(tmp_path, keep=2)
    assert [path.name for path in removed] == names[:3]
    assert sorted(path.name for path in tmp_path.iterdir()) == [*names[3:], "notes.txt"]
