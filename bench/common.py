"""What the benchmarks share: the bot's environment, a migrated database, volunteers."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "123456789:BENCH-token-for-the-stand-in"


def bot_env(**settings: str) -> dict[str, str]:
    """The environment a bot process gets: PATH, the token and the given settings."""
    return {"PATH": os.environ.get("PATH", ""), "BOT_TOKEN": TOKEN, **settings}


async def migrate(database: Path) -> None:
    """Create the schema the way an operator would: `python -m bot migrate`."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "migrate", cwd=ROOT,
        env=bot_env(DATABASE_PATH=str(database)), stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    await process.wait()


def insert_volunteers(conn: sqlite3.Connection, ids: Iterable[int], stamp: str) -> None:
    """Registered volunteers in TK, their languages cycling uz, ru, en."""
    conn.executemany(
        "INSERT INTO users (id, language, full_name, name_key, phone, region,"
        " consent_version, consent_at, registered_at, created_at, updated_at)"
        " VALUES (?, ?, 'Bench Volunteer', 'bench volunteer', '+998901234567', 'TK',"
        " 'bench', ?, ?, ?, ?)",
        [(user_id, ("uz", "ru", "en")[user_id % 3], stamp, stamp, stamp, stamp) for user_id in ids],
    )
