"""The broadcast worker: one at a time, from the outbox, at BROADCAST_RATE, crash-safe.

The `deliveries` rows are the truth. The worker reads pending rows, copies the message to
each recipient and writes the outcome of each send in its own short transaction as soon
as Telegram answers. A kill at any moment therefore leaves at most IN_FLIGHT sends whose
outcome was never written: those recipients are sent to again after the restart and may
get the message twice. Everyone else is either recorded or still pending: nobody is
skipped.

APScheduler only wakes scheduled broadcasts; the worker itself is one asyncio task.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Collection, Coroutine
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import InlineKeyboardMarkup
from aiohttp import ClientConnectorError
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.aio import wait_set
from bot.clock import Clock
from bot.config import Settings
from bot.db import Database
from bot.i18n import Locales, Translator
from bot.notifier import Pacer, is_not_modified, is_unreachable, paced
from bot.repositories.audit import AuditRepository
from bot.repositories.broadcasts import Broadcast, BroadcastRepository, Counts, Outcome
from bot.repositories.users import UserRepository
from bot.services import broadcasts as rules
from bot.ui import broadcasts as ui

log = logging.getLogger(__name__)

# copyMessage requests at once. Telegram answers in ~50-150 ms, so a few in flight are
# needed to reach 30 a second; each one is a possible duplicate after a SIGKILL.
IN_FLIGHT = 8
IDLE_CHECK = 60.0  # seconds an idle worker sleeps before it looks at the queue anyway
MAX_ATTEMPTS = 4  # for 5xx answers and failed connections; 429 answers are not attempts
BACKOFF = (1.0, 3.0, 9.0)  # seconds before the 2nd, 3rd and 4th attempt
SEND_TIMEOUT = 10.0  # then the outcome is unknown: "uncertain", never resent
SUMMARY_REPAIR = timedelta(days=1)  # ended this recently: its summary is re-shown at start
PROGRESS_EVERY = 3.0  # seconds between edits of the status message
CHAT_SPACING = 1.0  # Telegram: about one message a second in one chat
BATCH = 200  # pending rows read at a time
# Telegram's answer when the coordinator deleted the original: no copy can succeed.
SOURCE_GONE = "message to copy not found"


@dataclass(slots=True)
class _Run:
    """What the worker knows about the broadcast it is sending."""

    broadcast: Broadcast
    started: float
    done_before: int
    fatal: str | None = None
    # Recipients whose copy request went out in this run. If one is still pending after
    # every task ended, its task died between the send and the record: it is marked
    # uncertain, never sent again.
    tried: set[int] = field(default_factory=set)


class Broadcaster:
    def __init__(
        self,
        scheduler: AsyncIOScheduler,
        db: Database,
        bot: Bot,
        locales: Locales,
        settings: Settings,
        pacer: Pacer,
        clock: Clock,
    ) -> None:
        self._scheduler = scheduler
        self._db = db
        self._bot = bot
        self._locales = locales
        self._settings = settings
        self._pacer = pacer
        self._clock = clock
        self.send_timeout = SEND_TIMEOUT
        self._wakeup = asyncio.Event()
        self._stopping = asyncio.Event()
        self._halt = asyncio.Event()  # stop the current broadcast: cancelled or shutdown
        self._slots = asyncio.Semaphore(IN_FLIGHT)
        self._current: _Run | None = None
        self._last_sent: dict[int, float] = {}
        self._shown: dict[int, str] = {}  # last text of each status message
        self._task: asyncio.Task[None] | None = None
        self._background: set[asyncio.Task[None]] = set()
        self._status_lock = asyncio.Lock()  # one status-message edit at a time

    # ------------------------------------------------------------------ control

    async def start(self) -> None:
        """At startup: schedule what is scheduled, then resume or start sending."""
        with self._db.detached():
            async with self._db.unit_of_work() as uow:
                repo = BroadcastRepository(uow)
                active = await repo.active()
                recent = await repo.summaries_missing(self._clock() - SUMMARY_REPAIR)
            for broadcast in active:
                if broadcast.status == "scheduled" and broadcast.scheduled_for is not None:
                    self.schedule(broadcast.id, broadcast.scheduled_for)
            self._task = asyncio.create_task(self._work(), name="broadcasts")
            # A summary whose final edit failed for good (Telegram down at that moment) is
            # shown now.
            for broadcast in recent:
                self._in_background(self._show_final(broadcast.id, notify=False))
        resumed = [b.id for b in active if b.status == "sending"]
        if resumed:
            log.warning("broadcast resumed after a restart ids=%s", resumed)

    async def stop(self) -> None:
        """Shutdown: sends in flight finish and are recorded; the rest wait for next start."""
        self._stopping.set()
        self._halt.set()
        self._wakeup.set()
        if self._task is not None:
            # A loop that died (the health check said so) must not stop the shutdown too.
            await asyncio.gather(self._task, return_exceptions=True)
        # Status edits still running see _stopping at their next pace and give up.
        await asyncio.gather(*self._background, return_exceptions=True)

    def wake(self) -> None:
        self._wakeup.set()

    @property
    def alive(self) -> bool:
        """The worker's loop runs (started and not ended by a crash): for /healthz."""
        return self._task is not None and not self._task.done()

    def schedule(self, broadcast_id: int, when: datetime) -> None:
        self._scheduler.add_job(
            self._release,
            "date",
            run_date=max(when, self._clock()),
            kwargs={"broadcast_id": broadcast_id},
            id=f"broadcast:{broadcast_id}",
            replace_existing=True,
            misfire_grace_time=None,  # due while the bot was down: send at start
            coalesce=True,
        )

    def cancelled(self, broadcast_id: int) -> None:
        """A cancel was written: stop sending at once, or just update its status message.

        Called by the handler before it answers (an answer may fail, and the stop must
        not depend on it). The status message is updated by a task of its own, outside
        the handler's transaction: it waits for the cancel to commit, and it never holds
        the database while it waits on the pace.
        """
        with contextlib.suppress(JobLookupError):
            self._scheduler.remove_job(f"broadcast:{broadcast_id}")
        if self._current is not None and self._current.broadcast.id == broadcast_id:
            self._halt.set()  # the worker writes the summary once sends in flight end
            return
        with self._db.detached():
            self._in_background(self._show_final(broadcast_id, notify=False))

    def _in_background(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _release(self, broadcast_id: int) -> None:
        with self._db.detached():
            async with self._db.unit_of_work() as uow:
                recipients = await rules.release(
                    BroadcastRepository(uow), broadcast_id, self._settings.admin_ids, self._clock()
                )
        if recipients == 0:
            await self._show_final(broadcast_id, notify=True)
        elif recipients is not None:
            log.info("broadcast released id=%d recipients=%d", broadcast_id, recipients)
            self.wake()

    # ------------------------------------------------------------------ the worker

    async def _work(self) -> None:
        while not self._stopping.is_set():
            self._wakeup.clear()
            try:
                await self._announce_queue()
                async with self._db.unit_of_work() as uow:
                    broadcast = await BroadcastRepository(uow).next_to_send()
                if broadcast is None:
                    # Woken by a new broadcast; the timeout is a safety net, not a poll.
                    await wait_set(self._wakeup, IDLE_CHECK)
                else:
                    await self._send(broadcast)
            except Exception:
                # A bug or a database error must not end broadcasting for good.
                log.exception("broadcast worker failed; retrying")
                await wait_set(self._stopping, 5.0)

    async def _send(self, broadcast: Broadcast) -> None:
        if self._stopping.is_set():
            return  # shutdown began meanwhile: _halt must stay set
        self._halt.clear()
        async with self._db.unit_of_work() as uow:
            repo = BroadcastRepository(uow)
            await repo.start(broadcast.id, self._clock())
            done_before = (await repo.counts(broadcast.id)).done
        run = _Run(broadcast, time.monotonic(), done_before)
        self._current = run
        log.info(
            "broadcast sending id=%d total=%d done=%d", broadcast.id, broadcast.total, done_before
        )
        ticker = asyncio.create_task(self._tick(run))
        try:
            await self._deliver_all(run)
        finally:
            ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await ticker
            self._current = None
        if self._stopping.is_set():
            return  # status stays 'sending': the next start resumes it
        async with self._db.unit_of_work() as uow:
            repo = BroadcastRepository(uow)
            counts = await repo.counts(broadcast.id)
            if run.fatal is not None:
                ended = await repo.finish(broadcast.id, "failed", self._clock(), error=run.fatal)
            elif counts["pending"] == 0:
                ended = await repo.finish(broadcast.id, "done", self._clock())
            else:
                ended = False  # cancelled: the cancel already ended it
            if ended:
                await AuditRepository(uow).record(
                    broadcast.author_id,
                    "broadcast.finish",
                    f"broadcast:{broadcast.id}",
                    self._clock(),
                    **counts.by_status,
                )
        log.info("broadcast ended id=%d %s", broadcast.id, counts.by_status)
        await self._show_final(broadcast.id, notify=ended)

    async def _deliver_all(self, run: _Run) -> None:
        """Send every pending delivery; return when all have an outcome or on halt."""
        broadcast_id = run.broadcast.id
        tasks: set[asyncio.Task[None]] = set()
        room = asyncio.Semaphore(IN_FLIGHT * 2)  # tasks alive at once, not 10,000

        def finished(task: asyncio.Task[None]) -> None:
            tasks.discard(task)
            room.release()
            if not task.cancelled() and task.exception() is not None:
                log.error("broadcast delivery crashed", exc_info=task.exception())

        after = 0
        try:
            while not self._halt.is_set():
                async with self._db.unit_of_work() as uow:
                    repo = BroadcastRepository(uow)
                    current = await repo.get(broadcast_id)
                    batch = await repo.pending(broadcast_id, after, BATCH)
                if current is None or current.status != "sending":
                    break  # cancelled (the handler has set _halt as well)
                if not batch:
                    if not tasks and after == 0:
                        break  # nothing pending at all: done
                    # Wait for sends in flight, then look again from the start for any
                    # row whose task stopped without an outcome.
                    await asyncio.gather(*tasks, return_exceptions=True)
                    after = 0
                    continue
                for user_id in batch:
                    await room.acquire()
                    if self._halt.is_set():
                        room.release()
                        break
                    if user_id in run.tried:
                        # Sent in this run, outcome never written: it may have arrived.
                        task = asyncio.create_task(
                            self._record(run, user_id, "uncertain", "outcome not recorded", 1)
                        )
                    else:
                        task = asyncio.create_task(self._deliver(run, user_id))
                    tasks.add(task)
                    task.add_done_callback(finished)
                after = batch[-1]
            await asyncio.gather(*tasks, return_exceptions=True)
        except BaseException:
            # A database error (or shutdown's cancel): no delivery may outlive this run,
            # or the next run would send to the same people alongside it.
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise

    async def _deliver(self, run: _Run, user_id: int) -> None:
        broadcast = run.broadcast
        attempts = 0
        while True:
            delay = 0.0
            async with self._slots:
                if not await self._turn(user_id):
                    return None  # halted before sending: the row stays pending
                attempts += 1
                run.tried.add(user_id)
                try:
                    sent = await self._bot.copy_message(
                        chat_id=user_id,
                        from_chat_id=broadcast.from_chat_id,
                        message_id=broadcast.message_id,
                        request_timeout=int(self.send_timeout),
                    )
                except TelegramRetryAfter as error:
                    # Not an attempt: Telegram said "later", never "no". Everyone waits.
                    attempts -= 1
                    self._pacer.hold(error.retry_after)
                    log.warning("broadcast 429 retry_after=%s", error.retry_after)
                    continue
                except (TelegramForbiddenError, TelegramBadRequest) as error:
                    if is_unreachable(error):
                        return await self._record(
                            run, user_id, "unreachable", error.message, attempts
                        )
                    if SOURCE_GONE in error.message.lower():
                        run.fatal = error.message
                        self._halt.set()
                        return None
                    return await self._record(run, user_id, "failed", error.message, attempts)
                except (TelegramServerError, TelegramNetworkError) as error:
                    if isinstance(error, TelegramNetworkError) and not isinstance(
                        error.__cause__, ClientConnectorError
                    ):
                        # A timeout or a dropped connection after the request went out:
                        # it may have arrived. Sending again could make a duplicate.
                        return await self._record(
                            run, user_id, "uncertain", error.message, attempts
                        )
                    if attempts >= MAX_ATTEMPTS:
                        return await self._record(run, user_id, "failed", error.message, attempts)
                    delay = BACKOFF[attempts - 1]
                except TelegramAPIError as error:
                    return await self._record(run, user_id, "failed", error.message, attempts)
                except Exception as error:  # noqa: BLE001 - any other failure of the call
                    # An unreadable answer (a proxy's HTML page) after the request went
                    # out: it may have arrived, so it is not sent again.
                    reason = type(error).__name__
                    return await self._record(run, user_id, "uncertain", reason, attempts)
                else:
                    return await self._record(
                        run, user_id, "sent", None, attempts, message_id=sent.message_id
                    )
            # Back off outside the slot, so other recipients keep going meanwhile.
            if await self._clock.pause(delay, self._halt):
                return None

    async def _turn(self, chat_id: int) -> bool:
        """Wait until this chat and the global pace allow a send; False on halt."""
        last = self._last_sent.get(chat_id)
        if last is not None:
            gap = last + CHAT_SPACING - time.monotonic()
            if gap > 0 and await self._sleep_or_halt(gap):
                return False
        if not await self._pacer.wait(self._halt):
            return False
        now = time.monotonic()
        self._last_sent[chat_id] = now
        if len(self._last_sent) > 10_000:
            self._last_sent = {
                chat: at for chat, at in self._last_sent.items() if now - at < CHAT_SPACING
            }
        return True

    async def _sleep_or_halt(self, seconds: float) -> bool:
        """Sleep; True if the broadcast was halted meanwhile."""
        return await wait_set(self._halt, seconds)

    async def _record(
        self,
        run: _Run,
        user_id: int,
        outcome: Outcome,
        reason: str | None,
        attempts: int,
        *,
        message_id: int | None = None,
    ) -> None:
        now = self._clock()
        async with self._db.unit_of_work() as uow:
            await BroadcastRepository(uow).record(
                run.broadcast.id,
                user_id,
                outcome,
                now,
                message_id=message_id,
                reason=reason,
                attempts=attempts,
            )
            if outcome == "unreachable":
                await UserRepository(uow).mark_unreachable(user_id, now)
        if outcome != "sent":
            log.info(
                "broadcast delivery id=%d chat=%d outcome=%s reason=%s",
                run.broadcast.id, user_id, outcome, reason,
            )  # fmt: skip

    # ------------------------------------------------------------------ status messages

    async def _tick(self, run: _Run) -> None:
        while True:
            try:
                await self._announce_queue()
                await self._show_progress(run)
            except Exception:
                log.exception("broadcast progress update failed")
            await asyncio.sleep(PROGRESS_EVERY)

    async def _announce_queue(self) -> None:
        """Give every queued broadcast a status message, and keep its place in line."""
        async with self._db.unit_of_work() as uow:
            active = await BroadcastRepository(uow).active()
        for broadcast in active:
            if broadcast.status == "queued":
                await self._update_status(broadcast.id, {"queued"}, _queued_view)

    async def _show_progress(self, run: _Run) -> None:
        def view(tr: Translator, broadcast: Broadcast, counts: Counts, _: int) -> _View:
            finish = self._finish_estimate(run, counts)
            text = ui.progress_text(tr, broadcast, counts, finish, self._settings.timezone)
            return text, ui.progress_keyboard(tr, broadcast.id)

        await self._update_status(run.broadcast.id, {"sending"}, view)

    def _finish_estimate(self, run: _Run, counts: Counts) -> datetime:
        elapsed = time.monotonic() - run.started
        done_now = counts.done - run.done_before
        # Until there is a measured pace, assume the configured one.
        rate = (
            done_now / elapsed if elapsed >= 5 and done_now > 0 else self._settings.broadcast_rate
        )
        return self._clock() + timedelta(seconds=counts["pending"] / rate)

    async def _show_final(self, broadcast_id: int, *, notify: bool) -> None:
        shown = await self._update_status(broadcast_id, ENDED, _summary_view)
        if notify and shown is not None:
            broadcast, counts = shown
            tr = self._locales.get(broadcast.author_language)
            # Edits make no sound; a new message tells the coordinator it is over.
            with contextlib.suppress(TelegramAPIError):
                await self._pacer.wait()
                with paced():
                    await self._bot.send_message(
                        broadcast.author_id, ui.finished_text(tr, broadcast, counts)
                    )

    async def _update_status(
        self, broadcast_id: int, statuses: Collection[str], view: _Render
    ) -> tuple[Broadcast, Counts] | None:
        """Show the broadcast's state on its status message, if it is in `statuses`.

        The state is read under one lock with the edit, so a late "queued" or progress
        edit can never overwrite the summary written after a stop.
        """
        async with self._status_lock:
            async with self._db.unit_of_work() as uow:
                repo = BroadcastRepository(uow)
                broadcast = await repo.get(broadcast_id)
                if broadcast is None or broadcast.status not in statuses:
                    return None
                counts = await repo.counts(broadcast_id)
                ahead = await repo.queued_ahead(broadcast_id) if broadcast.status == "queued" else 0
            text, markup = view(
                self._locales.get(broadcast.author_language), broadcast, counts, ahead
            )
            if self._shown.get(broadcast_id) != text and await self._post_or_edit(
                broadcast, text, markup
            ):
                self._shown[broadcast_id] = text
                if broadcast.status in ENDED:
                    async with self._db.unit_of_work() as uow:
                        await BroadcastRepository(uow).summary_shown(broadcast_id, self._clock())
            return broadcast, counts

    async def _post_or_edit(
        self, broadcast: Broadcast, text: str, markup: InlineKeyboardMarkup | None
    ) -> bool:
        """Edit the status message, or post it if there is none yet; True if shown."""
        for _ in range(3):
            if not await self._pacer.wait(self._stopping):
                return False
            try:
                if broadcast.progress_message_id is None:
                    with paced():
                        message = await self._bot.send_message(
                            broadcast.author_id, text, reply_markup=markup
                        )
                    async with self._db.unit_of_work() as uow:
                        await BroadcastRepository(uow).set_progress_message(
                            broadcast.id, message.chat.id, message.message_id
                        )
                else:
                    await self._bot.edit_message_text(
                        text=text,
                        chat_id=broadcast.progress_chat_id,
                        message_id=broadcast.progress_message_id,
                        reply_markup=markup,
                    )
            except TelegramRetryAfter as error:
                self._pacer.hold(error.retry_after)  # the summary must not be lost to a 429
            except TelegramBadRequest as error:
                return is_not_modified(error)  # it already shows this: done
            except TelegramAPIError as error:
                # The status message is a convenience: sending goes on without it.
                log.warning("broadcast status message id=%d error=%s", broadcast.id, error)
                return False
            else:
                return True
        return False


_View = tuple[str, InlineKeyboardMarkup | None]
_Render = Callable[[Translator, Broadcast, Counts, int], _View]
ENDED = ("done", "cancelled", "failed")


def _queued_view(tr: Translator, broadcast: Broadcast, counts: Counts, ahead: int) -> _View:
    return ui.queued_text(tr, broadcast, ahead), ui.progress_keyboard(tr, broadcast.id)


def _summary_view(tr: Translator, broadcast: Broadcast, counts: Counts, ahead: int) -> _View:
    return ui.summary_text(tr, broadcast, counts), ui.summary_keyboard(tr, broadcast.id, counts)
