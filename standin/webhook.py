"""Webhook delivery, as Telegram does it: after `setWebhook`, updates are POSTed to the
bot's URL (with the secret in `X-Telegram-Bot-Api-Secret-Token`) instead of waiting for
`getUpdates`, which then answers 409. An update is dropped from the queue only when the
bot answers 2xx; otherwise it is retried, in order, and the failure shows in
`getWebhookInfo`.

The registered URL is public (https, behind the bot's reverse proxy); the stand-in cannot
reach it, so `route_webhooks(to)` plays the proxy: the URL's path is sent to `to`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import aiohttp

Take = Callable[[], dict[str, Any] | None]
Confirm = Callable[[dict[str, Any]], None]
Wait = Callable[[], Awaitable[None]]

RETRY_SECONDS = 0.2  # Telegram waits longer; the tests should not


@dataclass
class Webhook:
    url: str
    secret: str | None
    allowed_updates: frozenset[str] | None
    last_error: str | None = None
    last_error_date: int | None = None
    delivered: int = 0
    statuses: list[int] = field(default_factory=list)  # every answer the bot gave


class WebhookSender:
    """Drains the stand-in's update queue into the webhook while one is set."""

    def __init__(self) -> None:
        self.webhook: Webhook | None = None
        self.proxy_to: str | None = None
        self._task: asyncio.Task[None] | None = None

    def target(self, url: str) -> str:
        if self.proxy_to is None:
            return url
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return self.proxy_to.rstrip("/") + path

    async def stop(self) -> None:
        self.webhook = None  # the loop's condition: it ends even if a cancel is lost
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def start(self, take: Take, confirm: Confirm, wait: Wait) -> None:
        """`take()` gives the next update or None, `confirm(update)` drops it,
        `await wait()` returns when more may have arrived."""
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(take, confirm, wait), name="webhook")

    async def _run(self, take: Take, confirm: Confirm, wait: Wait) -> None:
        async with aiohttp.ClientSession() as session:
            await self._deliver(session, take, confirm, wait)

    async def _deliver(
        self, session: aiohttp.ClientSession, take: Take, confirm: Confirm, wait: Wait
    ) -> None:
        while self.webhook is not None:
            update = take()
            if update is None:
                await wait()
                continue
            webhook = self.webhook
            headers = {"Content-Type": "application/json"}
            if webhook.secret:
                headers["X-Telegram-Bot-Api-Secret-Token"] = webhook.secret
            try:
                async with session.post(
                    self.target(webhook.url), data=json.dumps(update), headers=headers
                ) as response:
                    await response.read()
                    webhook.statuses.append(response.status)
                    if 200 <= response.status < 300:
                        webhook.delivered += 1
                        confirm(update)
                        continue
                    webhook.last_error = f"Wrong response from the webhook: {response.status}"
            except (aiohttp.ClientError, OSError) as error:
                webhook.last_error = f"Connection failed: {type(error).__name__}"
            webhook.last_error_date = int(time.time())
            await asyncio.sleep(RETRY_SECONDS)
