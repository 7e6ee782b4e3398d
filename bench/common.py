"""What the benchmarks share: the bot's environment, a migrated database, volunteers."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from standin import StandinUser

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "123456789:BENCH-token-for-the-stand-in"


def bot_env(**settings: str) -> dict[str, str]:
    """The environment a bot process gets: PATH, the token and the given settings."""
    # Health and metrics on a free port: several bots may run at once.
    return {
        "PATH": os.environ.get("PATH", ""), "BOT_TOKEN": TOKEN, "HEALTH_LISTEN": "127.0.0.1:0",
        **settings,
    }  # fmt: skip


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


async def ask_hearings(
    askers: list[StandinUser],
    stop: asyncio.Event,
    *,
    pause: float,
    answer_within: float,
    down: asyncio.Event | None = None,
) -> list[float]:
    """Volunteers ask for /hearings in turn, `pause` seconds apart, while something else
    runs; how long each answer takes. Broadcast copies arriving meanwhile are not the
    answer; questions asked while the bot is `down` (killed, restarting) are not counted:
    they would measure the restart."""
    waits: list[float] = []
    turn = 0
    while not stop.is_set():
        asker = askers[turn % len(askers)]
        turn += 1
        asker.drain()
        asked = time.perf_counter()
        asker.send_text("/hearings")
        try:
            while (await asker.next_message(timeout=answer_within)).method == "copyMessage":
                pass
        except TimeoutError:
            waits.append(answer_within)
            continue
        if down is None or not down.is_set():
            waits.append(time.perf_counter() - asked)
        await asyncio.sleep(pause)
    return waits
