"""The clocks: the system's `Clock`, and `ManualClock` driving a real, paused APScheduler.

The scheduler is started paused, as the bot starts it under a `ManualClock`, so only the
clock's moves run jobs; nothing here waits on a timer.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

import bot.clock
from bot.clock import SYSTEM_CLOCK, Clock, ManualClock

TASHKENT = ZoneInfo("Asia/Tashkent")
# A Monday morning in Tashkent; in the past, so an unpaused scheduler would fire at once.
START = datetime(2025, 3, 3, 9, 0, tzinfo=TASHKENT)
# The guard against a test that would otherwise hang on a broken `pause`.
HANG_GUARD_SECONDS = 30


# --- Clock ------------------------------------------------------------------------------


def test_system_clock_now_is_aware_utc() -> None:
    before = datetime.now(UTC)
    now = SYSTEM_CLOCK.now()
    called = SYSTEM_CLOCK()
    after = datetime.now(UTC)

    assert isinstance(SYSTEM_CLOCK, Clock)
    assert now.tzinfo is UTC
    assert called.tzinfo is UTC
    assert before <= now <= called <= after
    assert SYSTEM_CLOCK.starts_scheduler_paused() is False


async def test_clock_pause_without_interrupt_returns_false() -> None:
    assert await Clock().pause(0.01) is False


async def test_clock_pause_that_runs_out_returns_false() -> None:
    interrupt = asyncio.Event()

    assert await Clock().pause(0.01, interrupt) is False
    assert not interrupt.is_set()


async def test_clock_pause_with_interrupt_already_set_returns_true() -> None:
    interrupt = asyncio.Event()
    interrupt.set()

    assert await Clock().pause(0.01, interrupt) is True


async def test_clock_pause_interrupted_early_returns_true() -> None:
    interrupt = asyncio.Event()
    pausing = asyncio.create_task(Clock().pause(3600, interrupt))
    await asyncio.sleep(0)  # the pause is waiting now
    assert not pausing.done()

    interrupt.set()

    # An hour-long back-off ends as soon as it is interrupted (the guard only stops a hang).
    assert await asyncio.wait_for(pausing, HANG_GUARD_SECONDS) is True


async def test_clock_pause_lets_a_cancellation_through() -> None:
    pausing = asyncio.create_task(Clock().pause(3600, asyncio.Event()))
    await asyncio.sleep(0)

    pausing.cancel()

    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(pausing, HANG_GUARD_SECONDS)


# --- ManualClock without a scheduler -----------------------------------------------------


def test_manual_clock_starts_where_told_in_utc_and_stands_still() -> None:
    clock = ManualClock(START)

    assert clock.now() == START
    assert clock.now().tzinfo is UTC
    assert clock() == clock.now()
    assert clock.now() == START  # reading it twice does not move it
    assert clock.starts_scheduler_paused() is True


def test_manual_clock_without_a_start_begins_now_in_utc() -> None:
    before = datetime.now(UTC)
    clock = ManualClock()
    after = datetime.now(UTC)

    assert clock.now().tzinfo is UTC
    assert before <= clock.now() <= after


async def test_manual_clock_moves_only_when_told() -> None:
    clock = ManualClock(START)

    assert await clock.advance(timedelta(minutes=90)) == 0
    assert clock.now() == START + timedelta(minutes=90)
    assert await clock.advance(hours=1, minutes=30) == 0
    assert clock.now() == START + timedelta(hours=3)
    assert await clock.move_to(START + timedelta(days=2)) == 0
    assert clock.now() == START + timedelta(days=2)
    assert clock.now().tzinfo is UTC


async def test_manual_clock_pause_takes_no_time_and_reports_the_interrupt() -> None:
    clock = ManualClock(START)
    interrupt = asyncio.Event()

    assert await clock.pause(3600) is False
    assert await clock.pause(3600, interrupt) is False
    interrupt.set()
    assert await clock.pause(3600, interrupt) is True
    assert clock.now() == START


async def test_moving_backwards_raises_and_leaves_the_clock_alone() -> None:
    clock = ManualClock(START)

    with pytest.raises(ValueError, match="forward"):
        await clock.advance(timedelta(seconds=-1))
    with pytest.raises(ValueError, match="forward"):
        await clock.advance(hours=-2)
    assert clock.now() == START


# --- ManualClock driving APScheduler ------------------------------------------------------


class Recorder:
    """Job functions that write down which job ran and what the clock said."""

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self.runs: list[tuple[str, datetime]] = []

    def sync(self, name: str) -> None:
        self.runs.append((name, self.clock.now()))

    async def async_(self, name: str) -> None:
        await asyncio.sleep(0)  # a real suspension point, as a job talking to Telegram has
        self.runs.append((name, self.clock.now()))

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.runs]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
async def scheduler(clock: ManualClock) -> AsyncIterator[AsyncIOScheduler]:
    """A real scheduler, started paused and driven by the clock, as the bot runs it."""
    scheduler = AsyncIOScheduler(timezone=TASHKENT)
    scheduler.start(paused=True)
    clock.attach(scheduler)
    yield scheduler
    if scheduler.running:
        scheduler.shutdown(wait=False)
        await asyncio.sleep(0)  # AsyncIOScheduler shuts down on the loop's next turn


@pytest.fixture
def recorder(clock: ManualClock) -> Recorder:
    return Recorder(clock)


def at(**parts: float) -> datetime:
    """A moment after START, in UTC (as the bot's repositories hand times around)."""
    return (START + timedelta(**parts)).astimezone(UTC)


def add_date_job(
    scheduler: AsyncIOScheduler, recorder: Recorder, name: str, when: datetime
) -> None:
    scheduler.add_job(
        recorder.sync,
        "date",
        run_date=when,
        args=[name],
        id=name,
        replace_existing=True,
        misfire_grace_time=None,
        coalesce=True,
    )


async def test_date_jobs_run_in_time_order_each_at_its_own_time(
    clock: ManualClock, scheduler: AsyncIOScheduler, recorder: Recorder
) -> None:
    # Added out of order, and in two time zones: order is by the instant.
    add_date_job(scheduler, recorder, "3h", at(hours=3))
    add_date_job(scheduler, recorder, "1h", at(hours=1))
    add_date_job(scheduler, recorder, "2h", (START + timedelta(hours=2)).astimezone(TASHKENT))
    add_date_job(scheduler, recorder, "at-target", at(hours=4))
    add_date_job(scheduler, recorder, "after-target", at(hours=4, seconds=1))

    ran = await clock.advance(hours=4)

    assert ran == 4
    assert recorder.runs == [
        ("1h", at(hours=1)),
        ("2h", at(hours=2)),
        ("3h", at(hours=3)),
        ("at-target", at(hours=4)),
    ]
    assert all(now.tzinfo is UTC for _, now in recorder.runs)
    assert clock.now() == at(hours=4)
    # A date job runs once: it is gone; the one after the target still waits.
    assert [job.id for job in scheduler.get_jobs()] == ["after-target"]
    assert clock.next_due() == at(hours=4, seconds=1)

    assert await clock.advance(seconds=1) == 1
    assert recorder.runs[-1] == ("after-target", at(hours=4, seconds=1))
    assert scheduler.get_jobs() == []
    assert await clock.advance(days=30) == 0


async def test_jobs_after_the_target_do_not_run(
    clock: ManualClock, scheduler: AsyncIOScheduler, recorder: Recorder
) -> None:
    add_date_job(scheduler, recorder, "tomorrow", at(days=1))

    assert await clock.advance(hours=23, minutes=59, seconds=59) == 0
    assert recorder.runs == []
    assert clock.now() == at(hours=23, minutes=59, seconds=59)
    assert clock.next_due() == at(days=1)


async def test_a_job_added_by_a_job_during_a_move_runs_if_due_before_the_target(
    clock: ManualClock, scheduler: AsyncIOScheduler, recorder: Recorder
) -> None:
    def plan_more() -> None:
        recorder.sync("planner")
        add_date_job(scheduler, recorder, "right-away", clock.now())
        add_date_job(scheduler, recorder, "half-hour-later", clock.now() + timedelta(minutes=30))
        add_date_job(scheduler, recorder, "next-day", clock.now() + timedelta(days=1))

    scheduler.add_job(plan_more, "date", run_date=at(hours=1), id="planner")
    add_date_job(scheduler, recorder, "existing", at(hours=1, minutes=45))

    ran = await clock.advance(hours=2)

    assert ran == 4
    assert recorder.runs == [
        ("planner", at(hours=1)),
        ("right-away", at(hours=1)),
        ("half-hour-later", at(hours=1, minutes=30)),
        ("existing", at(hours=1, minutes=45)),
    ]
    assert [job.id for job in scheduler.get_jobs()] == ["next-day"]
    assert clock.next_due() == at(days=1, hours=1)


async def test_replace_existing_reschedules_a_job(
    clock: ManualClock, scheduler: AsyncIOScheduler, recorder: Recorder
) -> None:
    add_date_job(scheduler, recorder, "reminder", at(hours=1))
    add_date_job(scheduler, recorder, "reminder", at(hours=3))  # the hearing moved later

    assert len(scheduler.get_jobs()) == 1
    assert await clock.advance(hours=2) == 0
    assert recorder.runs == []

    add_date_job(scheduler, recorder, "reminder", at(hours=2, minutes=30))  # ... and earlier

    assert await clock.advance(hours=2) == 1
    assert recorder.runs == [("reminder", at(hours=2, minutes=30))]


async def test_a_job_can_move_another_job_out_of_the_current_move(
    clock: ManualClock, scheduler: AsyncIOScheduler, recorder: Recorder
) -> None:
    def postpone() -> None:
        recorder.sync("postpone")
        add_date_job(scheduler, recorder, "broadcast", at(days=1))

    scheduler.add_job(postpone, "date", run_date=at(minutes=10), id="postpone")
    add_date_job(scheduler, recorder, "broadcast", at(minutes=20))

    assert await clock.advance(hours=1) == 1
    assert recorder.runs == [("postpone", at(minutes=10))]
    assert clock.next_due() == at(days=1)


async def test_a_job_can_remove_another_job_due_in_the_same_move(
    clock: ManualClock, scheduler: AsyncIOScheduler, recorder: Recorder
) -> None:
    def cancel() -> None:
        recorder.sync("cancel")
        scheduler.remove_job("reminder")

    scheduler.add_job(cancel, "date", run_date=at(minutes=10), id="cancel")
    add_date_job(scheduler, recorder, "reminder", at(minutes=20))

    assert await clock.advance(hours=1) == 1
    assert recorder.names == ["cancel"]
    assert clock.next_due() is None


def add_interval_job(
    scheduler: AsyncIOScheduler, recorder: Recorder, clock: ManualClock, every: timedelta
) -> None:
    """As the nudges job is added: first run now, then every `every`."""
    scheduler.add_job(
        recorder.sync,
        "interval",
        seconds=every.total_seconds(),
        args=["tick"],
        next_run_time=clock(),
        id="tick",
        replace_existing=True,
        misfire_grace_time=None,
        coalesce=True,
        max_instances=1,
    )


async def test_interval_jobs_run_at_each_due_time_in_short_steps(
    clock: ManualClock, scheduler: AsyncIOScheduler, recorder: Recorder
) -> None:
    add_interval_job(scheduler, recorder, clock, timedelta(minutes=10))

    assert await clock.run_due() == 1
    for _ in range(3):
        assert await clock.advance(minutes=10) == 1

    assert recorder.runs == [("tick", at(minutes=m)) for m in (0, 10, 20, 30)]
    assert clock.next_due() == at(minutes=40)


async def test_interval_jobs_coalesce_across_a_long_jump(
    clock: ManualClock, scheduler: AsyncIOScheduler, recorder: Recorder
) -> None:
    add_interval_job(scheduler, recorder, clock, timedelta(minutes=10))

    ran = await clock.advance(days=3)  # 432 intervals

    assert ran == 2
    assert recorder.runs == [("tick", at()), ("tick", at(days=3))]
    assert clock.next_due() == at(days=3, minutes=10)
    assert [job.id for job in scheduler.get_jobs()] == ["tick"]  # still scheduled

    assert await clock.advance(minutes=10) == 1
    assert recorder.runs[-1] == ("tick", at(days=3, minutes=10))


async def test_interval_jobs_interleave_with_date_jobs_in_time_order(
    clock: ManualClock, scheduler: AsyncIOScheduler, recorder: Recorder
) -> None:
    add_interval_job(scheduler, recorder, clock, timedelta(hours=1))
    add_date_job(scheduler, recorder, "reminder", at(minutes=30))

    assert await clock.advance(hours=1) == 3

    assert recorder.runs == [
        ("tick", at()),
        ("reminder", at(minutes=30)),
        ("tick", at(hours=1)),
    ]


async def test_run_due_runs_what_is_due_now_without_moving_the_clock(
    clock: ManualClock, scheduler: AsyncIOScheduler, recorder: Recorder
) -> None:
    add_date_job(scheduler, recorder, "now", clock.now())
    # Due while the bot was down (run_date in the past): runs now, the clock stays put.
    add_date_job(scheduler, recorder, "overdue", at(hours=-2))
    add_date_job(scheduler, recorder, "later", at(seconds=1))

    ran = await clock.run_due()

    assert ran == 2
    assert recorder.runs == [("overdue", at()), ("now", at())]
    assert clock.now() == at()
    assert [job.id for job in scheduler.get_jobs()] == ["later"]
    assert await clock.run_due() == 0


async def test_next_due_is_the_earliest_job_of_every_attached_scheduler(
    clock: ManualClock, scheduler: AsyncIOScheduler, recorder: Recorder
) -> None:
    assert clock.next_due() is None

    other = AsyncIOScheduler(timezone=UTC)
    other.start(paused=True)
    try:
        clock.attach(other)
        add_date_job(scheduler, recorder, "in-two-hours", at(hours=2))
        assert clock.next_due() == at(hours=2)
        add_date_job(other, recorder, "in-one-hour", at(hours=1))
        assert clock.next_due() == at(hours=1)
        due = clock.next_due()
        assert due is not None and due.tzinfo is UTC

        scheduler.get_job("in-two-hours").pause()  # a paused job has no next run
        assert clock.next_due() == at(hours=1)
        assert clock.now() == at()  # asking does not move the clock

        assert await clock.advance(hours=3) == 1
        assert recorder.names == ["in-one-hour"]
        assert clock.next_due() is None
    finally:
        other.shutdown(wait=False)
        await asyncio.sleep(0)


async def test_a_job_rescheduling_itself_into_the_past_raises_instead_of_hanging(
    clock: ManualClock,
    scheduler: AsyncIOScheduler,
    recorder: Recorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bot.clock, "_MAX_RUNS_PER_MOVE", 25)

    async def again() -> None:
        await recorder.async_("again")  # yields, so the guard below can stop a hang
        scheduler.add_job(
            again,
            "date",
            run_date=clock.now() - timedelta(seconds=1),
            id="again",
            replace_existing=True,
        )

    scheduler.add_job(again, "date", run_date=at(minutes=5), id="again")

    with pytest.raises(RuntimeError, match="'again'"):
        await asyncio.wait_for(clock.advance(hours=1), HANG_GUARD_SECONDS)
    assert len(recorder.runs) == 25


async def test_sync_and_async_job_functions_both_run_with_their_arguments(
    clock: ManualClock, scheduler: AsyncIOScheduler, recorder: Recorder
) -> None:
    received: list[tuple[str, int, str, datetime]] = []

    def sync_job(kind: str, hearing_id: int, *, language: str) -> str:
        received.append((kind, hearing_id, language, clock.now()))
        return "a sync job's result is not awaited"

    async def async_job(kind: str, hearing_id: int, *, language: str) -> None:
        await asyncio.sleep(0)
        received.append((kind, hearing_id, language, clock.now()))

    scheduler.add_job(
        sync_job, "date", run_date=at(minutes=1), args=["sync", 7], kwargs={"language": "uz"}
    )
    scheduler.add_job(
        async_job, "date", run_date=at(minutes=2), args=["async", 8], kwargs={"language": "ru"}
    )
    scheduler.add_job(recorder.async_, "date", run_date=at(minutes=3), args=["method"])

    assert await clock.advance(minutes=5) == 3

    assert received == [
        ("sync", 7, "uz", at(minutes=1)),
        ("async", 8, "ru", at(minutes=2)),
    ]
    assert recorder.runs == [("method", at(minutes=3))]


async def test_an_async_job_finishes_before_the_next_one_starts(
    clock: ManualClock, scheduler: AsyncIOScheduler
) -> None:
    events: list[str] = []

    async def slow(name: str) -> None:
        events.append(f"{name} start")
        for _ in range(3):
            await asyncio.sleep(0)
        events.append(f"{name} end")

    scheduler.add_job(slow, "date", run_date=at(minutes=1), args=["first"])
    scheduler.add_job(slow, "date", run_date=at(minutes=2), args=["second"])

    await clock.advance(minutes=2)

    assert events == ["first start", "first end", "second start", "second end"]


async def test_an_error_in_a_job_reaches_whoever_moved_the_clock(
    clock: ManualClock, scheduler: AsyncIOScheduler, recorder: Recorder
) -> None:
    def broken() -> None:
        raise LookupError("no such hearing")

    scheduler.add_job(broken, "date", run_date=at(minutes=1), id="broken")
    add_date_job(scheduler, recorder, "later", at(minutes=2))

    with pytest.raises(LookupError, match="no such hearing"):
        await clock.advance(minutes=5)
    assert recorder.runs == []
    assert scheduler.get_job("broken") is None  # a date job is spent before it runs


async def test_a_stopped_schedulers_jobs_are_ignored(
    clock: ManualClock, scheduler: AsyncIOScheduler, recorder: Recorder
) -> None:
    add_date_job(scheduler, recorder, "old", at(hours=1))
    scheduler.shutdown(wait=False)
    await asyncio.sleep(0)  # AsyncIOScheduler shuts down on the loop's next turn
    assert not scheduler.running
    # E.g. an update still in flight during shutdown schedules a reminder.
    add_date_job(scheduler, recorder, "added-after-stop", at(minutes=30))

    assert await clock.advance(hours=2) == 0
    assert recorder.runs == []

    # A restart: a new scheduler is attached; the stopped one is dropped.
    restarted = AsyncIOScheduler(timezone=TASHKENT)
    restarted.start(paused=True)
    try:
        clock.attach(restarted)
        add_date_job(restarted, recorder, "new", at(hours=3))
        assert clock.next_due() == at(hours=3)

        assert await clock.advance(hours=2) == 1
        assert recorder.runs == [("new", at(hours=3))]
    finally:
        restarted.shutdown(wait=False)
        await asyncio.sleep(0)


async def test_next_due_ignores_a_stopped_scheduler(
    clock: ManualClock, scheduler: AsyncIOScheduler, recorder: Recorder
) -> None:
    scheduler.shutdown(wait=False)
    await asyncio.sleep(0)
    # E.g. an update still in flight during shutdown schedules a broadcast.
    add_date_job(scheduler, recorder, "late", at(hours=1))

    assert clock.next_due() is None
    assert await clock.advance(hours=2) == 0
