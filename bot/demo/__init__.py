"""Try the bot without Telegram: `python -m bot demo` (the stand-in plays Telegram, a page
on 127.0.0.1 plays the app) and `python -m bot demo-data` (seed DATABASE_PATH)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import tempfile
from collections.abc import Callable
from pathlib import Path

from bot.db import Database
from bot.loop import run as run_on_loop

Say = Callable[[str], None]


async def run_demo(port: int, say: Say, *, stop: asyncio.Event | None = None) -> None:
    """Run until Ctrl-C, SIGTERM or `stop`; the scratch database goes with it."""
    from bot.demo.server import Demo

    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not the main thread
            loop.add_signal_handler(signum, stop.set)
    with tempfile.TemporaryDirectory(prefix="hearing-demo-") as folder:
        demo = Demo(Path(folder))
        try:
            url = await demo.start(port)
            say(
                f"Demo mode (no BOT_TOKEN): open {url} to try the bot; Telegram is played by a"
                " local stand-in, the data is made up, Ctrl-C stops it."
            )
            await stop.wait()
        finally:
            await demo.stop()
            for signum in (signal.SIGINT, signal.SIGTERM):
                with contextlib.suppress(NotImplementedError, RuntimeError):
                    loop.remove_signal_handler(signum)


async def seed_database(path: Path, say: Say) -> int:
    """Seed DATABASE_PATH once; a database that already has the demo data is left alone."""
    from bot.clock import SYSTEM_CLOCK
    from bot.demo.seed import STAFF, demo_volunteers, seed
    from bot.demo.server import demo_settings
    from bot.repositories.users import UserRepository

    settings = demo_settings(DATABASE_PATH=str(path))
    db = Database(settings.database_path)
    await db.connect()
    try:
        await db.migrate()
        async with db.unit_of_work() as uow:
            seeded = await UserRepository(uow).get(demo_volunteers()[0].user_id)
        if seeded is not None:
            say(f"{path} already has the demo data; nothing added")
            return 1
        people = await seed(db, SYSTEM_CLOCK.now(), settings, staff=STAFF)
    finally:
        await db.close()
    say(f"seeded {path}: {len(people)} people, 6 hearings, sign-ups, reports and a broadcast")
    return 0


def main(command: str, port: int, say: Say) -> int:
    # The demo's console is for its one line; the bot's own INFO lines would bury it.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from bot.demo.server import demo_settings

    settings = demo_settings()  # EVENT_LOOP and the database path, as the bot reads them
    if command == "demo":
        run_on_loop(run_demo(port, say), settings.event_loop)
        return 0
    return run_on_loop(seed_database(settings.database_path, say), settings.event_loop)
