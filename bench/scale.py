"""The same mix at 1,000 and at 100,000 volunteers: does anything grow with the crowd?

    .venv/bin/python -m bench.scale [--small 1000] [--large 100000] [--people 50]

Two databases are seeded straight into SQLite: `--small` and `--large` registered
volunteers, each with 1,000 hearings (half over, half ahead), 10,000 submitted reports
on the past ones and 20,000 pending reminders on the coming ones. For each, the real bot
starts as a process against the local Bot API stand-in and `--people` people at once run
bench/throughput's mix (one round; 10% of them register first). Printed per size:

- startup: from starting the process to its first reply (it migrates, reschedules every
  pending reminder, polls), less the same for the bare aiogram bot (importing aiogram
  and polling), measured in the same run;
- the mix's updates per second and p50/p99 reply time;
- the bot's resident memory after the mix (Linux, /proc);
- resolving a broadcast to everyone (count, then queue each recipient), in this process
  on the same file: seconds and Python memory peak (tracemalloc).

The goals (issue 15) are the ratios large/small: reply time ≤ 1.2, memory ≤ 1.3, and
startup at the large size ≤ 2 s beyond aiogram's. Run on demand, not in CI.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench import throughput
from bench.common import TOKEN, migrate
from bot.db import Database
from bot.repositories.audit import AuditRepository
from bot.repositories.broadcasts import Audience, BroadcastRepository
from bot.services import broadcasts as broadcast_rules
from standin import BotAPIStandin

HEARINGS = 1_000
REPORTS = 10_000
REMINDERS = 20_000


def seed(database: Path, volunteers: int) -> None:
    """Volunteers (the bench's people among them), hearings, reports and reminders."""
    now = datetime.now(UTC)
    stamp = now.isoformat(timespec="seconds")
    throughput.seed(database, volunteers, hearings=0)
    first = throughput.VOLUNTEERS_FROM
    conn = sqlite3.connect(database)
    with conn:
        past, ahead = HEARINGS // 2, HEARINGS - HEARINGS // 2
        rows = []
        for n in range(HEARINGS):
            # The coming ones first, so that the mix's hearing ids 1-10 are ahead.
            days = 1 + n % 300 if n < ahead else -(1 + n % 300)
            starts = (now + timedelta(days=days, hours=n % 7)).isoformat(timespec="seconds")
            rows.append((f"Oʻzbekiston budjeti, eshituv {n + 1}", starts, stamp, stamp))
        conn.executemany(
            "INSERT INTO hearings (title, chamber, committee, starts_at, address, seats,"
            " created_at, updated_at) VALUES (?, 'senate', 'Budjet qoʻmitasi', ?, 'Toshkent',"
            " 100000, ?, ?)",
            rows,
        )
        # Reports on past hearings: each (hearing, author) pair once.
        authors = [
            (ahead + 1 + i % past, first + (i // past + i) % volunteers) for i in range(REPORTS)
        ]
        conn.executemany(
            "INSERT INTO signups (hearing_id, user_id, status, created_at, updated_at)"
            " VALUES (?, ?, 'confirmed', ?, ?)",
            [(hearing, user, stamp, stamp) for hearing, user in authors],
        )
        conn.executemany(
            "INSERT INTO reports (hearing_id, user_id, status, form_version, step, answers,"
            " notes, submitted_at, created_at, updated_at)"
            " VALUES (?, ?, 'submitted', 1, 'review', '{}', 'Izoh.', ?, ?, ?)",
            [(hearing, user, stamp, stamp, stamp) for hearing, user in authors],
        )
        # Pending reminders: sign-ups to coming hearings with two reminders each (beyond
        # the first ten hearings, which the mix signs up for and leaves).
        seated = [
            (11 + i % (ahead - 10), first + (i // (ahead - 10) + i) % volunteers)
            for i in range(REMINDERS // 2)
        ]
        conn.executemany(
            "INSERT INTO signups (hearing_id, user_id, status, created_at, updated_at)"
            " VALUES (?, ?, 'confirmed', ?, ?)",
            [(hearing, user, stamp, stamp) for hearing, user in seated],
        )
        starts_at = dict(conn.execute("SELECT id, starts_at FROM hearings").fetchall())
        reminders = []
        for hearing, user in seated:
            at = datetime.fromisoformat(starts_at[hearing])
            for offset in (timedelta(hours=24), timedelta(hours=2)):
                due = (at - offset).isoformat(timespec="seconds")
                reminders.append((hearing, user, int(offset.total_seconds()), due))
        conn.executemany(
            "INSERT INTO reminders (hearing_id, user_id, offset_seconds, due_at)"
            " VALUES (?, ?, ?, ?)",
            reminders,
        )
    conn.close()


@dataclass(slots=True)
class Size:
    volunteers: int
    startup: float = 0.0
    rate: float = 0.0
    p50: float = 0.0
    p99: float = 0.0
    rss_mb: float = 0.0
    audience: int = 0
    audience_seconds: float = 0.0
    audience_peak_mb: float = 0.0


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def resolve_everyone(database: Path) -> tuple[int, float, float]:
    """Queue a broadcast to everyone as /broadcast does; recipients, seconds, peak MB."""
    db = Database(database)
    await db.connect()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        async with db.unit_of_work() as uow:
            _, recipients = await broadcast_rules.create(
                BroadcastRepository(uow),
                AuditRepository(uow),
                author_id=throughput.ADMIN,
                from_chat_id=throughput.ADMIN,
                message_id=1,
                audience=Audience(),
                admin_ids=[throughput.ADMIN],
                scheduled_for=None,
                now=datetime.now(UTC),
            )
            seconds = time.perf_counter() - started
            await uow.rollback()  # measured; not to be sent
        peak = tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
        await db.close()
    return recipients, seconds, peak


async def bare_startup(database: Path) -> float:
    async with BotAPIStandin(token=TOKEN) as server:
        process, ready = await throughput.start_bot(
            server, [sys.executable, "bench/bare_bot.py"], {"DATABASE_PATH": str(database)}
        )
        await throughput.stop_bot(process)
    return ready


async def measure(volunteers: int, people: int, folder: Path) -> tuple[Size, float]:
    database = folder / f"scale-{volunteers}.sqlite3"
    await migrate(database)
    seed(database, volunteers)
    size = Size(volunteers)
    bare = await bare_startup(database)
    async with BotAPIStandin(token=TOKEN) as server:
        process, ready = await throughput.start_bot(
            server,
            [sys.executable, "-m", "bot"],
            {"DATABASE_PATH": str(database), "ADMIN_IDS": str(throughput.ADMIN)},
        )
        size.startup = ready - bare
        try:
            replies = await throughput.calibrate(
                server,
                throughput._scripts(1),
                [throughput.CALIBRATION_FROM, throughput.NEWCOMERS_FROM - 1],
            )
            outcome = await throughput.run_mix(server, people, 1, replies)
            size.rss_mb = resident_mb(process.pid)
        finally:
            await throughput.stop_bot(process)
        server.assert_no_violations()
    size.rate = outcome.updates / outcome.seconds
    size.p50 = statistics.median(outcome.waits)
    size.p99 = throughput.percentile(outcome.waits, 0.99)
    size.audience, size.audience_seconds, size.audience_peak_mb = await resolve_everyone(database)
    return size, bare


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=50)
    args = parser.parse_args()
    sizes: list[Size] = []
    with tempfile.TemporaryDirectory() as folder:
        for volunteers in (args.small, args.large):
            size, bare = await measure(volunteers, args.people, Path(folder))
            sizes.append(size)
            print(
                f"{volunteers:>7} volunteers: startup {size.startup:5.2f} s beyond aiogram's"
                f" ({bare:.2f} s); mix {size.rate:4.0f} updates/s, reply p50"
                f" {size.p50 * 1000:5.0f} ms p99 {size.p99 * 1000:5.0f} ms; RSS"
                f" {size.rss_mb:5.1f} MB; broadcast to {size.audience:,}:"
                f" {size.audience_seconds:5.2f} s, peak {size.audience_peak_mb:4.1f} MB",
                flush=True,
            )
    small, large = sizes
    print(
        f"large/small: reply p50 {large.p50 / small.p50:4.2f}, p99 {large.p99 / small.p99:4.2f},"
        f" updates/s {large.rate / small.rate:4.2f}, memory {large.rss_mb / small.rss_mb:4.2f}"
    )


if __name__ == "__main__":
    asyncio.run(main())
