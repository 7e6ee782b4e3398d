"""/export of a large database while other people use the bot.

    .venv/bin/python -m bench.export [--volunteers 100000] [--reports 10000]

The real bot runs as a process against the local Bot API stand-in. Volunteers, hearings,
sign-ups and reports (with their events) are written straight into SQLite; then a
coordinator exports volunteers and reports, as XLSX and as CSV, pressing the buttons,
while 20 volunteers keep asking /hearings.

Printed for each export: rows, seconds from the format button to the file, the file's
size, and the bot process's peak memory growth over its resident size before the first
export (goal: under 100 MB whatever the row count; Linux, from /proc). Then the median and
p99 reply time of the /hearings asked meanwhile. Run on demand, not in CI.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Coroutine
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.common import ROOT, TOKEN, ask_hearings, bot_env, insert_volunteers, migrate
from bot.i18n import Locales
from standin import BotAPIStandin, StandinUser

COORDINATOR = 1
FIRST_ID = 100_000
HEARINGS = 20
ANSWERS = {
    "started_on_time": "yes", "open_to_public": "no", "press_present": "yes",
    "civil_society_spoke": "no", "members_attended": 17, "documents_beforehand": "partly",
    "openness": "4", "main_issue": "Gʻalla narxi va ochiqlik; цены на зерно",
}  # fmt: skip


def seed(database: Path, volunteers: int, reports: int) -> None:
    now = datetime.now(UTC)
    stamp = now.isoformat(timespec="seconds")
    conn = sqlite3.connect(database)
    with conn:
        insert_volunteers(conn, [COORDINATOR, *range(FIRST_ID, FIRST_ID + volunteers)], stamp)
        conn.execute("UPDATE users SET language = 'en' WHERE id = ?", (COORDINATOR,))
        for n in range(HEARINGS):
            starts = (now + timedelta(days=n - HEARINGS // 2)).isoformat(timespec="seconds")
            conn.execute(
                "INSERT INTO hearings (title, chamber, committee, starts_at, address, seats,"
                " created_at, updated_at) VALUES (?, 'senate', 'Budjet qoʻmitasi', ?,"
                " 'Toshkent', 1000, ?, ?)",
                (f"Oʻzbekiston budjeti, eshituv {n + 1}", starts, stamp, stamp),
            )
        authors = range(FIRST_ID, FIRST_ID + reports)
        conn.executemany(
            "INSERT INTO signups (hearing_id, user_id, status, created_at, updated_at)"
            " VALUES (?, ?, 'confirmed', ?, ?)",
            [(1 + i % HEARINGS, user_id, stamp, stamp) for i, user_id in enumerate(authors)],
        )
        answers = json.dumps(ANSWERS, ensure_ascii=False)
        conn.executemany(
            "INSERT INTO reports (hearing_id, user_id, status, form_version, step, answers,"
            " notes, fingerprint, submitted_at, created_at, updated_at)"
            " VALUES (?, ?, 'submitted', 1, 'review', ?, ?, ?, ?, ?, ?)",
            [
                (1 + i % HEARINGS, user_id, answers, "Kuzatuv izohi. " * 20, "ab" * 32,
                 stamp, stamp, stamp)
                for i, user_id in enumerate(authors)
            ],
        )  # fmt: skip
        conn.execute(
            "INSERT INTO report_events (report_id, event, actor_id, at)"
            " SELECT id, 'submitted', user_id, submitted_at FROM reports"
        )
    conn.close()


def memory_kb(pid: int, field: str) -> int:
    """VmRSS (resident now) or VmHWM (the peak so far) of a process, in kB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} for process {pid}")


async def export_once(
    coordinator: StandinUser, tr_: Locales, dataset: str, fmt: str
) -> tuple[float, int, int]:
    """Press through /export; seconds to the (last) file, total bytes, files."""
    tr = tr_.get("en")
    coordinator.drain()
    coordinator.send_text("/export")
    await coordinator.next_message(timeout=30)
    await coordinator.press(tr(f"export-dataset-{dataset}")).answer(timeout=30)
    await coordinator.next_message(timeout=30)
    await coordinator.press(tr("export-filter-all")).answer(timeout=30)
    await coordinator.next_message(timeout=30)
    started = time.perf_counter()
    await coordinator.press(tr(f"export-format-{fmt}")).answer(timeout=30)
    expected = 2 if (dataset, fmt) == ("reports", "csv") else 1
    files: list[int] = []
    while len(files) < expected:
        message = await coordinator.next_message(timeout=900)
        if message.document is not None:
            files.append(len(message.file_bytes()))
    return time.perf_counter() - started, sum(files), len(files)


async def run(volunteers: int, reports: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "bench.sqlite3"
        log = Path(folder) / "bot.log"
        await migrate(database)
        seeded = time.perf_counter()
        seed(database, volunteers, reports)
        print(f"seeded {volunteers} volunteers and {reports} reports"
              f" in {time.perf_counter() - seeded:.1f} s")  # fmt: skip
        locales = Locales("en")
        async with BotAPIStandin(token=TOKEN) as server:
            coordinator = server.user(COORDINATOR, language_code="en")
            askers = [server.user(FIRST_ID + volunteers - 1 - n) for n in range(20)]
            env = bot_env(TELEGRAM_API_URL=server.url, DATABASE_PATH=str(database),
                          ADMIN_IDS=str(COORDINATOR))  # fmt: skip
            with log.open("ab") as out:
                process = await asyncio.create_subprocess_exec(
                    sys.executable, "-m", "bot", cwd=ROOT, stdout=out, stderr=out, env=env
                )
            try:
                # Warm: every asker once, so the baseline is a bot that has answered.
                for asker in askers:
                    asker.send_text("/hearings")
                    await asker.next_message(timeout=60)
                baseline = memory_kb(process.pid, "VmRSS")
                quiet = await ask_hearings_for(askers, 3.0)
                stop = asyncio.Event()
                asking = asyncio.create_task(ask_often(askers, stop))
                results = []
                for dataset, fmt in (("volunteers", "xlsx"), ("volunteers", "csv"),
                                     ("reports", "xlsx"), ("reports", "csv")):  # fmt: skip
                    seconds, size, files = await export_once(coordinator, locales, dataset, fmt)
                    peak = memory_kb(process.pid, "VmHWM")
                    results.append((dataset, fmt, seconds, size, files, peak - baseline))
                stop.set()
                waits = await asking
            finally:
                process.send_signal(signal.SIGTERM)
                await process.wait()
            server.assert_no_violations()
    print(f"bot resident before the exports: {baseline / 1024:.1f} MB")
    print(f"  {'export':<18}{'seconds':>10}{'file MB':>10}{'files':>7}{'peak growth MB':>16}")
    for dataset, fmt, seconds, size, files, growth in results:
        print(f"  {dataset + ' ' + fmt:<18}{seconds:>10.1f}{size / 1e6:>10.1f}{files:>7}"
              f"{growth / 1024:>16.1f}")  # fmt: skip
    print(f"/hearings while idle:      median {statistics.median(quiet) * 1000:.0f} ms,"
          f" p99 {p99(quiet) * 1000:.0f} ms ({len(quiet)} asked)")  # fmt: skip
    print(f"/hearings during exports:  median {statistics.median(waits) * 1000:.0f} ms,"
          f" p99 {p99(waits) * 1000:.0f} ms, max {max(waits) * 1000:.0f} ms"
          f" ({len(waits)} asked)")  # fmt: skip


def ask_often(askers: list[StandinUser], stop: asyncio.Event) -> Coroutine[Any, Any, list[float]]:
    return ask_hearings(askers, stop, pause=0.1, answer_within=60)


async def ask_hearings_for(askers: list[StandinUser], seconds: float) -> list[float]:
    stop = asyncio.Event()
    task = asyncio.create_task(ask_often(askers, stop))
    await asyncio.sleep(seconds)
    stop.set()
    return await task


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--volunteers", type=int, default=100_000)
    parser.add_argument("--reports", type=int, default=10_000)
    args = parser.parse_args()
    asyncio.run(run(args.volunteers, args.reports))


if __name__ == "__main__":
    main()
