"""One run of the bot, assembled: the database, the Telegram client, the scheduler and
its jobs, the dispatcher, and the order in which they start and stop.

`python -m bot` runs it against Telegram; the flow tests run the very same object
in-process against the stand-in, with a `ManualClock`, and restart it as often as
they like. Nothing here reads the environment: the caller passes the settings.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
from typing import Any
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiohttp import web
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.clock import SYSTEM_CLOCK, Clock, ManualClock
from bot.command_menu import set_default_commands, set_staff_commands
from bot.config import Settings
from bot.db import Database
from bot.dispatcher import build_dispatcher
from bot.health import HealthServer, Watched, listen
from bot.i18n import Locales
from bot.jobs.backups import Backups
from bot.jobs.broadcasts import Broadcaster
from bot.jobs.notices import NoticeWorker
from bot.jobs.nudges import Nudges
from bot.jobs.reminders import Reminders
from bot.metrics import Metrics
from bot.middlewares.answers import AnsweredQueries
from bot.middlewares.database import CommitBeforeRequest, UnitOfWorkMiddleware
from bot.middlewares.retry import RetryFailedRequests
from bot.notifier import Notifier
from bot.review_desk import ReviewDesk
from bot.services.error_notices import ErrorNoticeRule
from bot.services.report_form import load_form
from bot.session import BotSession, bind_bot_in_one_step
from bot.webhook import WebhookEndpoint

log = logging.getLogger("bot")


def _stop_on_signals() -> asyncio.Event:
    """An event set by SIGTERM or SIGINT (what polling mode's aiogram does itself)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    return stop


def _bound_url(runner: web.AppRunner) -> str:
    host, port = runner.addresses[0][:2]
    return f"http://{host}:{port}"


SHUTDOWN_GRACE_SECONDS = 20.0


async def _freeze_startup_heap() -> None:
    """Leave what startup built out of the garbage collector's full passes.

    aiogram's 440 pydantic types with their schemas, the locales and the rest live as
    long as the process, and every full collection walked all of them: in the
    throughput bench, 12 collections of up to 0.57 s in a 30 s run, 15% of the bot's
    CPU and the longest replies of a burst. `gc.freeze()` moves every object alive now
    to a generation no collection visits. (No `gc.collect()` first: a full pass here
    would cost startup half a second for the little cyclic garbage it would free.)
    """
    gc.freeze()


class App:
    """Build with `await App.open(settings)`; run with `run_polling`; always `close`."""

    def __init__(
        self,
        settings: Settings,
        db: Database,
        clock: Clock,
        locales: Locales,
    ) -> None:
        self.settings = settings
        self.db = db
        self.clock = clock
        bind_bot_in_one_step()
        session = BotSession(api=TelegramAPIServer.from_base(settings.api_base))
        session.middleware(CommitBeforeRequest())
        answered = AnsweredQueries()
        session.middleware(answered)
        self.bot = Bot(
            token=settings.bot_token.get_secret_value(),
            session=session,
            default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
        )
        self.notifier = Notifier(self.bot, locales, settings.broadcast_rate, db, clock)
        session.middleware(RetryFailedRequests(clock, self.notifier.pacer))
        self.scheduler = AsyncIOScheduler(timezone=settings.timezone)
        self.reminders = Reminders(
            self.scheduler, db, self.bot, locales, settings, self.notifier, clock
        )
        self.nudges = Nudges(self.scheduler, db, self.notifier, locales.get, clock)
        report_form = load_form()
        desk = ReviewDesk(self.bot, locales, settings, report_form)
        self.broadcaster = Broadcaster(
            self.scheduler, db, self.bot, locales, settings, self.notifier.pacer, clock
        )
        self.notices = NoticeWorker(db, self.bot, locales, settings, self.notifier, clock, desk)
        self.metrics = Metrics()
        self.dp: Dispatcher = build_dispatcher(
            settings, db, locales, self.notifier, self.reminders, desk, report_form,
            self.broadcaster, self.notices, clock,
            observe=lambda kind, outcome, seconds: self.metrics.observe(
                kind, outcome, seconds, clock()
            ),
        )  # fmt: skip
        self.dp["answered_queries"] = answered
        self.dp["metrics"] = self.metrics
        self.dp["error_notices"] = ErrorNoticeRule()
        self.health: HealthServer | None = None
        self.webhook_address: str | None = None  # where the webhook server listens
        self.backups = (
            Backups(
                self.scheduler,
                settings.database_path,
                settings.backup_dir,
                settings.backup_every,
                settings.backup_keep,
                clock,
                lambda ok: self.metrics.backups.labels("written" if ok else "failed").inc(),
            )
            if settings.backup_dir is not None
            else None
        )
        self._locales = locales
        self.dp.startup.register(self._on_startup)
        self.dp.shutdown.register(self._on_shutdown)

    @classmethod
    async def open(
        cls,
        settings: Settings,
        clock: Clock = SYSTEM_CLOCK,
    ) -> App:
        """Connect and migrate the database, then build everything on top of it."""
        db = Database(settings.database_path)
        await db.connect()
        try:
            await db.migrate()
            return cls(settings, db, clock, Locales(settings.default_language))
        except BaseException:
            await db.close()
            raise

    @property
    def allowed_updates(self) -> list[str]:
        """Exactly the update types some handler takes: Telegram sends no others."""
        return sorted(self.dp.resolve_used_update_types())

    async def run(self) -> None:
        """Webhook mode when WEBHOOK_URL is set, long polling otherwise.

        For a process that runs this one bot for its lifetime (`python -m bot`): the
        tests and the demo start many bots in one process and use start_in_background.
        """
        # Registered last: after the app's own startup has built what it keeps.
        self.dp.startup.register(_freeze_startup_heap)
        if self.settings.webhook_url is None:
            await self.run_polling()
        else:
            await self.run_webhook()

    async def start_in_background(self, stop: asyncio.Event | None = None) -> asyncio.Task[None]:
        """Run in a task (polling; the webhook when WEBHOOK_URL is set, until `stop`),
        returned once the startup work is done. What startup raised is raised here.
        For the tests and the demo, which drive the bot from the same event loop."""
        started = asyncio.Event()

        async def signal_started() -> None:  # registered last: after the app's own
            started.set()

        self.dp.startup.register(signal_started)
        if self.settings.webhook_url is None:
            task = asyncio.create_task(self.run_polling(handle_signals=False))
        else:
            task = asyncio.create_task(self.run_webhook(stop or asyncio.Event()))
        waiter = asyncio.create_task(started.wait())
        await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
        if not started.is_set():
            waiter.cancel()
            await task  # raises what startup raised
            raise RuntimeError("the bot stopped during startup")
        return task

    async def run_polling(self, **kwargs: Any) -> None:
        """Poll until stopped (a signal, or `dp.stop_polling()`); shutdown runs before return."""
        # A webhook left by webhook mode makes getUpdates fail (409): switching back to
        # polling is just starting without WEBHOOK_URL. Updates waiting are kept.
        await self.bot.delete_webhook(drop_pending_updates=False)
        await self.dp.start_polling(self.bot, allowed_updates=self.allowed_updates, **kwargs)

    async def run_webhook(self, stop: asyncio.Event | None = None) -> None:
        """Serve the webhook until SIGTERM or SIGINT (or `stop` is set); shutdown runs
        before return. Telegram keeps updates while the bot is down, so the webhook is
        left registered at exit; the next start sets it again."""
        settings = self.settings
        assert settings.webhook_url is not None and settings.webhook_secret is not None
        url = str(settings.webhook_url)
        stop = stop or _stop_on_signals()
        endpoint = WebhookEndpoint(self.dp, self.bot, settings.webhook_secret.get_secret_value())
        web_app = web.Application()
        web_app.router.add_post(urlsplit(url).path or "/", endpoint.handle)
        runner = web.AppRunner(web_app, access_log=None)
        await runner.setup()
        try:
            host, port = settings.webhook_listen
            await listen(runner, host, port, "WEBHOOK_LISTEN")
            self.webhook_address = _bound_url(runner)
            workflow = {**self.dp.workflow_data, "dispatcher": self.dp, "bot": self.bot}
            await self.dp.emit_startup(**workflow)
            try:
                await self.bot.set_webhook(
                    url,
                    secret_token=settings.webhook_secret.get_secret_value(),
                    allowed_updates=self.allowed_updates,
                    drop_pending_updates=False,
                )
                log.info("webhook mode: %s -> %s", urlsplit(url).netloc, self.webhook_address)
                await stop.wait()
            finally:
                await runner.shutdown()  # no new requests
                await endpoint.drain()
                await self.dp.emit_shutdown(**workflow)
        finally:
            await runner.cleanup()

    async def close(self) -> None:
        await self.bot.session.close()
        await self.db.close()

    async def _on_startup(self) -> None:
        await set_default_commands(self.bot, self._locales, self.settings.default_language)
        await set_staff_commands(self.bot, self.db, self._locales, self.settings)
        # Under a ManualClock the jobs wait for the clock to move, not for the wall clock.
        self.scheduler.start(paused=self.clock.starts_scheduler_paused())
        if isinstance(self.clock, ManualClock):
            self.clock.attach(self.scheduler)
        await self.reminders.restore()
        await self.nudges.start()
        await self.broadcaster.start()
        await self.notices.start()
        if self.backups is not None:
            self.backups.start()
        if self.settings.health_listen is not None:
            self.health = HealthServer(
                Watched(
                    self.db,
                    self.scheduler,
                    lambda: self.broadcaster.alive,
                    lambda: self.notices.alive,
                    self.metrics,
                    self.notifier.pacer,
                    self.clock,
                )
            )
            await self.health.start(*self.settings.health_listen)

    async def _on_shutdown(self, unit_of_work: UnitOfWorkMiddleware) -> None:
        # Polling has stopped; let updates already taken finish before the DB closes.
        try:
            await asyncio.wait_for(unit_of_work.wait_idle(), SHUTDOWN_GRACE_SECONDS)
        except TimeoutError:
            log.warning("shutdown: updates still running after %.0fs", SHUTDOWN_GRACE_SECONDS)
        # Sends in flight finish and are recorded; the rest resume at the next start.
        try:
            await asyncio.wait_for(self.broadcaster.stop(), SHUTDOWN_GRACE_SECONDS)
        except TimeoutError:
            log.warning("shutdown: broadcast still sending after %.0fs", SHUTDOWN_GRACE_SECONDS)
        try:
            await asyncio.wait_for(self.notices.stop(), SHUTDOWN_GRACE_SECONDS)
        except TimeoutError:
            log.warning("shutdown: notices still sending after %.0fs", SHUTDOWN_GRACE_SECONDS)
        # Nothing new starts; a reminder being sent finishes before the DB closes.
        # (APScheduler's shutdown cancels running jobs, so it comes last.)
        self.scheduler.pause()
        try:
            await asyncio.wait_for(
                asyncio.gather(self.reminders.wait_idle(), self.nudges.wait_idle()),
                SHUTDOWN_GRACE_SECONDS,
            )
        except TimeoutError:
            log.warning("shutdown: reminders still sending after %.0fs", SHUTDOWN_GRACE_SECONDS)
        self.scheduler.shutdown(wait=False)
        if self.health is not None:
            await self.health.stop()
