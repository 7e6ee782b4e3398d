"""One unit of work per update, and the guarantee that it never spans a Telegram call."""

from __future__ import annotations

import asyncio
import logging
import re
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

from bot.db import Database, StaleReadError, UnitOfWork
from bot.repositories.attendance import AttendanceRepository
from bot.repositories.audit import AuditRepository
from bot.repositories.broadcasts import BroadcastRepository
from bot.repositories.coordinators import CoordinatorRepository
from bot.repositories.desk_posts import DeskPostRepository
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
        self.reruns = 0  # updates run again after a stale read (bench and tests look)
        self.claims = UpdateClaims(db)
        self._writers = Writers()
        # Registered before aiogram's own middlewares (build_dispatcher): see Arrivals.
        self.arrivals = Arrivals(self)

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
        started = time.perf_counter()
        outcome = "error"
        update_id = event.update_id if isinstance(event, Update) else None
        run = _Run(self._db, update_id, self.claims)
        kind = _kind(event, data) if isinstance(event, Update) else None
        try:
            try:
                result = await run(handler, event, data, optimistic=kind not in self._writers)
            except StaleReadError:
                self.reruns += 1
                self._writers.learn(kind, wrote=True)
                # Its first write found that what it had read changed meanwhile. Nothing
                # was written or sent yet (bot/db.py), so it runs again from the start,
                # now holding the write lock from its first query: this cannot recur.
                log.debug("update id=%s read stale data: run again with the lock", update_id)
                result = await run(handler, event, data, optimistic=False)
            outcome = "unhandled" if result is UNHANDLED else "done"
            self._writers.learn(kind, wrote=run.wrote)
            return result
        except UpdateRepeatedError:
            # Delivered again (the bot did not confirm it in time): its effects were
            # committed with its id, so it is acknowledged and skipped. Found at its first
            # write or call to Telegram: until then it only read.
            outcome = "repeat"
            return UNHANDLED
        except Exception as error:
            # A refusal is the bot working as designed; an error is a bug or an outage.
            outcome = "refused" if isinstance(error, DomainError) else "error"
            recorded_before = (
                update_id is not None
                and not run.recorded
                and not await self._claim_refused(update_id)
            )
            if recorded_before:
                # Refused (or crashed) before, and recorded then: the error handler
                # answered it already, and a second answer Telegram would reject.
                outcome = "repeat"
                return UNHANDLED
            raise
        finally:
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

    async def _claim_refused(self, update_id: int) -> bool:
        """Record an update whose effects were rolled back (a refusal or a crash); False
        if it was recorded before.

        The error handler answers it next (a refusal, "something went wrong"), so it is
        as done as any other: delivered again, it would only be refused again and its
        button answered twice, which Telegram rejects.
        """
        try:
            return await self.claims.claim(update_id)
        except (sqlite3.Error, ValueError):  # the database failed: the error handler says so
            log.warning("update id=%d could not be recorded as processed", update_id)
            return True

    def _arrived(self) -> None:
        self._in_flight += 1
        self._idle.clear()

    def _left(self) -> None:
        self._in_flight -= 1
        if self._in_flight == 0:
            self._idle.set()

    @property
    def idle(self) -> bool:
        return self._idle.is_set()

    async def wait_idle(self) -> None:
        """Wait until no update is being handled."""
        await self._idle.wait()


class Arrivals(BaseMiddleware):
    """Count an update as in flight from the moment aiogram starts on it.

    aiogram's FSM middleware, outside the unit of work, reads the person's state first;
    an update still there when polling stops was not counted, so shutdown closed the
    database under it. (It used to wait in the write lock's queue, ahead of the close;
    its reads no longer take the lock.)
    """

    def __init__(self, owner: UnitOfWorkMiddleware) -> None:
        self._owner = owner

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        self._owner._arrived()
        try:
            return await handler(event, data)
        finally:
            self._owner._left()


class Writers:
    """The kinds of update that wrote the last time one was handled.

    An optimistic unit of work that writes after another update committed is run
    again (bot/db.py), and under load somebody always has: a sign-up ran twice.
    So an update of a kind that wrote last time takes the lock at its first query
    instead. A wrong guess costs a little time either way, never correctness.
    """

    REMEMBERED = 1024

    def __init__(self) -> None:
        self._kinds: dict[str, None] = {}

    def __contains__(self, kind: object) -> bool:
        return kind in self._kinds

    def learn(self, kind: str | None, *, wrote: bool) -> None:
        if kind is None:
            return
        if not wrote:
            self._kinds.pop(kind, None)
            return
        self._kinds[kind] = None
        if len(self._kinds) > self.REMEMBERED:
            del self._kinds[next(iter(self._kinds))]


_DIGITS = re.compile(r"\d+")


def _kind(update: Update, data: dict[str, Any]) -> str | None:
    """What decides whether handling writes: a button's data without its ids (which
    hearing, which page), or a message's command or content type in the person's state."""
    if update.callback_query is not None:
        return "press " + _DIGITS.sub("#", update.callback_query.data or "")
    message = update.message
    if message is None:
        return None
    text = message.text or ""
    what = text.split(maxsplit=1)[0] if text.startswith("/") else message.content_type
    return f"{data.get('raw_state')} {what}"


class UpdateRepeatedError(Exception):
    """This update's id is recorded as processed: it was delivered before."""


class _Run:
    """Handling one update in one unit of work; the "processed" record goes into the
    unit's first write transaction (or is committed alone before the first call to
    Telegram), so an update that only reads never waits for the write lock to read."""

    def __init__(self, db: Database, update_id: int | None, claims: UpdateClaims) -> None:
        self._db = db
        self._update_id = update_id
        self._claims = claims
        self.recorded = False  # the "processed" record is committed
        self.wrote = False  # the handler wrote (not only the record)

    async def _claim(self, uow: UnitOfWork) -> None:
        assert self._update_id is not None
        if not await UpdateRepository(uow).claim(self._update_id):
            raise UpdateRepeatedError()

    async def _claim_alone(self) -> None:
        assert self._update_id is not None
        if not await self._claims.claim(self._update_id):
            raise UpdateRepeatedError()

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
        *,
        optimistic: bool,
    ) -> Any:
        on_begin, alone = (
            (self._claim, self._claim_alone) if self._update_id is not None else (None, None)
        )
        current: UnitOfWork | None = None
        try:
            async with self._db.unit_of_work(
                optimistic=optimistic, on_begin=on_begin, record_alone=alone
            ) as uow:
                current = uow
                data["uow"] = uow
                for name, repository in REPOSITORIES.items():
                    data[name] = repository(uow)
                return await handler(event, data)
        finally:
            # Its first committed transaction held the record.
            self.recorded = self.recorded or (current is not None and current.committed > 0)
            self.wrote = current is not None and current.wrote


class UpdateClaims:
    """Records the ids of handled updates that only read, many in one statement.

    Each such update must have its id durable before it first calls Telegram. One at a
    time, that is a statement and a thread hop per update; under load dozens wait for
    the write lock at once, so whoever gets it records everyone waiting then (group
    commit). Alone, an update waits for nobody: the statement runs at once.
    """

    BATCH = 500  # ids per statement, well under SQLite's limit on parameters

    def __init__(self, db: Database) -> None:
        self._db = db
        self._waiting: list[tuple[int, asyncio.Future[bool]]] = []
        self._flushing: asyncio.Task[None] | None = None  # held: the loop keeps tasks weakly

    async def claim(self, update_id: int) -> bool:
        """Record the id; False if it was recorded before (a redelivery)."""
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._waiting.append((update_id, future))
        if self._flushing is None:
            self._flushing = asyncio.get_running_loop().create_task(self._flush())
        return await future

    async def _flush(self) -> None:
        batch: list[tuple[int, asyncio.Future[bool]]] = []
        try:
            while self._waiting:
                async with self._db.autocommit() as uow:
                    # Taken once the lock is ours: everyone who came meanwhile joins.
                    # A cancelled waiter (shutdown) is left out: not handled, not recorded.
                    waiting = [entry for entry in self._waiting if not entry[1].done()]
                    batch, self._waiting = waiting[: self.BATCH], waiting[self.BATCH :]
                    added = await UpdateRepository(uow).claim_many(
                        [update_id for update_id, _ in batch]
                    )
                for update_id, future in batch:
                    # The same id twice in a batch (a redelivery racing the original):
                    # the first is new, the second a repeat.
                    fresh = update_id in added
                    added.discard(update_id)
                    if not future.done():
                        future.set_result(fresh)
                batch = []
        except BaseException as error:
            for _, future in batch + self._waiting:
                if future.done():
                    continue
                if isinstance(error, Exception):
                    future.set_exception(error)
                else:
                    future.cancel()
            self._waiting = []
            if not isinstance(error, Exception):
                raise
        finally:
            self._flushing = None


# Repositories are a few bytes each; every handler names what it needs.
REPOSITORIES: dict[str, Callable[[UnitOfWork], object]] = {
    "users": UserRepository,
    "attendance": AttendanceRepository,
    "hearings": HearingRepository,
    "signups": SignupRepository,
    "reminders": ReminderRepository,
    "coordinators": CoordinatorRepository,
    "reports": ReportRepository,
    "audit": AuditRepository,
    "broadcasts": BroadcastRepository,
    "notices": NoticeRepository,
    "desk_posts": DeskPostRepository,
}


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
