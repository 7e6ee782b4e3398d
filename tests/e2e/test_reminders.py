"""Reminders end to end: both answers, and restarts that neither lose nor repeat one."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

import pytest

from bot.i18n import Locales
from standin import BotAPIStandin
from tests.conftest import BotProcess
from tests.e2e.conftest import Person, person, seed_hearing, seed_volunteer


async def sign_up(someone: Person, hearing_id: int) -> None:
    someone.user.send_text(f"/start h{hearing_id}")
    await someone.message()
    someone.user.press_data(f"h:{hearing_id}:signup")
    await someone.user.next_message()  # the card, updated
    await someone.message()  # "signed up" / "waiting"


async def next_reminder(someone: Person, timeout: float = 15.0) -> str:
    reminder = await someone.message(timeout=timeout)
    assert (reminder.text or "").startswith("🔔"), reminder.text
    assert reminder.buttons == [someone.tr("reminder-coming"), someone.tr("reminder-not-coming")]
    return reminder.text or ""


@pytest.fixture
def bot_env() -> dict[str, str]:
    return {"ADMIN_IDS": "9000", "REMINDER_OFFSETS": "8s,4s"}


async def test_both_reminder_answers(
    standin: BotAPIStandin, bot_process: BotProcess, all_locales: Locales
) -> None:
    hearing_id = seed_hearing(
        bot_process, starts_in=timedelta(seconds=16), seats=1, title="Tax code"
    )
    seed_volunteer(bot_process, 6000, "en")
    seed_volunteer(bot_process, 6001, "ru")
    observer = person(standin, all_locales, 6000, "en")
    waiting = person(standin, all_locales, 6001, "ru")
    await sign_up(observer, hearing_id)
    await sign_up(waiting, hearing_id)

    first = await next_reminder(observer)
    assert "Tax code" in first and "seconds" in first
    await observer.presses(observer.tr("reminder-coming"))
    assert (await observer.user.next_message()).edited  # the answered buttons disappear
    await observer.expect("attend-coming", title="Tax code")
    [row] = bot_process.query("SELECT attendance FROM signups WHERE user_id = 6000")
    assert row["attendance"] == "coming"

    second = await next_reminder(observer)
    assert "seconds" in second
    await observer.presses(observer.tr("reminder-not-coming"))
    await observer.user.next_message()
    await observer.expect("attend-not-coming", title="Tax code")
    # "I can't come" frees the seat exactly like a cancellation: the next person moves up.
    await waiting.expect("signup-promoted", title="Tax code")
    statuses = bot_process.query("SELECT user_id, status FROM signups ORDER BY id")
    assert [tuple(r) for r in statuses] == [(6000, "cancelled"), (6001, "confirmed")]
    sent = bot_process.query("SELECT count(*) AS n FROM reminders WHERE status = 'sent'")
    assert sent[0]["n"] == 2


class TestRestarts:
    @pytest.fixture
    def bot_env(self) -> dict[str, str]:
        return {"ADMIN_IDS": "9000", "REMINDER_OFFSETS": "20s,8s"}

    async def test_a_restart_neither_loses_nor_repeats_a_reminder(
        self, standin: BotAPIStandin, bot_process: BotProcess, all_locales: Locales
    ) -> None:
        t0 = time.monotonic()
        later = seed_hearing(bot_process, starts_in=timedelta(seconds=40), title="Later hearing")
        sooner = seed_hearing(bot_process, starts_in=timedelta(seconds=16), title="Sooner hearing")
        seed_volunteer(bot_process, 6100, "uz")
        observer = person(standin, all_locales, 6100, "uz")
        await sign_up(observer, later)
        await sign_up(observer, sooner)
        # Signed up after the 20s mark of the sooner hearing had passed: no late reminder.
        planned = bot_process.query(
            "SELECT hearing_id, offset_seconds FROM reminders ORDER BY hearing_id, offset_seconds"
        )
        assert [tuple(r) for r in planned] == [(later, 8), (later, 20), (sooner, 8)]

        await bot_process.stop()
        # While the bot is down: the sooner hearing's reminder falls due and the hearing
        # begins; the later hearing's 20s reminder falls due, its hearing still ahead.
        await asyncio.sleep(max(0.0, t0 + 21 - time.monotonic()))
        await bot_process.start()

        text = await next_reminder(observer)
        assert "Later hearing" in text  # sent on start, late but before the hearing
        await observer.user.expect_no_message(within=1.0)
        rows = bot_process.query("SELECT status FROM reminders WHERE hearing_id = ?", (sooner,))
        assert [r["status"] for r in rows] == ["skipped"]

        text = await next_reminder(observer, timeout=20)  # the 8s one, on time
        assert "Later hearing" in text
        await bot_process.restart()
        await observer.user.expect_no_message(within=2.0)
        rows = bot_process.query(
            "SELECT offset_seconds, status FROM reminders WHERE hearing_id = ? ORDER BY 1", (later,)
        )
        assert [tuple(r) for r in rows] == [(8, "sent"), (20, "sent")]
        reminders_sent = [
            c for c in standin.calls_to("sendMessage")
            if c.chat_id == 6100 and str(c.params.get("text", "")).startswith("🔔")
        ]  # fmt: skip
        assert len(reminders_sent) == 2
