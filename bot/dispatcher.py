"""The dispatcher factory: storage, middlewares, routers. The only importer of handlers."""

from __future__ import annotations

from collections.abc import Callable

from aiogram import Dispatcher
from aiogram.fsm.storage.memory import SimpleEventIsolation

from bot.clock import SYSTEM_CLOCK, Clock
from bot.config import Settings
from bot.db import Database
from bot.fsm_storage import SQLiteStorage
from bot.i18n import Locales
from bot.jobs.broadcasts import Broadcaster
from bot.jobs.notices import NoticeWorker
from bot.jobs.reminders import Reminders
from bot.middlewares.context import UserContextMiddleware
from bot.middlewares.database import UnitOfWorkMiddleware
from bot.notifier import Notifier
from bot.review_desk import ReviewDesk
from bot.services.report_form import ReportForm
from handlers import build_router


def build_dispatcher(
    settings: Settings,
    db: Database,
    locales: Locales,
    notifier: Notifier,
    reminder_jobs: Reminders,
    desk: ReviewDesk,
    report_form: ReportForm,
    broadcaster: Broadcaster,
    notices: NoticeWorker,
    clock: Clock = SYSTEM_CLOCK,
    observe: Callable[[str, str, float], None] | None = None,
) -> Dispatcher:
    # One person's updates run one at a time (a double tap cannot race itself);
    # different people's run concurrently.
    dp = Dispatcher(storage=SQLiteStorage(db, clock), events_isolation=SimpleEventIsolation())
    # App-lifetime objects: visible to every handler, middleware and error handler.
    dp.workflow_data.update(
        settings=settings,
        db=db,
        locales=locales,
        notifier=notifier,
        reminder_jobs=reminder_jobs,
        desk=desk,
        report_form=report_form,
        broadcaster=broadcaster,
        outbox=notices,
        clock=clock,
    )
    unit_of_work = UnitOfWorkMiddleware(db, observe)
    dp["unit_of_work"] = unit_of_work
    dp.update.outer_middleware(unit_of_work)
    # Counted before aiogram's own middlewares run (they read the FSM state), so that
    # shutdown waits for every update taken, not only those in a unit of work.
    aiogram_first = list(dp.update.outer_middleware)
    for middleware in aiogram_first:
        dp.update.outer_middleware.unregister(middleware)
    dp.update.outer_middleware(unit_of_work.arrivals)
    for middleware in aiogram_first:
        dp.update.outer_middleware(middleware)
    dp.update.outer_middleware(UserContextMiddleware(locales, settings.default_language))
    dp.include_router(build_router())
    return dp
