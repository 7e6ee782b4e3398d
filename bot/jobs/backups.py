"""Scheduled backups (BACKUP_DIR, BACKUP_EVERY, BACKUP_KEEP): a copy every interval, the
oldest beyond BACKUP_KEEP deleted. The copy runs in a thread; the bot keeps answering."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from apscheduler.schedulers.base import BaseScheduler

from bot.backups import BackupError, backup_database, rotate

log = logging.getLogger(__name__)


class Backups:
    def __init__(
        self,
        scheduler: BaseScheduler,
        database: Path,
        folder: Path,
        every: timedelta,
        keep: int,
        clock: Callable[[], datetime],
        on_result: Callable[[bool], None],
    ) -> None:
        self._scheduler = scheduler
        self._database = database
        self._folder = folder
        self._every = every
        self._keep = keep
        self._clock = clock
        self._on_result = on_result  # True for a backup written (for /metrics)

    def start(self) -> None:
        # The first copy one interval after start: a crash loop must not fill the disk.
        self._scheduler.add_job(
            self.run, "interval", seconds=self._every.total_seconds(),
            next_run_time=self._clock() + self._every,
            id="backups", replace_existing=True, coalesce=True, max_instances=1,
        )  # fmt: skip
        log.info("backups every %s into %s, keeping %d", self._every, self._folder, self._keep)

    async def run(self) -> None:
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            backup = await asyncio.to_thread(
                backup_database, self._database, self._folder, self._clock()
            )
            removed = await asyncio.to_thread(rotate, self._folder, self._keep)
        except (BackupError, OSError) as error:
            log.error("backup failed: %s", error)
            self._on_result(False)
            return
        self._on_result(True)
        log.info(
            "backup written path=%s bytes=%d seconds=%.1f removed=%d",
            backup.path, backup.size, backup.seconds, len(removed),
        )  # fmt: skip
