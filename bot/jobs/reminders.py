"""Reminders before a hearing. The database decides what is due; APScheduler only wakes us.

Each reminder is claimed (status 'sending', committed) before its Telegram call, so a crash
can lose a reminder but never send one twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial

from aiogram import Bot
from aiogram.types import InlineKeyboardMarkup
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.config import Settings
from bot.db import Database
from bot.i18n import Locales, Translator
from bot.notifier import Notifier
from bot.repositories.hearings import Hearing, HearingRepository
from bot.repositories.reminders import ReminderRepository, Wakeup
from bot.ui import keyboards
from bot.ui.views import reminder_text

log = logging.getLogger(__name__)


class Reminders:
    """Keeps one scheduler job per (hearing, offset) that has pending reminders."""

    def __init__(
        self,
        scheduler: AsyncIOScheduler,
        db: Database,
        bot: Bot,
        locales: Locales,
        settings: Settings,
        notifier: Notifier,
        clock: Callable[[], datetime],
    ) -> None:
        self._scheduler = scheduler
        self._db = db
        self._bot = bot
        self._locales = locales
        self._settings = settings
        self._notifier = notifier
        self._clock = clock
        self._running = 0
        self._idle = asyncio.Event()
        self._idle.set()

    async def restore(self) -> None:
        """At startup: drop claims a crash left behind, then schedule everything pending."""
        async with self._db.unit_of_work() as uow:
            repo = ReminderRepository(uow)
            abandoned = await repo.abandon_claimed()
            wakeups = await repo.wakeups()
        if abandoned:
            log.warning("reminders left mid-send by a crash, not resent: %d", abandoned)
        for wakeup in wakeups:
            self._schedule(wakeup)
        log.info("reminders scheduled jobs=%d", len(wakeups))

    async def refresh(self, hearing_id: int) -> None:
        """After a sign-up or an edit: (re)schedule this hearing's wake-ups."""
        async with self._db.unit_of_work() as uow:
            wakeups = await ReminderRepository(uow).wakeups(hearing_id)
        for wakeup in wakeups:
            self._schedule(wakeup)

    def _schedule(self, wakeup: Wakeup) -> None:
        self._scheduler.add_job(
            self.send_due,
            "date",
            run_date=max(wakeup.due_at, self._clock()),
            kwargs={"hearing_id": wakeup.hearing_id, "offset_seconds": wakeup.offset_seconds},
            id=f"reminder:{wakeup.hearing_id}:{wakeup.offset_seconds}",
            replace_existing=True,
            # However late the loop gets to it, run it: send_due itself decides whether
            # a late reminder still makes sense (the hearing has not begun).
            misfire_grace_time=None,
            coalesce=True,
        )

    async def wait_idle(self) -> None:
        """Wait for sends in progress, so shutdown never closes the database under them."""
        await self._idle.wait()

    async def send_due(self, hearing_id: int, offset_seconds: int) -> None:
        self._running += 1
        self._idle.clear()
        try:
            with self._db.detached():
                await self._send_due(hearing_id, offset_seconds)
        finally:
            self._running -= 1
            if self._running == 0:
                self._idle.set()

    async def _send_due(self, hearing_id: int, offset_seconds: int) -> None:
        now = self._clock()
        async with self._db.unit_of_work() as uow:
            hearing = await HearingRepository(uow).get(hearing_id)
            repo = ReminderRepository(uow)
            due = await repo.due(hearing_id, offset_seconds, now)
            if hearing is None or hearing.is_cancelled or hearing.has_started(now):
                for reminder in due:
                    await repo.set_status(reminder.id, "skipped")
                due = []
        sent = 0
        for reminder in due:
            async with self._db.unit_of_work() as uow:
                repo = ReminderRepository(uow)
                # Late (the bot was down): a closer reminder that is also due replaces
                # this one, so nobody gets "in 24 hours" and "in 2 hours" back to back.
                if await repo.closer_one_due(reminder.id, self._clock()):
                    await repo.set_status(reminder.id, "skipped")
                    continue
                if not await repo.claim(reminder.id):
                    continue  # cancelled meanwhile (the seat was given up)
                # Re-read: an edit during a long run must show in the later reminders.
                current = await HearingRepository(uow).get(hearing_id)
            if current is None:
                continue
            delivered = await self._notifier.send_one(
                reminder.user_id,
                self._locales.get(reminder.language),
                partial(self._render, hearing=current),
            )
            async with self._db.unit_of_work() as uow:
                status = "sent" if delivered else "failed"
                await ReminderRepository(uow).set_status(reminder.id, status, self._clock())
            sent += delivered
        if due:
            log.info(
                "reminders hearing=%d offset=%ds sent=%d of %d",
                hearing_id, offset_seconds, sent, len(due),
            )  # fmt: skip
        await self.refresh(hearing_id)  # a later due time, if any, after an edit

    def _render(
        self, tr: Translator, *, hearing: Hearing
    ) -> tuple[str, InlineKeyboardMarkup | None]:
        # The time actually left, not the configured offset: a late reminder tells the truth.
        # In whole minutes: measured a moment after the due time, 1:59:59 would otherwise
        # read "120 minutes" instead of "2 hours" (the formatter drops to the smaller unit).
        minutes = round((hearing.starts_at - self._clock()).total_seconds() / 60)
        left = timedelta(minutes=max(minutes, 1))
        text = reminder_text(tr, hearing, self._settings.timezone, left)
        return text, keyboards.reminder(tr, hearing.id)
