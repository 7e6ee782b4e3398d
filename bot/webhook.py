"""Webhook mode: Telegram POSTs each update to WEBHOOK_URL, which the reverse proxy
forwards to WEBHOOK_LISTEN.

The secret (WEBHOOK_SECRET, given to Telegram in setWebhook) must come back in every
request's `X-Telegram-Bot-Api-Secret-Token` header; anything else gets 401 and is not
read. The update is handled in the background and answered 200 at once, as in polling
an update never waits for another person's; a redelivered update is skipped by the
unit of work's record of processed ids.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging

from aiogram import Bot, Dispatcher
from aiogram.types import Update
from aiohttp import web
from pydantic import ValidationError

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebhookEndpoint:
    def __init__(self, dp: Dispatcher, bot: Bot, secret: str) -> None:
        self._dp = dp
        self._bot = bot
        self._secret = secret.encode()
        self._tasks: set[asyncio.Task[object]] = set()
        self.refused = 0

    async def handle(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "replace")
        # Bytes, not str: compare_digest on str refuses non-ASCII (a 500, not a 401).
        if not hmac.compare_digest(given, self._secret):
            self.refused += 1
            log.warning("webhook request refused: wrong or missing secret")
            return web.Response(status=401, text="Unauthorized")
        try:
            update = Update.model_validate(
                json.loads(await request.read()), context={"bot": self._bot}
            )
        except (ValueError, ValidationError):
            log.warning("webhook request refused: not an update")
            return web.Response(status=400, text="Bad Request")
        task = asyncio.create_task(self._feed(update), name=f"update-{update.update_id}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return web.json_response({})

    async def _feed(self, update: Update) -> object:
        # Errors are handled (and logged) by the dispatcher's error handlers; what
        # escapes them is logged here, not lost in a task nobody awaits.
        try:
            return await self._dp.feed_update(self._bot, update)
        except Exception:
            log.exception("update id=%d escaped the error handlers", update.update_id)
            return None

    async def drain(self) -> None:
        """Wait for the updates taken before the server stopped."""
        await asyncio.gather(*self._tasks, return_exceptions=True)
