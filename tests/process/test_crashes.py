"""A SIGKILL in the middle of sending: what was claimed is never sent twice, what was
not is sent after the restart. Only a real process can be killed like this."""

from __future__ import annotations

import signal
from datetime import timedelta
from pathlib import Path

import pytest

from bot.clock import SYSTEM_CLOCK
from bot.db import Database
from bot.i18n import Locales
from bot.jobs.broadcasts import IN_FLIGHT
from bot.repositories.columns import utc_text
from standin import BotAPIStandin
from tests.conftest import ADMIN_ID
from tests.flow.conftest import seat, seed_hearing, seed_volunteer
from tests.flow.test_broadcast import (
    delivered,
    ended,
    send_to_everyone,
    status_of,
    the_admin,
    until,
    volunteers,
)
from tests.process.conftest import BotProcess


@pytest.mark.parametrize("bot_env", [{"ADMIN_IDS": str(ADMIN_ID), "BROADCAST_RATE": "20"}])
async def test_a_killed_bot_resumes_a_broadcast_without_skipping_anyone(
    standin: BotAPIStandin, bot_process: BotProcess, all_locales: Locales
) -> None:
    coordinator = the_admin(standin, bot_process, all_locales, "en")
    recipients = list(range(2001, 2101))
    volunteers(standin, bot_process, recipients, "ru")
    broadcast_id = await send_to_everyone(coordinator, len(recipients) + 1)
    await until(lambda: sum(delivered(standin).values()) >= 30)
    await bot_process.stop(signal.SIGKILL)
    before = sum(delivered(standin).values())
    await bot_process.start()
    await ended(bot_process, broadcast_id, timeout=60)
    got = delivered(standin)
    assert set(got) == set(recipients)  # nobody skipped
    duplicates = sum(n - 1 for n in got.values())
    assert duplicates <= IN_FLIGHT, duplicates  # only sends in flight at the kill
    assert before < len(recipients)
    assert "broadcast resumed after a restart" in bot_process.log()
    assert status_of(bot_process, broadcast_id) == "done"


async def test_a_bot_killed_mid_reminder_never_sends_one_twice(
    standin: BotAPIStandin, tmp_path: Path
) -> None:
    bot_process = BotProcess(standin, tmp_path, BROADCAST_RATE="8")
    database = Database(bot_process.database)
    await database.connect()
    await database.migrate()
    await database.close()
    # Reminders already due (the bot was down at their time, the hearing is still ahead);
    # the pace, 8 a second, keeps the job sending when the kill comes.
    hearing_id = seed_hearing(bot_process, starts_in=timedelta(hours=3), seats=40)
    people = range(7001, 7021)
    for user_id in people:
        seed_volunteer(bot_process, user_id, "en")
        standin.user(user_id, first_name=f"V{user_id}")
        seat(bot_process, hearing_id, user_id)
        bot_process.write(
            "INSERT INTO reminders (hearing_id, user_id, offset_seconds, due_at, status)"
            " VALUES (?, ?, 7200, ?, 'pending')",
            (hearing_id, user_id, utc_text(SYSTEM_CLOCK.now() - timedelta(minutes=1))),
        )

    def reminded() -> list[int]:
        return [
            int(c.params["chat_id"]) for c in standin.calls_to("sendMessage")
            if str(c.params.get("text", "")).startswith("🔔")
        ]  # fmt: skip

    await bot_process.start()
    await until(lambda: len(reminded()) >= 5)
    await bot_process.stop(signal.SIGKILL)
    await bot_process.start()
    await until(
        lambda: (
            not bot_process.query("SELECT 1 FROM reminders WHERE status IN ('pending', 'sending')")
        ),
        timeout=60,
    )
    assert await bot_process.stop() == 0
    sent = reminded()
    assert len(sent) == len(set(sent)), "a reminder went out twice"
    statuses = {
        str(r[0]): int(r[1])
        for r in bot_process.query("SELECT status, count(*) FROM reminders GROUP BY status")
    }
    # A reminder claimed at the kill is abandoned (logged, never resent); the rest went out.
    abandoned = len(people) - statuses["sent"]
    assert abandoned <= 1 and set(sent) <= set(people) and len(sent) >= len(people) - 1
    assert ("reminders left mid-send by a crash" in bot_process.log()) == (abandoned == 1)
