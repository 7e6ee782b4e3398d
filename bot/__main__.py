"""Entry point (`python -m bot`, or the `hearing-bot` command an install provides):
`run` (the default) runs the bot, by long polling or, with WEBHOOK_URL, by webhook;
`migrate` only migrates; `import-hearings FILE.csv` imports hearings;
`export DATASET --format xlsx|csv --out FILE` exports data; `backup DEST` copies the
database while the bot runs; `demo` tries the bot without Telegram; `demo-data` seeds
DATABASE_PATH with made-up data (see README)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path
from typing import get_args

from pydantic import ValidationError

from bot.backups import BackupError
from bot.config import Language, ListenError, Settings
from bot.db import Database, DatabaseTooNewError, DatabaseUnavailableError, MigrationsMissingError
from bot.logs import configure_logging
from bot.loop import loop_name
from bot.loop import run as run_on_loop

log = logging.getLogger("bot")


async def run(settings: Settings) -> None:
    # Imported here: aiogram's types take seconds to import, and a bad setting or the
    # `migrate` command should answer at once.
    # The database first: a bad DATABASE_PATH or a too-new schema is reported at once,
    # before the slow import below.
    await migrate(settings)
    log.info("event loop: %s", loop_name())
    from bot.app import App

    app = await App.open(settings)
    try:
        await app.run()
    finally:
        await app.close()
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
    from bot.clock import SYSTEM_CLOCK
    from bot.i18n import Locales
    from bot.repositories.hearings import HearingRepository
    from bot.services.hearing_import import read_hearings, store

    now = SYSTEM_CLOCK.now()
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


async def export(settings: Settings, args: argparse.Namespace) -> int:
    """Write one dataset to --out (the same files /export sends) and audit it."""
    import shutil
    import tempfile
    from datetime import datetime, time, timedelta

    from bot.clock import SYSTEM_CLOCK
    from bot.i18n import Locales
    from bot.repositories.exports import Period
    from bot.services import exports
    from bot.services.report_form import load_form

    def moment(text: str | None, days: int) -> datetime | None:
        if text is None:
            return None
        day = datetime.strptime(text, "%Y-%m-%d").date() + timedelta(days=days)
        return datetime.combine(day, time(0), settings.timezone)

    try:
        period = Period(args.hearing, moment(args.since, 0), moment(args.until, 1))
    except ValueError:
        print("--from and --to take dates like 2026-12-31", file=sys.stderr)
        return 2
    request = exports.Request(args.target, args.format, period, shell=True)
    tr = Locales(settings.default_language).get(args.language or settings.default_language)
    db = Database(settings.database_path)
    await db.connect()
    try:
        await db.migrate()
        with tempfile.TemporaryDirectory(prefix="export-") as folder:
            result = await exports.export(
                db, request, tr=tr, form=load_form(), tz=settings.timezone,
                admin_ids=settings.admin_ids, folder=Path(folder), now=SYSTEM_CLOCK.now(),
                for_upload=False,
            )  # fmt: skip
            out: Path = args.out
            written = [out] + [
                out.with_name(f"{out.stem}-{path.stem.split('-')[1]}{out.suffix}")
                for path in result.files[1:]
            ]
            for source, target in zip(result.files, written, strict=True):
                shutil.move(source, target)
    finally:
        await db.close()
    names = ", ".join(str(path) for path in written)
    print(f"exported {result.rows} row(s) of {args.target}: {names}")
    return 0


async def backup(settings: Settings, target: str) -> int:
    """One consistent copy of the database, taken while the bot may be writing. A target
    ending in "/" is a folder (created if missing): a dated file goes in it."""
    from bot.backups import backup_database
    from bot.clock import SYSTEM_CLOCK

    result = await asyncio.to_thread(
        backup_database, settings.database_path, Path(target), SYSTEM_CLOCK.now(),
        folder=target.endswith("/"),
    )  # fmt: skip
    print(f"backup written: {result.path} ({result.size:,} bytes, {result.seconds:.1f} s)")
    return 0


def describe(error: ValidationError) -> str:
    """One line naming each bad setting, never its value (the token is a secret)."""
    problems = []
    for item in error.errors():
        name = ".".join(str(part) for part in item["loc"])
        reason = "is required" if item["type"] == "missing" else item["msg"]
        if name == "BOT_TOKEN" and item["type"] == "missing":
            reason += " (to try the bot without Telegram: make run, or python -m bot demo)"
        problems.append(f"{name} {reason.removeprefix('Value error, ')}".strip())
    return "configuration error: " + "; ".join(problems)


def main(argv: list[str] | None = None) -> int:
    invoked = Path(sys.argv[0]).name
    prog = invoked if invoked == "hearing-bot" else "python -m bot"
    parser = argparse.ArgumentParser(
        prog=prog, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "command",
        nargs="?",
        default="run",
        choices=["run", "migrate", "import-hearings", "export", "backup", "demo", "demo-data"],
    )
    parser.add_argument(
        "target",
        nargs="?",
        help="CSV file for import-hearings; DATASET for export; a file or folder for backup",
    )
    exporting = parser.add_argument_group("export")
    exporting.add_argument(
        "--format", choices=["xlsx", "csv"], default="xlsx", help="file format (xlsx)"
    )
    exporting.add_argument("--out", type=Path, help="the file to write")
    exporting.add_argument("--hearing", type=int, help="only this hearing (signups, reports)")
    exporting.add_argument("--from", dest="since", help="from this day, YYYY-MM-DD, in TIMEZONE")
    exporting.add_argument("--to", dest="until", help="up to this day, YYYY-MM-DD, included")
    exporting.add_argument("--language", choices=get_args(Language), help="of the headers")
    parser.add_argument_group("demo").add_argument(
        "--port", type=int, default=8080, help="the demo page's port on 127.0.0.1 (8080)"
    )
    args = parser.parse_args(argv)
    if args.command in ("demo", "demo-data"):
        from bot.demo import main as demo

        try:
            return demo(args.command, args.port, lambda line: print(line, flush=True))
        except ValidationError as error:
            print(describe(error), file=sys.stderr)
            return 2
    if args.command == "import-hearings" and args.target is None:
        parser.error("import-hearings needs a CSV file")
    if args.command == "backup" and args.target is None:
        parser.error("backup needs DEST: a new file, or a folder for a dated file")
    if args.command == "export":
        datasets = ("volunteers", "signups", "reports", "broadcasts", "audit")
        if args.target not in datasets:
            parser.error(f"export needs a DATASET: {', '.join(datasets)}")
        if args.out is None:
            parser.error("export needs --out FILE")
    try:
        settings = Settings()  # values come from the environment
    except ValidationError as error:
        print(describe(error), file=sys.stderr)
        return 2
    configure_logging(
        settings.bot_token.get_secret_value(), settings.log_level, settings.log_format
    )
    try:
        if args.command == "import-hearings":
            file = Path(args.target)
            try:
                text = file.read_text("utf-8")
            except (OSError, UnicodeDecodeError) as error:
                print(f"cannot read {file}: {error}", file=sys.stderr)
                return 1
            return run_on_loop(import_hearings(settings, file, text), settings.event_loop)
        if args.command == "export":
            return run_on_loop(export(settings, args), settings.event_loop)
        if args.command == "backup":
            return run_on_loop(backup(settings, args.target), settings.event_loop)
        command = migrate(settings) if args.command == "migrate" else run(settings)
        run_on_loop(command, settings.event_loop)
    except DatabaseTooNewError as error:
        print(f"database error: {error}", file=sys.stderr)
        return 3
    except (DatabaseUnavailableError, ListenError) as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    except MigrationsMissingError as error:
        print(
            f"installation error: {error} (the package was built without its data)", file=sys.stderr
        )
        return 3
    except BackupError as error:
        print(f"backup error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
