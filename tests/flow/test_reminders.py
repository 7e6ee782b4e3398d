"""Reminders: both answers, and restarts that neither lose nor repeat one. The clock is
moved, never waited for."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.i18n import Locales
from standin import BotAPIStandin
from tests.conftest import BotInProcess
from tests.flow.conftest import Person, person, seed_hearing, seed_volunteer


async def sign_up(someone: Person, hearing_id: int) -> None:
    someone.user.send_text(f"/start h{hearing_id}")
    await someone.message()
    someone.user.press_data(f"h:{hearing_id}:signup")
    await someone.user.next_message()  # the card, updated
    await someone.message()  # "signed up" / "waiting"


async def next_reminder(someone: Person) -> str:
    reminder = await someone.message()
    assert (reminder.text or "").startswith("🔔"), reminder.text
    assert reminder.buttons == [someone.tr("reminder-coming"), someone.tr("reminder-not-coming")]
    return reminder.text or ""


@pytest.fixture
def bot_env() -> dict[str, str]:
    return {"ADMIN_IDS": "9000", "REMINDER_OFFSETS": "24h,2h"}


async def test_both_reminder_answers(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    hearing_id = seed_hearing(bot_app, starts_in=timedelta(days=3), seats=1, title="Tax code")
    seed_volunteer(bot_app, 6000, "en")
    seed_volunteer(bot_app, 6001, "ru")
    observer = person(standin, all_locales, 6000, "en")
    waiting = person(standin, all_locales, 6001, "ru")
    await sign_up(observer, hearing_id)
    await sign_up(waiting, hearing_id)

    # A minute short of "a day before": nothing yet. Then the day-before reminder.
    await bot_app.clock.advance(days=1, hours=23, minutes=59)
    await bot_app.expect_silence(observer, waiting)
    await bot_app.clock.advance(minutes=1)
    first = await next_reminder(observer)
    assert "Tax code" in first
    await waiting.user.expect_no_message(within=0.01)  # the waiting list is not reminded
    await observer.presses(observer.tr("reminder-coming"))
    assert (await observer.user.next_message()).edited  # the answered buttons disappear
    await observer.expect("attend-coming", title="Tax code")
    [row] = bot_app.query("SELECT attendance FROM signups WHERE user_id = 6000")
    assert row["attendance"] == "coming"

    await bot_app.clock.advance(hours=22)
    second = await next_reminder(observer)
    assert "Tax code" in second
    await observer.presses(observer.tr("reminder-not-coming"))
    await observer.user.next_message()
    await observer.expect("attend-not-coming", title="Tax code")
    # "I can't come" frees the seat exactly like a cancellation: the next person moves up.
    await waiting.expect("signup-promoted", title="Tax code")
    statuses = bot_app.query("SELECT user_id, status FROM signups ORDER BY id")
    assert [tuple(r) for r in statuses] == [(6000, "cancelled"), (6001, "confirmed")]
    sent = bot_app.query("SELECT count(*) AS n FROM reminders WHERE status = 'sent'")
    assert sent[0]["n"] == 2
    # The hearing begins: nobody is reminded of it any more.
    await bot_app.clock.advance(hours=3)
    await bot_app.expect_silence(observer, waiting)


async def test_a_restart_neither_loses_nor_repeats_a_reminder(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    later = seed_hearing(bot_app, starts_in=timedelta(hours=50), title="Later hearing")
    sooner = seed_hearing(bot_app, starts_in=timedelta(hours=20), title="Sooner hearing")
    seed_volunteer(bot_app, 6100, "uz")
    observer = person(standin, all_locales, 6100, "uz")
    await sign_up(observer, later)
    await sign_up(observer, sooner)
    # Signed up after the 24h mark of the sooner hearing had passed: no late reminder.
    planned = bot_app.query(
        "SELECT hearing_id, offset_seconds FROM reminders ORDER BY hearing_id, offset_seconds"
    )
    assert [tuple(r) for r in planned] == [(later, 7200), (later, 86400), (sooner, 7200)]

    await bot_app.stop()
    # While the bot is down: the sooner hearing's reminder falls due and the hearing
    # begins; the later hearing's 24h reminder falls due, its hearing still ahead.
    await bot_app.clock.advance(hours=27)
    await bot_app.start()

    await bot_app.settle()
    texts = sorted(m.text or "" for m in observer.user.drain())
    # The later hearing's reminder, late but before the hearing; the sooner one has
    # ended meanwhile, so its reminder is dropped and the report nudge comes instead.
    assert len(texts) == 2 and texts[0].startswith("📝") and "Sooner hearing" in texts[0]
    assert texts[1].startswith("🔔") and "Later hearing" in texts[1]
    rows = bot_app.query("SELECT status FROM reminders WHERE hearing_id = ?", (sooner,))
    assert [r["status"] for r in rows] == ["skipped"]

    await bot_app.restart()  # the 24h one is not sent again
    await bot_app.expect_silence(observer)
    await bot_app.clock.advance(hours=21)  # two hours before the later hearing
    text = await next_reminder(observer)
    assert "Later hearing" in text
    await bot_app.restart()
    await bot_app.clock.advance(hours=1)
    await bot_app.expect_silence(observer)
    rows = bot_app.query(
        "SELECT offset_seconds, status FROM reminders WHERE hearing_id = ? ORDER BY 1", (later,)
    )
    assert [tuple(r) for r in rows] == [(7200, "sent"), (86400, "sent")]
    reminders_sent = [
        c for c in standin.calls_to("sendMessage")
        if c.chat_id == 6100 and str(c.params.get("text", "")).startswith("🔔")
    ]  # fmt: skip
    assert len(reminders_sent) == 2


async def test_the_time_left_reads_in_whole_units_even_a_moment_after_the_due_time(
    standin: BotAPIStandin, bot_app: BotInProcess, all_locales: Locales
) -> None:
    hearing_id = seed_hearing(bot_app, starts_in=timedelta(days=3), title="Water law")
    seed_volunteer(bot_app, 6200, "en")
    seed_volunteer(bot_app, 6201, "ru")
    observers = [person(standin, all_locales, 6200, "en"), person(standin, all_locales, 6201, "ru")]
    for observer in observers:
        await sign_up(observer, hearing_id)
    await bot_app.clock.advance(days=2)
    for observer, words in zip(observers, ("24 hours", "24 часа"), strict=True):
        assert words in await next_reminder(observer)
    # The next one is sent a few seconds after its due time (here: a restart just then).
    await bot_app.stop()
    await bot_app.clock.advance(hours=22, seconds=3)
    await bot_app.start()
    for observer, words in zip(observers, ("2 hours", "2 часа"), strict=True):
        assert words in await next_reminder(observer)
