"""Entry point: `python -m bot` runs the bot; `python -m bot migrate` only migrates;
`python -m bot import-hearings FILE.csv` imports hearings (see README)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from pydantic import ValidationError

from bot.config import Settings
from bot.db import Database, DatabaseTooNewError
from bot.logs import configure_logging

log = logging.getLogger("bot")

SHUTDOWN_GRACE_SECONDS = 20.0


async def run(settings: Settings) -> None:
    # Imported here: aiogram's types take seconds to import, and a bad setting or the
    # `migrate` command should answer at once.
    from aiogram import Bot
    from aiogram.client.default import DefaultBotProperties
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.enums import ParseMode
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.command_menu import set_default_commands, set_staff_commands
    from bot.dispatcher import build_dispatcher, utc_now
    from bot.i18n import Locales
    from bot.jobs.broadcasts import Broadcaster
    from bot.jobs.nudges import Nudges
    from bot.jobs.reminders import Reminders
    from bot.middlewares.database import CommitBeforeRequest, UnitOfWorkMiddleware
    from bot.notifier import Notifier
    from bot.review_desk import ReviewDesk
    from bot.services.report_form import load_form

    db = Database(settings.database_path)
    await db.connect()
    try:
        await db.migrate()
        locales = Locales(settings.default_language)
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.api_base))
        session.middleware(CommitBeforeRequest())
        bot = Bot(
            token=settings.bot_token.get_secret_value(),
            session=session,
            default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
        )
        notifier = Notifier(bot, locales, settings.broadcast_rate, db)
        scheduler = AsyncIOScheduler(timezone=settings.timezone)
        reminder_jobs = Reminders(scheduler, db, bot, locales, settings, notifier, utc_now)
        nudges = Nudges(scheduler, db, notifier, locales.get, utc_now)
        report_form = load_form()
        desk = ReviewDesk(bot, locales, settings, report_form)
        broadcaster = Broadcaster(scheduler, db, bot, locales, settings, notifier.pacer, utc_now)
        dp = build_dispatcher(
            settings, db, locales, notifier, reminder_jobs, desk, report_form, broadcaster
        )

        @dp.startup()
        async def on_startup() -> None:
            await set_default_commands(bot, locales, settings.default_language)
            await set_staff_commands(bot, db, locales, settings)
            scheduler.start()
            await reminder_jobs.restore()
            await nudges.start()
            await broadcaster.start()

        @dp.shutdown()
        async def on_shutdown(unit_of_work: UnitOfWorkMiddleware) -> None:
            # Polling has stopped; let updates already taken finish before the DB closes.
            try:
                await asyncio.wait_for(unit_of_work.wait_idle(), SHUTDOWN_GRACE_SECONDS)
            except TimeoutError:
                log.warning("shutdown: updates still running after %.0fs", SHUTDOWN_GRACE_SECONDS)
            # Sends in flight finish and are recorded; the rest resume at the next start.
            try:
                await asyncio.wait_for(broadcaster.stop(), SHUTDOWN_GRACE_SECONDS)
            except TimeoutError:
                log.warning("shutdown: broadcast still sending after %.0fs", SHUTDOWN_GRACE_SECONDS)
            # Nothing new starts; a reminder being sent finishes before the DB closes.
            # (APScheduler's shutdown cancels running jobs, so it comes last.)
            scheduler.pause()
            try:
                await asyncio.wait_for(
                    asyncio.gather(reminder_jobs.wait_idle(), nudges.wait_idle()),
                    SHUTDOWN_GRACE_SECONDS,
                )
            except TimeoutError:
                log.warning("shutdown: reminders still sending after %.0fs", SHUTDOWN_GRACE_SECONDS)
            scheduler.shutdown(wait=False)

        await dp.start_polling(bot, allowed_updates=dp.resolve_used_update_types())
    finally:
        await db.close()
        log.info("stopped")


async def migrate(settings: Settings) -> None:
    db = Database(settings.database_path)
    await db.connect()
    try:
        applied = await db.migrate()
        log.info("schema version %d (%d applied)", await db.schema_version(), len(applied))
    finally:
        await db.close()


async def import_hearings(settings: Settings, path: Path, text: str) -> int:
    """Import a CSV of hearings in one transaction; print every bad row and import none."""
    from bot.dispatcher import utc_now
    from bot.i18n import Locales
    from bot.repositories.hearings import HearingRepository
    from bot.services.hearing_import import read_hearings, store

    now = utc_now()
    explain = Locales("en").get("en")
    drafts, problems = read_hearings(text, settings.timezone, now, explain)
    if problems:
        for problem in problems:
            print(f"{path}:{problem.line}: {problem.reason}", file=sys.stderr)
        print(f"nothing imported: {len(problems)} bad row(s)", file=sys.stderr)
        return 1
    db = Database(settings.database_path)
    await db.connect()
    try:
        await db.migrate()
        async with db.unit_of_work() as uow:
            ids = await store(HearingRepository(uow), drafts, now)
    finally:
        await db.close()
    print(f"imported {len(ids)} hearing(s): ids {ids[0]}–{ids[-1]}")
    return 0


def describe(error: ValidationError) -> str:
    """One line naming each bad setting, never its value (the token is a secret)."""
    problems = []
    for item in error.errors():
        name = ".".join(str(part) for part in item["loc"]) or "settings"
        reason = "is required" if item["type"] == "missing" else item["msg"]
        problems.append(f"{name} {reason.removeprefix('Value error, ')}")
    return "configuration error: " + "; ".join(problems)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    parser.add_argument(
        "command", nargs="?", default="run", choices=["run", "migrate", "import-hearings"]
    )
    parser.add_argument("file", nargs="?", type=Path, help="CSV file for import-hearings")
    args = parser.parse_args(argv)
    if args.command == "import-hearings" and args.file is None:
        parser.error("import-hearings needs a CSV file")
    try:
        settings = Settings()  # values come from the environment
    except ValidationError as error:
        print(describe(error), file=sys.stderr)
        return 2
    configure_logging(settings.bot_token.get_secret_value())
    try:
        if args.command == "import-hearings":
            try:
                text = args.file.read_text("utf-8")
            except (OSError, UnicodeDecodeError) as error:
                print(f"cannot read {args.file}: {error}", file=sys.stderr)
                return 1
            return asyncio.run(import_hearings(settings, args.file, text))
        asyncio.run(migrate(settings) if args.command == "migrate" else run(settings))
    except DatabaseTooNewError as error:
        print(f"database error: {error}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
