"""A broadcast to many volunteers under Telegram's limits and failures, with and without a kill.

    .venv/bin/python -m bench.broadcast [--recipients 10000] [--rate 25]

The real bot runs as a process against the local Bot API stand-in, which enforces
Telegram's flood limits (one message a second per chat, 30 a second overall) and answers
some sends with 429, 403 (blocked) and 502. A broadcast to everyone is queued in the
database as the /broadcast handler would queue it, and the bot sends it from start. Run
twice: once straight through, once killed with SIGKILL halfway and started again.

Printed for each run: the delivery rate as a fraction of BROADCAST_RATE, recipients
reached exactly once, skipped (reachable but never got it) and duplicated, and how long
volunteers waited for a /hearings answer while the broadcast was sending. Run on demand,
not in CI.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import signal
import sqlite3
import statistics
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import ROOT, TOKEN, ask_hearings, bot_env, insert_volunteers, migrate
from bot.jobs.broadcasts import IN_FLIGHT
from standin import BotAPIStandin

COORDINATOR = 1
SENDS = {"copyMessage", "sendMessage", "sendPhoto", "sendDocument"}
FIRST_ID = 100_000


@dataclass
class Plan:
    """Who fails how: the same for both runs (a fixed random seed)."""

    recipients: list[int]
    blocked: set[int]
    flaky: set[int]  # one 502, then fine
    broken: set[int]  # 502 every time: recorded as failed after the retries
    limited: set[int]  # one injected 429 each

    @property
    def reachable(self) -> set[int]:
        return set(self.recipients) - self.blocked - self.broken


def make_plan(count: int) -> Plan:
    rng = random.Random(20261129)
    recipients = list(range(FIRST_ID, FIRST_ID + count))
    shuffled = rng.sample(recipients, len(recipients))
    one_percent = max(1, count // 100)
    return Plan(
        recipients=recipients,
        blocked=set(shuffled[:one_percent]),
        flaky=set(shuffled[one_percent : one_percent + one_percent // 2]),
        broken=set(shuffled[one_percent * 2 : one_percent * 2 + max(1, one_percent // 20)]),
        limited=set(shuffled[one_percent * 3 : one_percent * 3 + max(1, one_percent // 10)]),
    )


def seed(database: Path, plan: Plan, source_message_id: int) -> None:
    """Volunteers, a hearing, and a broadcast queued to everyone with its outbox."""
    now = datetime.now(UTC)
    stamp = now.isoformat(timespec="seconds")
    conn = sqlite3.connect(database)
    with conn:
        insert_volunteers(conn, [COORDINATOR, *plan.recipients], stamp)
        conn.execute(
            "INSERT INTO hearings (title, chamber, committee, starts_at, address, seats,"
            " created_at, updated_at) VALUES ('Budget hearing', 'senate', 'Budget committee',"
            " ?, 'Tashkent', 20, ?, ?)",
            ((now + timedelta(days=2)).isoformat(timespec="seconds"), stamp, stamp),
        )
        broadcast = conn.execute(
            "INSERT INTO broadcasts (author_id, from_chat_id, message_id, audience, status,"
            " total, created_at, queued_at) VALUES (?, ?, ?, '{}', 'queued', ?, ?, ?)",
            (COORDINATOR, COORDINATOR, source_message_id, len(plan.recipients), stamp, stamp),
        ).lastrowid
        conn.executemany(
            "INSERT INTO deliveries (broadcast_id, user_id) VALUES (?, ?)",
            [(broadcast, user_id) for user_id in plan.recipients],
        )
    conn.close()


def pending(database: Path) -> int:
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM deliveries WHERE status = 'pending'")
                   .fetchone()[0])  # fmt: skip
    finally:
        conn.close()


async def start_bot(
    server: BotAPIStandin, env: dict[str, str], log: Path
) -> asyncio.subprocess.Process:
    with log.open("ab") as out:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=ROOT, stdout=out, stderr=out,
            env=bot_env(TELEGRAM_API_URL=server.url, **env),
        )  # fmt: skip


async def run(
    plan: Plan, rate: float, kill_at: float | None, limit: float = 30.0
) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "bench.sqlite3"
        log = Path(folder) / "bot.log"
        env = {"DATABASE_PATH": str(database), "BROADCAST_RATE": str(rate)}
        await migrate(database)
        async with BotAPIStandin(token=TOKEN) as server:
            # Telegram's limits; short bursts in one chat pass, as they do there.
            server.enforce_rate_limits(per_chat_per_second=1, global_per_second=limit, burst=5)
            coordinator = server.user(COORDINATOR, language_code="en")
            source = coordinator.send_text("📣 Hearing on the 2027 budget: sign up in the bot!")
            seed(database, plan, int(source["message_id"]))
            for user_id in plan.recipients:
                server.user(user_id)
            for user_id in plan.blocked:
                server.block(user_id)
            for user_id in plan.flaky:
                server.fail_next("copyMessage", 502, chat_id=user_id)
            for user_id in plan.broken:
                server.fail_next("copyMessage", 502, times=100, chat_id=user_id)
            for user_id in plan.limited:
                server.fail_next("copyMessage", 429, retry_after=1, chat_id=user_id)

            process = await start_bot(server, env, log)
            # Start asking once the bot is up and sending (polling the stand-in's log).
            while not any(c.ok for c in server.calls_to("copyMessage")):  # noqa: ASYNC110
                await asyncio.sleep(0.05)
            askers = [server.user(user_id) for user_id in sorted(plan.reachable)[:20]]
            stop_asking, down = asyncio.Event(), asyncio.Event()
            asking = asyncio.create_task(
                ask_hearings(askers, stop_asking, pause=0.5, answer_within=30, down=down)
            )
            killed = 0
            total = len(plan.recipients)
            while pending(database) > 0:
                if process.returncode is not None:
                    raise RuntimeError(f"bot exited:\n{log.read_text()[-3000:]}")
                done = total - pending(database)
                if kill_at is not None and not killed and done >= total * kill_at:
                    down.set()
                    process.send_signal(signal.SIGKILL)
                    await process.wait()
                    killed = done
                    process = await start_bot(server, env, log)
                    sent = len(server.calls_to("copyMessage"))
                    while len(server.calls_to("copyMessage")) == sent:  # noqa: ASYNC110
                        await asyncio.sleep(0.05)  # up again and sending
                    await asyncio.sleep(1.0)  # the question in flight at the kill is answered
                    down.clear()
                await asyncio.sleep(0.2)
            stop_asking.set()
            waits = await asking
            process.send_signal(signal.SIGTERM)
            await process.wait()
            server.assert_no_violations()

            copies = [
                c for c in server.calls_to("copyMessage") if c.params["chat_id"] != COORDINATOR
            ]
            ok = [c for c in copies if c.ok]
            got = Counter(int(c.params["chat_id"]) for c in ok)
            elapsed = ok[-1].at - ok[0].at
            # Telegram's limit counts every message the bot sends: the broadcast's copies
            # and the replies to the volunteers asking meanwhile share it.
            bot_sends = [
                c for c in server.calls
                if c.ok and c.method in SENDS and ok[0].at <= c.at <= ok[-1].at
            ]  # fmt: skip
            reachable = plan.reachable
            return {
                "recipients": total,
                "killed after": killed or "-",
                "elapsed s": round(elapsed, 1),
                "delivered/s": round(len(ok) / elapsed, 2),
                "rate fraction": round(len(ok) / elapsed / rate, 3),
                "of min(rate, limit)": round(len(ok) / elapsed / min(rate, limit), 3),
                "all sends/s": round(len(bot_sends) / elapsed, 2),
                "all sends of min(rate, limit)": round(
                    len(bot_sends) / elapsed / min(rate, limit), 3
                ),
                "requests": len(copies),
                "429 answers": sum(c.status == 429 for c in copies),
                "exactly once": sum(1 for user_id in reachable if got[user_id] == 1),
                "skipped": sum(1 for user_id in reachable if got[user_id] == 0),
                "duplicated": sum(1 for n in got.values() if n > 1),
                "unreachable (blocked)": len(plan.blocked),
                "failed (always 502)": len(plan.broken),
                "/hearings wait median s": round(statistics.median(waits), 3) if waits else "-",
                "/hearings wait max s": round(max(waits), 3) if waits else "-",
            }


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=25.0, help="BROADCAST_RATE")
    parser.add_argument(
        "--telegram-limit", type=float, default=30.0, help="the stand-in's global sends/s"
    )
    parser.add_argument("--no-kill", action="store_true", help="only the straight run")
    args = parser.parse_args()
    plan = make_plan(args.recipients)
    results = {"straight through": await run(plan, args.rate, None, args.telegram_limit)}
    if not args.no_kill:
        results["SIGKILL at half"] = await run(plan, args.rate, 0.5, args.telegram_limit)
    print(f"broadcast to {args.recipients} volunteers at BROADCAST_RATE={args.rate:g};"
          f" a kill may duplicate at most {IN_FLIGHT} sends")  # fmt: skip
    keys = list(next(iter(results.values())))
    print(f"  {'':<26}" + "".join(f"{name:>18}" for name in results))
    for key in keys:
        print(f"  {key:<26}" + "".join(f"{results[name][key]!s:>18}" for name in results))


if __name__ == "__main__":
    asyncio.run(main())
