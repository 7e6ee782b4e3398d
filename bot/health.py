"""`/healthz` and `/metrics` on a local port (HEALTH_LISTEN), in polling and webhook mode.

`/healthz` answers 200 when the bot can do its work and 503 when it cannot: the database
takes a write (a full disk or a read-only file fails here first), the scheduler runs
(reminders), and the broadcast and notice workers are alive. The age of the last update
is reported but does not fail the check: a quiet night is not an outage.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from aiohttp import web
from apscheduler.schedulers.base import STATE_STOPPED, BaseScheduler
from prometheus_client import CONTENT_TYPE_LATEST

from bot.config import ListenError
from bot.db import Database
from bot.metrics import Metrics, Snapshot
from bot.notifier import Pacer
from bot.repositories.operations import OperationsRepository

log = logging.getLogger(__name__)

PROBE_TIMEOUT = 5.0  # seconds the write probe may wait for the write lock


@dataclass(frozen=True, slots=True)
class Watched:
    """What the checks look at; `alive` callables are the workers' own answers."""

    db: Database
    scheduler: BaseScheduler
    broadcaster_alive: Callable[[], bool]
    notices_alive: Callable[[], bool]
    metrics: Metrics
    pacer: Pacer
    clock: Callable[[], datetime]


async def listen(runner: web.AppRunner, host: str, port: int, setting: str) -> None:
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as error:
        await runner.cleanup()
        raise ListenError(f"{setting} {host}:{port}: {error.strerror or error}") from None


class HealthServer:
    def __init__(self, watched: Watched) -> None:
        self._watched = watched
        app = web.Application()
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/metrics", self._metrics)
        self._runner = web.AppRunner(app, access_log=None)
        self.url: str | None = None

    async def start(self, host: str, port: int) -> str:
        await self._runner.setup()
        await listen(self._runner, host, port, "HEALTH_LISTEN")
        bound_host, bound_port = self._runner.addresses[0][:2]
        self.url = f"http://{bound_host}:{bound_port}"
        log.info("health and metrics on %s/healthz and %s/metrics", self.url, self.url)
        return self.url

    async def stop(self) -> None:
        await self._runner.cleanup()

    async def _healthz(self, request: web.Request) -> web.Response:
        watched = self._watched
        checks = {
            "database": await self._database_writable(),
            "scheduler": "ok" if watched.scheduler.state != STATE_STOPPED else "stopped",
            "broadcast_worker": "ok" if watched.broadcaster_alive() else "dead",
            "notice_worker": "ok" if watched.notices_alive() else "dead",
        }
        healthy = all(value == "ok" for value in checks.values())
        last = watched.metrics.last_update
        body = {
            "status": "ok" if healthy else "failing",
            "checks": checks,
            "last_update_seconds_ago": (
                round((watched.clock() - last).total_seconds(), 1) if last else None
            ),
        }
        if not healthy:
            log.warning("health check failing: %s", checks)
        return web.json_response(body, status=200 if healthy else 503)

    async def _database_writable(self) -> str:
        db = self._watched.db
        try:
            with db.detached():
                async with asyncio.timeout(PROBE_TIMEOUT), db.unit_of_work() as uow:
                    await OperationsRepository(uow).probe_write()
        except TimeoutError:
            return "busy"
        except (sqlite3.Error, ValueError, RuntimeError) as error:
            # sqlite3: read-only, disk full, I/O error; aiosqlite: a closed connection.
            return f"failing: {type(error).__name__}: {error}"
        return "ok"

    async def _metrics(self, request: web.Request) -> web.Response:
        watched = self._watched
        db = watched.db
        with db.detached():
            async with db.unit_of_work() as uow:
                backlog = await OperationsRepository(uow).backlog()
        snapshot = Snapshot(backlog, watched.pacer.pauses, watched.pacer.too_many_requests)
        body = watched.metrics.render(snapshot)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})
