"""The bot's one source of "now".

Everything that asks what time it is (the past is refused, the 14-day report window,
reminders, nudges, scheduled broadcasts) asks the `Clock` it was given. Production runs
on `Clock`, the system's time; tests and the demo run on `ManualClock`, which stands
still until moved and, when moved, fires the scheduler's jobs that fell due on the way,
each at its own moment. So a flow test says "two hours before the hearing" instead of
sleeping, and nothing depends on how fast the machine is.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.aio import wait_set

log = logging.getLogger(__name__)

# A job that reschedules itself into the past forever would hang a jump; no real
# sequence of jobs comes near this many runs in one move.
_MAX_RUNS_PER_MOVE = 10_000


class Clock:
    """The system clock, in UTC. Callable, so `clock()` reads as "now"."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now()

    def starts_scheduler_paused(self) -> bool:
        """True when this clock, not the wall clock, decides when jobs run."""
        return False

    async def pause(self, seconds: float, interrupt: asyncio.Event | None = None) -> bool:
        """Wait `seconds` (a retry's back-off) or until `interrupt` is set; True if it was."""
        if interrupt is None:
            await asyncio.sleep(seconds)
            return False
        return await wait_set(interrupt, seconds)


class ManualClock(Clock):
    """A clock that moves only when told to, and runs what fell due as it moves.

    APScheduler keeps the jobs (their ids, triggers and replacement rules are the
    production ones); the scheduler is started paused, so the wall clock never fires
    them, and `advance` runs each due job in time order, with the clock set to the
    job's own time while it runs.
    """

    def __init__(self, start: datetime | None = None) -> None:
        self._now = (start or datetime.now(UTC)).astimezone(UTC)
        self._schedulers: list[BaseScheduler] = []

    def now(self) -> datetime:
        return self._now

    def starts_scheduler_paused(self) -> bool:
        return True

    async def pause(self, seconds: float, interrupt: asyncio.Event | None = None) -> bool:
        """Back-offs take no time here: a test is about what is retried, not how long
        the bot waits in between. (Other tasks still get their turn.)"""
        await asyncio.sleep(0)
        return interrupt is not None and interrupt.is_set()

    def attach(self, scheduler: BaseScheduler) -> None:
        """Drive this scheduler's jobs (start it with `paused=True`)."""
        self._schedulers = [s for s in self._schedulers if s.running] + [scheduler]

    async def advance(self, delta: timedelta | None = None, /, **parts: float) -> int:
        """Move forward by `delta` (or `hours=2`, `days=1`...); return how many jobs ran."""
        step = delta if delta is not None else timedelta(**parts)
        if step < timedelta(0):
            raise ValueError("time only moves forward")
        return await self.move_to(self._now + step)

    async def move_to(self, moment: datetime) -> int:
        """Move forward to `moment`, running every job due on the way, in order."""
        target = max(moment.astimezone(UTC), self._now)
        runs = 0
        while (due := self._next_due(target)) is not None:
            scheduler, job = due
            self._now = max(self._now, job.next_run_time.astimezone(UTC))
            self._reschedule(scheduler, job, target)
            await _run(job)
            runs += 1
            if runs >= _MAX_RUNS_PER_MOVE:
                raise RuntimeError(f"jobs keep falling due; last was {job.id!r}")
        self._now = target
        return runs

    async def run_due(self) -> int:
        """Run the jobs already due now (those the bot scheduled "immediately")."""
        return await self.move_to(self._now)

    def next_due(self) -> datetime | None:
        """When the next job falls due (the demo's "jump to the next reminder")."""
        times = [
            job.next_run_time.astimezone(UTC)
            for scheduler in self._schedulers
            if scheduler.running
            for job in scheduler.get_jobs()
            # Jobs added to a stopped scheduler wait in a list without a run time.
            if getattr(job, "next_run_time", None) is not None
        ]
        return min(times, default=None)

    def _next_due(self, target: datetime) -> tuple[BaseScheduler, Any] | None:
        best: tuple[BaseScheduler, Any] | None = None
        for scheduler in self._schedulers:
            if not scheduler.running:
                continue
            for job in scheduler.get_jobs():
                when = job.next_run_time
                if when is None or when.astimezone(UTC) > target:
                    continue
                if best is None or when < best[1].next_run_time:
                    best = (scheduler, job)
        return best

    def _reschedule(self, scheduler: BaseScheduler, job: Any, target: datetime) -> None:
        """Before a run, as APScheduler does: a date job is done, an interval job moves on.

        Interval jobs missed during a long jump coalesce (as `coalesce=True` asks): they
        run once at their first due time and once more when the clock arrives.
        """
        if isinstance(job.trigger, IntervalTrigger):
            following = self._now + job.trigger.interval
            job.modify(next_run_time=following if following > target else target)
        elif isinstance(job.trigger, DateTrigger):
            scheduler.remove_job(job.id)
        else:  # pragma: no cover - the bot schedules only dates and intervals
            raise TypeError(f"ManualClock cannot drive trigger {job.trigger!r}")


async def _run(job: Any) -> None:
    result = job.func(*job.args, **job.kwargs)
    if inspect.isawaitable(result):
        await result


SYSTEM_CLOCK = Clock()
