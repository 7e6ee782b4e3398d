"""After a hearing ends, one "write your report" nudge per observer who has not sent one.

Like reminders, the rows decide: planned once per hearing, each claimed before its
Telegram call, so restarts never repeat a nudge. The job runs at startup and then
every NUDGE_INTERVAL.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from aiogram.types import InlineKeyboardMarkup
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.db import Database
from bot.i18n import Translator
from bot.notifier import Notifier
from bot.repositories.hearings import HearingRepository
from bot.repositories.reports import ReportRepository
from bot.services.hearings import ASSUMED_LENGTH
from bot.services.reports import REPORT_WINDOW
from bot.ui import reports as report_ui

log = logging.getLogger(__name__)

NUDGE_INTERVAL = timedelta(minutes=1)


class Nudges:
    def __init__(
        self,
        scheduler: AsyncIOScheduler,
        db: Database,
        notifier: Notifier,
        locales_get: Callable[[str], Translator],
        clock: Callable[[], datetime],
    ) -> None:
        self._scheduler = scheduler
        self._db = db
        self._notifier = notifier
        self._translator = locales_get
        self._clock = clock
        self._idle = asyncio.Event()
        self._idle.set()

    async def start(self) -> None:
        async with self._db.unit_of_work() as uow:
            abandoned = await ReportRepository(uow).abandon_claimed_nudges()
        if abandoned:
            log.warning("nudges left mid-send by a crash, not resent: %d", abandoned)
        self._scheduler.add_job(
            self.run,
            "interval",
            seconds=NUDGE_INTERVAL.total_seconds(),
            next_run_time=self._clock(),
            id="nudges",
            replace_existing=True,
            misfire_grace_time=None,
            coalesce=True,
            max_instances=1,
        )

    async def wait_idle(self) -> None:
        await self._idle.wait()

    async def run(self) -> None:
        self._idle.clear()
        try:
            with self._db.detached():
                await self._run()
        finally:
            self._idle.set()

    async def _run(self) -> None:
        now = self._clock()
        async with self._db.unit_of_work() as uow:
            reports = ReportRepository(uow)
            for hearing_id, starts_at, ends_at in await reports.hearings_to_nudge(
                now, REPORT_WINDOW
            ):
                if (ends_at or starts_at + ASSUMED_LENGTH) <= now:
                    await reports.plan_nudges(hearing_id, now)
            hearing_ids = await reports.nudge_hearings_pending()
        for hearing_id in hearing_ids:
            await self._send(hearing_id)

    async def _send(self, hearing_id: int) -> None:
        async with self._db.unit_of_work() as uow:
            hearing = await HearingRepository(uow).get(hearing_id)
            pending = await ReportRepository(uow).pending_nudges(hearing_id)
        if hearing is None:
            return
        sent = 0
        for user_id, language, reported in pending:
            async with self._db.unit_of_work() as uow:
                reports = ReportRepository(uow)
                if reported:
                    await reports.finish_nudge(hearing_id, user_id, "skipped", self._clock())
                    continue
                if not await reports.claim_nudge(hearing_id, user_id):
                    continue

            def render(tr: Translator) -> tuple[str, InlineKeyboardMarkup | None]:
                text = tr("report-nudge", title=hearing.title)
                return text, report_ui.write_report_button(tr, hearing.id)

            delivered = await self._notifier.send_one(user_id, self._translator(language), render)
            async with self._db.unit_of_work() as uow:
                status = "sent" if delivered else "failed"
                await ReportRepository(uow).finish_nudge(hearing_id, user_id, status, self._clock())
            sent += delivered
        if pending:
            log.info("nudges hearing=%d sent=%d of %d", hearing_id, sent, len(pending))
