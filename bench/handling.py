"""Handling throughput of the real bot relative to a bare aiogram bot, on one stand-in.

    .venv/bin/python -m bench.handling [--users 200] [--messages 5]

Both bots run as processes against the same local Bot API stand-in over HTTP. Each
simulated user sends commands; the time from the first message to the last reply is
measured, and the ratio real/bare printed (1.0 means no overhead over the framework).
The real bot answers /hearings from registered volunteers: a database read, a page of
hearings rendered in the person's language, and a keyboard. Run on demand, not in CI.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import ROOT, TOKEN, bot_env, insert_volunteers, migrate
from standin import BotAPIStandin


def seed(database: Path, users: int) -> None:
    """Registered volunteers and a few upcoming hearings, straight into SQLite."""
    now = datetime.now(UTC)
    stamp = now.isoformat(timespec="seconds")
    conn = sqlite3.connect(database)
    with conn:
        insert_volunteers(conn, range(10_000, 10_000 + users), stamp)
        conn.executemany(
            "INSERT INTO hearings (title, chamber, committee, starts_at, address, seats,"
            " created_at, updated_at) VALUES (?, 'senate', 'Budget committee', ?, 'Tashkent',"
            " 20, ?, ?)",
            [
                (
                    f"Hearing {n}",
                    (now + timedelta(days=n + 1)).isoformat(timespec="seconds"),
                    stamp,
                    stamp,
                )
                for n in range(8)
            ],
        )
    conn.close()


async def run_bot(
    server: BotAPIStandin, command: list[str], env: dict[str, str]
) -> asyncio.subprocess.Process:
    process = await asyncio.create_subprocess_exec(
        *command,
        cwd=ROOT,
        env=bot_env(TELEGRAM_API_URL=server.url, **env),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    # Ready when it polls: a ping message comes back.
    ping = server.user(1, language_code="en")
    ping.send_text("/help")
    await ping.next_message(timeout=60)
    ping.drain()
    return process


async def measure(server: BotAPIStandin, users: int, messages: int, text: str) -> float:
    people = [server.user(10_000 + i) for i in range(users)]
    for person in people:
        person.drain()
    started = time.perf_counter()
    for _ in range(messages):
        for person in people:
            person.send_text(text)
    for person in people:
        for _ in range(messages):
            await person.next_message(timeout=120)
    return time.perf_counter() - started


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--messages", type=int, default=5)
    args = parser.parse_args()
    total = args.users * args.messages
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "bench.sqlite3"
        subprocess_env = {"DATABASE_PATH": str(database)}
        await migrate(database)
        seed(database, args.users)
        for name, command, text in (
            ("bare aiogram echo", [sys.executable, "bench/bare_bot.py"], "/hearings"),
            ("hearing bot /hearings", [sys.executable, "-m", "bot"], "/hearings"),
        ):
            async with BotAPIStandin(token=TOKEN) as server:
                process = await run_bot(server, command, subprocess_env)
                try:
                    results[name] = await measure(server, args.users, args.messages, text)
                finally:
                    process.terminate()
                    await process.wait()
                server.assert_no_violations()
    bare = results["bare aiogram echo"]
    print(f"{total} messages from {args.users} users")
    for name, seconds in results.items():
        print(
            f"  {name:<24} {seconds:6.2f} s  {total / seconds:7.0f} msg/s"
            f"  ratio {seconds / bare:5.2f}"
        )


if __name__ == "__main__":
    asyncio.run(main())
