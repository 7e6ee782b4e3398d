"""The notice worker: drains the hearing notices' outbox (migrations/0007_notices.sql)
and the coordinators' one, report cards and urgent alerts (0010_desk_posts.sql), those
first and alerts first of all: a pass over notices stops for anything newly queued, so
an alert waits for the one notice being sent, not for a cancellation's hundred.

Like reminders, the rows decide: each notice is claimed (committed) before its Telegram
call, so a crash can lose one but never send one twice; what was not claimed goes out
after the restart. Sends share the app-wide pace (Notifier's Pacer) with broadcasts and
reminders, and a 429 holds them all.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import InlineKeyboardMarkup

from bot.aio import wait_set
from bot.clock import Clock
from bot.config import Settings
from bot.db import Database
from bot.i18n import Locales, Translator
from bot.notifier import Notifier
from bot.repositories.desk_posts import DeskPost, DeskPostRepository
from bot.repositories.hearings import Hearing, HearingRepository
from bot.repositories.notices import Notice, NoticeRepository
from bot.repositories.outbox import BatchOutcome
from bot.repositories.reports import ReportRepository
from bot.repositories.users import UserRepository
from bot.review_desk import ReviewDesk
from bot.ui import keyboards, views

log = logging.getLogger(__name__)

BATCH = 100
IDLE_CHECK = 30.0  # seconds an idle worker sleeps before it looks anyway (a safety net)


class NoticeWorker:
    def __init__(
        self,
        db: Database,
        bot: Bot,
        locales: Locales,
        settings: Settings,
        notifier: Notifier,
        clock: Clock,
        desk: ReviewDesk,
    ) -> None:
        self._db = db
        self._desk = desk
        self._bot = bot
        self._locales = locales
        self._settings = settings
        self._notifier = notifier
        self._clock = clock
        self._wakeup = asyncio.Event()
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        with self._db.detached():
            async with self._db.unit_of_work() as uow:
                abandoned = await NoticeRepository(uow).abandon_claimed(self._clock())
                abandoned += await DeskPostRepository(uow).abandon_claimed(self._clock())
            if abandoned:
                log.warning("notices left mid-send by a crash, not resent: %d", abandoned)
            self._task = asyncio.create_task(self._work(), name="notices")

    async def stop(self) -> None:
        """Shutdown: the notice being sent finishes; the rest wait for the next start."""
        self._stopping.set()
        self._wakeup.set()
        if self._task is not None:
            # A loop that died (the health check said so) must not stop the shutdown too.
            await asyncio.gather(self._task, return_exceptions=True)

    def wake(self) -> None:
        """Rows were queued (their transaction commits before the worker can read)."""
        self._wakeup.set()

    @property
    def alive(self) -> bool:
        """The worker's loop runs (started and not ended by a crash): for /healthz."""
        return self._task is not None and not self._task.done()

    @property
    def busy(self) -> bool:
        """Woken, or sending a batch (tests wait for it before "nothing more was sent")."""
        return self._wakeup.is_set() or self._sending

    _sending = False

    async def _work(self) -> None:
        while not self._stopping.is_set():
            self._wakeup.clear()
            try:
                async with self._db.unit_of_work() as uow:
                    posts = await DeskPostRepository(uow).pending(BATCH)
                    pending = await NoticeRepository(uow).pending(BATCH)
                self._sending = bool(posts or pending)
                for post in posts:
                    if self._stopping.is_set():
                        return
                    await self._post_or_give_up(post)
                for notice in pending:
                    if self._stopping.is_set():
                        return
                    if self._wakeup.is_set():
                        break  # something new was queued: read again, alerts first
                    await self._send(notice)
                self._sending = False
                if not (posts or pending):
                    await wait_set(self._wakeup, IDLE_CHECK)
            except Exception:
                # A bug or a database error must not end notices for good.
                log.exception("notice worker failed; retrying")
                await wait_set(self._stopping, 5.0)

    async def _send(self, notice: Notice) -> None:
        async with self._db.unit_of_work() as uow:
            notices = NoticeRepository(uow)
            if not await notices.claim(notice.id):
                return
            hearing = await HearingRepository(uow).get(notice.hearing_id)
        delivered = False
        if hearing is not None:
            tr = self._locales.get(notice.language)
            delivered = await self._notifier.send_one(
                notice.user_id, tr, lambda tr: self._render(tr, notice, hearing)
            )
        async with self._db.unit_of_work() as uow:
            notices = NoticeRepository(uow)
            await notices.finish(notice.id, "sent" if delivered else "failed", self._clock())
            outcome = await notices.outcome(notice.batch) if notice.author_id else None
            author = await UserRepository(uow).get(notice.author_id) if notice.author_id else None
        if outcome is not None and outcome.open == 0 and hearing is not None:
            await self._tell_author(notice, author.language if author else None, hearing, outcome)

    async def _post_or_give_up(self, post: DeskPost) -> None:
        """One post's failure (a bug, a database error) fails that post, instead of
        keeping it at the head of the queue and everything behind it waiting."""
        try:
            await self._post(post)
        except Exception:
            log.exception("desk post failed id=%d kind=%s", post.id, post.kind)
            async with self._db.unit_of_work() as uow:
                await DeskPostRepository(uow).finish(post.id, "failed", self._clock())

    async def _post(self, post: DeskPost) -> None:
        """A report card or an urgent alert to one coordinators' chat. A card sent is
        remembered (a review edits it); the observer hears how an alert went once every
        copy of it has."""
        async with self._db.unit_of_work() as uow:
            if not await DeskPostRepository(uow).claim(post.id):
                return
            send = await self._desk.prepare(
                post, ReportRepository(uow), HearingRepository(uow), UserRepository(uow)
            )
        message_id = None if send is None else await self._notifier.deliver(post.chat_id, send)
        alert = outcome = observer = None
        async with self._db.unit_of_work() as uow:
            posts, reports = DeskPostRepository(uow), ReportRepository(uow)
            done = "failed" if message_id is None else "sent"
            await posts.finish(post.id, done, self._clock())
            if post.report_id is not None and message_id is not None:
                await reports.save_card(post.report_id, post.chat_id, message_id)
            if post.urgent_id is not None:
                outcome = await posts.urgent_outcome(post.urgent_id)
                alert = await reports.urgent(post.urgent_id)
                observer = None if alert is None else await UserRepository(uow).get(alert.user_id)
        if outcome is not None and outcome.open == 0 and alert is not None:
            tr = self._locales.get(observer.language if observer else "")
            key = "urgent-sent" if outcome.sent else "urgent-not-delivered"
            with contextlib.suppress(TelegramAPIError):
                await self._bot.send_message(alert.user_id, tr(key))

    def _render(
        self, tr: Translator, notice: Notice, hearing: Hearing
    ) -> tuple[str, InlineKeyboardMarkup | None]:
        if notice.kind == "promoted":
            return tr("signup-promoted", title=hearing.title), keyboards.open_hearing(
                tr, hearing.id
            )
        if notice.kind == "changed":
            text = tr(
                "hearing-changed",
                title=hearing.title,
                when=views.hearing_when(tr, hearing, self._settings.timezone),
                address=hearing.address,
            )
            return text, keyboards.open_hearing(tr, hearing.id)
        return tr("hearing-cancelled-notice", title=hearing.title, reason=notice.reason or ""), None

    async def _tell_author(
        self, notice: Notice, language: str | None, hearing: Hearing, outcome: BatchOutcome
    ) -> None:
        assert notice.author_id is not None
        tr = self._locales.get(language or self._settings.default_language)
        text = tr(
            "hearing-cancelled-outcome", title=hearing.title, sent=outcome.sent, total=outcome.total
        )
        with contextlib.suppress(TelegramAPIError):
            await self._bot.send_message(notice.author_id, text)
