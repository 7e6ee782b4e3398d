"""One unit of work per update, and the guarantee that it never spans a Telegram call."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import TelegramObject, Update
from aiogram.types.update import UpdateTypeLookupError

from bot.db import Database
from bot.repositories.attendance import AttendanceRepository
from bot.repositories.audit import AuditRepository
from bot.repositories.broadcasts import BroadcastRepository
from bot.repositories.coordinators import CoordinatorRepository
from bot.repositories.hearings import HearingRepository
from bot.repositories.notices import NoticeRepository
from bot.repositories.reminders import ReminderRepository
from bot.repositories.reports import ReportRepository
from bot.repositories.signups import SignupRepository
from bot.repositories.updates import UpdateRepository
from bot.repositories.users import UserRepository
from bot.services.errors import DomainError

log = logging.getLogger(__name__)


class UnitOfWorkMiddleware(BaseMiddleware):
    """Open the update's transaction; commit after the handler, roll back on error.

    It also counts updates in flight so shutdown can let them finish before the
    database closes.
    """

    def __init__(
        self, db: Database, observe: Callable[[str, str, float], None] | None = None
    ) -> None:
        self._db = db
        self._observe = observe  # (type, outcome, seconds) of each update, for /metrics
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self.unknown_types = 0

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if isinstance(event, Update) and not _known_type(event):
            # A type newer than this aiogram (only possible without allowed_updates):
            # dropped and counted here, before aiogram warns with the whole update,
            # the sender's profile included.
            self.unknown_types += 1
            log.info("update id=%d type=unknown outcome=dropped", event.update_id)
            return UNHANDLED
        self._in_flight += 1
        self._idle.clear()
        started = time.perf_counter()
        outcome = "error"
        try:
            async with self._db.unit_of_work() as uow:
                if isinstance(event, Update) and not await UpdateRepository(uow).claim(
                    event.update_id
                ):
                    # Delivered again (the bot did not confirm it in time): its effects
                    # were committed with its id, so it is acknowledged and skipped.
                    outcome = "repeat"
                    return UNHANDLED
                data["uow"] = uow
                # Repositories are a few bytes each; every handler names what it needs.
                data["users"] = UserRepository(uow)
                data["attendance"] = AttendanceRepository(uow)
                data["hearings"] = HearingRepository(uow)
                data["signups"] = SignupRepository(uow)
                data["reminders"] = ReminderRepository(uow)
                data["coordinators"] = CoordinatorRepository(uow)
                data["reports"] = ReportRepository(uow)
                data["audit"] = AuditRepository(uow)
                data["broadcasts"] = BroadcastRepository(uow)
                data["notices"] = NoticeRepository(uow)
                result = await handler(event, data)
            outcome = "unhandled" if result is UNHANDLED else "done"
            return result
        except Exception as error:
            # A refusal is the bot working as designed; an error is a bug or an outage.
            outcome = "refused" if isinstance(error, DomainError) else "error"
            if isinstance(event, Update):
                await self._claim_refused(event.update_id)
            raise
        finally:
            self._in_flight -= 1
            if self._in_flight == 0:
                self._idle.set()
            if isinstance(event, Update):
                seconds = time.perf_counter() - started
                # Ids and timings only: texts can hold names and phone numbers.
                log.info(
                    "update id=%d type=%s outcome=%s ms=%.1f",
                    event.update_id,
                    event.event_type,
                    outcome,
                    seconds * 1000,
                )
                if self._observe is not None:
                    self._observe(event.event_type, outcome, seconds)

    async def _claim_refused(self, update_id: int) -> None:
        """Record an update whose effects were rolled back (a refusal or a crash).

        The error handler answers it next (a refusal, "something went wrong"), so it is
        as done as any other: delivered again, it would only be refused again and its
        button answered twice, which Telegram rejects.
        """
        try:
            async with self._db.unit_of_work() as uow:
                await UpdateRepository(uow).claim(update_id)
        except (sqlite3.Error, ValueError):  # the database failed: the error handler says so
            log.warning("update id=%d could not be recorded as processed", update_id)

    @property
    def idle(self) -> bool:
        return self._idle.is_set()

    async def wait_idle(self) -> None:
        """Wait until no update is being handled."""
        await self._idle.wait()


def _known_type(update: Update) -> bool:
    try:
        update.event_type  # noqa: B018 - the property raises for an unknown type
    except UpdateTypeLookupError:
        return False
    return True


class CommitBeforeRequest(BaseRequestMiddleware):
    """Commit the caller's transaction before any Bot API request.

    SQLite has one write lock; holding it across a network round trip to Telegram
    would make every other update wait for that round trip. Work after the request
    starts a new transaction, so everything the handler wrote before replying is
    durable by the time the person sees the reply.
    """

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        uow = Database.current()
        if uow is not None:
            await uow.commit()
        return await make_request(bot, method)
